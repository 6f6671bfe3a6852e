package io.herald.intake;

import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;

/**
 * The largest body a legitimate intake request can have: one event of {@code max-event-bytes}, or for a batch
 * {@code max-batch-events} such events with a comma each and the brackets. Checked before the signature, so that
 * a body no valid request could have is never hashed.
 */
final class BodyLimit {

    private BodyLimit() {
    }

    static void check(IntakeConfig config, HttpRequest request) {
        long length = request.body().length;
        boolean batch = CloudEventReader.BATCH.equals(request.mediaType());
        long limit = batch
                ? (long) config.maxBatchEvents() * (config.maxEventBytes() + 1L) + 1
                : config.maxEventBytes();
        if (length > limit) {
            throw new ProblemException(413, "Payload Too Large", batch
                    ? "the batch has " + length + " bytes, more than " + config.maxBatchEvents() + " events of at most "
                            + config.maxEventBytes() + " bytes can have"
                    : "the event has " + length + " bytes, more than the limit of " + config.maxEventBytes());
        }
    }
}
