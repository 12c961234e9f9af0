package org.example.forgotpassword.mail.control;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** Counts of mails handed to the SMTP server and of attempts it refused, since the application started. */
@ApplicationScoped
public class MailStatistics {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    void recordSent() {
        sent.incrementAndGet();
    }

    void recordFailure() {
        failed.incrementAndGet();
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }
}
