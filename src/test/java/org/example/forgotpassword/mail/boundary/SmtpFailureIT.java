package org.example.forgotpassword.mail.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.example.forgotpassword.it.ShippedWarFixture;
import org.example.forgotpassword.it.BrokerProbe.BrowsedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the mail server says decides what happens to a mail: a permanent refusal (5xx) is dead-lettered after one
 * attempt, a temporary one (4xx) is retried with the broker's back-off (2 s, then 4 s, ...) until it goes through.
 */
class SmtpFailureIT extends ShippedWarFixture {

    @AfterEach
    void mailServerBehavesAgain() {
        services.smtpRelay().rejectRecipients(address -> false);
        services.smtpRelay().failNextTransactions(0);
    }

    @Test
    void permanentRefusalIsDeadLetteredAfterOneAttemptAndOtherMailsStillGoOut() throws InterruptedException {
        String refused = account("bounce");
        String accepted = account("fine");
        services.smtpRelay().rejectRecipients(address -> address.startsWith("bounce-"));

        assertThat(api.forgot(refused).status()).isEqualTo(200);
        assertThat(api.forgot(accepted).status()).isEqualTo(200);

        BrowsedMessage deadLetter = awaitDeadLetterFor(refused);
        assertThat(deadLetter.properties()).containsEntry("dlqOriginalQueue", "password-reset-requests");
        assertThat((String) deadLetter.properties().get("dlqReason")).contains("550", "not retried");
        assertThat(services.inbox().await(accepted, 1, Duration.ofSeconds(30))).hasSize(1);
        Thread.sleep(Duration.ofSeconds(5).toMillis());
        assertThat(services.smtpRelay().attemptsFor(refused)).as("delivery attempts of the refused mail").isEqualTo(1);
        assertThat(services.inbox().mailsFor(refused)).isEmpty();
    }

    @Test
    void temporaryFailuresAreRetriedWithBackOffUntilTheMailIsDelivered() {
        String address = account("later");
        services.smtpRelay().failNextTransactions(2);
        Instant requested = Instant.now();

        assertThat(api.forgot(address).status()).isEqualTo(200);

        assertThat(services.inbox().await(address, 1, Duration.ofSeconds(45))).hasSize(1);
        Duration took = Duration.between(requested, Instant.now());
        System.out.printf("SMTP 451 twice: mail delivered after %.1f s (back-off 2 s + 4 s)%n",
                took.toMillis() / 1000.0);
        assertThat(took).as("two redeliveries, 2 s and 4 s apart").isGreaterThanOrEqualTo(Duration.ofSeconds(6));
    }

    private String account(String name) {
        return account(name, "en");
    }

    private BrowsedMessage awaitDeadLetterFor(String address) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<BrowsedMessage> found = services.brokerProbe().browse("DLQ").stream()
                    .filter(m -> m.body() != null && m.body().contains("\"email\":\"" + address + "\"")).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no dead letter for " + address + " within 30 s");
    }
}
