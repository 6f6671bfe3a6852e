package io.herald.config.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.writeback.SignedWriteBack;
import io.herald.writeback.WriteBackConfig;
import io.herald.writeback.WriteBackSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Herald, started with its write-back secret named as an SSM parameter, reads the secret from SSM and uses it. */
@QuarkusTest
@TestProfile(SsmSecretsAtStartupTest.WithSecretsInSsm.class)
class SsmSecretsAtStartupTest {

    /** The write-back secret lives in an SSM stub; only its parameter's name is configured. */
    public static class WithSecretsInSsm implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SsmStubResource.class));
        }
    }

    @Inject
    WriteBackConfig writeBack;

    @Inject
    WriteBackSigner signer;

    @ConfigProperty(name = "herald.simulators.xconnector.writeback-secret")
    String simulatorSecret;

    @Test
    void theWriteBackSecretComesFromItsSsmParameterAtStartup() {
        assertThat(writeBack.secret().orElseThrow().get()).isEqualTo(SsmStubResource.VALUE);
        // ${herald.writeback.secret} in application.properties sees it too
        assertThat(simulatorSecret).isEqualTo(SsmStubResource.VALUE);
        assertThat(writeBack.previousSecret()).isEmpty();

        assertThat(SsmStubResource.ssm.requests()).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("AmazonSSM.GetParameters");
            assertThat(request.body())
                    .isEqualTo("{\"Names\":[\"" + SsmStubResource.PARAMETER + "\"],\"WithDecryption\":true}");
        });
    }

    @Test
    void writeBacksAreSignedWithTheSecretReadFromSsm() throws Exception {
        SignedWriteBack signed = signer.sign(TestWriteBacks.approval());

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SsmStubResource.VALUE.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((signed.timestamp() + ".").getBytes(StandardCharsets.US_ASCII));
        assertThat(signed.signature()).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.body())));
    }
}
