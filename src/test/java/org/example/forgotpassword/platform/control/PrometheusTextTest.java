package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.example.forgotpassword.platform.entity.Metric;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void writesOneHelpAndTypeLinePerNameThenItsSamples() {
        String text = PrometheusText.format(List.of(
                Metric.gauge("queue_messages", "Messages waiting", Map.of("queue", "password-reset-requests"), 3),
                Metric.counter("mails_sent_total", "Mails sent", 12),
                Metric.gauge("queue_messages", "Messages waiting", Map.of("queue", "DLQ"), 0)));

        assertThat(text).isEqualTo("""
                # HELP mails_sent_total Mails sent
                # TYPE mails_sent_total counter
                mails_sent_total 12
                # HELP queue_messages Messages waiting
                # TYPE queue_messages gauge
                queue_messages{queue="password-reset-requests"} 3
                queue_messages{queue="DLQ"} 0
                """);
    }

    @Test
    void escapesLabelValuesAndKeepsFractions() {
        String text = PrometheusText.format(List.of(
                Metric.gauge("g", "help", Map.of("b", "say \"hi\"\n", "a", "x\\y"), 0.25)));

        assertThat(text).contains("g{a=\"x\\\\y\",b=\"say \\\"hi\\\"\\n\"} 0.25");
    }
}
