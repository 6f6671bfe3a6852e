package io.herald.wiring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Parses and evaluates the HCL expressions of a Terraform configuration, as far as the wiring needs: enough to
 * compute the locals derived from functions.yaml and each resource instance's arguments, so that tests can
 * compare what Terraform would create with functions.yaml. What is only known after apply (resource
 * attributes, data sources) evaluates to an {@link Unknown} that carries the reference it stands for, e.g.
 * {@code aws_sqs_queue.queue["dispatch"].arn}. Anything outside the supported subset fails loudly rather than
 * being guessed at.
 *
 * <p>Values: {@code null}, {@link String}, {@link BigDecimal}, {@link Boolean}, {@link List} (tuple or list),
 * {@link Set}, {@link Map} (object or map, iterated in key order as Terraform does), {@link Unknown} and
 * {@link Sensitive}.
 */
final class Hcl {

    private Hcl() {
    }

    /** A value known only after apply; {@code text} is the expression it stands for. */
    record Unknown(String text) {

        @Override
        public String toString() {
            return "${" + text + "}";
        }
    }

    /** A value marked with {@code sensitive()}. */
    record Sensitive(Object value) {
    }

    static final class EvalException extends RuntimeException {

        EvalException(String message) {
            super(message);
        }
    }

    /** What names outside the expression (local, var, path, resources, data sources, files) resolve to. */
    interface Module {

        Object local(String name);

        Object variable(String name);

        String pathModule();

        boolean hasResource(String type, String name);

        boolean hasData(String type, String name);

        /** The instance keys of a resource ({@code TYPE.NAME}) or data source ({@code data.TYPE.NAME}) with
         * for_each, or null if it has none. */
        Set<String> instanceKeys(String address);

        String readFile(String path);
    }

    // ---- Expressions -------------------------------------------------------------------------------------

    sealed interface Expr permits Literal, Template, Var, GetAttr, Index, Call, TupleCons, ObjectCons, ForExpr,
            Unary, Binary, Conditional {
    }

    record Literal(Object value) implements Expr {
    }

    /** Literal text and interpolated expressions, in order. */
    record Template(List<Object> parts) implements Expr {
    }

    record Var(String name) implements Expr {
    }

    record GetAttr(Expr base, String name) implements Expr {
    }

    record Index(Expr base, Expr key) implements Expr {
    }

    record Call(String function, List<Expr> args, boolean expandLast) implements Expr {
    }

    record TupleCons(List<Expr> items) implements Expr {
    }

    record ObjectCons(List<Map.Entry<Expr, Expr>> items) implements Expr {
    }

    record ForExpr(String keyVar, String valueVar, Expr collection, Expr keyExpr, Expr valueExpr, Expr condition,
            boolean object, boolean group) implements Expr {
    }

    record Unary(String op, Expr operand) implements Expr {
    }

    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    record Conditional(Expr condition, Expr then, Expr otherwise) implements Expr {
    }

    /** A string as hcl2json gives it: template text whose escapes are already resolved. */
    static Expr parseJsonString(String text) {
        return new TemplateParser(text, false).parse();
    }

    static Expr parseExpression(String source) {
        Parser parser = new Parser(new Lexer(source).tokens());
        Expr expr = parser.expression();
        parser.expectEnd();
        return expr;
    }

    // ---- Lexer -------------------------------------------------------------------------------------------

    private enum Kind {
        IDENT, NUMBER, STRING, PUNCT, END
    }

    private record Token(Kind kind, String text) {
    }

    private static final List<String> PUNCTUATION = List.of("...", "=>", "==", "!=", "<=", ">=", "&&", "||", "(",
            ")", "[", "]", "{", "}", ",", ".", ":", "?", "=", "!", "<", ">", "+", "-", "*", "/", "%");

    private static final class Lexer {

        private final String src;
        private int pos;

        Lexer(String src) {
            this.src = src;
        }

