package io.herald.signing;

import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes a request's signature covers: {@code <timestamp>.<body>} when the body alone defines the event(s)
 * (structured and batch mode, status pushes), {@code <timestamp>.<canonical headers>.<body>} in binary mode.
 *
 * <p>A binary request carries its attributes in {@code ce-} headers and its data's type in {@code Content-Type};
 * signing only the body would let anyone who captured one request post it again as new events with other ids,
 * types or sources. The canonical headers are {@code content-type:<value>\n} followed by
 * {@code <name>:<value>\n} for every {@code ce-} header sorted by lower-case name, values trimmed of spaces and
 * tabs. The body is kept apart so that it is hashed where it lies, never copied.
 */
public final class SignatureBase {

    static final String ATTRIBUTE_PREFIX = "ce-";

    private final byte[] head;
    private final byte[] body;
    private final boolean binary;

    private SignatureBase(byte[] head, byte[] body, boolean binary) {
        this.head = head;
        this.body = body;
        this.binary = binary;
    }

    /** Structured and batch mode, and requests that are not events. */
    public static SignatureBase ofBody(String timestamp, byte[] body) {
        return new SignatureBase((timestamp + ".").getBytes(StandardCharsets.UTF_8), body, false);
    }

    /**
     * Binary mode, as a sender builds it.
     *
     * @param attributes the {@code ce-} headers by name (any case), with the values to be sent
     */
    public static SignatureBase ofBinary(String timestamp, String contentType, Map<String, String> attributes,
            byte[] body) {
        TreeMap<String, String> sorted = new TreeMap<>();
        attributes.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(ATTRIBUTE_PREFIX)) {
                throw new IllegalArgumentException("not a ce- header: " + name);
            }
            if (sorted.put(lower, value) != null) {
                throw new IllegalArgumentException("header named twice: " + lower);
            }
        });
        StringBuilder text = new StringBuilder(timestamp).append('.');
        line(text, "content-type", contentType == null ? "" : contentType);
        sorted.forEach((name, value) -> line(text, name, value));
        text.append('.');
        return new SignatureBase(text.toString().getBytes(StandardCharsets.UTF_8), body, true);
    }

    /**
     * What an intake request's signature covers, by its mode.
     *
     * @throws ProblemException 400 when the request is ambiguous: a structured or batch request with {@code ce-}
     *         headers, or a signed header sent twice or with a line break
     */
    /**
     * @param eventsInBody whether the request's media type carries its events in the body alone (structured and
     *        batch mode)
     */
    public static SignatureBase of(HttpRequest request, String timestamp, boolean eventsInBody) {
        TreeMap<String, String> attributes = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(ATTRIBUTE_PREFIX)) {
                attributes.put(name.toLowerCase(Locale.ROOT), single(name, values));
            }
        });
        String mediaType = request.mediaType();
        if (eventsInBody) {
            if (!attributes.isEmpty()) {
                throw ambiguous("a " + mediaType + " request carries its events in the body alone and must not "
                        + "have ce- headers; got " + String.join(", ", attributes.keySet()));
            }
            return ofBody(timestamp, request.body());
        }
        List<String> contentType = request.headers().get("content-type");
        return ofBinary(timestamp, contentType == null ? "" : single("content-type", contentType), attributes,
                request.body());
    }

    /** Whether the signature covers the {@code ce-} headers and {@code Content-Type} too. */
    public boolean binary() {
        return binary;
    }

    /** What comes before the body: the timestamp, the canonical headers in binary mode, and the dots. */
    public byte[] head() {
        return head.clone();
    }

    public byte[] body() {
        return body;
    }

    /** The whole signed text, for a sender that wants to see what it signs. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + body.length);
        out.writeBytes(head);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(':').append(trim(value)).append('\n');
    }

    /** Only spaces and tabs, the whitespace HTTP allows around a header value. */
    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** A repeated header or a line break would let two different requests share one canonical form. */
    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw ambiguous("the " + name + " header is sent " + values.size() + " times; send it once");
        }
        String value = values.get(0);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw ambiguous("the " + name + " header holds a line break");
        }
        return value;
    }

    private static ProblemException ambiguous(String detail) {
        return new ProblemException(400, "Ambiguous Request", detail);
    }
}
