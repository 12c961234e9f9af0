package org.example.forgotpassword.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.Transactional;

/** Whether the broker can be reached through the application's pooled connection factory, right now. */
@ApplicationScoped
public class BrokerConnection {

    @Resource(name = "jms/ConnectionFactory")
    ConnectionFactory connectionFactory;

    /** @throws JMSRuntimeException when the broker cannot be reached (a round trip that creates a temporary queue) */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void ping() {
        try (JMSContext context = connectionFactory.createContext()) {
            // deleted at once: the pooled connection outlives this context, and its temporary queues with it
            context.createTemporaryQueue().delete();
        } catch (JMSException unreachable) {
            throw new JMSRuntimeException(unreachable.getMessage(), unreachable.getErrorCode(), unreachable);
        }
    }
}
