package org.example.forgotpassword.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

import org.example.forgotpassword.mail.entity.OutgoingMail;

/**
 * Queues rendered mails for sending. The message joins the caller's JTA transaction: a mail is queued exactly when
 * the database change it reports is committed. Properties carry only the mail's id (the console shows
 * properties); the body holds the mail itself, reset link included, which is why operators must not be able to
 * browse this queue (README, "Operations").
 */
@ApplicationScoped
public class MailOutbox {

    @Resource(name = "jms/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(name = "jms/MailOutbox")
    Queue queue;

    @Inject
    OutgoingMailMessages messages;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutgoingMail mail) {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(messages.toJson(mail));
            message.setStringProperty("type", OutgoingMailMessages.TYPE);
            message.setIntProperty("version", OutgoingMailMessages.VERSION);
            message.setStringProperty("mailId", mail.mailId());
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot queue mail " + mail.mailId(), e);
        }
    }
}
