package io.herald.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.herald.http.ProblemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSON text as RFC 8259 and I-JSON (RFC 7493) define it, within fixed bounds, so that nothing after it
 * (the CloudEvents SDK, routing, conditions) meets input the specifications refuse or that costs unbounded work.
 *
 * <p>Refused, each naming the byte offset and, inside the value, the JSON Pointer: a byte order mark (RFC 8259
 * forbids senders to add one), bytes that are not well-formed UTF-8 (overlong forms and encoded surrogates
 * included), anything after the one JSON value, duplicate member names at any depth, escapes that leave a
 * surrogate unpaired, numbers beyond the range of an IEEE 754 double (I-JSON), and texts over the limits below.
 */
final class StrictJson {

    /** Events are flat envelopes around business data; real data never nests this deep. */
    static final int MAX_DEPTH = 32;
    /** Enough for any double written in full (17 significant digits, sign, point, exponent) many times over. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** One string value, in characters: a quarter of the default event size limit. */
    static final int MAX_STRING_LENGTH = 65_536;
    /** One member name, in characters. */
    static final int MAX_NAME_LENGTH = 256;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()).build();

    private StrictJson() {
    }

    /**
     * @param what how the problem names the text, e.g. "the event" or "the batch"
     * @return the JSON value; numbers with a fraction or exponent are doubles
     * @throws ProblemException 400 naming the position of the first violation
     */
    static JsonNode read(byte[] body, String what) {
        String text = decodeUtf8(body, what);
        try (JsonParser parser = new CheckingParser(MAPPER.createParser(text), text, what)) {
            try {
                if (parser.nextToken() == null) {
                    throw invalid(what + " is empty; a JSON value was expected");
                }
                JsonNode value = MAPPER.readTree(parser);
                if (parser.nextToken() != null) {
                    throw refused(what, text, parser.currentTokenLocation(), null,
                            "data after the end of the JSON value");
                }
                return value;
            } catch (StreamConstraintsException e) {
                throw refused(what, text, e.getLocation(), pointer(parser), exceeded(e));
            } catch (JsonProcessingException e) {
                throw refused(what, text, e.getLocation(), pointer(parser), e.getOriginalMessage());
            }
        } catch (IOException e) {
            throw refused(what, text, null, null, e.getMessage());
        }
    }

    private static String decodeUtf8(byte[] body, String what) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            throw invalid(what + " starts with a byte order mark (byte 0); JSON is sent as UTF-8 without one");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw invalid(what + " is not UTF-8: invalid byte sequence at byte " + in.position());
        }
        return out.flip().toString();
    }

    /**
     * Checks each token as the tree is built from it, so that the text is read once: what the tokenizer lets
     * through and I-JSON does not (unpaired surrogates, numbers out of a double's range) is refused here.
     */
    private static final class CheckingParser extends JsonParserDelegate {

        private final String text;
        private final String what;

        CheckingParser(JsonParser parser, String text, String what) {
            super(parser);
            this.text = text;
            this.what = what;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.FIELD_NAME) {
                checkCharacters(delegate.currentName(), "member name");
            } else if (token == JsonToken.VALUE_STRING) {
                checkCharacters(delegate.getText(), "string");
            } else if (token != null && token.isNumeric() && !withinDoubleRange(delegate.getText())) {
                throw refused(what, text, delegate.currentTokenLocation(), pointer(delegate),
                        "number beyond the range of an IEEE 754 double (I-JSON)");
            }
            return token;
        }

        /** The delegate's would move its own parser past the checks; this one moves through {@link #nextToken}. */
        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        private void checkCharacters(String value, String kind) {
            int unpaired = unpairedSurrogate(value);
            if (unpaired >= 0) {
                throw refused(what, text, delegate.currentTokenLocation(), pointer(delegate), kind
                        + " with an unpaired surrogate \\u"
                        + Integer.toHexString(value.charAt(unpaired)).toUpperCase()
                        + " (I-JSON allows only Unicode characters)");
            }
        }
    }

    /** The index of the first surrogate that is not half of a pair, or -1. */
    static int unpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Double parsing stops at the exponent as soon as the result is known to overflow or underflow, so this takes
     * no time whatever the exponent; decimal arithmetic on such a number could take minutes.
     */
    static boolean withinDoubleRange(String number) {
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Double.isInfinite(value)) {
            return false;
        }
        return value != 0.0 || !hasNonZeroDigit(number);
    }

    private static boolean hasNonZeroDigit(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String exceeded(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message.contains("Number value length")) {
            return "number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (message.contains("String value length")) {
            return "string longer than " + MAX_STRING_LENGTH + " characters";
        }
        if (message.contains("Name length")) {
            return "member name longer than " + MAX_NAME_LENGTH + " characters";
        }
        return "over a reading limit";
    }

    private static String pointer(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? null : pointer;
    }

    private static ProblemException refused(String what, String text, JsonLocation location, String pointer,
            String reason) {
        StringBuilder detail = new StringBuilder(what).append(" is not valid JSON");
        if (location != null && location.getCharOffset() >= 0) {
            detail.append(" at byte ").append(utf8Length(text, (int) Math.min(location.getCharOffset(),
                    text.length())));
        }
        if (pointer != null) {
            detail.append(" (").append(pointer).append(')');
        }
        detail.append(": ").append(firstLine(reason));
        return invalid(detail.toString());
    }

    private static int utf8Length(String text, int chars) {
        int bytes = 0;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** Parser messages can quote the input; keep the problem short and free of payload. */
    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Invalid CloudEvent", detail);
    }
}
