package org.example.forgotpassword.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.load.ForgotLoad;
import org.example.forgotpassword.it.load.MailTally;

/**
 * The mails of a scenario once everything has settled: every accepted request has its mail, or nothing new arrived
 * for the quiet period while the broker held nothing that could still become one (the rest are lost); and the
 * service's queues are empty, so that a late redelivery could not add a duplicate after the count. A mail that is
 * late (its message waits for a redelivery far up the back-off, or its transaction for the transaction manager's
 * next commit retry) is waited for, up to {@link FaultSettings#settleLimit()} without a new mail.
 *
 * @param mailsPerAddress mails per address of every request sent, 0 included
 * @param lastMailSeen    when the last missing mail was seen arriving (the end of the recovery)
 * @param preparedLeft    transactions still prepared on the broker, in doubt: work half done, which only the
 *                        transaction manager that began them (or an operator) can finish
 */
record Settled(Map<String, Integer> mailsPerAddress, Instant lastMailSeen, int preparedLeft) {

    static Settled await(MailTally mails, BrokerProbe broker, List<ForgotLoad.Outcome> outcomes)
            throws InterruptedException {
        mails.awaitOneEach(ForgotLoad.acceptedAddresses(outcomes), FaultSettings.quiet(), broker::holdsServiceWork,
                FaultSettings.settleLimit());
        Instant lastMailSeen = Instant.now();
        awaitEmptyQueues(broker, Duration.ofSeconds(60));
        Map<String, Integer> counts = mails.countsFor(outcomes.stream().map(ForgotLoad.Outcome::address).toList());
        return new Settled(counts, lastMailSeen, broker.preparedTransactions().size());
    }

    private static void awaitEmptyQueues(BrokerProbe broker, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (BrokerProbe.SERVICE_QUEUES.stream().allMatch(queue -> broker.messageCount(queue) == 0)) {
                return;
            }
            Thread.sleep(250);
        }
    }
}
