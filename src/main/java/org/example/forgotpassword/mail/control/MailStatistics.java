package org.example.forgotpassword.mail.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.example.forgotpassword.platform.control.MetricSource;
import org.example.forgotpassword.platform.entity.Metric;

/**
 * Mails handed to the SMTP server, attempts that failed (to be retried, or refused for good) and redeliveries of
 * already accepted mails that were not sent again, in this instance since it started.
 */
@ApplicationScoped
public class MailStatistics implements MetricSource {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong notResent = new AtomicLong();

    void recordSent() {
        sent.incrementAndGet();
    }

    void recordFailure() {
        failed.incrementAndGet();
    }

    void recordRefusedPermanently() {
        refused.incrementAndGet();
    }

    public void recordNotResent() {
        notResent.incrementAndGet();
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public List<Metric> metrics() {
        long permanent = refused.get();
        return List.of(
                Metric.counter("forgot_password_mails_sent_total", "Mails the SMTP server accepted", sent.get()),
                Metric.counter("forgot_password_mail_attempts_failed_total",
                        "SMTP attempts that failed, by kind: transient ones are redelivered with back-off,"
                                + " permanent ones dead-lettered", Map.of("kind", "transient"),
                        Math.max(0, failed.get() - permanent)),
                Metric.counter("forgot_password_mail_attempts_failed_total",
                        "SMTP attempts that failed, by kind: transient ones are redelivered with back-off,"
                                + " permanent ones dead-lettered", Map.of("kind", "permanent"), permanent),
                Metric.counter("forgot_password_mails_not_resent_total",
                        "Redelivered mails the SMTP server had already accepted, so not sent again",
                        notResent.get()));
    }
}
