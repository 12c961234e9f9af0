package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.BrokerProbe.BrowsedMessage;
import org.example.forgotpassword.it.IntegrationServices;
import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.it.ShippedWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A message no version of the service understands, put on a queue by something else, goes straight to the
 * dead-letter queue with the reason, after one delivery instead of ten; the consumers keep working.
 */
@ExtendWith(ArquillianExtension.class)
class PoisonMessageIT {

    static final String DEAD_LETTERS = "DLQ";

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return ShippedWar.archive();
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
            "password-reset-requests | not JSON at all",
            "password-reset-requests | {\"type\":\"password-reset-request\",\"version\":99}",
            "password-reset-requests | {\"type\":\"something-else\",\"version\":1}",
            "password-reset-requests | {\"type\":\"password-reset-request\",\"version\":1}",
            "password-reset-requests | <html>a mail?</html>"})
    void poisonMessageIsDeadLetteredAtOnceWithItsReasonAndTheConsumerKeepsWorking(String queue, String body)
            throws InterruptedException {
        IntegrationServices.Running services = IntegrationServices.current();
        BrokerProbe broker = services.brokerProbe();

        String poisonId = broker.send(queue, body, Map.of("origin", "PoisonMessageIT"));

        BrowsedMessage deadLetter = awaitDeadLetter(broker, poisonId);
        assertThat(deadLetter.body()).isEqualTo(body);
        assertThat(deadLetter.properties()).containsEntry("dlqOriginalQueue", queue)
                .containsEntry("origin", "PoisonMessageIT");
        assertThat((String) deadLetter.properties().get("dlqReason")).isNotBlank();

        ApiClient api = new ApiClient(base.toString());
        String address = "after-poison-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(api.createAccount(address, "correct horse battery staple", "en").status()).isEqualTo(201);
        assertThat(api.forgot(address).status()).isEqualTo(200);
        assertThat(services.inbox().await(address, 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void deadLetterQueueDepthInTheMetricsCountsTheDeadLetteredMessage() throws InterruptedException {
        BrokerProbe broker = IntegrationServices.current().brokerProbe();
        OpsMetrics metrics = new OpsMetrics(new ApiClient(base.toString()));
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
