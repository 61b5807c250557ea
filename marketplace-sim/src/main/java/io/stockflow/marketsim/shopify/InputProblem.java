package io.stockflow.marketsim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stockflow.marketsim.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * An argument that does not fit its input type (a missing non-null field, a wrong type, a field the type does not
 * have). GraphQL refuses these before running anything, with a top-level error naming the path and the problem.
 */
final class InputProblem extends Exception {
    private final String variable;
    private final String type;
    private final List<Object> path;
    private final String explanation;
    private final JsonNode value;

    InputProblem(String variable, String type, List<Object> path, String explanation, JsonNode value) {
        super(explanation);
        this.variable = variable;
        this.type = type;
        this.path = List.copyOf(path);
        this.explanation = explanation;
        this.value = value;
    }

    ObjectNode toError() {
        StringBuilder where = new StringBuilder();
        for (Object step : path) where.append(where.isEmpty() ? "" : ".").append(step);
        String message = "Variable $" + variable + " of type " + type + " was provided invalid value"
                + (where.isEmpty() ? "" : " for " + where) + " (" + explanation + ")";
        ObjectNode error = Json.object().put("message", message);
        ObjectNode extensions = error.putObject("extensions");
        extensions.set("value", value == null ? NullNode.getInstance() : value);
        ArrayNode problems = extensions.putArray("problems");
        ObjectNode problem = problems.addObject();
        ArrayNode problemPath = problem.putArray("path");
        path.forEach(step -> {
            if (step instanceof Integer n) problemPath.add(n);
            else problemPath.add(String.valueOf(step));
        });
        problem.put("explanation", explanation);
        return error;
    }

    /** Reads one input object's fields, refusing what its type would refuse; paths grow as it descends. */
    static final class Reader {
        private final String variable;
        private final String type;
        private final JsonNode root;

        Reader(String variable, String type, JsonNode root) {
            this.variable = variable;
            this.type = type;
            this.root = root;
        }

        InputProblem problem(List<Object> path, String explanation) {
            return new InputProblem(variable, type, path, explanation, root);
        }

        JsonNode requireObject(JsonNode node, List<Object> path) throws InputProblem {
            if (node == null || node.isNull()) throw problem(path, "Expected value to not be null");
            if (!node.isObject()) throw problem(path, "Expected value to be an input object");
            return node;
        }

        void onlyFields(JsonNode object, List<Object> path, String inputType, List<String> allowed)
                throws InputProblem {
            for (var it = object.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw problem(append(path, name), "Field is not defined on " + inputType);
                }
            }
        }

        String requireString(JsonNode object, List<Object> path, String field) throws InputProblem {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) throw problem(append(path, field), "Expected value to not be null");
            if (!value.isTextual()) throw problem(append(path, field), "Could not coerce value to String");
            return value.textValue();
        }

        String optionalString(JsonNode object, List<Object> path, String field) throws InputProblem {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) return null;
            if (!value.isTextual()) throw problem(append(path, field), "Could not coerce value to String");
            return value.textValue();
        }

        int requireInt(JsonNode object, List<Object> path, String field) throws InputProblem {
            Integer value = optionalInt(object, path, field);
            if (value == null) throw problem(append(path, field), "Expected value to not be null");
            return value;
        }

        Integer optionalInt(JsonNode object, List<Object> path, String field) throws InputProblem {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) return null;
            Integer n = Json.intOrNull(value);
            if (n == null) throw problem(append(path, field), "Could not coerce value " + value + " to Int");
            return n;
        }

        boolean optionalBoolean(JsonNode object, List<Object> path, String field) throws InputProblem {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) return false;
            if (!value.isBoolean())
                throw problem(append(path, field), "Could not coerce value " + value + " to Boolean");
            return value.booleanValue();
        }

        /** A Shopify global id of the given resource, e.g. {@code gid://shopify/Location/1}. */
        String requireGid(JsonNode object, List<Object> path, String field, String resource) throws InputProblem {
            String id = requireString(object, path, field);
            if (!id.matches("gid://shopify/" + resource + "/[0-9]+")) {
                throw problem(append(path, field), "Invalid global id '" + id + "'");
            }
            return id;
        }

        JsonNode requireList(JsonNode object, List<Object> path, String field) throws InputProblem {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) throw problem(append(path, field), "Expected value to not be null");
            if (!value.isArray()) throw problem(append(path, field), "Expected value to be a list");
            return value;
        }

        static List<Object> append(List<Object> path, Object step) {
            List<Object> longer = new ArrayList<>(path);
            longer.add(step);
            return longer;
        }
    }
}
