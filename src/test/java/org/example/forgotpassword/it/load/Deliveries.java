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
 * When the transaction manager survives (a broker fail-over), {@link #awaitTheTransactionManager} leaves them to it.
 */
public final class Deliveries {

    /**
     * Mails per address of every request sent, how many transactions were in doubt and rolled back, and how many
     * were still prepared on the broker when the wait ended.
     */
    public record Counted(Map<String, Integer> mailsPerAddress, int inDoubtRolledBack, int preparedLeft,
                          Instant waitEnded) {
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
        return new Counted(withUnaccepted(counts, mails, outcomes), inDoubt, broker.preparedTransactions().size(),
                waitEnded);
    }

    /**
     * For a fault the application's transaction manager survives (a broker fail-over): its in-doubt branches are its
     * own to complete, so this only waits and counts, and never resolves a prepared transaction. {@code quiet} must
     * be longer than the manager's commit retry (Payara: 60 s), else the wait ends before the retried commits.
     */
    public static Counted awaitTheTransactionManager(MailTally mails, BrokerProbe broker,
                                                     List<ForgotLoad.Outcome> outcomes, Duration quiet)
            throws InterruptedException {
        List<String> accepted = outcomes.stream().filter(ForgotLoad.Outcome::accepted)
                .map(ForgotLoad.Outcome::address).toList();
        Map<String, Integer> counts = mails.awaitOneEach(accepted, quiet);
        Instant waitEnded = Instant.now();
        return new Counted(withUnaccepted(counts, mails, outcomes), 0, broker.preparedTransactions().size(),
                waitEnded);
    }

    private static Map<String, Integer> withUnaccepted(Map<String, Integer> counts, MailTally mails,
                                                       List<ForgotLoad.Outcome> outcomes) {
        Map<String, Integer> all = new HashMap<>(counts);
        for (ForgotLoad.Outcome outcome : outcomes) {
            all.computeIfAbsent(outcome.address(), address -> mails.mailsFor(address).size());
        }
        return all;
    }
}
