package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.example.forgotpassword.it.ShippedWarFixture;
import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.BrokerProbe.BrowsedMessage;
import org.example.forgotpassword.it.OpsMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message no version of the service understands, put on a queue by something else, goes straight to the
 * dead-letter queue with the reason, after one delivery instead of ten; the consumers keep working.
 */
class PoisonMessageIT extends ShippedWarFixture {

    static final String DEAD_LETTERS = "DLQ";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "not JSON at all",
            "{\"type\":\"password-reset-request\",\"version\":99}",
            "{\"type\":\"something-else\",\"version\":1}",
            "{\"type\":\"password-reset-request\",\"version\":1}",
            "<html>a mail?</html>"})
    void poisonMessageIsDeadLetteredAtOnceWithItsReasonAndTheConsumerKeepsWorking(String body)
            throws InterruptedException {
        String queue = BrokerProbe.RESET_REQUESTS;
        BrokerProbe broker = services.brokerProbe();

        String poisonId = broker.send(queue, body, Map.of("origin", "PoisonMessageIT"));

        BrowsedMessage deadLetter = awaitDeadLetter(broker, poisonId);
        assertThat(deadLetter.body()).isEqualTo(body);
        assertThat(deadLetter.properties()).containsEntry("dlqOriginalQueue", queue)
                .containsEntry("origin", "PoisonMessageIT");
        assertThat((String) deadLetter.properties().get("dlqReason")).isNotBlank();

        String address = account("after-poison", "en");
        assertThat(api.forgot(address).status()).isEqualTo(200);
        assertThat(services.inbox().await(address, 1, MAIL_WAIT)).hasSize(1);
    }

    @Test
    void deadLetterQueueDepthInTheMetricsCountsTheDeadLetteredMessage() throws InterruptedException {
        BrokerProbe broker = services.brokerProbe();
        OpsMetrics metrics = new OpsMetrics(api);
        long before = metrics.awaitQueueMessages(DEAD_LETTERS, "a value", depth -> true, Duration.ofSeconds(30));

        String poisonId = broker.send("password-reset-requests", "not a request", Map.of("origin", "PoisonMessageIT"));
        awaitDeadLetter(broker, poisonId);

        long after = metrics.awaitQueueMessages(DEAD_LETTERS, "one more than " + before,
                depth -> depth == before + 1, Duration.ofSeconds(10));
        assertThat(after).as("the broker's own count").isEqualTo(broker.messageCount(DEAD_LETTERS));
    }

    /**
     * Within 30 s: had the consumer thrown instead, the broker's back-off (2 s doubling, 10 attempts) would keep the
     * message for minutes, and the copy with {@code dlqOriginalMessageId} is made only by the service.
     */
    private static BrowsedMessage awaitDeadLetter(BrokerProbe broker, String originalId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<BrowsedMessage> found = broker.browse(DEAD_LETTERS).stream()
                    .filter(m -> originalId.equals(m.properties().get("dlqOriginalMessageId"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("message " + originalId + " did not reach " + DEAD_LETTERS + " within 30 s");
    }
}
