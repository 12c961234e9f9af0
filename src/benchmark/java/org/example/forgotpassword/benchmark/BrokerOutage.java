package org.example.forgotpassword.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.example.forgotpassword.devstack.ArtemisBroker;

/**
 * The broker goes away under a client: one sequential client posts forgot requests back to back (each a new
 * address, each waiting for its reply, up to 30 s) while the broker is stopped (SIGTERM, as an operator or an
 * orchestrator stops it), and for a while after it started again. Measures the time from the stop to the first
 * 503, the longest reply while it is down, and the time from its restart to the next 200.
 */
final class BrokerOutage {

    private static final String FORGOT = "/password/forgot/";
    /** How long the client keeps asking after the first 503 (the broker still down), to see the replies settle. */
    private static final Duration DOWN_AFTER_FIRST_503 = Duration.ofSeconds(5);
    private static final Duration NO_503_GIVE_UP = Duration.ofSeconds(60);

    private BrokerOutage() {
    }

    static Map<String, Object> measure(String baseUrl, ArtemisBroker broker) throws Exception {
        FormPost client = new FormPost(baseUrl);
        List<FormPost.Reply> replies = java.util.Collections.synchronizedList(new ArrayList<>());
        long stopAt = System.nanoTime();
        Thread prober = new Thread(() -> {
            try {
                long first503 = Long.MAX_VALUE;
                for (int i = 0; ; i++) {
                    FormPost.Reply reply = client.post(FORGOT, "email=" + FormPost.encoded("outage-" + i
                            + "@unknown.example"), Duration.ofSeconds(30));
                    replies.add(reply);
                    long now = System.nanoTime();
                    if (reply.status() == 503 && first503 == Long.MAX_VALUE) {
                        first503 = now;
                    }
                    if (now - first503 > DOWN_AFTER_FIRST_503.toNanos() || now - stopAt > NO_503_GIVE_UP.toNanos()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "broker-outage-client");
        prober.start();
        broker.stop();
        long exitedAt = System.nanoTime();
        prober.join();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("brokerStopToExitSeconds", seconds(exitedAt - stopAt));
        FormPost.Reply first503 = null;
        long longest = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        synchronized (replies) {
            for (FormPost.Reply reply : replies) {
                longest = Math.max(longest, reply.nanos());
                statuses.merge(reply.status() == -1 ? "no reply" : Integer.toString(reply.status()), 1, Integer::sum);
                if (first503 == null && reply.status() == 503) {
                    first503 = reply;
                }
            }
        }
        result.put("stopToFirst503Seconds", first503 == null ? Double.NaN
                : seconds(first503.startNanos() + first503.nanos() - stopAt));
        result.put("longestReplyWhileDownMs", Benchmark.round(longest / 1e6));
        result.put("repliesWhileDown", statuses);

        long restartAt = System.nanoTime();
        broker.start();
        long brokerUp = System.nanoTime();
        long accepted = client.awaitAccepted(FORGOT, "back-", Duration.ofMinutes(3));
        result.put("brokerRestartSeconds", seconds(brokerUp - restartAt));
        result.put("brokerUpToFirst200Seconds", seconds(accepted - brokerUp));
        return result;
    }

    private static double seconds(long nanos) {
        return Benchmark.round(nanos / 1e9);
    }
}
