package io.herald.config.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.clock.RestoreSafeRandom;
import io.herald.notifier.opentext.OpenTextTokens;
import io.herald.wiring.SnapStartRestore;
import io.herald.writeback.SignedWriteBack;
import io.herald.writeback.WriteBackSigner;
import io.herald.writeback.XConnectorClient;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A process restored from a SnapStart snapshot serves with the secrets its SSM parameters hold at the restore, not
 * those it read when the snapshot was taken, draws random numbers of its own, and connects afresh. The restore is
 * the one Lambda's runtime triggers ({@code afterRestore} of the registered CRaC resource), called directly.
 */
@QuarkusTest
@TestProfile(SecretsAfterSnapStartRestoreTest.WithSecretsInSsm.class)
class SecretsAfterSnapStartRestoreTest {

    private static final String ROTATED = "writeback-secret-rotated-after-the-snapshot";

    /** The write-back secret lives in an SSM stub of this test's own (the profile restarts Herald with it). */
    public static class WithSecretsInSsm implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SsmStubResource.class));
        }
    }

    @Inject
    WriteBackSigner signer;

    @Inject
    XConnectorClient xConnector;

    @Inject
    OpenTextTokens openTextTokens;

    @Inject
    SnapStartRestore restore;

    @Test
    void aSecretChangedBetweenSnapshotAndRestoreIsUsedAfterTheRestore() throws Exception {
        assertThat(signatureKeyOf(signer.sign(TestWriteBacks.approval()))).isEqualTo(SsmStubResource.VALUE);
        RandomGenerator snapshotted = RestoreSafeRandom.current();
        Object clientBefore = ClientProxy.unwrap(xConnector);
        Object tokensBefore = ClientProxy.unwrap(openTextTokens);
        int requestsBefore = SsmStubResource.ssm.requests().size();

        SsmStubResource.ssm.with(SsmStubResource.PARAMETER, ROTATED);
        restore.afterRestore(null);

        assertThat(signatureKeyOf(signer.sign(TestWriteBacks.approval()))).isEqualTo(ROTATED);
        assertThat(SsmStubResource.ssm.requests()).hasSize(requestsBefore + 1).last()
                .satisfies(request -> assertThat(request.target()).isEqualTo("AmazonSSM.GetParameters"));
        assertThat(RestoreSafeRandom.current()).as("random numbers reseeded").isNotSameAs(snapshotted);
        assertThat(ClientProxy.unwrap(xConnector)).as("a new HTTP client, connecting afresh")
                .isNotSameAs(clientBefore);
        assertThat(ClientProxy.unwrap(openTextTokens)).as("no access token of the snapshot kept")
                .isNotSameAs(tokensBefore);
    }

    /** Which of the candidate secrets signed the write-back. */
    private static String signatureKeyOf(SignedWriteBack signed) throws Exception {
        for (String secret : List.of(SsmStubResource.VALUE, ROTATED)) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((signed.timestamp() + ".").getBytes(StandardCharsets.US_ASCII));
            if (signed.signature().equals("sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.body())))) {
                return secret;
            }
        }
        return "neither";
    }
}
