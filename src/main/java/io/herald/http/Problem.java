package io.herald.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code detail} says what is wrong with the request in words a sender can act on;
 * it never echoes secrets.
 *
 * @param errors one entry per offending part (for example each bad event of a batch), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public Problem withErrors(List<String> newErrors) {
        return new Problem(type, title, status, detail, List.copyOf(newErrors));
    }
}