        List<Token> tokens() {
            List<Token> tokens = new ArrayList<>();
            while (true) {
                pos = skipSpaceAndComments(src, pos);
                if (pos >= src.length()) {
                    tokens.add(new Token(Kind.END, ""));
                    return tokens;
                }
                char c = src.charAt(pos);
                if (c == '"') {
                    int end = endOfString(src, pos);
                    tokens.add(new Token(Kind.STRING, src.substring(pos + 1, end - 1)));
                    pos = end;
                } else if (Character.isDigit(c)) {
                    int start = pos;
                    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                            && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                        pos++;
                    }
                    tokens.add(new Token(Kind.NUMBER, src.substring(start, pos)));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = pos;
                    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos))
                            || src.charAt(pos) == '_' || src.charAt(pos) == '-')) {
                        pos++;
                    }
                    tokens.add(new Token(Kind.IDENT, src.substring(start, pos)));
                } else if (src.startsWith("<<", pos)) {
                    throw new EvalException("heredocs are not supported: " + src);
                } else {
                    String punct = PUNCTUATION.stream().filter(p -> src.startsWith(p, pos)).findFirst()
                            .orElseThrow(() -> new EvalException("unexpected '" + c + "' in: " + src));
                    tokens.add(new Token(Kind.PUNCT, punct));
                    pos += punct.length();
                }
            }
        }
    }

    private static int skipSpaceAndComments(String src, int pos) {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new EvalException("unterminated comment: " + src);
                }
                pos = end + 2;
            } else {
                return pos;
            }
        }
        return pos;
    }

    /** The index just past the closing quote of the string literal starting at {@code start}. */
    private static int endOfString(String src, int start) {
        int pos = start + 1;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '"') {
                return pos + 1;
            } else if (src.startsWith("$${", pos) || src.startsWith("%%{", pos)) {
                pos += 3;
            } else if (src.startsWith("${", pos) || src.startsWith("%{", pos)) {
                pos = endOfInterpolation(src, pos + 2);
            } else {
                pos++;
            }
        }
        throw new EvalException("unterminated string: " + src);
    }

    /** The index just past the '}' closing an interpolation whose expression starts at {@code start}. */
    private static int endOfInterpolation(String src, int start) {
        int depth = 0;
        int pos = start;
        while (pos < src.length()) {
            pos = skipSpaceAndComments(src, pos);
            if (pos >= src.length()) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos = endOfString(src, pos);
            } else if (c == '{') {
                depth++;
                pos++;
            } else if (c == '}') {
                if (depth == 0) {
                    return pos + 1;
                }
                depth--;
                pos++;
            } else {
                pos++;
            }
        }
        throw new EvalException("unterminated interpolation: " + src);
    }

    // ---- Templates ---------------------------------------------------------------------------------------

    private static final class TemplateParser {

        private final String src;
        private final boolean escapes;

        TemplateParser(String src, boolean escapes) {
            this.src = src;
            this.escapes = escapes;
        }

        Expr parse() {
            List<Object> parts = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int pos = 0;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (escapes && c == '\\') {
                    text.append(unescape(src, pos));
                    pos += src.charAt(pos + 1) == 'u' ? 6 : 2;
                } else if (src.startsWith("$${", pos) || src.startsWith("%%{", pos)) {
                    text.append(c).append('{');
                    pos += 3;
                } else if (src.startsWith("%{", pos)) {
                    throw new EvalException("template directives are not supported: " + src);
                } else if (src.startsWith("${", pos)) {
                    int end = endOfInterpolation(src, pos + 2);
                    String inner = src.substring(pos + 2, end - 1);
                    if (inner.startsWith("~") || inner.endsWith("~")) {
                        throw new EvalException("strip markers are not supported: " + src);
                    }
                    if (!text.isEmpty()) {
                        parts.add(text.toString());
                        text.setLength(0);
                    }
                    parts.add(parseExpression(inner));
                    pos = end;
                } else {
                    text.append(c);
                    pos++;
                }
            }
            if (!text.isEmpty() || parts.isEmpty()) {
                parts.add(text.toString());
            }
            return new Template(parts);
        }

        private static String unescape(String src, int pos) {
            char next = src.charAt(pos + 1);
            return switch (next) {
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case '"' -> "\"";
                case '\\' -> "\\";
                case 'u' -> String.valueOf((char) Integer.parseInt(src.substring(pos + 2, pos + 6), 16));
                default -> throw new EvalException("unknown escape \\" + next + " in: " + src);
            };
        }
    }

    // ---- Parser ------------------------------------------------------------------------------------------

    private static final List<List<String>> BINARY_LEVELS = List.of(List.of("||"), List.of("&&"),
            List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("+", "-"), List.of("*", "/", "%"));

    private static final class Parser {

        private final List<Token> tokens;
        private int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        void expectEnd() {
            if (peek().kind() != Kind.END) {
                throw new EvalException("unexpected '" + peek().text() + "'");
            }
        }

        Expr expression() {
            Expr condition = binary(0);
            if (accept("?")) {
                Expr then = expression();
                expect(":");
                Expr otherwise = expression();
                return new Conditional(condition, then, otherwise);
            }
            return condition;
        }

        private Expr binary(int level) {
            if (level == BINARY_LEVELS.size()) {
                return unary();
            }
            Expr left = binary(level + 1);
            while (peek().kind() == Kind.PUNCT && BINARY_LEVELS.get(level).contains(peek().text())) {
                String op = next().text();
                left = new Binary(op, left, binary(level + 1));
            }
            return left;
        }

        private Expr unary() {
            if (accept("!")) {
                return new Unary("!", unary());
            }
            if (accept("-")) {
                return new Unary("-", unary());
            }
            return postfix(primary());
        }

        private Expr postfix(Expr expr) {
            while (true) {
                if (accept(".")) {
                    Token name = next();
                    if (name.kind() == Kind.NUMBER) {
                        expr = new Index(expr, new Literal(new BigDecimal(name.text())));
                    } else if (name.kind() == Kind.IDENT) {
                        expr = new GetAttr(expr, name.text());
                    } else {
                        throw new EvalException("splat expressions are not supported");
                    }
                } else if (peekIs("[") && !peekIs(1, "*")) {
                    next();
                    Expr key = expression();
                    expect("]");
                    expr = new Index(expr, key);
                } else if (peekIs("[")) {
                    throw new EvalException("splat expressions are not supported");
                } else {
                    return expr;
                }
            }
        }

        private Expr primary() {
            Token token = next();
            switch (token.kind()) {
                case NUMBER:
                    return new Literal(number(new BigDecimal(token.text())));
                case STRING:
                    return new TemplateParser(token.text(), true).parse();
                case IDENT:
                    return identifier(token.text());
                case PUNCT:
                    return switch (token.text()) {
                        case "(" -> {
                            Expr inner = expression();
                            expect(")");
                            yield inner;
                        }
                        case "[" -> peekIs("for") ? forExpr(false) : tuple();
                        case "{" -> peekIs("for") ? forExpr(true) : object();
                        default -> throw new EvalException("unexpected '" + token.text() + "'");
                    };
                default:
                    throw new EvalException("unexpected end of expression");
            }
        }

        private Expr identifier(String name) {
            switch (name) {
                case "true":
                    return new Literal(Boolean.TRUE);
                case "false":
                    return new Literal(Boolean.FALSE);
                case "null":
                    return new Literal(null);
                default:
                    break;
            }
            if (!accept("(")) {
                return new Var(name);
            }
            List<Expr> args = new ArrayList<>();
            boolean expand = false;
            while (!accept(")")) {
                args.add(expression());
                if (accept("...")) {
                    expand = true;
                    accept(",");
                    expect(")");
                    break;
                }
                if (!accept(",")) {
                    expect(")");
                    break;
                }
            }
            return new Call(name, args, expand);
        }

        private Expr tuple() {
            List<Expr> items = new ArrayList<>();
            while (!accept("]")) {
                items.add(expression());
                if (!accept(",")) {
                    expect("]");
                    break;
                }
            }
            return new TupleCons(items);
        }

        /** Items are separated by newlines or commas; newlines are gone by now, so commas are optional. */
        private Expr object() {
            List<Map.Entry<Expr, Expr>> items = new ArrayList<>();
            while (!accept("}")) {
                Expr key;
                if (peek().kind() == Kind.IDENT && (peekIs(1, "=") || peekIs(1, ":"))) {
                    key = new Literal(next().text());
                } else {
                    key = expression();
                }
                if (!accept("=")) {
                    expect(":");
                }
                items.add(Map.entry(key, expression()));
                accept(",");
            }
            return new ObjectCons(items);
        }

        private Expr forExpr(boolean object) {
            expect("for");
            String first = identifierName();
            String keyVar = null;
            String valueVar = first;
            if (accept(",")) {
                keyVar = first;
                valueVar = identifierName();
            }
            expect("in");
            Expr collection = expression();
            expect(":");
            Expr keyExpr = null;
            Expr valueExpr;
            boolean group = false;
            if (object) {
                keyExpr = expression();
                expect("=>");
                valueExpr = expression();
                group = accept("...");
            } else {
                valueExpr = expression();
            }
            Expr condition = null;
            if (accept("if")) {
                condition = expression();
            }
            expect(object ? "}" : "]");
            return new ForExpr(keyVar, valueVar, collection, keyExpr, valueExpr, condition, object, group);
        }

        private String identifierName() {
            Token token = next();
            if (token.kind() != Kind.IDENT) {
                throw new EvalException("expected a name, found '" + token.text() + "'");
            }
            return token.text();
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private boolean peekIs(String text) {
            return peekIs(0, text);
        }

        private boolean peekIs(int ahead, String text) {
            if (pos + ahead >= tokens.size()) {
                return false;
            }
            Token token = tokens.get(pos + ahead);
            return token.kind() != Kind.STRING && token.kind() != Kind.END && token.text().equals(text);
        }

        private Token next() {
            Token token = tokens.get(pos);
            if (token.kind() != Kind.END) {
                pos++;
            }
            return token;
        }

        private boolean accept(String text) {
            if (peekIs(text)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(String text) {
            if (!accept(text)) {
                throw new EvalException("expected '" + text + "', found '" + peek().text() + "'");
            }
        }
    }

    // ---- Evaluation --------------------------------------------------------------------------------------

    /** Names that resolve to a namespace rather than a value. */
    private record Namespace(String name) {
    }

    /** {@code TYPE} or {@code TYPE.NAME} of a resource, or {@code data}, {@code data.TYPE}, {@code data.TYPE.NAME}. */
    private record Reference(List<String> path) {

        boolean isData() {
            return path.get(0).equals("data");
        }

        int length() {
            return path.size();
        }

        Reference with(String name) {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            return new Reference(longer);
        }

        String text() {
            return String.join(".", path);
        }
    }

    static final class Evaluator {

        private final Module module;
        private static final ObjectMapper JSON = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

        Evaluator(Module module) {
            this.module = module;
        }

        Object eval(Expr expr, Map<String, Object> scope) {
            if (expr instanceof Literal literal) {
                return literal.value();
            }
            if (expr instanceof Template template) {
                return template(template, scope);
            }
            if (expr instanceof Var var) {
                return variable(var.name(), scope);
            }
            if (expr instanceof GetAttr get) {
                return attribute(eval(get.base(), scope), get.name());
            }
            if (expr instanceof Index index) {
                return index(eval(index.base(), scope), eval(index.key(), scope));
            }
            if (expr instanceof Call call) {
                return call(call, scope);
            }
            if (expr instanceof TupleCons tuple) {
                return tuple.items().stream().map(item -> eval(item, scope))
                        .collect(Collectors.toCollection(ArrayList::new));
            }
            if (expr instanceof ObjectCons object) {
                return object(object, scope);
            }
            if (expr instanceof ForExpr forExpr) {
                return forExpr(forExpr, scope);
            }
            if (expr instanceof Unary unary) {
                return unary(unary, scope);
            }
            if (expr instanceof Binary binary) {
                return binary(binary, scope);
            }
            return conditional((Conditional) expr, scope);
        }

        private Object template(Template template, Map<String, Object> scope) {
            if (template.parts().size() == 1 && template.parts().get(0) instanceof Expr only) {
                return eval(only, scope);
            }
            StringBuilder text = new StringBuilder();
            boolean unknown = false;
            for (Object part : template.parts()) {
                if (part instanceof String literal) {
                    text.append(literal);
                    continue;
                }
                Object value = unwrap(eval((Expr) part, scope));
                if (value instanceof Unknown u) {
                    unknown = true;
                    text.append(u);
                } else {
                    text.append(string(value));
                }
            }
            return unknown ? new Unknown(text.toString()) : text.toString();
        }

        private Object variable(String name, Map<String, Object> scope) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
            return switch (name) {
                case "local", "var", "path" -> new Namespace(name);
                case "data" -> new Reference(List.of("data"));
                default -> new Reference(List.of(name));
            };
        }

        private Object attribute(Object base, String name) {
            base = unwrap(base);
            if (base instanceof Namespace namespace) {
                return switch (namespace.name()) {
                    case "local" -> module.local(name);
                    case "var" -> module.variable(name);
                    case "path" -> {
                        if (!name.equals("module")) {
                            throw new EvalException("path." + name + " is not supported");
                        }
                        yield module.pathModule();
                    }
                    default -> throw new IllegalStateException(namespace.name());
                };
            }
            if (base instanceof Reference reference) {
                Reference longer = reference.with(name);
                boolean complete = reference.isData() ? longer.length() == 3 : longer.length() == 2;
                if (!complete) {
                    return longer;
                }
                boolean declared = reference.isData() ? module.hasData(longer.path().get(1), name)
                        : module.hasResource(longer.path().get(0), name);
                if (!declared) {
                    throw new EvalException("reference to undeclared " + longer.text());
                }
                return new Unknown(longer.text());
            }
            if (base instanceof Unknown unknown) {
                return new Unknown(unknown.text() + "." + name);
            }
            if (base instanceof Map<?, ?> map) {
                if (!map.containsKey(name)) {
                    throw new EvalException("no attribute '" + name + "' in " + map.keySet());
                }
                return map.get(name);
            }
            throw new EvalException("cannot read attribute '" + name + "' of " + describe(base));
        }

        private Object index(Object base, Object key) {
            base = unwrap(base);
            key = unwrap(key);
            if (base instanceof Unknown unknown) {
                if (!(key instanceof Unknown) && isInstanceReference(unknown.text())) {
                    Set<String> keys = module.instanceKeys(unknown.text());
                    if (keys == null) {
                        throw new EvalException(unknown.text() + " has no for_each, so it cannot be indexed");
                    }
                    if (!keys.contains(string(key))) {
                        throw new EvalException(unknown.text() + " has no instance \"" + string(key)
                                + "\"; it has " + keys);
                    }
                }
                String rendered = key instanceof String s ? "\"" + s + "\"" : key instanceof Unknown u ? u.text()
                        : string(key);
                return new Unknown(unknown.text() + "[" + rendered + "]");
            }
            if (key instanceof Unknown) {
                return new Unknown(describe(base) + "[" + key + "]");
            }
            if (base instanceof Map<?, ?> map) {
                String name = string(key);
                if (!map.containsKey(name)) {
                    throw new EvalException("no key \"" + name + "\" in " + map.keySet());
                }
                return map.get(name);
            }
            if (base instanceof List<?> list) {
                int i = ((BigDecimal) key).intValueExact();
                if (i < 0 || i >= list.size()) {
                    throw new EvalException("index " + i + " out of range");
                }
                return list.get(i);
            }
            throw new EvalException("cannot index " + describe(base));
        }

        /** {@code TYPE.NAME} of a resource, or {@code data.TYPE.NAME}, not yet indexed or traversed. */
        private static boolean isInstanceReference(String text) {
            String[] parts = text.split("\\.", -1);
            return parts[0].equals("data") ? parts.length == 3 && !text.contains("[")
                    : parts.length == 2 && !text.contains("[");
        }

        private Object object(ObjectCons object, Map<String, Object> scope) {
            Map<String, Object> result = new TreeMap<>();
            for (Map.Entry<Expr, Expr> item : object.items()) {
                Object key = unwrap(eval(item.getKey(), scope));
                if (key instanceof Unknown) {
                    return new Unknown("object with unknown key " + key);
                }
                result.put(string(key), eval(item.getValue(), scope));
            }
            return result;
        }

        private Object forExpr(ForExpr expr, Map<String, Object> scope) {
            Object collection = unwrap(eval(expr.collection(), scope));
            if (collection instanceof Unknown unknown) {
                return new Unknown("for over " + unknown.text());
            }
            List<Object> tuple = new ArrayList<>();
            Map<String, Object> object = new TreeMap<>();
            for (Map.Entry<Object, Object> element : elements(collection)) {
                Map<String, Object> inner = new LinkedHashMap<>(scope);
                if (expr.keyVar() != null) {
                    inner.put(expr.keyVar(), element.getKey());
                }
                inner.put(expr.valueVar(), element.getValue());
                if (expr.condition() != null) {
                    Object keep = unwrap(eval(expr.condition(), inner));
                    if (keep instanceof Unknown) {
                        return new Unknown("for with unknown condition");
                    }
                    if (!(Boolean) keep) {
                        continue;
                    }
                }
                if (!expr.object()) {
                    tuple.add(eval(expr.valueExpr(), inner));
                    continue;
                }
                Object key = unwrap(eval(expr.keyExpr(), inner));
                if (key instanceof Unknown) {
                    return new Unknown("for with unknown key " + key);
                }
                String name = string(key);
                Object value = eval(expr.valueExpr(), inner);
                if (expr.group()) {
                    @SuppressWarnings("unchecked")
                    List<Object> group = (List<Object>) object.computeIfAbsent(name, k -> new ArrayList<>());
                    group.add(value);
                } else if (object.containsKey(name)) {
                    throw new EvalException("duplicate key \"" + name + "\" in a for expression");
                } else {
                    object.put(name, value);
                }
            }
            return expr.object() ? object : tuple;
        }

        /** (key, value) pairs of a list (index, element), set (element, element) or map (key, value). */
        static List<Map.Entry<Object, Object>> elements(Object collection) {
            List<Map.Entry<Object, Object>> result = new ArrayList<>();
            if (collection instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    result.add(new java.util.AbstractMap.SimpleEntry<>(number(BigDecimal.valueOf(i)), list.get(i)));
                }
            } else if (collection instanceof Set<?> set) {
                set.forEach(e -> result.add(new java.util.AbstractMap.SimpleEntry<>(e, e)));
            } else if (collection instanceof Map<?, ?> map) {
                map.forEach((k, v) -> result.add(new java.util.AbstractMap.SimpleEntry<>(k, v)));
            } else {
                throw new EvalException("cannot iterate over " + describe(collection));
            }
            return result;
        }

        private Object unary(Unary unary, Map<String, Object> scope) {
            Object operand = unwrap(eval(unary.operand(), scope));
            if (operand instanceof Unknown u) {
                return new Unknown(unary.op() + u.text());
            }
            return unary.op().equals("!") ? !(Boolean) operand : number(((BigDecimal) operand).negate());
        }

        private Object binary(Binary binary, Map<String, Object> scope) {
            Object left = unwrap(eval(binary.left(), scope));
            Object right = unwrap(eval(binary.right(), scope));
            if (left instanceof Unknown || right instanceof Unknown) {
                return new Unknown(describe(left) + " " + binary.op() + " " + describe(right));
            }
            return switch (binary.op()) {
                case "==" -> Objects.equals(left, right);
                case "!=" -> !Objects.equals(left, right);
                case "&&" -> (Boolean) left && (Boolean) right;
                case "||" -> (Boolean) left || (Boolean) right;
                default -> arithmetic(binary.op(), numberOf(left), numberOf(right));
            };
        }

        private static Object arithmetic(String op, BigDecimal left, BigDecimal right) {
            return switch (op) {
                case "+" -> number(left.add(right));
                case "-" -> number(left.subtract(right));
                case "*" -> number(left.multiply(right));
                case "/" -> number(left.divide(right, java.math.MathContext.DECIMAL64));
                case "%" -> number(left.remainder(right));
                case "<" -> left.compareTo(right) < 0;
                case ">" -> left.compareTo(right) > 0;
                case "<=" -> left.compareTo(right) <= 0;
                case ">=" -> left.compareTo(right) >= 0;
                default -> throw new EvalException("unknown operator " + op);
            };
        }

        private Object conditional(Conditional conditional, Map<String, Object> scope) {
            Object condition = unwrap(eval(conditional.condition(), scope));
            if (condition instanceof Unknown u) {
                return new Unknown(u.text() + " ? ... : ...");
            }
            return eval((Boolean) condition ? conditional.then() : conditional.otherwise(), scope);
        }

        // ---- Functions -----------------------------------------------------------------------------------

        private Object call(Call call, Map<String, Object> scope) {
            if (call.function().equals("try")) {
                EvalException last = null;
                for (Expr arg : call.args()) {
                    try {
                        return eval(arg, scope);
                    } catch (EvalException e) {
                        last = e;
                    }
                }
                throw new EvalException("no argument of try() could be evaluated: "
                        + (last == null ? "none given" : last.getMessage()));
            }
            List<Object> args = new ArrayList<>();
            for (Expr arg : call.args()) {
                args.add(eval(arg, scope));
            }
            if (call.expandLast()) {
                Object last = unwrap(args.remove(args.size() - 1));
                if (last instanceof Unknown u) {
                    return new Unknown(call.function() + "(" + u.text() + "...)");
                }
                args.addAll(listOf(last));
            }
            return function(call.function(), args);
        }

        private Object function(String name, List<Object> args) {
            switch (name) {
                case "sensitive":
                    return new Sensitive(args.get(0));
                case "jsonencode":
                    return jsonencode(args.get(0));
                case "merge":
                    return merge(args);
                default:
                    break;
            }
            if (args.stream().anyMatch(arg -> unwrap(arg) instanceof Unknown)) {
                return new Unknown(name + "(" + args.stream().map(arg -> describe(unwrap(arg)))
                        .collect(Collectors.joining(", ")) + ")");
            }
            switch (name) {
                case "flatten":
                    return flatten(args.get(0));
                case "concat":
                    return args.stream().flatMap(arg -> listOf(unwrap(arg)).stream())
                            .collect(Collectors.toCollection(ArrayList::new));
                case "join": {
                    // Unknown elements (e.g. an ARN) are kept as "${reference}" in the text of an Unknown.
                    List<?> elements = listOf(unwrap(args.get(1)));
                    String joined = elements.stream().map(Hcl::unwrap)
                            .map(e -> e instanceof Unknown u ? u.toString() : string(e))
                            .collect(Collectors.joining(string(args.get(0))));
                    return elements.stream().anyMatch(e -> unwrap(e) instanceof Unknown) ? new Unknown(joined)
                            : joined;
                }
                case "length": {
                    Object value = unwrap(args.get(0));
                    return number(BigDecimal.valueOf(value instanceof String s ? s.length()
                                    : value instanceof Map<?, ?> m ? m.size() : listOf(value).size()));
                }
                default:
                    break;
            }
            List<Object> values = args.stream().map(Hcl::unwrap).toList();
            return switch (name) {
                case "file" -> module.readFile((String) values.get(0));
                case "filebase64sha256" -> new Unknown("filebase64sha256(" + values.get(0) + ")");
                case "yamldecode" -> yamldecode((String) values.get(0));
                case "toset" -> new LinkedHashSet<>(listOf(values.get(0)).stream().sorted(java.util.Comparator
                        .comparing(e -> unwrap(e) instanceof Unknown u ? u.toString() : string(e))).toList());
                case "contains" -> listOf(values.get(0)).contains(values.get(1));
                case "keys" -> new ArrayList<>(((Map<?, ?>) values.get(0)).keySet());
                case "values" -> new ArrayList<>(((Map<?, ?>) values.get(0)).values());
                case "lookup" -> ((Map<?, ?>) values.get(0)).containsKey(values.get(1))
                        ? ((Map<?, ?>) values.get(0)).get(values.get(1)) : values.get(2);
                case "coalesce" -> values.stream().filter(v -> v != null && !"".equals(v)).findFirst()
                        .orElseThrow(() -> new EvalException("coalesce: no non-null argument"));
                case "min" -> values.stream().map(Evaluator::numberOf).min(BigDecimal::compareTo).orElseThrow();
                case "max" -> values.stream().map(Evaluator::numberOf).max(BigDecimal::compareTo).orElseThrow();
                case "replace" -> replace((String) values.get(0), (String) values.get(1), (String) values.get(2));
                case "trimprefix" -> ((String) values.get(0)).startsWith((String) values.get(1))
                        ? ((String) values.get(0)).substring(((String) values.get(1)).length()) : values.get(0);
                case "upper" -> ((String) values.get(0)).toUpperCase(java.util.Locale.ROOT);
                case "lower" -> ((String) values.get(0)).toLowerCase(java.util.Locale.ROOT);
                case "tostring" -> string(values.get(0));
                default -> throw new EvalException("function " + name + "() is not supported by the test's "
                        + "evaluator; add it to " + Hcl.class.getName());
            };
        }

        /** Unknown parts of the value are kept as "${reference}" strings in the text of the resulting Unknown. */
        private static Object jsonencode(Object value) {
            boolean[] unknown = {false};
            Object plain = toJson(value, unknown);
            try {
                String json = JSON.writeValueAsString(plain);
                return unknown[0] ? new Unknown(json) : json;
            } catch (JsonProcessingException e) {
                throw new EvalException("jsonencode: " + e.getMessage());
            }
        }

        private static Object toJson(Object value, boolean[] unknown) {
            value = unwrap(value);
            if (value instanceof Unknown u) {
                unknown[0] = true;
                return u.toString();
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> result = new TreeMap<>();
                map.forEach((k, v) -> result.put((String) k, toJson(v, unknown)));
                return result;
            }
            if (value instanceof Collection<?> list) {
                return list.stream().map(v -> toJson(v, unknown)).toList();
            }
            return value;
        }

        private static Object merge(List<Object> args) {
            Map<String, Object> result = new TreeMap<>();
            for (Object arg : args) {
                Object value = unwrap(arg);
                if (value == null) {
                    continue;
                }
                if (value instanceof Unknown u) {
                    return new Unknown("merge(..., " + u.text() + ", ...)");
                }
                if (!(value instanceof Map<?, ?> map)) {
                    throw new EvalException("merge: not a map: " + describe(value));
                }
                map.forEach((k, v) -> result.put((String) k, v));
            }
            return result;
        }

        private static Object flatten(Object value) {
            List<Object> result = new ArrayList<>();
            for (Object element : listOf(unwrap(value))) {
                Object plain = unwrap(element);
                if (plain instanceof List<?> || plain instanceof Set<?>) {
                    result.addAll((List<?>) flatten(plain));
                } else {
                    result.add(element);
                }
            }
            return result;
        }

        private static String replace(String text, String search, String replacement) {
            if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
                return text.replaceAll(search.substring(1, search.length() - 1), replacement.replace("$", "\\$"));
            }
            return text.replace(search, replacement);
        }

        private static Object yamldecode(String text) {
            try {
                return plain(YAML.readValue(text, Object.class));
            } catch (JsonProcessingException e) {
                throw new EvalException("yamldecode: " + e.getMessage());
            }
        }

        /** Jackson's generic values as evaluator values: numbers as BigDecimal, maps in key order. */
        static Object plain(Object value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> result = new TreeMap<>();
                map.forEach((k, v) -> result.put(String.valueOf(k), plain(v)));
                return result;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Evaluator::plain).collect(Collectors.toCollection(ArrayList::new));
            }
            if (value instanceof Number n) {
                return number(new BigDecimal(n.toString()));
            }
            return value;
        }

        private static List<?> listOf(Object value) {
            if (value instanceof List<?> list) {
                return list;
            }
            if (value instanceof Set<?> set) {
                return new ArrayList<>(set);
            }
            throw new EvalException("not a list: " + describe(value));
        }

        private static BigDecimal numberOf(Object value) {
            if (value instanceof BigDecimal n) {
                return n;
            }
            throw new EvalException("not a number: " + describe(value));
        }

        static String describe(Object value) {
            if (value instanceof Unknown u) {
                return u.text();
            }
            if (value instanceof String s) {
                return "\"" + s + "\"";
            }
            return String.valueOf(value);
        }
    }

    static BigDecimal number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Object unwrap(Object value) {
        return value instanceof Sensitive s ? unwrap(s.value()) : value;
    }

    static String string(Object value) {
        value = unwrap(value);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal n) {
            return n.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        throw new EvalException("cannot convert to a string: " + Evaluator.describe(value));
    }
}
