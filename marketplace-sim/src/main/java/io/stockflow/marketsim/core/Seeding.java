package io.stockflow.marketsim.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The admin API's seeding endpoints: a JSON body in, 201 or 400 with the reason out. */
public final class Seeding {
    /** Reads a seeding request; throws with the reason when a field is missing or wrong. */
    @FunctionalInterface
    public interface Seed {
        void apply(JsonNode body) throws IllegalArgumentException;
    }

    private Seeding() {}

    public static void post(RoutesConfig admin, String path, Seed seed) {
        admin.post(path, ctx -> run(ctx, seed));
    }

    private static void run(Context ctx, Seed seed) {
        try {
            JsonNode body = Json.parse(ctx.body());
            seed.apply(body);
            ctx.status(201).contentType("application/json").result(Json.write(body));
        } catch (Json.MalformedJson | IllegalArgumentException e) {
            ctx.status(400)
                    .contentType("application/json")
                    .result(Json.write(Json.object().put("error", e.getMessage())));
        }
    }

    public static String text(JsonNode body, String field) {
        String value = Json.textOrNull(body.get(field));
        if (value == null) throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        return value;
    }

    public static int integer(JsonNode body, String field) {
        Integer value = Json.intOrNull(body.get(field));
        if (value == null) throw new IllegalArgumentException("'" + field + "' must be an integer");
        return value;
    }

    public static JsonNode array(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) throw new IllegalArgumentException("'" + field + "' must be an array");
        return value;
    }
}
