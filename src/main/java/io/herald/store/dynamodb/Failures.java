package io.herald.store.dynamodb;

import io.herald.store.StoreException;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into {@link StoreException}s that name the operation and the reason but no stored value.
 *
 * <p>The SDK exception is never attached as the cause, and DynamoDB's own message is passed on only for error
 * codes whose messages describe the service or the table: a validation message may quote a value.
 */
final class Failures {

    private static final Set<String> VALUE_FREE_CODES = Set.of(
            "ResourceNotFoundException", "ProvisionedThroughputExceededException", "ThrottlingException",
            "RequestLimitExceeded", "InternalServerError", "ServiceUnavailable", "UnrecognizedClientException",
            "AccessDeniedException", "MissingAuthenticationTokenException", "ExpiredTokenException");

    private Failures() {
    }

    static StoreException of(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            return new StoreException(operation + " failed: " + describe(service));
        }
        // Client-side failures carry a value-free message only when the connection failed.
        String reason = isConnectionFailure(e) ? e.getMessage() : e.getClass().getSimpleName();
        return new StoreException(operation + " failed: " + reason);
    }

    private static String describe(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String description = (code == null ? e.getClass().getSimpleName() : code) + " (HTTP " + e.statusCode() + ")";
        if (code != null && VALUE_FREE_CODES.contains(code)) {
            description += ": " + details.errorMessage();
        }
        return description;
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
