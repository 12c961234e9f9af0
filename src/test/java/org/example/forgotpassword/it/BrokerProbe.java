package org.example.forgotpassword.it;

import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Asks the broker, through its management address, how many messages a queue has ever received: the tests'
 * proof that a rejected request put nothing on the queue (a consumer may already have taken what arrived).
 */
public final class BrokerProbe {

    private final String url;
    private final String user;
    private final String password;

    public BrokerProbe(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public long messagesAdded(String queue) {
        return ((Number) attribute(ResourceNames.QUEUE + queue, "messagesAdded")).longValue();
    }

    private Object attribute(String resource, String attribute) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
             QueueConnection connection = factory.createQueueConnection();
             QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueRequestor requestor = new QueueRequestor(session,
                    ActiveMQJMSClient.createQueue("activemq.management"));
            connection.start();
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, resource, attribute);
            Message reply = requestor.request(request);
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("Management query failed: " + JMSManagementHelper.getResult(reply));
            }
            return JMSManagementHelper.getResult(reply);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot query " + resource + " on " + url, e);
        }
    }
}
