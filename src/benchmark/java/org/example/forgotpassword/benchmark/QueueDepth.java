package org.example.forgotpassword.benchmark;

import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** How many messages wait on (or are in delivery from) a queue, asked through the broker's management address. */
final class QueueDepth {

    private final String url;
    private final String user;
    private final String password;

    QueueDepth(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    long messageCount(String queue) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
             QueueConnection connection = factory.createQueueConnection();
             QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueRequestor requestor = new QueueRequestor(session,
                    ActiveMQJMSClient.createQueue("activemq.management"));
            connection.start();
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
            Message reply = requestor.request(request);
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("messageCount of " + queue + ": "
                        + JMSManagementHelper.getResult(reply));
            }
            return ((Number) JMSManagementHelper.getResult(reply)).longValue();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot ask " + url + " for the depth of " + queue, e);
        }
    }
}
