package org.example.forgotpassword.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.example.forgotpassword.platform.control.ExportedCounters;
import org.junit.jupiter.api.Test;

/** The names dashboards and the tests (the fault suite among them) read. */
class MailStatisticsTest {

    final ExportedCounters exported = new ExportedCounters();
    final MailStatistics statistics = new MailStatistics();

    @Test
    void exportsEachCounterUnderItsPrometheusNameFromZeroOn() {
        statistics.registry = exported.registry();
        statistics.register();

        exported.assertEachCountsItsCallFromZero(Map.of(
                "forgot_password_mails_sent_total", statistics::recordSent,
                "forgot_password_mail_attempts_failed_total{kind=\"transient\"}", statistics::recordTransientFailure,
                "forgot_password_mail_attempts_failed_total{kind=\"permanent\"}", statistics::recordPermanentFailure,
                "forgot_password_mails_not_resent_total", statistics::recordNotResent));
        assertThat(statistics.sent()).isEqualTo(1);
    }
}
