package org.example.forgotpassword.platform.control;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.platform.entity.Metric;

/**
 * What the broker says about the service's queues, asked over plain JMS: Artemis answers management requests sent
 * to its management address (the broker user needs the {@code manage} permission there). Also the readiness
 * probe's "can we reach the broker" question. Never in a transaction: the request must leave before the reply is
 * awaited.
 */
@ApplicationScoped
public class BrokerQueues implements MetricSource {

    private static final Logger LOG = Logger.getLogger(BrokerQueues.class.getName());
    private static final String RESOURCE_NAME = "_AMQ_ResourceName";
    private static final String ATTRIBUTE = "_AMQ_Attribute";
    private static final String SUCCEEDED = "_AMQ_OperationSucceeded";

    @Resource(name = "jms/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Inject
    @ConfigProperty(name = "artemis.management-address")
    String managementAddress;

    @Inject
    @ConfigProperty(name = "metrics.queues")
    List<String> queues;

    @Inject
    @ConfigProperty(name = "metrics.broker-reply-timeout-ms")
    long replyTimeoutMillis;

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

    /** Messages waiting in each queue (delivering ones included); a queue the broker did not answer for is left out. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Map<String, Long> messageCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (JMSContext context = connectionFactory.createContext()) {
            TemporaryQueue replies = context.createTemporaryQueue();
            try (JMSConsumer consumer = context.createConsumer(replies)) {
                for (String queue : queues) {
                    Message request = context.createMessage();
                    request.setStringProperty(RESOURCE_NAME, "queue." + queue);
                    request.setStringProperty(ATTRIBUTE, "messageCount");
                    context.createProducer().setJMSReplyTo(replies)
                            .send(context.createQueue(managementAddress), request);
                    Message reply = consumer.receive(replyTimeoutMillis);
                    if (reply != null && reply.getBooleanProperty(SUCCEEDED)) {
                        counts.put(queue, firstNumber(reply.getBody(String.class)));
                    } else {
                        LOG.log(Level.FINE, "The broker gave no message count for {0}", queue);
                    }
                }
            } finally {
                replies.delete();
            }
        } catch (JMSException | RuntimeException unavailable) {
            LOG.log(Level.FINE, "No queue depths from the broker: {0}", unavailable.toString());
        }
        return counts;
    }

    private static long firstNumber(String jsonArray) {
        try (JsonReader reader = Json.createReader(new StringReader(jsonArray))) {
            JsonArray values = reader.readArray();
            return values.getJsonNumber(0).longValue();
        }
    }

    @Override
    public List<Metric> metrics() {
        Map<String, Long> counts = messageCounts();
        List<Metric> metrics = new ArrayList<>();
        counts.forEach((queue, count) -> metrics.add(Metric.gauge("forgot_password_queue_messages",
                "Messages in a broker queue, waiting or being delivered", Map.of("queue", queue), count)));
        metrics.add(Metric.gauge("forgot_password_broker_answering",
                "1 when the broker answered the last queue-depth request, else 0", Map.of(),
                counts.isEmpty() ? 0 : 1));
        return metrics;
    }
}
