package org.example.forgotpassword.it.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.example.forgotpassword.it.BrokerProbe;

/**
 * Waits for the mails of a scale test and counts them. A transaction that an instance had prepared but not
 * committed when it died, or whose commit met a broker's death, stays prepared on the broker: Artemis never times
 * it out, and only the transaction log of the instance that began it knows the outcome. That instance completes it,
 * by its commit retry (Payara: every 60 s) or, once restarted on its data directory, by its recovery. So the wait
 * goes on while the broker still holds the service's work, and the test never resolves a prepared transaction.
 */
public final class Deliveries {

    /** Mails per address of every request sent, and how many transactions were still prepared when the wait ended. */
    public record Counted(Map<String, Integer> mailsPerAddress, int preparedLeft, Instant waitEnded) {
    }

    private Deliveries() {
    }

    /**
     * @param quiet how long without a new mail, once the broker holds nothing of the service's, before the missing
     *              mails count as lost
     * @param limit how long without a new mail while it still does (a prepared transaction, a message waiting for
     *              its redelivery)
     */
    public static Counted await(MailTally mails, BrokerProbe broker, List<ForgotLoad.Outcome> outcomes, Duration quiet,
                                Duration limit) throws InterruptedException {
        mails.awaitOneEach(ForgotLoad.acceptedAddresses(outcomes), quiet, broker::holdsServiceWork, limit);
        Instant waitEnded = Instant.now();
        Map<String, Integer> counts = mails.countsFor(outcomes.stream().map(ForgotLoad.Outcome::address).toList());
        return new Counted(counts, broker.preparedTransactions().size(), waitEnded);
    }
}
