package org.example.forgotpassword.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.BrokerProbe;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/reliability.md: while Payara Micro stops after SIGTERM, every "forgot password" request is answered 200
 * (the broker has it), 503 with code 1503 and a Retry-After, or finds no connection; never a 500, never a body that
 * is not the contract's JSON. Clients keep sending from several threads while the server undeploys, as they do
 * behind a load balancer that has not yet seen readiness turn DOWN.
 */
class GracefulStopIT {

    /** Stops under load; more ({@code -Dgraceful-stop.rounds}) to hunt a race, each round one more boot. */
    static final int ROUNDS = Integer.getInteger("graceful-stop.rounds", 2);
    static final int CLIENTS = 8;
    /** Accepted requests before the SIGTERM: the server is warm and busy. */
    static final int ACCEPTED_BEFORE_STOP = 40;
    /** Kubernetes' default grace period. */
    static final Duration GRACE = Duration.ofSeconds(30);
    /** launch.sh's SHUTDOWN_GRACE_MILLIS: Payara Micro undeploys nothing before. */
    static final Duration PAYARA_GRACE = Duration.ofSeconds(5);

    @AutoClose
    static Stack stack;

    /** What one request got; status {@code -1}: no reply (refused, or the connection broke under it). */
    record Outcome(int status, String body, Integer code, String retryAfter, boolean refusedConnection) {

        boolean keepsTheContract() {
            return status == -1 || status == 200 && Integer.valueOf(0).equals(code)
                    || status == 503 && Integer.valueOf(1503).equals(code) && retryAfter != null;
        }

        String kind() {
            return status == -1 ? toString() : status + (code == null ? " without JSON" : "/" + code);
        }

        @Override
        public String toString() {
            return status == -1 ? (refusedConnection ? "refused" : "no reply")
                    : status + " Retry-After=" + retryAfter + " " + body;
        }
    }

    @BeforeAll
    static void startBrokerMailAndPayara() {
        stack = Stack.forTest("it-graceful-stop")
                .broker().greenMail().payara().start();
    }

    @Test
    void requestsDuringTheStopAreAcceptedRefusedWith503OrFindNoConnection() throws Exception {
        BrokerProbe broker = new BrokerProbe(stack.broker());
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        for (int round = 1; round <= ROUNDS; round++) {
            if (round > 1) {
                stack.startAgain(0);
            }
            outcomes.addAll(loadAcrossASigterm(stack.instance(0)));
        }

        long accepted = outcomes.stream().filter(outcome -> outcome.status() == 200).count();
        System.out.println("Graceful stop, " + ROUNDS + " SIGTERMs under load: " + outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::kind, TreeMap::new, Collectors.counting())));
        assertThat(outcomes.stream().filter(outcome -> !outcome.keepsTheContract()).map(Outcome::toString).toList())
                .as("replies other than 200/0, 503/1503 with Retry-After, or no connection (of " + outcomes.size()
                        + ", server log " + stack.instance(0).process().log() + ")").isEmpty();
        assertThat(broker.messagesAdded(BrokerProbe.RESET_REQUESTS))
                .as("messages the broker received: at least one per 200").isGreaterThanOrEqualTo(accepted);
    }

    /** Clients send until the server refuses connections; SIGTERM once it has accepted a few. */
    private static List<Outcome> loadAcrossASigterm(ApplicationServer server) throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Instant> refused = new AtomicReference<>();
        CountDownLatch warm = new CountDownLatch(ACCEPTED_BEFORE_STOP);
        Instant deadline = Instant.now().plus(GRACE.multipliedBy(3));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.execute(() -> {
                while (refused.get() == null && Instant.now().isBefore(deadline)) {
                    Outcome outcome = forgot(server.baseUrl());
                    outcomes.add(outcome);
                    if (outcome.refusedConnection()) {
                        refused.compareAndSet(null, Instant.now());
                    } else if (outcome.status() == 200) {
                        warm.countDown();
                    }
                }
            });
        }
        clients.shutdown();
        assertThat(warm.await(2, TimeUnit.MINUTES)).as("requests accepted before the stop").isTrue();
        Instant sigterm = Instant.now();
        boolean exited = server.process().stop(GRACE);
        assertThat(clients.awaitTermination(GRACE.toSeconds(), TimeUnit.SECONDS)).as("clients done").isTrue();
        assertThat(exited).as("stopped by itself within " + GRACE).isTrue();
        assertThat(refused.get()).as("connections refused").isNotNull();
        assertThat(Duration.between(sigterm, refused.get())).as("from the SIGTERM to the first refused connection:"
                + " the listener closes before Payara undeploys anything").isLessThan(PAYARA_GRACE);
        return outcomes;
    }

    private static Outcome forgot(String baseUrl) {
        try {
            ApiClient.Reply reply = new ApiClient(baseUrl).forgot("stop-" + UUID.randomUUID() + "@example.com");
            Integer code = reply.json() != null && reply.json().containsKey("code") ? reply.code() : null;
            return new Outcome(reply.status(), reply.body(), code, reply.header("Retry-After"), false);
        } catch (IllegalStateException failed) {
            return new Outcome(-1, null, null, null, refusedConnection(failed));
        }
    }

    private static boolean refusedConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
