package org.example.forgotpassword.mail.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;

import org.example.forgotpassword.it.ShippedWarFixture;
import org.example.forgotpassword.it.MailInbox.ReceivedMail;
import org.junit.jupiter.api.Test;

/**
 * None sent twice: a reset request delivered again after the SMTP server accepted its mail (as after a crash between
 * the server's 250 and the acknowledgement of the delivery) does not produce a second mail.
 */
class DuplicateDeliveryIT extends ShippedWarFixture {

    @Test
    void resetRequestDeliveredTwiceSendsOneMail() throws InterruptedException {
        String requestId = UUID.randomUUID().toString();
        String to = "twice-" + requestId.substring(0, 8) + "@example.com";
        assertThat(api.createAccount(to, PASSWORD, "en").status()).isEqualTo(201);
        String body = Json.createObjectBuilder()
                .add("type", "password-reset-request").add("version", 1).add("requestId", requestId)
                .add("email", to).add("locale", "en").add("requestedAt", Instant.now().toString())
                .build().toString();
        Map<String, Object> properties = Map.of("type", "password-reset-request", "version", 1);

        services.brokerProbe().send("password-reset-requests", body, properties);
        ReceivedMail first = services.inbox().await(to, 1, MAIL_WAIT).get(0);
        services.brokerProbe().send("password-reset-requests", body, properties);
        Thread.sleep(Duration.ofSeconds(5).toMillis());

        assertThat(services.inbox().mailsFor(to)).hasSize(1);
        assertThat(services.smtpRelay().attemptsFor(to)).as("SMTP transactions for the mail").isEqualTo(1);
        assertThat(first.messageId()).isEqualTo("<" + requestId + "@localhost>");
    }
}
