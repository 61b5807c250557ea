package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a GraphQL reader for the operations channel sync sends: one operation, its root fields with their
 * arguments (variables or inline literals), field directives such as {@code @idempotent(key: ...)}, and the selection
 * sets, which shape the answer. It is not a GraphQL engine: there is no schema, no validation of selections against
 * types, no fragments (their spreads are skipped) and no more than one operation per document.
 */
final class GraphqlDocument {
    /** An argument's value: a variable reference or a literal, resolved against the request's variables. */
    sealed interface Value permits Variable, Literal, ListValue, ObjectValue {}

    record Variable(String name) implements Value {}

    record Literal(JsonNode value) implements Value {}

    record ListValue(List<Value> items) implements Value {}

    record ObjectValue(Map<String, Value> fields) implements Value {}

    /** A selected field: its alias (or name), arguments, directives and sub-selection. */
    record Field(
            String alias,
            String name,
            Map<String, Value> arguments,
            Map<String, Map<String, Value>> directives,
            List<Field> selection) {
        String key() {
            return alias != null ? alias : name;
        }

        Field child(String childName) {
            return selection.stream()
                    .filter(f -> f.name.equals(childName))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Why a document could not be read; the message follows GraphQL parsers' "Parse error on ..." wording. */
    static final class ParseError extends Exception {
        ParseError(String message) {
            super(message);
        }
    }

    final String operationType;
    final List<Field> rootFields;

    private GraphqlDocument(String operationType, List<Field> rootFields) {
        this.operationType = operationType;
        this.rootFields = rootFields;
    }

    static GraphqlDocument parse(String source) throws ParseError {
        return new Parser(new Lexer(source).tokens()).document();
    }

    /** Resolves a value against the request's variables: the JSON the operation receives. */
    static JsonNode resolve(Value value, JsonNode variables) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value == null) return null;
        if (value instanceof Variable v) {
            return variables != null && variables.has(v.name()) ? variables.get(v.name()) : null;
        }
        if (value instanceof Literal l) return l.value();
        if (value instanceof ListValue list) {
            ArrayNode array = json.arrayNode();
            list.items().forEach(item -> array.add(orNull(resolve(item, variables))));
            return array;
        }
        ObjectNode object = json.objectNode();
        ((ObjectValue) value).fields().forEach((name, field) -> {
            JsonNode resolved = resolve(field, variables);
            // A variable the request did not send is absent, not null: "absent" and "null" mean different things.
            if (resolved != null) object.set(name, resolved);
        });
        return object;
    }

    /** Keeps of {@code full} only what the selection asks for, under its aliases. */
    static JsonNode select(JsonNode full, List<Field> selection) {
        if (full == null || full.isNull() || selection.isEmpty()) return orNull(full);
        if (full.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            full.forEach(item -> array.add(select(item, selection)));
            return array;
        }
        ObjectNode shaped = JsonNodeFactory.instance.objectNode();
        for (Field field : selection) {
            if (field.name.equals("__typename")) continue;
            shaped.set(field.key(), select(full.get(field.name), field.selection));
        }
        return shaped;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }

    private record Token(Kind kind, String text, int line, int column) {}

    private enum Kind {
        NAME,
        PUNCT,
        STRING,
        INT,
        FLOAT,
        SPREAD,
        END
    }

    private static final class Lexer {
        private final String s;
        private int i;
        private int line = 1;
        private int lineStart;

        Lexer(String source) {
            this.s = source;
        }

