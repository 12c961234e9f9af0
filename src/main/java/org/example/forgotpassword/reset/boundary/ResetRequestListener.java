package org.example.forgotpassword.reset.boundary;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.example.forgotpassword.account.control.Accounts;
import org.example.forgotpassword.account.entity.Account;
import org.example.forgotpassword.mail.control.MailOutbox;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.platform.control.DeadLetters;
import org.example.forgotpassword.platform.control.PerMessageLog;
import org.example.forgotpassword.reset.control.ResetMailComposer;
import org.example.forgotpassword.reset.control.ResetRequestMessages;
import org.example.forgotpassword.reset.control.ResetStatistics;
import org.example.forgotpassword.reset.control.ResetTokenStore;
import org.example.forgotpassword.reset.control.UnreadableMessageException;
import org.example.forgotpassword.reset.entity.ResetRequest;

/**
 * Consumes reset requests inside the container: CDI beans, MicroProfile Config, JPA and the JTA transaction are
 * all there in {@code onMessage}, as in a request (what a Celery task gets only after
 * {@code app.app_context().push()}). For an address with an account it stores a new token (older ones stop
 * working) and queues the mail on the outbox; both happen in the delivery's transaction, so either both are
 * committed or the broker redelivers the request. An unknown address gets nothing, and is only counted. A message
 * that is not a reset request of a known version goes to the dead-letter queue at once, with the reason.
 *
 * <p>The destination is the broker's queue name; which resource adapter delivers it is the server's business
 * ({@code glassfish-ejb-jar.xml} for Payara).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ResetRequestListener.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false")
})
public class ResetRequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ResetRequestListener.class.getName());

    @Inject
    PerMessageLog perMessageLog;

    static final String QUEUE = "password-reset-requests";

    @Inject
    ResetRequestMessages messages;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Accounts accounts;

    @Inject
    ResetTokenStore tokenStore;

    @Inject
    ResetMailComposer composer;

    @Inject
    MailOutbox outbox;

    @Inject
    ResetStatistics statistics;

    @Override
    public void onMessage(Message message) {
        ResetRequest request;
        try {
            request = read(message);
        } catch (UnreadableMessageException poison) {
            deadLetters.deadLetter(message, QUEUE, poison.getMessage());
            return;
        }
        Optional<Account> account = accounts.find(request.email());
        if (account.isEmpty()) {
            statistics.recordUnknownAddress();
            LOG.log(perMessageLog.level(), "Reset request {0}: no account, no mail", request.requestId());
            return;
        }
        String token = tokenStore.issue(account.get());
        OutgoingMail mail = composer.compose(account.get().email(), account.get().locale(), token);
        outbox.enqueue(mail);
        statistics.recordMailQueued();
        LOG.log(perMessageLog.level(), "Reset request {0}: queued mail {1} to {2}",
                new Object[] {request.requestId(), mail.mailId(), request.email().masked()});
    }

    private ResetRequest read(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new UnreadableMessageException("not a text message");
        }
        try {
            return messages.fromJson(text.getText());
        } catch (JMSException e) {
            throw new UnreadableMessageException("body cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
