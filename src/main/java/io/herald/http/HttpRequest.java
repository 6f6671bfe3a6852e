package io.herald.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as a function sees it, whatever carried it (the local HTTP server or an API Gateway event).
 *
 * @param headers header values by lower-case name
 * @param query query parameters (first value of each)
 * @param body the raw body, exactly as received (signatures are computed over it)
 * @param pathParameters values of the route's {@code {name}} segments
 * @param caller who an operator route was admitted for (an API key's name, the IAM principal API Gateway
 *        authorised), for the audit trail; null on routes that check their own credentials and in local mode
 */
public record HttpRequest(String method, String path, Map<String, List<String>> headers, Map<String, String> query,
        byte[] body, Map<String, String> pathParameters, String caller) {

    public HttpRequest(String method, String path, Map<String, List<String>> headers, Map<String, String> query,
            byte[] body, Map<String, String> pathParameters) {
        this(method, path, headers, query, body, pathParameters, null);
    }

    public HttpRequest(String method, String path, Map<String, List<String>> headers, Map<String, String> query,
            byte[] body) {
        this(method, path, headers, query, body, Map.of());
    }

    /** The first value of a header, or null. Names are case-insensitive. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The media type of the body without parameters, lower case, or "" when absent. */
    public String mediaType() {
        String contentType = header("content-type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
