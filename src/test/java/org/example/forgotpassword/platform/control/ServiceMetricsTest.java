package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.example.forgotpassword.it.OpsMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    final ServiceMetrics metrics = new ServiceMetrics();
    int scrapes;

    /** A broker that answers with 3 waiting requests, or (after {@link #brokerGone}) not at all. */
    boolean brokerGone;

    void start() {
        metrics.queueDepths = new QueueDepths() {
            @Override
            public MetricSnapshots collect() {
                scrapes++;
                if (brokerGone) {
                    return MetricSnapshots.of();
                }
                return MetricSnapshots.of(GaugeSnapshot.builder().name("forgot_password_queue_messages")
                        .help("Messages in a broker queue").dataPoint(GaugeDataPointSnapshot.builder()
                                .labels(Labels.of("queue", "password-reset-requests")).value(3).build()).build());
            }
        };
        metrics.start();
    }

    @AfterEach
    void stop() {
        metrics.stop();
    }

    @Test
    void theJvmsFiguresAreExported() {
        start();

        String text = metrics.scrape();

        for (String name : List.of("jvm_memory_used_bytes", "jvm_memory_max_bytes",
                "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads", "jvm_threads_states_threads",
                "jvm_classes_loaded_classes", "system_cpu_count", "process_cpu_usage", "process_uptime_seconds",
                "process_start_time_seconds")) {
            assertThat(text).as(name).containsPattern("(?m)^" + name + "[ {]");
        }
    }

    @Test
    void theQueueDepthsAreAskedAtEachScrapeAndLeftOutWhenTheBrokerDoesNotAnswer() {
        start();

        String withBroker = metrics.scrape();
        brokerGone = true;
        String withoutBroker = metrics.scrape();

        assertThat(scrapes).isEqualTo(2);
        assertThat(OpsMetrics.sample(withBroker, "forgot_password_queue_messages", "queue=\"password-reset-requests\""))
                .hasValue(3);
        assertThat(withBroker).contains("# TYPE forgot_password_queue_messages gauge");
        assertThat(withoutBroker).doesNotContain("forgot_password_queue_messages{");
    }

    @Test
    void theApplicationsCountersAreWrittenInThePrometheusTextFormatWithTheirSuffix() {
        start();
        Counter.builder("forgot.password.mails.sent").description("Mails the SMTP server accepted")
                .register(metrics.registry()).increment(2);

        String text = metrics.scrape();

        assertThat(text).contains("# HELP forgot_password_mails_sent_total Mails the SMTP server accepted\n",
                "# TYPE forgot_password_mails_sent_total counter\n");
        assertThat(OpsMetrics.sample(text, "forgot_password_mails_sent_total", "")).hasValue(2);
    }
}
