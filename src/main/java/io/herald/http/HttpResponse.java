package io.herald.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a function answers over HTTP. */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    public static HttpResponse of(int status, String contentType, String body) {
        return new HttpResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
