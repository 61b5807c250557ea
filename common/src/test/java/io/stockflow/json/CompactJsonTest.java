package io.stockflow.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

    @Test
    void dropsSpacingBetweenTokensButKeepsItInsideStrings() {
        String sent = "{ \"title\" : \"Mug \\\" white\\\\ \" ,\n\t\"lines\": [ 1, {\"a\" :\r\n \"b c\"} ] }";
        assertThat(compact(sent)).isEqualTo("{\"title\":\"Mug \\\" white\\\\ \",\"lines\":[1,{\"a\":\"b c\"}]}");
    }

    @Test
    void givesTheSameBytesForAReIndentedCopyAndOtherBytesForOtherContent() throws Exception {
        String payload = "{\"id\": 7, \"note\": \"gift wrap\"}";
        String pretty = "{\n  \"id\" : 7,\n  \"note\" : \"gift wrap\"\n}";
        JsonFields a = JsonFields.parse(
                ("{\"received_at\": \"x\", \"payload\": " + payload + "}").getBytes(StandardCharsets.UTF_8));
        JsonFields b = JsonFields.parse(
                ("{\"payload\":" + pretty + ",\"received_at\":\"y\"}").getBytes(StandardCharsets.UTF_8));
        JsonFields c =
                JsonFields.parse("{\"payload\": {\"id\": 7, \"note\": \"giftwrap\"}}".getBytes(StandardCharsets.UTF_8));

        assertThat(a.object("payload").compactBytes())
                .isEqualTo(b.object("payload").compactBytes())
                .isEqualTo("{\"id\":7,\"note\":\"gift wrap\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(c.object("payload").compactBytes())
                .isNotEqualTo(a.object("payload").compactBytes());
    }

    @Test
    void digestsExactlyTheCompactBytes() throws Exception {
        JsonFields payload = JsonFields.parse(("{\"payload\": {\n \"note\" : \"a \\\" b\" ,\"n\": [1, 2]\n}}")
                        .getBytes(StandardCharsets.UTF_8))
                .object("payload");
        MessageDigest streamed = MessageDigest.getInstance("SHA-256");
        payload.digestCompact(streamed);

        assertThat(streamed.digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload.compactBytes()));
    }

    private static String compact(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new String(CompactJson.withoutSpacing(bytes, 0, bytes.length), StandardCharsets.UTF_8);
    }
}
