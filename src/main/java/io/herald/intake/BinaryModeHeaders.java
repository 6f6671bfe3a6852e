package io.herald.intake;

import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ce-*} headers of a binary-mode request, decoded as the HTTP binding 1.0.2 says (section 3.1.3.2):
 * a double-quoted value is unquoted, then one round of percent-decoding yields UTF-8 bytes. A header that
 * appears twice, a {@code %} not followed by two hex digits, bytes that are not UTF-8, and characters a sender
 * must have percent-encoded are refused, each naming the header.
 *
 * @param attributes the context attributes by name, {@code datacontenttype} taken from {@code Content-Type}
 * @param headers the request's headers with the {@code ce-*} values decoded, for the SDK's reader
 */
record BinaryModeHeaders(Map<String, String> attributes, Map<String, List<String>> headers) {

    private static final String PREFIX = "ce-";

    static BinaryModeHeaders of(HttpRequest request) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((rawName, values) -> {
            String name = rawName.toLowerCase(Locale.ROOT);
            if (!name.startsWith(PREFIX)) {
                headers.put(name, values);
                return;
            }
            if (values.size() != 1 || headers.containsKey(name)) {
                throw invalid("header '" + name + "' appears more than once; each attribute has one value");
            }
            String value = decode(name, values.get(0));
            attributes.put(name.substring(PREFIX.length()), value);
            headers.put(name, List.of(value));
        });
        String contentType = request.header("content-type");
        if (contentType != null) {
            attributes.put("datacontenttype", contentType);
        }
        return new BinaryModeHeaders(attributes, headers);
    }

    static String decode(String header, String value) {
        String unquoted = unquote(header, value);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(unquoted.length());
        for (int i = 0; i < unquoted.length(); i++) {
            char c = unquoted.charAt(i);
            if (c == '%') {
                int high = i + 2 < unquoted.length() ? Character.digit(unquoted.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(unquoted.charAt(i + 2), 16);
                if (low < 0) {
                    throw invalid("header '" + header + "': '%' at index " + i
                            + " is not followed by two hex digits (percent-encoding)");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x20 || c > 0x7e) {
                throw invalid("header '" + header + "': character at index " + i
                        + " must be percent-encoded as UTF-8");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid("header '" + header + "': the percent-decoded value is not UTF-8");
        }
    }

    /** Senders of earlier binding versions could quote values (RFC 7230 quoted-string); still understood. */
    private static String unquote(String header, String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder unquoted = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (i + 1 >= value.length() - 1) {
                    throw invalid("header '" + header + "': quoted value ends with a lone backslash");
                }
                c = value.charAt(++i);
            } else if (c == '"') {
                throw invalid("header '" + header + "': unescaped quote inside a quoted value");
            }
            unquoted.append(c);
        }
        return unquoted.toString();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Invalid CloudEvent", detail);
    }
}
