package org.example.forgotpassword.platform.control;

import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Moves a message no version of this service can process (a "poison" message) to the broker's dead-letter queue
 * at once, with the reason in the property {@value #REASON}, instead of letting it be redelivered until the
 * broker gives up. The copy is durable on the broker before the record of it is written to {@code dead_letter}
 * (the history that stays when operators retry or purge the queue in the broker console, docs/operations.md), and
 * both before the delivery returns and the original is acknowledged: a crash in between leaves the original to be
 * delivered, and dead-lettered, again; nothing is lost.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlqReason";
    public static final String ORIGINAL_QUEUE = "dlqOriginalQueue";
    public static final String ORIGINAL_MESSAGE_ID = "dlqOriginalMessageId";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Resource(name = "jms/DeadLetters")
    Queue deadLetterQueue;

    @Inject
    QueueSender sender;

    @Inject
    DeadLetterRecords records;

    @Inject
    MeterRegistry registry;

    public void deadLetter(Message original, String originalQueue, String reason) {
        try {
            sender.send(deadLetterQueue, context -> copyOf(original, originalQueue, reason, context));
            records.record(original.getJMSMessageID(), originalQueue, reason);
            deadLettered(originalQueue).increment();
            LOG.log(Level.WARNING, "Moved message {0} from {1} to the dead-letter queue: {2}",
                    new Object[] {original.getJMSMessageID(), originalQueue, reason});
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot dead-letter a message of " + originalQueue, e);
        }
    }

    /** The original's text and application properties, and where it came from and why it is dead-lettered. */
    private static TextMessage copyOf(Message original, String originalQueue, String reason, JMSContext context)
            throws JMSException {
        TextMessage copy = context.createTextMessage(original instanceof TextMessage text ? text.getText() : null);
        for (Enumeration<?> names = original.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!name.startsWith("JMS") && !name.startsWith("_")) {
                copy.setObjectProperty(name, original.getObjectProperty(name));
            }
        }
        copy.setStringProperty(REASON, reason);
        copy.setStringProperty(ORIGINAL_QUEUE, originalQueue);
        copy.setStringProperty(ORIGINAL_MESSAGE_ID, original.getJMSMessageID());
        return copy;
    }

    /**
     * {@code forgot_password_dead_lettered_total{queue=…}}, exported from the first message of the queue on. Counted
     * when the copy is sent; a delivery rolled back afterwards is counted again when it is redelivered.
     */
    private Counter deadLettered(String originalQueue) {
        return Counter.builder("forgot.password.dead.lettered")
                .description("Messages this service moved to the dead-letter queue, by the queue they came from")
                .tag("queue", originalQueue).register(registry);
    }
}
