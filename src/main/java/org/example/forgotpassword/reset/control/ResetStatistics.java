package org.example.forgotpassword.reset.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What happened to reset requests in this instance since it started: accepted or refused over HTTP (broker
 * unavailable), and what the consumer did with them (mail sent, or no account for the address). Exported as
 * {@code forgot_password_requests_accepted_total}, {@code forgot_password_requests_broker_unavailable_total},
 * {@code forgot_password_reset_mails_sent_total} and {@code forgot_password_unknown_addresses_total}.
 */
@ApplicationScoped
public class ResetStatistics {

    @Inject
    MeterRegistry registry;

    private Counter accepted;
    private Counter refusedBrokerUnavailable;
    private Counter mailed;
    private Counter unknownAddresses;

    @PostConstruct
    void register() {
        accepted = Counter.builder("forgot.password.requests.accepted")
                .description("Forgot-password requests queued on the broker and answered 200").register(registry);
        refusedBrokerUnavailable = Counter.builder("forgot.password.requests.broker.unavailable")
                .description("Forgot-password requests answered 503 because the broker did not take them")
                .register(registry);
        mailed = Counter.builder("forgot.password.reset.mails.sent")
                .description("Reset mails the SMTP server accepted (a token was issued for each)").register(registry);
        unknownAddresses = Counter.builder("forgot.password.unknown.addresses")
                .description("Reset requests for an address without account (no mail sent)").register(registry);
    }

    /** Created with the application, so that the counters are exported at 0 before anything happened. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating the bean registered them
    }

    void recordAccepted() {
        accepted.increment();
    }

    void recordBrokerUnavailable() {
        refusedBrokerUnavailable.increment();
    }

    void recordMailed() {
        mailed.increment();
    }

    public void recordUnknownAddress() {
        unknownAddresses.increment();
    }

    public long mailed() {
        return (long) mailed.count();
    }

    public long unknownAddresses() {
        return (long) unknownAddresses.count();
    }
}
