package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class FailuresTest {

    private static final String PERSONAL = "anna.muster@example.com";

    @Test
    void validationMessagesAreLeftOutBecauseTheyMayQuoteAValue() {
        StoreException failure = Failures.of("insertEvent", service("ValidationException", 400,
                "One or more parameter values were invalid: " + PERSONAL));

        assertThat(failure.getMessage()).isEqualTo("insertEvent failed: ValidationException (HTTP 400)");
        assertThat(failure.getCause()).isNull();
        assertThat(stackTrace(failure)).doesNotContain(PERSONAL);
    }

    @Test
    void serviceMessagesOfValueFreeCodesArePassedOn() {
        StoreException failure = Failures.of("findEvent", service("ResourceNotFoundException", 400,
                "Requested resource not found"));

        assertThat(failure.getMessage())
                .isEqualTo("findEvent failed: ResourceNotFoundException (HTTP 400): Requested resource not found");
    }

    @Test
    void connectionFailuresSayWhy() {
        SdkClientException refused = SdkClientException.builder().message("Unable to execute HTTP request: refused")
                .cause(new IOException("Connection refused")).build();

        assertThat(Failures.of("findEvent", refused).getMessage())
                .isEqualTo("findEvent failed: Unable to execute HTTP request: refused");
    }

    @Test
    void otherClientFailuresNameOnlyTheirKind() {
        SdkClientException marshalling = SdkClientException.builder().message("cannot marshall " + PERSONAL).build();

        assertThat(Failures.of("insertEvent", marshalling).getMessage())
                .isEqualTo("insertEvent failed: SdkClientException");
    }

    private static AwsServiceException service(String code, int status, String message) {
        return DynamoDbException.builder()
                .statusCode(status)
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter everything = new StringWriter();
        failure.printStackTrace(new PrintWriter(everything));
        return everything.toString();
    }
}
