package org.example.forgotpassword.mail.control;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.mail.entity.OutboxMail;
import org.example.forgotpassword.platform.control.PeriodicTask;

/**
 * Sends the outbox's mails: each one right after the commit that added it, on a thread of the container's managed
 * executor (never on the thread that committed, which may be an HTTP request's), and, every
 * {@code mail.outbox.sweep-interval}, whatever is due: rows whose attempt failed, or was cut by a crash. A mail the
 * server accepted is deleted from the outbox; one refused for good (5xx), or still failing after
 * {@value #MAX_ATTEMPTS} attempts, becomes a dead letter. A mail goes twice only when the instance dies between the
 * server's 250 and the row's delete (its {@code Message-ID} is the row's id, so a recipient can tell).
 */
@ApplicationScoped
public class OutboxSender {

    static final int MAX_ATTEMPTS = 10;
    private static final int SWEEP_BATCH = 100;

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    PeriodicTask sweeps;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSender mailSender;

    @Inject
    @ConfigProperty(name = "mail.outbox.sweep-interval", defaultValue = "PT30S")
    Duration sweepInterval;


    void startSweeping(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        sweeps.start(sweepInterval, this::sweep);
    }

    void sendAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.Added added) {
        try {
            executor.execute(() -> outbox.find(added.mailId()).ifPresent(this::attempt));
        } catch (RejectedExecutionException shuttingDown) {
            LOG.log(Level.INFO, "Mail {0} left in the outbox for the sweeper", added.mailId());
        }
    }

    void sweep() {
        try {
            for (String mailId : outbox.due(SWEEP_BATCH)) {
                outbox.claim(mailId).ifPresent(this::attempt);
            }
        } catch (RuntimeException failed) {
            // the database is away: the rows wait for the next sweep
            LOG.log(Level.WARNING, "Outbox sweep failed: {0}", failed.getClass().getName());
        }
    }

    private void attempt(OutboxMail row) {
        String mailId = row.mail().mailId();
        try {
            mailSender.send(row.mail());
            outbox.sent(mailId);
        } catch (PermanentMailFailureException refused) {
            outbox.refused(mailId, "SMTP refused mail " + mailId + " permanently (" + refused.smtpCode() + ")");
        } catch (MailDeliveryException transientFailure) {
            if (row.attempts() >= MAX_ATTEMPTS) {
                outbox.refused(mailId, "SMTP did not accept mail " + mailId + " in " + MAX_ATTEMPTS + " attempts");
            }
            // otherwise the sweeper tries again once the attempt's lease has passed
        }
    }
}
