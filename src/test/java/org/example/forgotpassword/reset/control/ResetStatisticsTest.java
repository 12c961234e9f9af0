package org.example.forgotpassword.reset.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.platform.control.ServiceMetrics;
import org.junit.jupiter.api.Test;

/** The names dashboards and the tests read: they must not change with the library that writes them. */
class ResetStatisticsTest {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final ResetStatistics statistics = new ResetStatistics();

    @Test
    void exportsItsCountersUnderTheirPrometheusNamesFromZeroOn() {
        statistics.registry = registry;
        statistics.register();
        String before = registry.scrape(ServiceMetrics.MEDIA_TYPE);

        statistics.recordAccepted();
        statistics.recordAccepted();
        statistics.recordBrokerUnavailable();
        statistics.recordMailed();
        statistics.recordUnknownAddress();
        String after = registry.scrape(ServiceMetrics.MEDIA_TYPE);

        for (String name : new String[] {"forgot_password_requests_accepted_total",
                "forgot_password_requests_broker_unavailable_total", "forgot_password_reset_mails_sent_total",
                "forgot_password_unknown_addresses_total"}) {
            assertThat(OpsMetrics.sample(before, name, "")).as(name).hasValue(0);
            assertThat(after).contains("# TYPE " + name + " counter");
        }
        assertThat(OpsMetrics.sample(after, "forgot_password_requests_accepted_total", "")).hasValue(2);
        assertThat(OpsMetrics.sample(after, "forgot_password_requests_broker_unavailable_total", "")).hasValue(1);
        assertThat(statistics.mailed()).isEqualTo(1);
        assertThat(statistics.unknownAddresses()).isEqualTo(1);
    }
}
