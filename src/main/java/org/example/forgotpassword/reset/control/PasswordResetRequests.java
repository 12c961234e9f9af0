package org.example.forgotpassword.reset.control;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.example.forgotpassword.account.entity.EmailAddress;
import org.example.forgotpassword.platform.control.PerMessageLog;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.reset.entity.ResetRequest;

/**
 * Accepts a reset request on the HTTP thread: queue it and return. It never talks to the mail server, so the
 * reply is fast whatever SMTP is doing.
 */
@ApplicationScoped
public class PasswordResetRequests {

    private static final Logger LOG = Logger.getLogger(PasswordResetRequests.class.getName());

    @Inject
    PerMessageLog perMessageLog;

    @Inject
    ResetRequestQueue queue;

    @Inject
    ResetStatistics statistics;

    /** @throws ApiException with {@link ErrorCode#QUEUE_UNAVAILABLE} when the broker did not take the request */
    public ResetRequest accept(EmailAddress email, Locale locale) {
        ResetRequest request = ResetRequest.of(email, locale);
        String messageId;
        try {
            messageId = queue.enqueue(request);
        } catch (Exception brokerUnavailable) {
            LOG.log(Level.WARNING, "Could not queue reset request {0} for {1}: {2}",
                    new Object[] {request.requestId(), email.masked(), rootCauseName(brokerUnavailable)});
            statistics.recordBrokerUnavailable();
            throw new ApiException(ErrorCode.QUEUE_UNAVAILABLE, brokerUnavailable);
        }
        statistics.recordAccepted();
        if (LOG.isLoggable(perMessageLog.level())) {
            LOG.log(perMessageLog.level(), "Queued reset request {0} for {1} as message {2}",
                    new Object[] {request.requestId(), email.masked(), messageId});
        }
        return request;
    }

    private static String rootCauseName(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }
}
