package org.example.forgotpassword.reset.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * What the consumer did with reset requests since the application started, as MicroProfile metrics
 * ({@code GET /metrics?scope=application}: {@code reset_mails_queued_total}, {@code reset_requests_unknown_address_total}).
 */
@ApplicationScoped
public class ResetStatistics {

    @Inject
    @Metric(name = "reset.mails.queued", description = "Reset mails queued for an existing account")
    Counter mailsQueued;

    @Inject
    @Metric(name = "reset.requests.unknown-address", description = "Reset requests for an address without account")
    Counter unknownAddresses;

    public void recordMailQueued() {
        mailsQueued.inc();
    }

    public void recordUnknownAddress() {
        unknownAddresses.inc();
    }

    public long mailsQueued() {
        return mailsQueued.getCount();
    }

    public long unknownAddresses() {
        return unknownAddresses.getCount();
    }
}
