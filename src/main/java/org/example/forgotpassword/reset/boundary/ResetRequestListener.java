package org.example.forgotpassword.reset.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.example.forgotpassword.mail.control.PermanentMailFailureException;
import org.example.forgotpassword.platform.control.DeadLetters;
import org.example.forgotpassword.reset.control.ResetMailing;
import org.example.forgotpassword.reset.control.ResetRequestMessages;
import org.example.forgotpassword.reset.control.UnreadableMessageException;
import org.example.forgotpassword.reset.entity.ResetRequest;

/**
 * Consumes reset requests inside the container: CDI beans, MicroProfile Config and JPA are all there in
 * {@code onMessage}, as in a request (what a Celery task gets only after {@code app.app_context().push()}). It reads
 * the message and hands it to {@link ResetMailing}, which mails the link.
 *
 * <p>The delivery takes part in no transaction: the resource adapter acknowledges the message when
 * {@code onMessage} returns and has the broker redeliver it, with back-off, when it throws (the mail server
 * unavailable or answering 4xx). A message no version of this service can read, and a mail the server refuses for
 * good (5xx), go to the dead-letter queue at once, with the reason.
 *
 * <p>The destination is the broker's queue name; which resource adapter delivers it is the server's business
 * ({@code glassfish-ejb-jar.xml} for Payara, {@code jboss-ejb3.xml} for WildFly).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ResetRequestListener.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ResetRequestListener implements MessageListener {

    static final String QUEUE = "password-reset-requests";

    @Inject
    ResetRequestMessages messages;

    @Inject
    ResetMailing mailing;

    @Inject
    DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        ResetRequest request;
        try {
            request = read(message);
        } catch (UnreadableMessageException poison) {
            deadLetters.deadLetter(message, QUEUE, poison.getMessage());
            return;
        }
        try {
            mailing.mail(request);
        } catch (PermanentMailFailureException refused) {
            deadLetters.deadLetter(message, QUEUE, "SMTP refused the mail of reset request " + request.requestId()
                    + " permanently (" + refused.smtpCode() + "); not retried");
        }
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
