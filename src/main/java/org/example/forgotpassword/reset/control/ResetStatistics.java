package org.example.forgotpassword.reset.control;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.example.forgotpassword.platform.control.MetricSource;
import org.example.forgotpassword.platform.entity.Metric;

/**
 * What happened to reset requests in this instance since it started: accepted or refused over HTTP (broker
 * unavailable), and what the consumer did with them (mail sent, or no account for the address).
 */
@ApplicationScoped
public class ResetStatistics implements MetricSource {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refusedBrokerUnavailable = new AtomicLong();
    private final AtomicLong mailed = new AtomicLong();
    private final AtomicLong unknownAddresses = new AtomicLong();

    void recordAccepted() {
        accepted.incrementAndGet();
    }

    void recordBrokerUnavailable() {
        refusedBrokerUnavailable.incrementAndGet();
    }

    void recordMailed() {
        mailed.incrementAndGet();
    }

    public void recordUnknownAddress() {
        unknownAddresses.incrementAndGet();
    }

    public long mailed() {
        return mailed.get();
    }

    public long unknownAddresses() {
        return unknownAddresses.get();
    }

    @Override
    public List<Metric> metrics() {
        return List.of(
                Metric.counter("forgot_password_requests_accepted_total",
                        "Forgot-password requests queued on the broker and answered 200", accepted.get()),
                Metric.counter("forgot_password_requests_broker_unavailable_total",
                        "Forgot-password requests answered 503 because the broker did not take them",
                        refusedBrokerUnavailable.get()),
                Metric.counter("forgot_password_reset_mails_sent_total",
                        "Reset mails the SMTP server accepted (a token was issued for each)", mailed.get()),
                Metric.counter("forgot_password_unknown_addresses_total",
                        "Reset requests for an address without account (no mail sent)", unknownAddresses.get()));
    }
}
