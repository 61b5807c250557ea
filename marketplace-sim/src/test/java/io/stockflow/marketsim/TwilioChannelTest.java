package io.stockflow.marketsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TwilioChannelTest extends SimulatorTest {
    static final String ACCOUNT = "AC00000000000000000000000000000000";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    SimHttp.Answer send(String form, String authorization) {
        return http.post(
                MESSAGES, form, "Content-Type", "application/x-www-form-urlencoded", "Authorization", authorization);
    }

    @Test
    void aMessageIsQueuedAndKept() {
        SimHttp.Answer answer = send(
                "To=%2B15558675310&From=%2B15017122661&Body=Your+order+has+shipped",
                SimHttp.basic(ACCOUNT, "simulator_auth_token"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("status").textValue()).isEqualTo("queued");
        assertThat(answer.json().get("sid").textValue()).matches("SM[0-9a-f]{32}");
        assertThat(answer.json().get("to").textValue()).isEqualTo("+15558675310");
        JsonNode kept = http.admin("/_sim/messages");
        assertThat(kept).hasSize(1);
        assertThat(kept.at("/0/body").textValue()).isEqualTo("Your order has shipped");
    }

    @Test
    void wrongCredentialsAreRefusedWith401AndTwiliosCode() {
        SimHttp.Answer answer = send("To=%2B15558675310&From=%2B15017122661&Body=hi", SimHttp.basic(ACCOUNT, "nope"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("code").intValue()).isEqualTo(20003);
        assertThat(http.admin("/_sim/messages")).isEmpty();
    }

    @Test
    void aMessageWithoutRecipientOrBodyOrWithABadNumberIsRefusedWith400() {
        String auth = SimHttp.basic(ACCOUNT, "simulator_auth_token");

        assertThat(send("From=%2B15017122661&Body=hi", auth).json().get("code").intValue())
                .isEqualTo(21604);
        assertThat(send("To=555-1234&From=%2B15017122661&Body=hi", auth)
                        .json()
                        .get("code")
                        .intValue())
                .isEqualTo(21211);
        assertThat(send("To=%2B15558675310&From=%2B15017122661", auth)
                        .json()
                        .get("code")
                        .intValue())
                .isEqualTo(21602);
    }
}
