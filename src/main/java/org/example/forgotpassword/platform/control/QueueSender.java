package org.example.forgotpassword.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

/**
 * The one way this service puts a message on a queue: persistent and blocking, through the container's pooled
 * connection factory. When {@link #send} returns, the broker has the message in its journal; if it cannot take it
 * within the pool's call timeout, {@code send} throws and nothing was sent.
 *
 * <p>Outside any transaction: no connection of the pool is enlisted (one resource per transaction,
 * docs/adr/0001), and a resource adapter makes the session of a send inside a transaction transacted, with nothing
 * to commit it (WildFly; Payara's adapter is told to ignore transactions, {@code IgnoreJTA}). The resource name is a
 * portable reference; each server's descriptor maps it ({@code glassfish-web.xml} for Payara).
 */
@ApplicationScoped
public class QueueSender {

    /** Builds the message to send from the sending context. */
    @FunctionalInterface
    public interface MessageWriter {
        TextMessage write(JMSContext context) throws JMSException;
    }

    @Resource(name = "jms/ConnectionFactory")
    ConnectionFactory connectionFactory;

    /**
     * @return the JMS message id of the sent message
     * @throws JMSException or {@link jakarta.jms.JMSRuntimeException} when the broker did not take the message
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String send(Queue queue, MessageWriter writer) throws JMSException {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = writer.write(context);
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
            return message.getJMSMessageID();
        }
    }
}