        List<Token> tokens() throws ParseError {
            List<Token> out = new ArrayList<>();
            while (true) {
                skipIgnored();
                int column = i - lineStart + 1;
                if (i >= s.length()) {
                    out.add(new Token(Kind.END, "", line, column));
                    return out;
                }
                char c = s.charAt(i);
                if (c == '.' && s.startsWith("...", i)) {
                    i += 3;
                    out.add(new Token(Kind.SPREAD, "...", line, column));
                } else if ("{}()[]:$@=!|&".indexOf(c) >= 0) {
                    i++;
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), line, column));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
                    out.add(new Token(Kind.NAME, s.substring(start, i), line, column));
                } else if (c == '-' || Character.isDigit(c)) {
                    out.add(number(column));
                } else if (c == '"') {
                    out.add(new Token(Kind.STRING, string(), line, column));
                } else {
                    throw new ParseError("Parse error on \"" + c + "\" at [" + line + ", " + column + "]");
                }
            }
        }

        private void skipIgnored() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '#') {
                    while (i < s.length() && s.charAt(i) != '\n') i++;
                } else if (c == '\n') {
                    i++;
                    line++;
                    lineStart = i;
                } else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
                    i++;
                } else {
                    return;
                }
            }
        }

        private Token number(int column) {
            int start = i;
            boolean decimal = false;
            if (s.charAt(i) == '-') i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isDigit(c)) {
                    i++;
                } else if (c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-') && decimal)) {
                    decimal = true;
                    i++;
                } else {
                    break;
                }
            }
            return new Token(decimal ? Kind.FLOAT : Kind.INT, s.substring(start, i), line, column);
        }

        private String string() throws ParseError {
            if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                if (end < 0) throw new ParseError("Parse error: unterminated block string at [" + line + "]");
                String text = s.substring(i + 3, end);
                i = end + 3;
                return text.strip();
            }
            StringBuilder text = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> text.append('\n');
                        case 't' -> text.append('\t');
                        case 'r' -> text.append('\r');
                        case 'b' -> text.append('\b');
                        case 'f' -> text.append('\f');
                        case 'u' -> {
                            text.append((char) Integer.parseInt(s.substring(i, Math.min(i + 4, s.length())), 16));
                            i += 4;
                        }
                        default -> text.append(e);
                    }
                } else if (c == '\n') {
                    throw new ParseError("Parse error: unterminated string at [" + line + "]");
                } else {
                    text.append(c);
                }
            }
            if (i >= s.length()) throw new ParseError("Parse error: unterminated string at [" + line + "]");
            i++;
            return text.toString();
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        GraphqlDocument document() throws ParseError {
            GraphqlDocument operation = null;
            while (peek().kind != Kind.END) {
                if (isName("fragment")) {
                    skipFragment();
                    continue;
                }
                if (operation != null) {
                    throw new ParseError(
                            "This document holds more than one operation; the simulator runs one per request");
                }
                operation = operation();
            }
            if (operation == null) throw new ParseError("Parse error on end of document: no operation");
            return operation;
        }

        private GraphqlDocument operation() throws ParseError {
            String type = "query";
            if (peek().kind == Kind.NAME) {
                type = next().text;
                if (!type.equals("query") && !type.equals("mutation") && !type.equals("subscription")) {
                    throw unexpected(tokens.get(at - 1));
                }
                if (peek().kind == Kind.NAME) next();
                if (isPunct("(")) skipBalanced("(", ")");
                directives();
            }
            return new GraphqlDocument(type, selectionSet());
        }

        private void skipFragment() throws ParseError {
            while (!isPunct("{")) {
                if (peek().kind == Kind.END) throw unexpected(peek());
                next();
            }
            skipBalanced("{", "}");
        }

        private List<Field> selectionSet() throws ParseError {
            expect("{");
            List<Field> fields = new ArrayList<>();
            while (!isPunct("}")) {
                if (peek().kind == Kind.SPREAD) {
                    next();
                    if (isName("on")) next();
                    if (peek().kind == Kind.NAME) next();
                    directives();
                    if (isPunct("{")) skipBalanced("{", "}");
                    continue;
                }
                fields.add(field());
            }
            expect("}");
            return fields;
        }

        private Field field() throws ParseError {
            String name = name();
            String alias = null;
            if (isPunct(":")) {
                next();
                alias = name;
                name = name();
            }
            Map<String, Value> arguments = isPunct("(") ? arguments() : Map.of();
            Map<String, Map<String, Value>> directives = directives();
            List<Field> selection = isPunct("{") ? selectionSet() : List.of();
            return new Field(alias, name, arguments, directives, selection);
        }

        private Map<String, Map<String, Value>> directives() throws ParseError {
            Map<String, Map<String, Value>> directives = new LinkedHashMap<>();
            while (isPunct("@")) {
                next();
                String name = name();
                directives.put(name, isPunct("(") ? arguments() : Map.of());
            }
            return directives;
        }

        private Map<String, Value> arguments() throws ParseError {
            expect("(");
            Map<String, Value> arguments = new LinkedHashMap<>();
            while (!isPunct(")")) {
                String name = name();
                expect(":");
                arguments.put(name, value());
            }
            expect(")");
            return arguments;
        }

        private Value value() throws ParseError {
            Token t = next();
            JsonNodeFactory json = JsonNodeFactory.instance;
            switch (t.kind) {
                case STRING:
                    return new Literal(json.textNode(t.text));
                case INT:
                    return new Literal(json.numberNode(new BigInteger(t.text)));
                case FLOAT:
                    return new Literal(json.numberNode(new BigDecimal(t.text)));
                case NAME:
                    return switch (t.text) {
                        case "true" -> new Literal(json.booleanNode(true));
                        case "false" -> new Literal(json.booleanNode(false));
                        case "null" -> new Literal(NullNode.getInstance());
                        default -> new Literal(json.textNode(t.text));
                    };
                case PUNCT:
                    if (t.text.equals("$")) return new Variable(name());
                    if (t.text.equals("[")) {
                        List<Value> items = new ArrayList<>();
                        while (!isPunct("]")) items.add(value());
                        next();
                        return new ListValue(items);
                    }
                    if (t.text.equals("{")) {
                        Map<String, Value> fields = new LinkedHashMap<>();
                        while (!isPunct("}")) {
                            String name = name();
                            expect(":");
                            fields.put(name, value());
                        }
                        next();
                        return new ObjectValue(fields);
                    }
                    throw unexpected(t);
                default:
                    throw unexpected(t);
            }
        }

        private void skipBalanced(String open, String close) throws ParseError {
            int depth = 0;
            do {
                Token t = next();
                if (t.kind == Kind.END) throw unexpected(t);
                if (t.kind == Kind.PUNCT && t.text.equals(open)) depth++;
                if (t.kind == Kind.PUNCT && t.text.equals(close)) depth--;
            } while (depth > 0);
        }

        private String name() throws ParseError {
            Token t = next();
            if (t.kind != Kind.NAME) throw unexpected(t);
            return t.text;
        }

        private void expect(String punct) throws ParseError {
            Token t = next();
            if (t.kind != Kind.PUNCT || !t.text.equals(punct)) throw unexpected(t);
        }

        private boolean isPunct(String punct) {
            return peek().kind == Kind.PUNCT && peek().text.equals(punct);
        }

        private boolean isName(String name) {
            return peek().kind == Kind.NAME && peek().text.equals(name);
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            Token t = tokens.get(at);
            if (t.kind != Kind.END) at++;
            return t;
        }

        private static ParseError unexpected(Token t) {
            String what = t.kind == Kind.END ? "end of file" : "\"" + t.text + "\"";
            return new ParseError("Parse error on " + what + " (" + t.kind + ") at [" + t.line + ", " + t.column + "]");
        }
    }
}
