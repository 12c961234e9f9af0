package org.example.forgotpassword.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.platform.control.ServiceMetrics;
import org.junit.jupiter.api.Test;

/** The names dashboards and the tests (the fault suite among them) read. */
class MailStatisticsTest {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final MailStatistics statistics = new MailStatistics();

    @Test
    void exportsItsCountersUnderTheirPrometheusNamesFromZeroOn() {
        statistics.registry = registry;
        statistics.register();
        String before = registry.scrape(ServiceMetrics.MEDIA_TYPE);

        statistics.recordSent();
        statistics.recordTransientFailure();
        statistics.recordTransientFailure();
        statistics.recordPermanentFailure();
        statistics.recordNotResent();
        String after = registry.scrape(ServiceMetrics.MEDIA_TYPE);

        assertThat(OpsMetrics.sample(before, "forgot_password_mails_sent_total", "")).hasValue(0);
        assertThat(OpsMetrics.sample(before, "forgot_password_mail_attempts_failed_total", "kind=\"transient\""))
                .hasValue(0);
        assertThat(OpsMetrics.sample(before, "forgot_password_mail_attempts_failed_total", "kind=\"permanent\""))
                .hasValue(0);
        assertThat(OpsMetrics.sample(before, "forgot_password_mails_not_resent_total", "")).hasValue(0);
        assertThat(OpsMetrics.sample(after, "forgot_password_mails_sent_total", "")).hasValue(1);
        assertThat(OpsMetrics.sample(after, "forgot_password_mail_attempts_failed_total", "kind=\"transient\""))
                .hasValue(2);
        assertThat(OpsMetrics.sample(after, "forgot_password_mail_attempts_failed_total", "kind=\"permanent\""))
                .hasValue(1);
        assertThat(OpsMetrics.sample(after, "forgot_password_mails_not_resent_total", "")).hasValue(1);
        assertThat(statistics.sent()).isEqualTo(1);
    }
}
