package org.example.forgotpassword.reset.control;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.example.forgotpassword.account.control.Accounts;
import org.example.forgotpassword.account.entity.Account;
import org.example.forgotpassword.mail.control.MailDeliveryException;
import org.example.forgotpassword.mail.control.MailSender;
import org.example.forgotpassword.mail.control.MailStatistics;
import org.example.forgotpassword.mail.control.SentMails;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.platform.control.PerMessageLog;
import org.example.forgotpassword.reset.entity.IssuedToken;
import org.example.forgotpassword.reset.entity.ResetRequest;

/**
 * Mails the reset link of one request, as the consumer of the queue does it: every step is safe to repeat, because
 * the broker delivers a request at least once. An address without an account costs one read and no transaction
 * (most requests of a flood are such). A request whose mail the SMTP server has already accepted is not mailed
 * again ({@link SentMails}, keyed by the request id, which is also the mail's {@code Message-ID}). Otherwise a new
 * token is issued in a database transaction of its own (older tokens of the account stop working, so after a
 * redelivery only the link actually mailed works), the mail rendered and sent, and the request recorded as mailed.
 * Two deliveries of one request at once on this instance are kept apart by {@link RequestsInProgress}. A mail goes
 * out twice only when the instance dies between the server's 250 and that record's commit, or when two instances
 * are handed the same request at the same moment.
 */
@ApplicationScoped
public class ResetMailing {

    private static final Logger LOG = Logger.getLogger(ResetMailing.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    SentMails sentMails;

    @Inject
    RequestsInProgress inProgress;

    @Inject
    ResetTokenStore tokenStore;

    @Inject
    ResetMailComposer composer;

    @Inject
    MailSender mailSender;

    @Inject
    ResetStatistics statistics;

    @Inject
    MailStatistics mailStatistics;

    @Inject
    PerMessageLog perMessageLog;

    /**
     * @throws org.example.forgotpassword.mail.control.PermanentMailFailureException when the server refuses the
     *         mail for good (5xx)
     * @throws org.example.forgotpassword.mail.control.MailDeliveryException when it may work later (4xx, no
     *         connection, timeout): the request is to be delivered again
     */
    public void mail(ResetRequest request) {
        Optional<Account> account = accounts.find(request.email());
        if (account.isEmpty()) {
            statistics.recordUnknownAddress();
            LOG.log(perMessageLog.level(), "Reset request {0}: no account, no mail", request.requestId());
            return;
        }
        if (!inProgress.start(request.requestId())) {
            throw new MailDeliveryException("Reset request " + request.requestId()
                    + " is being mailed by another delivery on this instance; to be delivered again", null);
        }
        try {
            mailUnlessSent(request, account.get());
        } finally {
            inProgress.finish(request.requestId());
        }
    }

    private void mailUnlessSent(ResetRequest request, Account account) {
        if (sentMails.wasSent(request.requestId())) {
            mailStatistics.recordNotResent();
            LOG.log(Level.INFO, "Reset request {0} was mailed already: not mailed again", request.requestId());
            return;
        }
        IssuedToken issued = tokenStore.issue(account);
        OutgoingMail mail = composer.compose(request.requestId(), issued);
        mailSender.send(mail);
        sentMails.recordSent(request.requestId());
        statistics.recordMailed();
        if (LOG.isLoggable(perMessageLog.level())) {
            LOG.log(perMessageLog.level(), "Reset request {0}: mailed {1}",
                    new Object[] {request.requestId(), request.email().masked()});
        }
    }
}
