package org.example.forgotpassword.reset.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.example.forgotpassword.mail.control.MailSender;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.reset.control.ResetMailComposer;
import org.example.forgotpassword.reset.control.ResetRequestMessages;
import org.example.forgotpassword.reset.control.ResetTokens;
import org.example.forgotpassword.reset.control.UnreadableMessageException;
import org.example.forgotpassword.reset.entity.ResetRequest;

/**
 * Consumes reset requests inside the container: CDI beans, MicroProfile Config and the JTA transaction are all
 * there in {@code onMessage}, as in a request (what a Celery task gets only after {@code app.app_context().push()}).
 * A failure rolls the delivery back and the broker redelivers it according to its address settings.
 *
 * <p>The destination is the broker's queue name; which resource adapter delivers it is the server's business
 * ({@code glassfish-ejb-jar.xml} for Payara).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "password-reset-requests"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false")
})
public class ResetRequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ResetRequestListener.class.getName());

    @Inject
    ResetRequestMessages messages;

    @Inject
    ResetTokens tokens;

    @Inject
    ResetMailComposer composer;

    @Inject
    MailSender mailSender;

    @Override
    public void onMessage(Message message) {
        ResetRequest request = read(message);
        OutgoingMail mail = composer.compose(request, tokens.newToken());
        mailSender.send(mail);
        LOG.log(Level.INFO, "Sent reset mail {0} for request {1} to {2}",
                new Object[] {mail.mailId(), request.requestId(), request.email().masked()});
    }

    private ResetRequest read(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new UnreadableMessageException("not a text message");
            }
            return messages.fromJson(text.getText());
        } catch (JMSException | UnreadableMessageException unreadable) {
            String messageId = messageIdOf(message);
            LOG.log(Level.SEVERE, "Cannot process message {0}: {1}", new Object[] {messageId, unreadable.getMessage()});
            throw new UnreadableMessageException("message " + messageId + " is not a readable reset request");
        }
    }

    private static String messageIdOf(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
