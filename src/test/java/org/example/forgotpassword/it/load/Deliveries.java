package org.example.forgotpassword.it.load;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.forgotpassword.it.BrokerProbe;

/**
 * Waits for the mails of a fault test and counts them. A transaction that an instance (or the broker) had prepared
 * but not committed when it died stays on the broker, in doubt: Artemis never times a prepared transaction out, and
 * only the transaction log of the instance that began it knows the outcome. Once the survivors are idle and mails
 * are missing, the test rolls such transactions back, as an operator would (README, "Running at scale"): the broker
 * then delivers their requests again. That is not always the right decision (a branch that queued a mail may be
 * rolled back while the branch that acknowledged its request committed), which the report shows as lost mails.
 */
public final class Deliveries {

    /** Mails per address of every request sent, and how many transactions were in doubt and rolled back. */
    public record Counted(Map<String, Integer> mailsPerAddress, int inDoubtRolledBack, Instant waitEnded) {
    }

    private Deliveries() {
    }

    public static Counted await(MailTally mails, BrokerProbe broker, List<ForgotLoad.Outcome> outcomes, Duration quiet)
            throws InterruptedException {
        List<String> accepted = outcomes.stream().filter(ForgotLoad.Outcome::accepted)
                .map(ForgotLoad.Outcome::address).toList();
        Map<String, Integer> counts = mails.awaitOneEach(accepted, quiet);
        Instant waitEnded = Instant.now();
        int inDoubt = 0;
        if (counts.containsValue(0)) {
            List<String> prepared = broker.preparedTransactions();
            prepared.forEach(broker::rollBackPreparedTransaction);
            inDoubt = prepared.size();
            if (inDoubt > 0) {
                counts = mails.awaitOneEach(accepted, quiet);
                waitEnded = Instant.now();
            }
        }
        Map<String, Integer> all = new HashMap<>(counts);
        for (ForgotLoad.Outcome outcome : outcomes) {
            all.computeIfAbsent(outcome.address(), address -> mails.mailsFor(address).size());
        }
        return new Counted(all, inDoubt, waitEnded);
    }
}
