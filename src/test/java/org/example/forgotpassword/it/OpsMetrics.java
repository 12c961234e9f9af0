package org.example.forgotpassword.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/** The service's {@code GET /ops/metrics} as the tests read it: single samples of the Prometheus text. */
public final class OpsMetrics {

    private final ApiClient api;

    public OpsMetrics(ApiClient api) {
        this.api = api;
    }

    public String scrape() {
        ApiClient.Reply reply = api.get("/ops/metrics", Map.of());
        assertThat(reply.status()).as("GET /ops/metrics").isEqualTo(200);
        return reply.body();
    }

    /** {@code forgot_password_queue_messages{queue="…"}}: what the broker holds for the queue; empty when absent. */
    public OptionalLong queueMessages(String queue) {
        return sample(scrape(), "forgot_password_queue_messages", "queue=\"" + queue + "\"");
    }

    /** Polls the queue's depth until it satisfies the condition; fails with the last value after the timeout. */
    public long awaitQueueMessages(String queue, String condition, LongPredicate accepted, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        OptionalLong depth = queueMessages(queue);
        while (!(depth.isPresent() && accepted.test(depth.getAsLong())) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            depth = queueMessages(queue);
        }
        assertThat(depth).as("depth of %s in /ops/metrics, expected %s", queue, condition).isPresent();
        assertThat(accepted.test(depth.getAsLong()))
                .as("depth of %s in /ops/metrics is %d, expected %s", queue, depth.getAsLong(), condition).isTrue();
        return depth.getAsLong();
    }

    /** The value of the sample with exactly these labels (as written in the text, e.g. {@code queue="DLQ"}). */
    public static OptionalLong sample(String text, String name, String labels) {
        String prefix = labels.isEmpty() ? name + " " : name + "{" + labels + "} ";
        return text.lines().filter(line -> line.startsWith(prefix))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(prefix.length()).trim()))
                .findFirst();
    }
}
