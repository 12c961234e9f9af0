package org.example.forgotpassword.platform.control;

import java.time.Duration;
import java.util.EnumMap;
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
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.transaction.Transactional;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The depth of the service's queues, asked of the broker at each scrape: Artemis answers a message sent to its
 * management address with the value of the queue attribute the message names (the broker user needs the
 * {@code manage} permission; {@code artemis create} gives it to its user's role). Asked over the application's
 * own pooled connection factory, outside any transaction: in a transaction the request would only leave at the
 * commit, after the wait for the reply. When the broker does not answer within the time limit the gauges are
 * left out; the service's counters come anyway. {@link ServiceMetrics} asks at each scrape.
 */
@ApplicationScoped
public class QueueDepths {

    private static final Logger LOG = Logger.getLogger(QueueDepths.class.getName());

    private static final String RESOURCE_NAME = "_AMQ_ResourceName";
    private static final String ATTRIBUTE = "_AMQ_Attribute";
    private static final String SUCCEEDED = "_AMQ_OperationSucceeded";

    /** Each Artemis queue attribute asked for, as a gauge. */
    enum Depth {
        MESSAGES("messageCount", "forgot_password_queue_messages",
                "Messages in a broker queue: waiting, being delivered or waiting for a redelivery"),
        DELIVERING("deliveringCount", "forgot_password_queue_messages_delivering",
                "Messages of a broker queue being delivered to a consumer right now"),
        SCHEDULED("scheduledCount", "forgot_password_queue_messages_scheduled",
                "Messages of a broker queue waiting for a later delivery (redelivery back-off)");

        final String attribute;
        final String metric;
        final String help;

        Depth(String attribute, String metric, String help) {
            this.attribute = attribute;
            this.metric = metric;
            this.help = help;
        }

        GaugeSnapshot.Builder gauge() {
            return GaugeSnapshot.builder().name(metric).help(help);
        }
    }

    @Resource(name = "jms/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(name = "jms/PasswordResetRequests")
    Queue resetRequests;

    @Resource(name = "jms/DeadLetters")
    Queue deadLetters;

    @Inject
    @ConfigProperty(name = "artemis.management-address")
    String managementAddress;

    @Inject
    @ConfigProperty(name = "metrics.queue-depth-timeout")
    Duration timeout;

    /** The gauges of the queues, as many as the broker answered in time; empty without a broker. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public MetricSnapshots collect() {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Depth, GaugeSnapshot.Builder> gauges = new EnumMap<>(Depth.class);
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = context.createTemporaryQueue();
            try (JMSConsumer consumer = context.createConsumer(replies)) {
                Queue management = context.createQueue(managementAddress);
                for (Queue queue : List.of(resetRequests, deadLetters)) {
                    for (Depth depth : Depth.values()) {
                        Message request = context.createMessage();
                        request.setStringProperty(RESOURCE_NAME, "queue." + queue.getQueueName());
                        request.setStringProperty(ATTRIBUTE, depth.attribute);
                        context.createProducer().setJMSReplyTo(replies).send(management, request);
                        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                        Message reply = consumer.receive(left);
                        if (reply == null) {
                            LOG.log(Level.FINE, "No answer from the broker within {0}", timeout);
                            return snapshots(gauges);
                        }
                        if (reply.getBooleanProperty(SUCCEEDED)) {
                            gauges.computeIfAbsent(depth, Depth::gauge).dataPoint(GaugeDataPointSnapshot.builder()
                                    .labels(Labels.of("queue", queue.getQueueName()))
                                    .value(ManagementReplies.firstNumber(reply.getBody(String.class))).build());
                        } else {
                            LOG.log(Level.FINE, "The broker refused {0} of {1}",
                                    new Object[] {depth.attribute, queue.getQueueName()});
                        }
                    }
                }
            } finally {
                // the pooled connection outlives this context, and its temporary queues with it
                replies.delete();
            }
        } catch (JMSException | RuntimeException unavailable) {
            LOG.log(Level.FINE, "No queue depths from the broker: {0}", unavailable.toString());
        }
        return snapshots(gauges);
    }

    private static MetricSnapshots snapshots(Map<Depth, GaugeSnapshot.Builder> gauges) {
        return MetricSnapshots.of(gauges.values().stream().map(GaugeSnapshot.Builder::build)
                .toArray(MetricSnapshot[]::new));
    }
}
