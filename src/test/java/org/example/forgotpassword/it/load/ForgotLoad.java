package org.example.forgotpassword.it.load;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.example.forgotpassword.it.ApiClient;

/**
 * "Forgot password" requests from several concurrent clients, each of its own client address, spread round-robin
 * over the instances as a load balancer would: an instance that refuses connections is taken out of rotation and
 * the request goes to the next one (nothing was sent, so nothing is lost); with none left, the clients stop. A
 * request that was sent but got no reply (the instance died under it) is not retried: its outcome is unknown to
 * the client, as in real life.
 */
public final class ForgotLoad {

    /**
     * What happened to one request; {@code status} is {@link #NO_REPLY} when the connection broke under it.
     *
     * @param code       the reply's JSON {@code code}, null without a JSON reply
     * @param retryAfter the reply's {@code Retry-After} header, null without one
     */
    public record Outcome(String address, String instance, int status, Integer code, String retryAfter, Instant sent,
                          Instant answered) {

        public boolean accepted() {
            return status == 200;
        }

        /** A refusal as the contract has it when the broker is away: 503, code 1503, with a Retry-After. */
        public boolean refusedForNow() {
            return status == 503 && Integer.valueOf(1503).equals(code) && retryAfter != null && !retryAfter.isBlank();
        }

        public Duration took() {
            return Duration.between(sent, answered);
        }
    }

    public static final int NO_REPLY = -1;

    private final List<String> instances;
    private final int clients;
    private final Duration pauseAfterRefusal;
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();

    public ForgotLoad(List<String> instances, int clients) {
        this(instances, clients, Duration.ZERO);
    }

    private ForgotLoad(List<String> instances, int clients, Duration pauseAfterRefusal) {
        this.instances = List.copyOf(instances);
        this.clients = clients;
        this.pauseAfterRefusal = pauseAfterRefusal;
    }

    /**
     * The same load whose clients, after a 503, wait {@code pause} before their next request, as a person who was
     * told to try again does, instead of spending the addresses at the speed of the refusals.
     */
    public ForgotLoad pausingAfterRefusals(Duration pause) {
        return new ForgotLoad(instances, clients, pause);
    }

    /**
     * Sends one request per address until {@code target} requests were accepted (or the addresses run out).
     * {@code whenAccepted} is called with each new count of accepted requests, in the client thread that got it,
     * while the other clients keep sending: the place to break something mid-stream.
     */
    public List<Outcome> run(Iterator<String> addresses, int target, IntConsumer whenAccepted)
            throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (accepted.get() < target) {
                    String address;
                    synchronized (addresses) {
                        if (!addresses.hasNext()) {
                            return;
                        }
                        address = addresses.next();
                    }
                    Optional<Outcome> sent = send(address);
                    if (sent.isEmpty()) {
                        return;
                    }
                    Outcome outcome = sent.get();
                    outcomes.add(outcome);
                    if (outcome.accepted()) {
                        whenAccepted.accept(accepted.incrementAndGet());
                    } else if (outcome.status() == 503 && !pauseAfterRefusal.isZero()) {
                        try {
                            Thread.sleep(pauseAfterRefusal.toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("load did not finish within 10 minutes");
        }
        return new ArrayList<>(outcomes);
    }

    /** @return what happened, or nothing when every instance refuses connections (the client gives up) */
    private Optional<Outcome> send(String address) {
        while (true) {
            Optional<String> instance = pick();
            if (instance.isEmpty()) {
                return Optional.empty();
            }
            Instant sent = Instant.now();
            try {
                ApiClient.Reply reply = new ApiClient(instance.get()).forgot(address);
                Instant answered = Instant.now();
                Integer code = reply.json() != null && reply.json().containsKey("code") ? reply.code() : null;
                return Optional.of(new Outcome(address, instance.get(), reply.status(), code,
                        reply.header("Retry-After"), sent, answered));
            } catch (IllegalStateException failed) {
                if (refusedConnection(failed)) {
                    down.add(instance.get());
                    continue;
                }
                return Optional.of(new Outcome(address, instance.get(), NO_REPLY, null, null, sent, Instant.now()));
            }
        }
    }

    private Optional<String> pick() {
        for (int i = 0; i < instances.size(); i++) {
            String candidate = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
            if (!down.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean refusedConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The addresses of the accepted requests, in the order they were sent. */
    public static List<String> acceptedAddresses(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::accepted).map(Outcome::address).toList();
    }

    /** The longest time between two consecutive accepted replies, a measure of how long the service was away. */
    public static Duration longestGapBetweenAcceptances(List<Outcome> outcomes) {
        List<Instant> answers = outcomes.stream().filter(Outcome::accepted).map(Outcome::answered).sorted().toList();
        Duration longest = Duration.ZERO;
        for (int i = 1; i < answers.size(); i++) {
            Duration gap = Duration.between(answers.get(i - 1), answers.get(i));
            if (gap.compareTo(longest) > 0) {
                longest = gap;
            }
        }
        return longest;
    }
}
