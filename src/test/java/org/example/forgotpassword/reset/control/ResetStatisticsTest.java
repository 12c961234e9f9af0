package org.example.forgotpassword.reset.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.example.forgotpassword.platform.control.ExportedCounters;
import org.junit.jupiter.api.Test;

/** The names dashboards and the tests read: they must not change with the library that writes them. */
class ResetStatisticsTest {

    static final String ACCEPTED = "forgot_password_requests_accepted_total";
    static final String BROKER_UNAVAILABLE = "forgot_password_requests_broker_unavailable_total";
    static final String MAILED = "forgot_password_reset_mails_sent_total";
    static final String UNKNOWN = "forgot_password_unknown_addresses_total";

    final ExportedCounters exported = new ExportedCounters();
    final ResetStatistics statistics = new ResetStatistics();

    @Test
    void exportsItsCountersUnderTheirPrometheusNamesFromZeroOn() {
        statistics.registry = exported.registry();
        statistics.register();
        Map<String, Long> before = exported.values(ACCEPTED, BROKER_UNAVAILABLE, MAILED, UNKNOWN);

        statistics.recordAccepted();
        statistics.recordAccepted();
        statistics.recordBrokerUnavailable();
        statistics.recordMailed();
        statistics.recordUnknownAddress();

        assertThat(before).isEqualTo(Map.of(ACCEPTED, 0L, BROKER_UNAVAILABLE, 0L, MAILED, 0L, UNKNOWN, 0L));
        assertThat(exported.values(ACCEPTED, BROKER_UNAVAILABLE, MAILED, UNKNOWN))
                .isEqualTo(Map.of(ACCEPTED, 2L, BROKER_UNAVAILABLE, 1L, MAILED, 1L, UNKNOWN, 1L));
        assertThat(statistics.mailed()).isEqualTo(1);
        assertThat(statistics.unknownAddresses()).isEqualTo(1);
    }
}
