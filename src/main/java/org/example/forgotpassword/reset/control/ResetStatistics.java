package org.example.forgotpassword.reset.control;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** Counts of processed reset requests since the application started: mails queued, and unknown addresses. */
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
