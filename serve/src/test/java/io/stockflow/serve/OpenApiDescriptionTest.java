package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published description names every route the service answers, and nothing else. */
class OpenApiDescriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describesEveryRouteAndOnlyThem() throws Exception {
        JsonNode doc;
        try (InputStream in = QueryService.class.getResourceAsStream("serve.openapi.json")) {
            assertThat(in).as("the description on the class path").isNotNull();
            doc = JSON.readTree(in);
        }
        List<String> described = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(described::add);

        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(described).containsExactlyInAnyOrderElementsOf(ApiRoutes.ALL);
        for (String route : ApiRoutes.ALL)
            assertThat(doc.path("paths")
                            .path(route)
                            .path("get")
                            .path("responses")
                            .has("200"))
                    .as("GET " + route + " answers 200")
                    .isTrue();
    }

    @Test
    void theServedDescriptionIsTheOneInDocs() throws Exception {
        Path inDocs = Path.of("..", "docs", "openapi", "serve.openapi.json");
        try (InputStream in = QueryService.class.getResourceAsStream("serve.openapi.json")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(inDocs));
        }
    }
}
