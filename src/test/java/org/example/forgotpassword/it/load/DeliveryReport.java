package org.example.forgotpassword.it.load;

import java.util.List;
import java.util.Map;

/**
 * What became of the requests of a fault test: of the accepted ones (200: the broker persisted them) how many got
 * their mail, how many got none (lost) and how many extra mails went out (duplicates); and what became of those
 * whose client never heard back.
 */
public record DeliveryReport(int sent, int accepted, int refused, int unanswered, int delivered, int lost,
        int duplicates, int unansweredButDelivered) {

    public static DeliveryReport of(List<ForgotLoad.Outcome> outcomes, Map<String, Integer> mailsPerAddress) {
        int accepted = 0;
        int refused = 0;
        int unanswered = 0;
        int delivered = 0;
        int lost = 0;
        int duplicates = 0;
        int unansweredButDelivered = 0;
        for (ForgotLoad.Outcome outcome : outcomes) {
            int mails = mailsPerAddress.getOrDefault(outcome.address(), 0);
            duplicates += Math.max(0, mails - 1);
            if (outcome.accepted()) {
                accepted++;
                if (mails > 0) {
                    delivered++;
                } else {
                    lost++;
                }
            } else if (outcome.status() == ForgotLoad.NO_REPLY) {
                unanswered++;
                unansweredButDelivered += mails > 0 ? 1 : 0;
            } else {
                refused++;
            }
        }
        return new DeliveryReport(outcomes.size(), accepted, refused, unanswered, delivered, lost, duplicates,
                unansweredButDelivered);
    }

    public String summary() {
        return String.format("sent %d, accepted %d, refused %d, unanswered %d (of which %d got a mail), delivered %d,"
                        + " lost %d, duplicates %d", sent, accepted, refused, unanswered, unansweredButDelivered,
                delivered, lost, duplicates);
    }
}
