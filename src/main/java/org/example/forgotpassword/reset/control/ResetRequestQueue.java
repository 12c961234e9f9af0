package org.example.forgotpassword.reset.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

import org.example.forgotpassword.reset.entity.ResetRequest;

/**
 * Puts reset requests on the broker's queue through the container's pooled connection factory, which takes part in
 * no transaction. The send is persistent and blocking: when this method returns, the broker has the message in its
 * journal; if it cannot take it within the pool's call timeout, the method throws and nothing was accepted.
 *
 * <p>The resource names are portable references; each server's descriptor maps them to its own resources
 * ({@code glassfish-web.xml} for Payara).
 */
@ApplicationScoped
public class ResetRequestQueue {

    @Resource(name = "jms/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(name = "jms/PasswordResetRequests")
    Queue queue;

    @Inject
    ResetRequestMessages messages;

    /** @return the JMS message id, for the log */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String enqueue(ResetRequest request) throws jakarta.jms.JMSException {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(messages.toJson(request));
            message.setStringProperty(ResetRequestMessages.TYPE_PROPERTY, ResetRequestMessages.TYPE);
            message.setIntProperty(ResetRequestMessages.VERSION_PROPERTY, ResetRequestMessages.VERSION);
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
            return message.getJMSMessageID();
        }
    }
}
