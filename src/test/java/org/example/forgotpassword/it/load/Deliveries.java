package org.example.forgotpassword.it.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one wait and count of mails for the fault and scale tests. It waits until every accepted request has its
 * mail; a missing mail counts as lost only once nothing new arrived for {@code quiet} while the service holds no
 * work that could still send it ({@link PendingWork}), or once {@code limit} passed without a new mail while it
 * does (a request far up the redelivery back-off). Then it waits for that work to drain, so that a late
 * redelivery or sweep could not add a duplicate after the count, and counts.
 */
public final class Deliveries {

    /** How long the work left once every mail is in may take to drain (a redelivery that will find its mail sent). */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    /**
     * @param mailsPerAddress mails per address of every request sent, 0 included
     * @param mailsIn         when the wait for the missing mails ended (the end of a recovery)
     * @param workLeft        whether the service still held work when the count was made (it did not drain)
     */
    public record Counted(Map<String, Integer> mailsPerAddress, Instant mailsIn, boolean workLeft) {
    }

    private Deliveries() {
    }

    public static Counted await(MailTally mails, PendingWork work, List<ForgotLoad.Outcome> outcomes, Duration quiet,
                                Duration limit) throws InterruptedException {
        mails.awaitOneEach(ForgotLoad.acceptedAddresses(outcomes), quiet, work, limit);
        Instant mailsIn = Instant.now();
        boolean drained = awaitDrained(work);
        Map<String, Integer> counts = mails.countsFor(outcomes.stream().map(ForgotLoad.Outcome::address).toList());
        return new Counted(counts, mailsIn, !drained);
    }

    private static boolean awaitDrained(PendingWork work) throws InterruptedException {
        Instant deadline = Instant.now().plus(DRAIN_LIMIT);
        while (work.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }
}
