package org.example.forgotpassword.reset.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.example.forgotpassword.platform.control.ExportedCounters;
import org.junit.jupiter.api.Test;

/** The names dashboards and the tests read: they must not change with the library that writes them. */
class ResetStatisticsTest {

    final ExportedCounters exported = new ExportedCounters();
    final ResetStatistics statistics = new ResetStatistics();

    @Test
    void exportsEachCounterUnderItsPrometheusNameFromZeroOn() {
        statistics.registry = exported.registry();
        statistics.register();

        exported.assertEachCountsItsCallFromZero(Map.of(
                "forgot_password_requests_accepted_total", statistics::recordAccepted,
                "forgot_password_requests_broker_unavailable_total", statistics::recordBrokerUnavailable,
                "forgot_password_reset_mails_sent_total", statistics::recordMailed,
                "forgot_password_unknown_addresses_total", statistics::recordUnknownAddress));
        assertThat(statistics.mailed()).isEqualTo(1);
        assertThat(statistics.unknownAddresses()).isEqualTo(1);
    }
}
