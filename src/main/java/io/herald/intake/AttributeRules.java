package io.herald.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.http.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CloudEvents 1.0 core rules for context attributes, which the SDK checks only in part: exactly version
 * {@code 1.0}; {@code id}, {@code source} and {@code type} present and non-empty; {@code source} a URI-reference;
 * {@code subject} non-empty; {@code time} RFC 3339; {@code dataschema} an absolute URI; {@code datacontenttype}
 * an RFC 2046 media type; extension names of 1 to 20 lower-case letters and digits; and no string value with
 * control characters, noncharacters or unpaired surrogates, which the type system forbids.
 */
final class AttributeRules {

    static final Set<String> CORE = Set.of("specversion", "id", "source", "type", "datacontenttype", "dataschema",
            "subject", "time");
    private static final Set<String> REQUIRED = Set.of("specversion", "id", "source", "type");

    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN
            + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\"))*\\s*");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private AttributeRules() {
    }

    /**
     * Checks a structured event against the JSON format's type mapping, then the attribute rules. Members whose
     * value is null are unset, as the JSON format says, and are removed.
     */
    static void checkStructured(ObjectNode event) {
        List<String> unset = new ArrayList<>();
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        event.properties().forEach(member -> {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                unset.add(name);
            } else if (name.equals("data")) {
                return;
            } else if (name.equals("data_base64")) {
                if (!value.isTextual()) {
                    throw invalid("'data_base64' must be a JSON string (Base64)");
                }
            } else if (CORE.contains(name)) {
                if (!value.isTextual()) {
                    throw invalid("attribute '" + name + "' must be a JSON string");
                }
                attributes.put(name, value.textValue());
            } else {
                checkExtensionName(name);
                attributes.put(name, extensionValue(name, value));
            }
        });
        event.remove(unset);
        if (event.has("data") && event.has("data_base64")) {
            throw invalid("an event has 'data' or 'data_base64', not both");
        }
        check(attributes);
    }

    /** Checks the attributes of a binary-mode event, read from its headers (so every value is a string). */
    static void checkBinary(Map<String, String> attributes) {
        attributes.keySet().stream().filter(name -> !CORE.contains(name)).forEach(AttributeRules::checkExtensionName);
        check(attributes);
    }

    private static void check(Map<String, String> attributes) {
        for (String name : REQUIRED) {
            String value = attributes.get(name);
            if (value == null) {
                throw invalid("missing required attribute '" + name + "'");
            }
            if (value.isEmpty()) {
                throw invalid("attribute '" + name + "' must not be empty");
            }
        }
        attributes.forEach(AttributeRules::checkCharacters);
        if (!attributes.get("specversion").equals("1.0")) {
            throw invalid("attribute 'specversion' must be \"1.0\"; only CloudEvents 1.0 is accepted");
        }
        uri("source", attributes.get("source"));
        String subject = attributes.get("subject");
        if (subject != null && subject.isEmpty()) {
            throw invalid("attribute 'subject' must not be empty when present");
        }
        String time = attributes.get("time");
        if (time != null && !isRfc3339(time)) {
            throw invalid("attribute 'time' must be an RFC 3339 date-time, e.g. 2026-06-08T10:00:00Z");
        }
        String schema = attributes.get("dataschema");
        if (schema != null && !uri("dataschema", schema).isAbsolute()) {
            throw invalid("attribute 'dataschema' must be an absolute URI");
        }
        String contentType = attributes.get("datacontenttype");
        if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
            throw invalid("attribute 'datacontenttype' must be an RFC 2046 media type, e.g. application/json");
        }
    }

    private static void checkExtensionName(String name) {
        if (!EXTENSION_NAME.matcher(name).matches()) {
            throw invalid("extension attribute '" + printable(name)
                    + "': names are 1 to 20 lower-case letters (a-z) or digits");
        }
    }

    /** The JSON format maps String, Integer and Boolean to JSON; other types are written as strings. */
    private static String extensionValue(String name, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asText();
        }
        throw invalid("extension attribute '" + name
                + "' must be a JSON string, boolean or integer (32-bit); got " + describe(value));
    }

    private static String describe(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "an integer beyond 32 bits";
        }
        return value.isNumber() ? "a number with a fraction or exponent" : "a JSON " + value.getNodeType()
                .name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void checkCharacters(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) {
                throw invalid("attribute '" + name + "' has a control character (U+" + hex(c) + ") at index " + i);
            }
            int codePoint = value.codePointAt(i);
            if (Character.isSurrogate(c) && Character.charCount(codePoint) == 1) {
                throw invalid("attribute '" + name + "' has an unpaired surrogate at index " + i);
            }
            if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) == 0xfffe) {
                throw invalid("attribute '" + name + "' has a Unicode noncharacter (U+" + hex(codePoint)
                        + ") at index " + i);
            }
            if (Character.charCount(codePoint) == 2) {
                i++;
            }
        }
    }

    private static URI uri(String name, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("attribute '" + name + "' must be a URI reference (RFC 3986); invalid at index "
                    + e.getIndex());
        }
    }

    static boolean isRfc3339(String time) {
        if (!RFC3339.matcher(time).matches()) {
            return false;
        }
        String iso = time.substring(0, 10) + 'T' + time.substring(11);
        if (iso.endsWith("z")) {
            iso = iso.substring(0, iso.length() - 1) + 'Z';
        }
        try {
            OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String hex(int codePoint) {
        return String.format("%04X", codePoint);
    }

    /** Names are echoed in problems; control characters in them would garble the answer. */
    private static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return shown.codePoints().map(c -> Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Invalid CloudEvent", detail);
    }
}
