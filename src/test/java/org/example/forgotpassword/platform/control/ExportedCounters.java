package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.example.forgotpassword.it.OpsMetrics;

/**
 * A meter registry and the counters it exports, read from its Prometheus text as {@code /ops/metrics} writes it:
 * what dashboards and the tests read, for the tests of the classes that count.
 */
public final class ExportedCounters {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The value of each counter now, by its sample as the text writes it ({@code name} or {@code name{labels}});
     * one that is not exported, or not as a counter, has none.
     */
    public Map<String, Long> values(String... samples) {
        String text = registry.scrape(ServiceMetrics.MEDIA_TYPE);
        Map<String, Long> values = new LinkedHashMap<>();
        for (String sample : samples) {
            int labels = sample.indexOf('{');
            String name = labels < 0 ? sample : sample.substring(0, labels);
            if (text.contains("# TYPE " + name + " counter\n")) {
                OpsMetrics.sample(text, name, labels < 0 ? "" : sample.substring(labels + 1, sample.length() - 1))
                        .ifPresent(value -> values.put(sample, value));
            }
        }
        return values;
    }

    /**
     * Asserts that the counters are exported at 0, and that each call adds one to its own counter and to no other.
     *
     * @param calls each counter's sample, as {@link #values} takes it, and the call that counts it
     */
    public void assertEachCountsItsCallFromZero(Map<String, Runnable> calls) {
        String[] samples = calls.keySet().toArray(String[]::new);
        Map<String, Long> expected = new HashMap<>();
        calls.keySet().forEach(sample -> expected.put(sample, 0L));
        assertThat(values(samples)).as("before any call").isEqualTo(expected);
        calls.forEach((sample, call) -> {
            call.run();
            expected.merge(sample, 1L, Long::sum);
            assertThat(values(samples)).as("after the call counted under " + sample).isEqualTo(expected);
        });
    }
}
