package org.example.forgotpassword.reset.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.example.forgotpassword.account.control.Accounts;
import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.it.MailInbox;
import org.example.forgotpassword.it.ShippedWar;
import org.example.forgotpassword.mail.control.MailStatistics;
import org.example.forgotpassword.reset.control.PasswordResetRequests;
import org.example.forgotpassword.reset.control.ResetStatistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Payara Micro, next to the message-driven bean: the consumer works with the application's own CDI
 * beans and MicroProfile Config, with no context to push by hand (the Celery pattern's
 * {@code app.app_context().push()}).
 */
@ExtendWith(ArquillianExtension.class)
class ResetRequestListenerIT {

    @Deployment
    static WebArchive shippedWarWithThisTest() {
        return ShippedWar.archive()
                .addClasses(MailInbox.class, MailInbox.ReceivedMail.class);
    }

    @Inject
    PasswordResetRequests resetRequests;

    @Inject
    Accounts accounts;

    @Inject
    MailStatistics statistics;

    @Inject
    ResetStatistics resetStatistics;

    @Inject
    Config config;

    @Test
    void consumerSendsTheMailWithTheApplicationsCdiBeansAndConfiguration() {
        long sentBefore = statistics.sent();
        String address = "in-container-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        accounts.create(EmailAddress.parse(address), "correct horse battery staple", Locale.ENGLISH);

        resetRequests.accept(EmailAddress.parse(address), Locale.ENGLISH);

        // The MDBs count into the very application-scoped bean this test was injected with.
        Instant deadline = Instant.now().plusSeconds(30);
        while (statistics.sent() == sentBefore && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
        assertEquals(sentBefore + 1, statistics.sent(), "mails sent by the consumer");

        MailInbox inbox = new MailInbox("127.0.0.1", Integer.parseInt(System.getenv("IT_GREENMAIL_IMAP_PORT")));
        MailInbox.ReceivedMail mail = inbox.await(address, 1, Duration.ofSeconds(30)).get(0);
        assertEquals("test", config.getValue("mp.config.profile", String.class));
        assertEquals(config.getValue("mail.subject-prefix", String.class) + " Reset your password", mail.subject());
        assertTrue(mail.text().contains(config.getValue("app.base-url", String.class) + "/password/reset/?token="),
                "link built from app.base-url in: " + mail.text());
    }

    @Test
    void requestForAnAddressWithoutAccountIsCountedAndSendsNothing() {
        long unknownBefore = resetStatistics.unknownAddresses();
        long queuedBefore = resetStatistics.mailed();
        String address = "no-account-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        resetRequests.accept(EmailAddress.parse(address), Locale.ENGLISH);

        Instant deadline = Instant.now().plusSeconds(30);
        while (resetStatistics.unknownAddresses() == unknownBefore && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
        assertEquals(unknownBefore + 1, resetStatistics.unknownAddresses(), "unknown addresses counted");
        assertEquals(queuedBefore, resetStatistics.mailed(), "reset mails sent");
        MailInbox inbox = new MailInbox("127.0.0.1", Integer.parseInt(System.getenv("IT_GREENMAIL_IMAP_PORT")));
        assertTrue(inbox.mailsFor(address).isEmpty(), "no mail for an address without account");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
