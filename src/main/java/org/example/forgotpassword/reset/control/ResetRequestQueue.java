package org.example.forgotpassword.reset.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import org.example.forgotpassword.platform.control.QueueSender;
import org.example.forgotpassword.reset.entity.ResetRequest;

/**
 * Puts reset requests on the broker's reset-request queue, as versioned JSON messages
 * ({@link ResetRequestMessages}). When {@link #enqueue} returns, the broker has the request; when it throws,
 * nothing was accepted.
 */
@ApplicationScoped
public class ResetRequestQueue {

    @Resource(name = "jms/PasswordResetRequests")
    Queue queue;

    @Inject
    QueueSender sender;

    @Inject
    ResetRequestMessages messages;

    /** @return the JMS message id, for the log */
    public String enqueue(ResetRequest request) throws JMSException {
        return sender.send(queue, context -> {
            TextMessage message = context.createTextMessage(messages.toJson(request));
            message.setStringProperty(ResetRequestMessages.TYPE_PROPERTY, ResetRequestMessages.TYPE);
            message.setIntProperty(ResetRequestMessages.VERSION_PROPERTY, ResetRequestMessages.VERSION);
            return message;
        });
    }
}
