package io.stockflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoAlertmanagerTest {
    @Test
    void theScreenLineCountsAlertsAndGroupsInTheSingularWhenThereIsOne() {
        assertThat(DemoAlertmanager.summaryLine(1, 1, 0))
                .isEqualTo("1 alert in 1 group over its receivers (0 silenced or inhibited)");
        assertThat(DemoAlertmanager.summaryLine(1, 3, 1))
                .isEqualTo("1 alert in 3 groups over its receivers (1 silenced or inhibited)");
        assertThat(DemoAlertmanager.summaryLine(0, 0, 0))
                .isEqualTo("0 alerts in 0 groups over its receivers (0 silenced or inhibited)");
        assertThat(DemoAlertmanager.summaryLine(12, 2, 5))
                .isEqualTo("12 alerts in 2 groups over its receivers (5 silenced or inhibited)");
    }
}
