package org.example.forgotpassword.it.load;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.example.forgotpassword.devstack.Wait;

/**
 * The one wait and count of mails for the fault and scale tests. It waits until every accepted request has its
 * mail; a missing mail counts as lost only once nothing new arrived for {@link LoadSettings#quiet()} while the
 * service holds no work that could still send it ({@link PendingWork}), or once {@link LoadSettings#settleLimit()}
 * passed without a new mail while it does (a request far up the redelivery back-off). Then it waits for that work
 * to drain, so that a late redelivery or sweep could not add a duplicate after the count, and counts.
 */
public record Deliveries(MailTally mails, PendingWork work, LoadSettings settings) {

    /** How long the work left once every mail is in may take to drain (a redelivery that will find its mail sent). */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    /**
     * @param mailsPerAddress mails per address of every request sent, 0 included
     * @param mailsIn         when the wait for the missing mails ended (the end of a recovery)
     * @param workLeft        whether the service still held work when the count was made (it did not drain)
     */
    public record Counted(Map<String, Integer> mailsPerAddress, Instant mailsIn, boolean workLeft) {
    }

    public Counted await(List<ForgotLoad.Outcome> outcomes) {
        awaitOneEach(ForgotLoad.acceptedAddresses(outcomes));
        Instant mailsIn = Instant.now();
        boolean drained = Wait.until(() -> !work.getAsBoolean(), DRAIN_LIMIT, Duration.ofMillis(250));
        Map<String, Integer> counts = mails.countsFor(outcomes.stream().map(ForgotLoad.Outcome::address).toList());
        return new Counted(counts, mailsIn, !drained);
    }

    private void awaitOneEach(List<String> addresses) {
        Set<String> waiting = new HashSet<>(addresses);
        Instant lastProgress = Instant.now();
        while (!waiting.isEmpty()) {
            int before = waiting.size();
            waiting.removeIf(address -> !mails.mailsFor(address).isEmpty());
            Instant now = Instant.now();
            if (waiting.size() < before) {
                lastProgress = now;
                continue;
            }
            boolean quietOver = now.isAfter(lastProgress.plus(settings.quiet()));
            if (now.isAfter(lastProgress.plus(settings.settleLimit())) || quietOver && !work.getAsBoolean()) {
                return;
            }
            Wait.sleep(Duration.ofMillis(quietOver ? 2_000 : 500));
        }
    }
}
