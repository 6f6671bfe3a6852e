package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A call's answer, or its absence, as the adapter's failure handling expects it. */
class ProviderReplyTest {

    @Test
    void aConnectionClosedUnderTheCallIsNoAnswer() {
        HttpClosedException closed = new HttpClosedException("Connection was closed");

        ProcessingException noAnswer = catchThrowableOfType(ProcessingException.class,
                () -> ProviderReply.of(() -> {
                    throw closed;
                }));

        assertThat(noAnswer).hasCause(closed);
    }

    @Test
    void anAnswerIsReadWhole() {
        ProviderReply reply = ProviderReply.of(() -> Response.status(429).entity("slow down")
                .header("Retry-After", "7").build());

        assertThat(reply).isEqualTo(new ProviderReply(429, "Too Many Requests", "slow down", "7"));
    }
}
