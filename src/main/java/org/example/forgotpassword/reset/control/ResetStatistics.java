package org.example.forgotpassword.reset.control;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the consumer did with reset requests since the application started: mails queued, and requests for an
 * address without account. Kept in the application, not yet exported: Payara Micro 6.2025.10's /metrics fails
 * with 500 once the application has a JDBC pool (payara/Payara#6041).
 */
@ApplicationScoped
public class ResetStatistics {

    private final AtomicLong mailsQueued = new AtomicLong();
    private final AtomicLong unknownAddresses = new AtomicLong();

    public void recordMailQueued() {
        mailsQueued.incrementAndGet();
    }

    public void recordUnknownAddress() {
        unknownAddresses.incrementAndGet();
    }

    public long mailsQueued() {
        return mailsQueued.get();
    }

    public long unknownAddresses() {
        return unknownAddresses.get();
    }
}
