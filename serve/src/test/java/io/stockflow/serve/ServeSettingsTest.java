package io.stockflow.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServeSettingsTest {
    @Test
    void loopbackNeedsNoToken() {
        ServeSettings s = new ServeSettings();

        assertThat(s.validate().tokenRequired()).isFalse();
    }

    @Test
    void anyOtherAddressRefusesToStartWithoutAToken() {
        ServeSettings s = new ServeSettings();
        s.host = "0.0.0.0";

        assertThatThrownBy(s::validate)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not loopback")
                .hasMessageContaining(ServeSettings.TOKEN_VARIABLE);
        s.token = "  ";
        assertThatThrownBy(s::validate).isInstanceOf(IllegalArgumentException.class);
        s.token = "s3cret-token";
        assertThat(s.validate().tokenRequired()).isTrue();
    }

    @Test
    void neverPrintsTheToken() {
        ServeSettings s = new ServeSettings();
        s.token = "s3cret-token";
        s.kafkaProperties.setProperty("sasl.jaas.config", "password=\"hunter2\"");

        assertThat(s.toString())
                .doesNotContain("s3cret-token")
                .doesNotContain("hunter2")
                .contains("******");
        assertThat(new BearerToken("s3cret-token").toString()).doesNotContain("s3cret-token");
    }

    @Test
    void admitsOnlyTheExactBearerToken() {
        BearerToken token = new BearerToken("s3cret-token");

        assertThat(token.admits("Bearer s3cret-token")).isTrue();
        assertThat(token.admits("Bearer s3cret-tokem")).isFalse();
        assertThat(token.admits("s3cret-token")).isFalse();
        assertThat(token.admits(null)).isFalse();
    }
}
