package io.stockflow.marketsim.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GraphqlDocumentTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheOperationTypeRootFieldArgumentsAndDirectives() throws Exception {
        GraphqlDocument document = GraphqlDocument.parse("""
                # set stock
                mutation Set($input: InventorySetQuantitiesInput!) {
                  set: inventorySetQuantities(input: $input) @idempotent(key: "abc-1") {
                    userErrors { field code }
                  }
                }""");

        assertThat(document.operationType).isEqualTo("mutation");
        GraphqlDocument.Field field = document.rootFields.get(0);
        assertThat(field.name()).isEqualTo("inventorySetQuantities");
        assertThat(field.key()).isEqualTo("set");
        assertThat(field.arguments().get("input")).isEqualTo(new GraphqlDocument.Variable("input"));
        assertThat(GraphqlDocument.resolve(field.directives().get("idempotent").get("key"), null)
                        .textValue())
                .isEqualTo("abc-1");
        assertThat(field.child("userErrors").selection())
                .extracting(GraphqlDocument.Field::name)
                .containsExactly("field", "code");
    }

    @Test
    void resolvesInlineLiteralsWithNestedVariables() throws Exception {
        GraphqlDocument document = GraphqlDocument.parse(
                "mutation { inventorySetQuantities(input: {name: \"available\", quantities: [{quantity: 3, changeFromQuantity: null,"
                        + " locationId: $loc}], ignore: true, ratio: 1.5, kind: AVAILABLE}) { userErrors { code } } }");

        JsonNode input = GraphqlDocument.resolve(
                document.rootFields.get(0).arguments().get("input"),
                JSON.readTree("{\"loc\":\"gid://shopify/Location/1\"}"));

        assertThat(input.toString())
                .isEqualTo("{\"name\":\"available\",\"quantities\":[{\"quantity\":3,"
                        + "\"changeFromQuantity\":null,\"locationId\":\"gid://shopify/Location/1\"}],\"ignore\":true,"
                        + "\"ratio\":1.5,\"kind\":\"AVAILABLE\"}");
    }

    @Test
    void aVariableTheRequestDidNotSendIsAbsentNotNull() throws Exception {
        GraphqlDocument document = GraphqlDocument.parse("mutation { m(input: {a: $a, b: 1}) { x } }");

        JsonNode input =
                GraphqlDocument.resolve(document.rootFields.get(0).arguments().get("input"), JSON.readTree("{}"));

        assertThat(input.has("a")).isFalse();
        assertThat(input.get("b").intValue()).isEqualTo(1);
    }

    @Test
    void aShorthandQueryIsAQueryAndFragmentsAreSkipped() throws Exception {
        GraphqlDocument document = GraphqlDocument.parse(
                "{ inventoryItem(id: \"gid://shopify/InventoryItem/1\") { ...Level id } } fragment Level on InventoryItem { tracked }");

        assertThat(document.operationType).isEqualTo("query");
        assertThat(document.rootFields.get(0).selection())
                .extracting(GraphqlDocument.Field::name)
                .containsExactly("id");
    }

    @Test
    void selectKeepsTheSelectedFieldsUnderTheirAliases() throws Exception {
        GraphqlDocument document = GraphqlDocument.parse("{ a { renamed: id list { name } } }");
        JsonNode full = JSON.readTree("{\"id\":1,\"secret\":2,\"list\":[{\"name\":\"x\",\"other\":3}]}");

        JsonNode shaped =
                GraphqlDocument.select(full, document.rootFields.get(0).selection());

        assertThat(shaped.toString()).isEqualTo("{\"renamed\":1,\"list\":[{\"name\":\"x\"}]}");
    }

    @Test
    void refusesBrokenDocumentsAndSeveralOperations() {
        assertThatThrownBy(() -> GraphqlDocument.parse("mutation { m(input: ")).hasMessageStartingWith("Parse error");
        assertThatThrownBy(() -> GraphqlDocument.parse("{ a(x: \"unterminated) }"))
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> GraphqlDocument.parse("query A { a } query B { b }"))
                .hasMessageContaining("more than one operation");
    }
}
