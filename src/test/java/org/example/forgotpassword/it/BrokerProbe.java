package org.example.forgotpassword.it;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.example.forgotpassword.devstack.ArtemisBroker;

/**
 * The tests' view of the broker: how many messages a queue has ever received (through the management address: the
 * proof that a rejected request put nothing on the queue, even if a consumer took what arrived), and sending and
 * browsing messages directly, as a misbehaving producer or an operator would.
 */
public final class BrokerProbe {

    /**
     * The service's work queue: what waits there (or is in delivery, or scheduled for a redelivery) becomes mail.
     * The other mails wait in the database ({@code mail_outbox}), not on the broker.
     */
    public static final String RESET_REQUESTS = "password-reset-requests";

    private final ArtemisBroker broker;

    /** Asks the broker as the service logs in to it. */
    public BrokerProbe(ArtemisBroker broker) {
        this.broker = broker;
    }

    public long messagesAdded(String queue) {
        return ((Number) attribute(ResourceNames.QUEUE + queue, "messagesAdded")).longValue();
    }

    /**
     * How many messages a queue holds: waiting, being delivered (not yet acknowledged) or scheduled for a
     * redelivery.
     */
    public long messageCount(String queue) {
        return ((Number) attribute(ResourceNames.QUEUE + queue, "messageCount")).longValue();
    }

    /** How many messages of a queue consumers hold without having acknowledged them yet. */
    public long deliveringCount(String queue) {
        return ((Number) attribute(ResourceNames.QUEUE + queue, "deliveringCount")).longValue();
    }

    /**
     * Whether the broker still holds a reset request, waiting, in delivery or scheduled for a redelivery: each can
     * still become a mail.
     */
    public boolean holdsServiceWork() {
        return messageCount(RESET_REQUESTS) > 0;
    }

    /** A message as a browsing operator sees it: its properties and text body. */
    public record BrowsedMessage(String messageId, Map<String, Object> properties, String body) {
    }

    /** Puts a text message on a queue directly, as a misbehaving producer would; @return its JMS message id */
    public String send(String queue, String body, Map<String, Object> properties) {
        try (ActiveMQConnectionFactory factory = connectionFactory();
             JMSContext context = factory.createContext()) {
            TextMessage message = context.createTextMessage(body);
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                message.setObjectProperty(property.getKey(), property.getValue());
            }
            context.createProducer().send(ActiveMQJMSClient.createQueue(queue), message);
            return message.getJMSMessageID();
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot send to " + queue, e);
        }
    }

    /** The messages waiting on a queue, without consuming them. */
    public List<BrowsedMessage> browse(String queue) {
        try (ActiveMQConnectionFactory factory = connectionFactory();
             JMSContext context = factory.createContext();
             QueueBrowser browser = context.createBrowser(ActiveMQJMSClient.createQueue(queue))) {
            List<BrowsedMessage> messages = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                Message message = (Message) e.nextElement();
                Map<String, Object> properties = new HashMap<>();
                for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
                    String name = (String) names.nextElement();
                    properties.put(name, message.getObjectProperty(name));
                }
                messages.add(new BrowsedMessage(message.getJMSMessageID(), properties,
                        message instanceof TextMessage text ? text.getText() : null));
            }
            return messages;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + queue, e);
        }
    }

    private Object attribute(String resource, String attribute) {
        return ask(request -> JMSManagementHelper.putAttribute(request, resource, attribute), attribute);
    }

    /** One request to the broker's management address; {@code what} names it in failures. */
    private Object ask(ManagementRequest filler, String what) {
        try (ActiveMQConnectionFactory factory = connectionFactory();
             QueueConnection connection = factory.createQueueConnection();
             QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueRequestor requestor = new QueueRequestor(session,
                    ActiveMQJMSClient.createQueue("activemq.management"));
            connection.start();
            Message request = session.createMessage();
            filler.fill(request);
            Message reply = requestor.request(request);
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("Management request " + what + " failed: "
                        + JMSManagementHelper.getResult(reply));
            }
            return JMSManagementHelper.getResult(reply);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot ask for " + what + " on " + broker.url(), e);
        }
    }

    private interface ManagementRequest {
        void fill(Message request) throws Exception;
    }

    private ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(broker.url(), broker.user(), broker.password());
    }
}
