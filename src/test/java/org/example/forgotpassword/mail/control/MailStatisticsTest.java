package org.example.forgotpassword.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.example.forgotpassword.platform.control.ExportedCounters;
import org.junit.jupiter.api.Test;

/** The names dashboards and the tests (the fault suite among them) read. */
class MailStatisticsTest {

    static final String SENT = "forgot_password_mails_sent_total";
    static final String TRANSIENT = "forgot_password_mail_attempts_failed_total{kind=\"transient\"}";
    static final String PERMANENT = "forgot_password_mail_attempts_failed_total{kind=\"permanent\"}";
    static final String NOT_RESENT = "forgot_password_mails_not_resent_total";

    final ExportedCounters exported = new ExportedCounters();
    final MailStatistics statistics = new MailStatistics();

    @Test
    void exportsItsCountersUnderTheirPrometheusNamesFromZeroOn() {
        statistics.registry = exported.registry();
        statistics.register();
        Map<String, Long> before = exported.values(SENT, TRANSIENT, PERMANENT, NOT_RESENT);

        statistics.recordSent();
        statistics.recordTransientFailure();
        statistics.recordTransientFailure();
        statistics.recordPermanentFailure();
        statistics.recordNotResent();

        assertThat(before).isEqualTo(Map.of(SENT, 0L, TRANSIENT, 0L, PERMANENT, 0L, NOT_RESENT, 0L));
        assertThat(exported.values(SENT, TRANSIENT, PERMANENT, NOT_RESENT))
                .isEqualTo(Map.of(SENT, 1L, TRANSIENT, 2L, PERMANENT, 1L, NOT_RESENT, 1L));
        assertThat(statistics.sent()).isEqualTo(1);
    }
}
