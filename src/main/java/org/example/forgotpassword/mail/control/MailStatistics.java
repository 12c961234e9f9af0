package org.example.forgotpassword.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Mails handed to the SMTP server, attempts that failed (to be retried, or refused for good) and redeliveries of
 * already accepted mails that were not sent again, in this instance since it started. Exported as
 * {@code forgot_password_mails_sent_total}, {@code forgot_password_mail_attempts_failed_total{kind="transient"}}
 * and {@code {kind="permanent"}}, and {@code forgot_password_mails_not_resent_total}.
 */
@ApplicationScoped
public class MailStatistics {

    private static final String FAILED = "forgot.password.mail.attempts.failed";
    private static final String FAILED_HELP = "SMTP attempts that failed, by kind: transient ones are redelivered"
            + " with back-off, permanent ones dead-lettered";

    @Inject
    MeterRegistry registry;

    private Counter sent;
    private Counter failedTransiently;
    private Counter refusedPermanently;
    private Counter notResent;

    @PostConstruct
    void register() {
        sent = Counter.builder("forgot.password.mails.sent").description("Mails the SMTP server accepted")
                .register(registry);
        failedTransiently = Counter.builder(FAILED).description(FAILED_HELP).tag("kind", "transient")
                .register(registry);
        refusedPermanently = Counter.builder(FAILED).description(FAILED_HELP).tag("kind", "permanent")
                .register(registry);
        notResent = Counter.builder("forgot.password.mails.not.resent")
                .description("Redelivered mails the SMTP server had already accepted, so not sent again")
                .register(registry);
    }

    /** Created with the application, so that the counters are exported at 0 before anything happened. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating the bean registered them
    }

    void recordSent() {
        sent.increment();
    }

    /** A 4xx, no connection, a timeout: the mail is tried again. */
    void recordTransientFailure() {
        failedTransiently.increment();
    }

    /** A 5xx: the mail is not tried again. */
    void recordPermanentFailure() {
        refusedPermanently.increment();
    }

    public void recordNotResent() {
        notResent.increment();
    }

    public long sent() {
        return (long) sent.count();
    }
}
