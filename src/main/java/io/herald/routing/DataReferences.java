package io.herald.routing;

import io.herald.events.EventPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes event data reachable from CESQL. CESQL v1 identifiers are {@code [a-zA-Z0-9]+} and name context
 * attributes and extensions only, so each {@code data.x.y} reference outside string literals is replaced by a
 * synthetic identifier ({@code heralddata0}, {@code heralddata1}...) that {@link ConditionEventView} answers
 * from the data. The same scan notes the functions called and refuses characters CESQL has no use for, which
 * its lexer would otherwise only print to standard error and skip.
 */
final class DataReferences {

    /** Reserved: conditions may not use identifiers starting with it. */
    static final String PREFIX = "heralddata";

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "XOR", "NOT", "IN", "LIKE", "EXISTS", "TRUE",
            "FALSE");
    private static final String OPERATORS = "()+-*/%=!<>,";
    private static final Pattern SYNTHETIC = Pattern.compile("\\b" + PREFIX + "(\\d+)\\b");

    private DataReferences() {
    }

    /**
     * A condition ready for the CESQL parser.
     *
     * @param cesql the condition with data references replaced
     * @param fields the data field behind each synthetic identifier
     * @param functions the names of the functions the condition calls, as written
     */
    record Rewritten(String cesql, Map<String, EventPath.Data> fields, List<String> functions) {

        /** Puts the original data references back into a text about the rewritten condition. */
        String restore(String text) {
            Matcher matcher = SYNTHETIC.matcher(text);
            StringBuilder restored = new StringBuilder();
            while (matcher.find()) {
                EventPath.Data field = fields.get(matcher.group());
                matcher.appendReplacement(restored, Matcher.quoteReplacement(
                        field == null ? matcher.group() : field.path()));
            }
            return matcher.appendTail(restored).toString();
        }
    }

    /**
     * @throws IllegalArgumentException with the reason, if the condition cannot be a valid CESQL expression
     */
    static Rewritten rewrite(String condition) {
        StringBuilder out = new StringBuilder(condition.length());
        Map<String, String> nameByPath = new LinkedHashMap<>();
        Map<String, EventPath.Data> fields = new LinkedHashMap<>();
        List<String> functions = new ArrayList<>();
        int i = 0;
        while (i < condition.length()) {
            char c = condition.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfLiteral(condition, i);
                out.append(condition, i, end);
                i = end;
            } else if (isWordChar(c)) {
                int end = endOfWord(condition, i);
                String word = condition.substring(i, end);
                int pathEnd = word.equals("data") ? endOfPath(condition, end) : end;
                if (pathEnd > end) {
                    String path = condition.substring(i, pathEnd);
                    String name = nameByPath.computeIfAbsent(path, p -> PREFIX + nameByPath.size());
                    fields.put(name, (EventPath.Data) EventPath.parse(path));
                    out.append(name);
                    i = pathEnd;
                    continue;
                }
                if (word.equals("data")) {
                    throw new IllegalArgumentException("'data' at position " + (i + 1)
                            + " must name a field, e.g. data.amount");
                }
                if (word.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                    throw new IllegalArgumentException("identifiers starting with '" + PREFIX + "' are reserved");
                }
                if (isCall(condition, end) && !KEYWORDS.contains(word.toUpperCase(Locale.ROOT))) {
                    functions.add(word);
                }
                out.append(word);
                i = end;
            } else if (Character.isWhitespace(c) || OPERATORS.indexOf(c) >= 0) {
                out.append(c);
                i++;
            } else if (c == '.') {
                throw new IllegalArgumentException("unexpected '.' at position " + (i + 1)
                        + ": dots belong in data references such as data.order.region");
            } else {
                throw new IllegalArgumentException("unexpected character '" + c + "' at position " + (i + 1));
            }
        }
        return new Rewritten(out.toString(), Map.copyOf(fields), List.copyOf(functions));
    }

    /** CESQL string literals escape with a backslash or by doubling the quote. */
    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("string literal starting at position " + (start + 1)
                + " is not closed");
    }

    /** The end of {@code .step.step...} following {@code data}, or {@code from} if no step follows. */
    private static int endOfPath(String text, int from) {
        int end = from;
        while (end + 1 < text.length() && text.charAt(end) == '.' && isWordChar(text.charAt(end + 1))) {
            end = endOfWord(text, end + 1);
        }
        return end;
    }

    private static int endOfWord(String text, int from) {
        int end = from;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isCall(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
