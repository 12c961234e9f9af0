package org.example.forgotpassword.mail.boundary;

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
import org.example.forgotpassword.mail.control.MailStatistics;
import org.example.forgotpassword.mail.control.OutgoingMailMessages;
import org.example.forgotpassword.mail.control.PermanentMailFailureException;
import org.example.forgotpassword.mail.control.SentMails;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.platform.control.DeadLetters;
import org.example.forgotpassword.platform.control.PerMessageLog;
import org.example.forgotpassword.reset.entity.EmailAddress;

/**
 * Sends the mails of the outbox queue over SMTP. A transient failure (4xx, no connection, timeout) rolls the
 * delivery back and the broker redelivers it with back-off; only this step is retried, never the token creation
 * before it. A permanent refusal (5xx, e.g. unknown mailbox) goes to the dead-letter queue after this one attempt.
 * A mail the server has already accepted (a redelivery after the 250) is not sent again ({@link SentMails}). A message that is not an outgoing
 * mail of a known version goes to the dead-letter queue at once, with the reason.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MailOutboxListener.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false")
})
public class MailOutboxListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(MailOutboxListener.class.getName());

    @Inject
    PerMessageLog perMessageLog;

    static final String QUEUE = "mail-outbox";

    @Inject
    OutgoingMailMessages messages;

    @Inject
    DeadLetters deadLetters;

    @Inject
    SentMails sentMails;

    @Inject
    MailSender mailSender;

    @Inject
    MailStatistics statistics;

    @Override
    public void onMessage(Message message) {
        OutgoingMail mail;
        try {
            mail = messages.fromJson(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException unreadable) {
            deadLetters.deadLetter(message, QUEUE, "not an outgoing mail of a known version: "
                    + (unreadable instanceof IllegalArgumentException ? unreadable.getMessage()
                    : unreadable.getClass().getSimpleName()));
            return;
        }
        if (sentMails.wasSent(mail.mailId())) {
            LOG.log(Level.INFO, "Mail {0} was already accepted by the SMTP server: not sent again", mail.mailId());
            statistics.recordNotResent();
            return;
        }
        try {
            mailSender.send(mail);
            sentMails.recordSent(mail.mailId());
        } catch (PermanentMailFailureException refused) {
            statistics.recordRefusedPermanently();
            deadLetters.deadLetter(message, QUEUE, "SMTP refused mail " + mail.mailId() + " permanently ("
                    + refused.smtpCode() + "); not retried");
            return;
        }
        LOG.log(perMessageLog.level(), "Sent mail {0} to {1}",
                new Object[] {mail.mailId(), EmailAddress.parse(mail.to())});
    }
}
