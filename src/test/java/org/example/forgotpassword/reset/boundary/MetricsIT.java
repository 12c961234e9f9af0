package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.ShippedWarFixture;
import org.example.forgotpassword.it.OpsMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /ops/metrics} after real requests, as Prometheus scrapes it: the JVM's figures, the HTTP timings by
 * path template, and a 429 counted by the limit that refused it. Runs on Payara Micro and on WildFly: the registry
 * is the WAR's own.
 */
class MetricsIT extends ShippedWarFixture {

    static final String FORGOT_POST = "method=\"POST\",status=\"%d\",uri=\"/password/forgot\"";

    OpsMetrics metrics;

    @BeforeEach
    void scraper() {
        // api is a client of its own (the test profile trusts X-Forwarded-For from loopback): its own per-client limit
        metrics = new OpsMetrics(api);
    }

    static long value(String text, String name, String labels) {
        OptionalLong sample = OpsMetrics.sample(text, name, labels);
        assertThat(sample).as("%s{%s} in%n%s", name, labels, text).isPresent();
        return sample.getAsLong();
    }

    @Test
    void theScrapeIsPrometheusTextWithTheJvmsFigures() {
        ApiClient.Reply reply = api.get("/ops/metrics", Map.of());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        for (String name : List.of("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
                "jvm_threads_live_threads", "jvm_classes_loaded_classes", "process_cpu_usage", "system_cpu_usage",
                "process_uptime_seconds")) {
            assertThat(reply.body()).as(name).containsPattern("(?m)^" + name + "[ {]");
        }
        // summed over the heap's pools: one of them alone (an eden right after a collection) may be empty
        assertThat(heapUsed(reply.body())).isPositive();
        assertThat(value(reply.body(), "jvm_threads_live_threads", "")).isPositive();
        assertThat(value(reply.body(), "jvm_classes_loaded_classes", "")).isPositive();
        // measured at each collection: 0 where the garbage collectors' notifications cannot be read (WildFly
        // without jdk.management); the server's start alone takes several collections
        assertThat(value(reply.body(), "jvm_gc_memory_allocated_bytes_total", "")).isPositive();
    }

    @Test
    void forgotRequestsAreTimedByTemplateAndStatusAndA429IsCountedByItsLimit() {
        String address = uniqueAddress("metrics");
        String before = metrics.scrape();
        long okBefore = OpsMetrics.sample(before, "http_server_requests_seconds_count", FORGOT_POST.formatted(200))
                .orElse(0);
        long tooManyBefore = OpsMetrics.sample(before, "http_server_requests_seconds_count",
                FORGOT_POST.formatted(429)).orElse(0);
        long refusedBefore = value(before, "forgot_password_rate_limited_total", "limit=\"forgot/address\"");
        long acceptedBefore = value(before, "forgot_password_requests_accepted_total", "");
        long clientRefusedBefore = value(before, "forgot_password_rate_limited_total", "limit=\"forgot/client\"");

        // rate-limit.forgot.per-address: 3 in 15 minutes, then 429
        for (int i = 0; i < 3; i++) {
            assertThat(api.forgot(address).status()).isEqualTo(200);
        }
        ApiClient.Reply refused = api.forgot(address);
        assertThat(refused.status()).isEqualTo(429);
        api.get("/no/such/thing", Map.of());
        String after = metrics.scrape();

        assertThat(value(after, "http_server_requests_seconds_count", FORGOT_POST.formatted(200)) - okBefore)
                .isEqualTo(3);
        assertThat(value(after, "http_server_requests_seconds_count", FORGOT_POST.formatted(429)) - tooManyBefore)
                .isEqualTo(1);
        assertThat(after).contains("# TYPE http_server_requests_seconds histogram")
                .contains("http_server_requests_seconds_bucket{" + FORGOT_POST.formatted(200) + ",le=\"0.25\"}")
                .contains("http_server_requests_seconds_sum{" + FORGOT_POST.formatted(200) + "}");
        assertThat(value(after, "forgot_password_rate_limited_total", "limit=\"forgot/address\"") - refusedBefore)
                .isEqualTo(1);
        assertThat(value(after, "forgot_password_rate_limited_total", "limit=\"forgot/client\"")
                - clientRefusedBefore).as("refused by the per-client limit").isZero();
        assertThat(value(after, "forgot_password_requests_accepted_total", "") - acceptedBefore).isEqualTo(3);
        assertThat(value(after, "forgot_password_rate_limit_local_counts_total", "")).as("counted in the database")
                .isZero();
        assertThat(value(after, "http_server_requests_seconds_count",
                "method=\"GET\",status=\"404\",uri=\"NOT_FOUND\"")).isPositive();
        assertThat(after).as("no series for a path a client made up").doesNotContain("/no/such/thing");
    }

    /** The name of a heap pool, which differs by garbage collector (G1 Eden Space, PS Eden Space, ...). */
    static double heapUsed(String text) {
        String prefix = "jvm_memory_used_bytes{area=\"heap\",";
        List<Double> pools = text.lines().filter(line -> line.startsWith(prefix))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toList();
        assertThat(pools).as("heap pools in%n%s", text).isNotEmpty();
        return pools.stream().mapToDouble(Double::doubleValue).sum();
    }
}
