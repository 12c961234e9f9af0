package org.example.forgotpassword.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.example.forgotpassword.devstack.PostgresServer;
import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.it.SmtpRelay;
import org.example.forgotpassword.it.load.DeliveryReport;
import org.example.forgotpassword.it.load.ForgotLoad;
import org.example.forgotpassword.it.load.SeededAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite (README, "Reliability"): real processes, real faults, on loopback. Each scenario sends "forgot
 * password" requests for accounts that exist until N of them were accepted (200: the broker has persisted the
 * request), breaks something in the middle, and then counts every mail the mail server received. It prints one line
 * per scenario (accepted, delivered, lost, duplicates, dead-lettered, recovery seconds) and fails if an accepted
 * request got no mail, or got more than one beyond the one window the design leaves open: a crash between the SMTP
 * server's 250 and the commit of the delivery.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosIT {

    static final int N = FaultSettings.requests();
    static final String OUTBOX = "mail-outbox";
    static final String DEAD_LETTERS = "DLQ";
    static final String FAILED_ATTEMPTS = "forgot_password_mail_attempts_failed_total";
    static final String TRANSIENT_FAILURES = "kind=\"transient\"";
    static final String PERMANENT_FAILURES = "kind=\"permanent\"";

    static FaultStack stack;
    static final List<FaultFigures> figures = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startTheServers() {
        Path postgres = PostgresServer.installation().orElse(null);
        assumeTrue(postgres != null, "needs Debian's postgresql package (.ci/run installs it)");
        stack = FaultStack.start(postgres);
    }

    @AfterEach
    void healTheMailServer() throws IOException {
        SmtpRelay smtp = stack.mailServer();
        smtp.comeBack();
        smtp.resume();
        smtp.rejectRecipients(address -> false);
        smtp.failFirstAttemptsOfEachRecipient(0);
    }

    @AfterAll
    static void printTheFiguresAndStop() throws IOException {
        if (stack == null) {
            return;
        }
        List<String> lines = figures.stream().map(FaultFigures::line).toList();
        System.out.println(String.join(System.lineSeparator(), lines));
        Path report = stack.layout().stackDir().getParent().resolve("fault-suite/figures.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
        stack.close();
    }

    @Test
    @Order(1)
    void aMailServerThatIsDownForAWhileDelaysTheMailsButLosesNoneAndSendsNoneTwice() throws Exception {
        List<String> addresses = accounts("smtp-down");
        SmtpRelay smtp = stack.mailServer();
        long deadLettersBefore = deadLetters();
        long transientBefore = failedAttempts(TRANSIENT_FAILURES);
        AtomicReference<CompletableFuture<Instant>> outage = new AtomicReference<>();

        List<ForgotLoad.Outcome> outcomes = load(addresses, N, once(N / 4, () -> outage.set(
                CompletableFuture.supplyAsync(() -> {
                    try {
                        smtp.goDown();
                        pause(FaultSettings.smtpDown());
                        smtp.comeBack();
                        return Instant.now();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))));
        Instant smtpBack = outage.get().join();
        Settled settled = Settled.await(stack.mails(), stack.broker(), outcomes);

        long transientFailures = failedAttempts(TRANSIENT_FAILURES) - transientBefore;
        FaultFigures result = record("1 SMTP down " + FaultSettings.smtpDown().toSeconds() + " s", outcomes, settled,
                deadLettersBefore, smtpBack, "failed attempts while down " + transientFailures);
        assertThat(transientFailures).as("deliveries that met the closed port").isPositive();
        assertThat(result.report().lost()).as("accepted requests without a mail").isZero();
        assertThat(result.report().duplicates()).as("mails sent twice").isZero();
        assertThat(result.deadLettered()).as("dead-lettered").isZero();
    }

    @Test
    @Order(2)
    void temporaryRefusalsAreRetriedWithTheConfiguredBackOffUntilTheMailGoesThrough() throws Exception {
        List<String> addresses = accounts("smtp-4xx");
        SmtpRelay smtp = stack.mailServer();
        long deadLettersBefore = deadLetters();
        int refusals = 2;
        smtp.failFirstAttemptsOfEachRecipient(refusals);

        List<ForgotLoad.Outcome> outcomes = load(addresses, N, accepted -> {
        });
        Instant loadDone = Instant.now();
        Settled settled = Settled.await(stack.mails(), stack.broker(), outcomes);

        Duration firstDelay = redeliveryDelay();
        List<Duration> firstGaps = new ArrayList<>();
        List<Duration> secondGaps = new ArrayList<>();
        for (String address : ForgotLoad.acceptedAddresses(outcomes)) {
            List<Instant> attempts = smtp.attemptTimesFor(address);
            assertThat(attempts).as("attempts for " + address).hasSize(refusals + 1);
            firstGaps.add(Duration.between(attempts.get(0), attempts.get(1)));
            secondGaps.add(Duration.between(attempts.get(1), attempts.get(2)));
        }
        Duration firstMedian = median(firstGaps);
        Duration secondMedian = median(secondGaps);
        FaultFigures result = record("2 SMTP 451 x" + refusals + " each", outcomes, settled, deadLettersBefore,
                loadDone, String.format("median gap to the 2nd attempt %.1f s, to the 3rd %.1f s; configured %d s"
                                + " x%s", firstMedian.toMillis() / 1000.0, secondMedian.toMillis() / 1000.0,
                        firstDelay.toSeconds(), redeliveryMultiplier()));
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates()).isZero();
        assertThat(result.deadLettered()).isZero();
        assertThat(Collections.min(firstGaps)).as("no retry before the first delay").isGreaterThanOrEqualTo(firstDelay);
        Duration secondDelay = Duration.ofMillis((long) (firstDelay.toMillis() * redeliveryMultiplier()));
        assertThat(Collections.min(secondGaps)).as("the second delay is multiplied, not repeated")
                .isGreaterThanOrEqualTo(secondDelay);
    }

    @Test
    @Order(3)
    void aMailboxThatDoesNotExistIsDeadLetteredAfterOneAttemptAndTheOthersAreDelivered() throws Exception {
        List<String> addresses = accounts("smtp-550");
        String unknownMailbox = addresses.get(N / 2);
        SmtpRelay smtp = stack.mailServer();
        smtp.rejectRecipients(unknownMailbox::equals);
        long deadLettersBefore = deadLetters();
        long permanentBefore = failedAttempts(PERMANENT_FAILURES);

        List<ForgotLoad.Outcome> outcomes = load(addresses, N + 1, accepted -> {
        });
        Instant loadDone = Instant.now();
        Settled settled = Settled.await(stack.mails(), stack.broker(), withoutAddress(outcomes, unknownMailbox));
        awaitDeadLetters(deadLettersBefore + 1);

        FaultFigures result = record("3 SMTP 550 for one address", withoutAddress(outcomes, unknownMailbox), settled,
                deadLettersBefore, loadDone, "attempts for the refused address " + smtp.attemptsFor(unknownMailbox));
        assertThat(ForgotLoad.acceptedAddresses(outcomes)).as("the refused address was accepted like any other")
                .contains(unknownMailbox);
        assertThat(smtp.attemptsFor(unknownMailbox)).as("a permanent refusal is not retried").isEqualTo(1);
        assertThat(stack.mails().mailsFor(unknownMailbox)).isEmpty();
        assertThat(failedAttempts(PERMANENT_FAILURES) - permanentBefore).isEqualTo(1);
        assertThat(result.deadLettered()).isEqualTo(1);
        assertThat(deadLetterReasons()).anyMatch(reason -> reason.contains("550"));
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates()).isZero();
    }

    @Test
    @Order(4)
    void aPoisonMessageIsDeadLetteredWithItsReasonAndTheConsumersKeepDelivering() throws Exception {
        List<String> addresses = accounts("poison");
        long deadLettersBefore = deadLetters();
        BrokerProbe broker = stack.broker();
        List<String> poison = Collections.synchronizedList(new ArrayList<>());

        List<ForgotLoad.Outcome> outcomes = load(addresses, N, once(N / 2, () -> {
            poison.add(broker.send("password-reset-requests", "{\"type\":\"password-reset-request\",\"version\":99}",
                    Map.of("origin", "FaultScenariosIT")));
            poison.add(broker.send(OUTBOX, "not a mail at all", Map.of("origin", "FaultScenariosIT")));
        }));
        Instant loadDone = Instant.now();
        Settled settled = Settled.await(stack.mails(), stack.broker(), outcomes);
        awaitDeadLetters(deadLettersBefore + poison.size());

        FaultFigures result = record("4 poison messages", outcomes, settled, deadLettersBefore, loadDone,
                poison.size() + " poison messages put on the queues");
        List<BrokerProbe.BrowsedMessage> deadLettered = broker.browse(DEAD_LETTERS).stream()
                .filter(message -> poison.contains(message.properties().get("dlqOriginalMessageId"))).toList();
        assertThat(deadLettered).hasSize(poison.size())
                .allSatisfy(message -> assertThat((String) message.properties().get("dlqReason")).isNotBlank());
        assertThat(deadLetterReasonsRecordedFor(poison)).as("the database's record of the dead letters")
                .isEqualTo(deadLettered.stream().collect(Collectors.toMap(
                        message -> (String) message.properties().get("dlqOriginalMessageId"),
                        message -> (String) message.properties().get("dlqReason"))));
        assertThat(result.deadLettered()).isEqualTo(poison.size());
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates()).isZero();
    }

    /**
     * A commit that met the outage is completed by the transaction manager's retry (Payara: 60 s later) through the
     * pooled session, which has reconnected meanwhile: the quiet period must be longer than that retry.
     */
    @Test
    @Order(5)
    void aBrokerOutageIsAnswered503AndEveryAcceptedRequestIsDeliveredOnceTheBrokerIsBack() throws Exception {
        List<String> addresses = accounts("broker-down");
        long deadLettersBefore = deadLetters();
        AtomicReference<CompletableFuture<Instant>> outage = new AtomicReference<>();
        AtomicReference<ApiClient.Reply> duringOutage = new AtomicReference<>();
        AtomicInteger sendingAtStop = new AtomicInteger();

        List<ForgotLoad.Outcome> outcomes = load(addresses, N, once(N / 3, () -> {
            sendingAtStop.set(stack.mailServer().connectionsInProgress());
            stack.stopBroker();
            outage.set(CompletableFuture.supplyAsync(() -> {
                pause(FaultSettings.brokerDown());
                stack.startBroker();
                return Instant.now();
            }));
            duringOutage.set(new ApiClient(stack.appUrl()).forgot(addresses.get(addresses.size() - 1)));
        }));
        Instant brokerBack = outage.get().join();
        Settled settled = Settled.await(stack.mails(), stack.broker(), outcomes);

        long refused = outcomes.stream().filter(outcome -> outcome.status() == 503).count();
        FaultFigures result = record("5 broker stopped " + FaultSettings.brokerDown().toSeconds() + " s", outcomes,
                settled, deadLettersBefore, brokerBack, "SMTP connections open at the stop " + sendingAtStop.get()
                        + ", answered 503 during the outage " + refused
                        + ", first accepted after the restart +" + secondsAfter(brokerBack, firstAcceptedAfter(
                        outcomes, brokerBack)) + " s");
        assertThat(duringOutage.get()).as("a request sent during the outage was answered").isNotNull();
        assertThat(duringOutage.get().status()).isEqualTo(503);
        assertThat(duringOutage.get().code()).isEqualTo(1503);
        assertThat(duringOutage.get().header("Retry-After")).isNotBlank();
        assertThat(outcomes).as("only accepted or 503, never an error").allMatch(outcome -> outcome.accepted()
                || outcome.status() == 503);
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates())
                .as("duplicates: at most one per mail whose commit after the 250 met the outage (one per SMTP"
                        + " connection open when the broker stopped)")
                .isLessThanOrEqualTo(sendingAtStop.get());
        assertThat(result.deadLettered()).isZero();
    }

    @Test
    @Order(6)
    void anApplicationKilledMidStreamDeliversEveryAcceptedRequestAfterItsRestart() throws Exception {
        List<String> addresses = accounts("app-killed");
        long deadLettersBefore = deadLetters();
        SmtpRelay smtp = stack.mailServer();
        AtomicInteger inSmtpConversationAtKill = new AtomicInteger();
        AtomicInteger waitingAtKill = new AtomicInteger();

        AcrossARestart run = loadAcrossARestart(addresses, () -> {
            smtp.stall();
            pause(Duration.ofMillis(500));
            inSmtpConversationAtKill.set(smtp.connectionsInProgress());
            waitingAtKill.set((int) (stack.broker().messageCount(OUTBOX)
                    + stack.broker().messageCount("password-reset-requests")));
            stack.killApp();
            smtp.resume();
        });
        Settled settled = Settled.await(stack.mails(), stack.broker(), run.outcomes());

        FaultFigures result = record("6 Payara SIGKILL + restart", run.outcomes(), settled, deadLettersBefore,
                run.restarted(), "unacknowledged messages at the kill " + waitingAtKill.get()
                        + ", SMTP conversations cut " + inSmtpConversationAtKill.get() + ", restart took "
                        + run.boot().toSeconds() + " s");
        assertThat(waitingAtKill.get()).as("mails were in flight at the kill").isPositive();
        assertEveryMailSentOnceExceptForTheConversationsCut(result, inSmtpConversationAtKill.get());
    }

    @Test
    @Order(7)
    void aGracefulStopMidStreamRefusesNewRequestsAndFinishesOrRollsBackTheDeliveriesInFlight() throws Exception {
        List<String> addresses = accounts("app-stopped");
        long deadLettersBefore = deadLetters();
        AtomicReference<FaultStack.Stop> stopping = new AtomicReference<>();

        AcrossARestart run = loadAcrossARestart(addresses,
                () -> stopping.set(stack.stopAppGracefully(FaultSettings.stopGrace())));
        List<ForgotLoad.Outcome> outcomes = run.outcomes();
        Settled settled = Settled.await(stack.mails(), stack.broker(), outcomes);

        FaultFigures result = record("7 Payara SIGTERM + restart", outcomes, settled, deadLettersBefore,
                run.restarted(), "stopped in " + stopping.get().took().toSeconds() + " s, restart took "
                        + run.boot().toSeconds() + " s");
        assertThat(stopping.get().exitedByItself()).as("stopped by itself within " + FaultSettings.stopGrace()
                + ", not killed when the grace period ran out").isTrue();
        assertThat(outcomes).as("accepted, refused with 503 or no connection: never an error").allMatch(outcome ->
                outcome.accepted() || outcome.status() == 503 || outcome.status() == ForgotLoad.NO_REPLY);
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates()).isZero();
        assertThat(result.deadLettered()).isZero();
    }

    @Test
    @Order(8)
    void transactionsInDoubtAtACrashAreCompletedByTheRestartedApplication() throws Exception {
        assumeTrue(FaultSettings.inDoubtScenario(), "opt-in: -Dfaults.in-doubt=true (README, \"Reliability\")");
        List<String> addresses = accounts("in-doubt");
        long deadLettersBefore = deadLetters();
        SmtpRelay smtp = stack.mailServer();
        AtomicInteger inDoubtAtKill = new AtomicInteger();
        AtomicInteger inSmtpConversationAtKill = new AtomicInteger();

        AcrossARestart run = loadAcrossARestart(addresses, () -> {
            smtp.stall();
            stack.database().freeze();
            try {
                inDoubtAtKill.set(awaitPreparedTransactions(Duration.ofSeconds(5)));
                inSmtpConversationAtKill.set(smtp.connectionsInProgress());
                stack.killApp();
            } finally {
                stack.database().thaw();
                smtp.resume();
            }
        });
        Settled settled = Settled.await(stack.mails(), stack.broker(), run.outcomes());

        FaultFigures result = record("8 Payara SIGKILL in doubt", run.outcomes(), settled, deadLettersBefore,
                run.restarted(), "prepared on the broker at the kill " + inDoubtAtKill.get() + ", SMTP conversations cut "
                        + inSmtpConversationAtKill.get() + ", restart took " + run.boot().toSeconds() + " s");
        assertThat(inDoubtAtKill.get()).as("transactions in doubt at the kill").isPositive();
        assertEveryMailSentOnceExceptForTheConversationsCut(result, inSmtpConversationAtKill.get());
    }

    /** After a kill: no mail lost, none dead-lettered, a duplicate only where a kill cut an SMTP conversation. */
    static void assertEveryMailSentOnceExceptForTheConversationsCut(FaultFigures result, int conversationsCut) {
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates())
                .as("duplicates: at most one per SMTP conversation cut between the 250 and the commit")
                .isLessThanOrEqualTo(conversationsCut);
        assertThat(result.deadLettered()).isZero();
    }

    /**
     * With the database frozen, a delivery that has prepared its broker branches waits for the database's commit
     * (the last resource, committed after the prepare) until the crash: prepared on the broker, in doubt.
     */
    static int awaitPreparedTransactions(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int prepared;
        while ((prepared = stack.broker().preparedTransactions().size()) == 0 && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(100));
        }
        return prepared;
    }

    /** The requests of a scenario that takes the application away, and when it was back. */
    record AcrossARestart(List<ForgotLoad.Outcome> outcomes, Duration boot, Instant restarted) {
    }

    /**
     * Sends requests until half of N were accepted, takes the application away with {@code fault} at that moment,
     * starts it again as a supervisor would, and sends the rest.
     */
    static AcrossARestart loadAcrossARestart(List<String> addresses, Runnable fault) throws InterruptedException {
        List<ForgotLoad.Outcome> outcomes = new ArrayList<>(load(addresses, N / 2, once(N / 2, fault)));
        Duration boot = stack.startApp();
        Instant restarted = Instant.now();
        outcomes.addAll(load(remaining(addresses, outcomes), N - accepted(outcomes), accepted -> {
        }));
        return new AcrossARestart(outcomes, boot, restarted);
    }

    /** N accepted requests need N accounts, and a spare for each request that may be refused or unanswered. */
    static List<String> accounts(String scenario) {
        return SeededAccounts.seed(new ApiClient(stack.appUrl()), stack.database(), scenario, 2 * N);
    }

    static List<ForgotLoad.Outcome> load(List<String> addresses, int accepted, IntConsumer whenAccepted)
            throws InterruptedException {
        return new ForgotLoad(List.of(stack.appUrl()), FaultSettings.clients())
                .run(addresses.iterator(), accepted, whenAccepted);
    }

    /** The addresses no request was sent for yet. */
    static List<String> remaining(List<String> addresses, List<ForgotLoad.Outcome> sent) {
        List<String> used = sent.stream().map(ForgotLoad.Outcome::address).toList();
        return addresses.stream().filter(address -> !used.contains(address)).toList();
    }

    /** Runs {@code fault} in the client thread that got the {@code n}th acceptance, while the others keep sending. */
    static IntConsumer once(int n, Runnable fault) {
        return accepted -> {
            if (accepted == n) {
                fault.run();
            }
        };
    }

    static FaultFigures record(String scenario, List<ForgotLoad.Outcome> outcomes, Settled settled,
                               long deadLettersBefore, Instant faultOver, String details) {
        DeliveryReport report = DeliveryReport.of(outcomes, settled.mailsPerAddress());
        Duration recovery = Duration.between(faultOver, settled.lastMailSeen());
        FaultFigures result = new FaultFigures(scenario, report, deadLetters() - deadLettersBefore,
                settled.preparedLeft(), recovery.isNegative() ? Duration.ZERO : recovery, details);
        figures.add(result);
        System.out.println(result.line());
        if (report.lost() > 0) {
            System.out.println("FAULT " + scenario + ": no mail for " + outcomes.stream()
                    .filter(outcome -> outcome.accepted() && settled.mailsPerAddress().get(outcome.address()) == 0)
                    .map(ForgotLoad.Outcome::address).toList() + "; the broker holds " + stack.broker().messageCount(
                    "password-reset-requests") + " reset requests, " + stack.broker().messageCount(OUTBOX)
                    + " mails and " + stack.broker().preparedTransactions().size() + " prepared transactions; "
                    + "Payara's log: " + stack.appLog());
        }
        assertThat(report.accepted()).as("accepted requests").isGreaterThanOrEqualTo(N);
        assertThat(settled.preparedLeft()).as("transactions left in doubt on the broker").isZero();
        return result;
    }

    static int accepted(List<ForgotLoad.Outcome> outcomes) {
        return (int) outcomes.stream().filter(ForgotLoad.Outcome::accepted).count();
    }

    static List<ForgotLoad.Outcome> withoutAddress(List<ForgotLoad.Outcome> outcomes, String address) {
        return outcomes.stream().filter(outcome -> !outcome.address().equals(address)).toList();
    }

    static Instant firstAcceptedAfter(List<ForgotLoad.Outcome> outcomes, Instant moment) {
        return outcomes.stream().filter(ForgotLoad.Outcome::accepted).map(ForgotLoad.Outcome::answered)
                .filter(answered -> answered.isAfter(moment)).min(Instant::compareTo).orElse(moment);
    }

    static String secondsAfter(Instant from, Instant to) {
        return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }

    /** The service's own count of failed SMTP attempts of a kind, from {@code GET /ops/metrics}. */
    static long failedAttempts(String kind) {
        String metrics = new OpsMetrics(new ApiClient(stack.appUrl())).scrape();
        return OpsMetrics.sample(metrics, FAILED_ATTEMPTS, kind)
                .orElseThrow(() -> new AssertionError(FAILED_ATTEMPTS + "{" + kind + "} not in\n" + metrics));
    }

    static long deadLetters() {
        return stack.broker().messageCount(DEAD_LETTERS);
    }

    static List<String> deadLetterReasons() {
        return stack.broker().browse(DEAD_LETTERS).stream()
                .map(message -> String.valueOf(message.properties().get("dlqReason"))).toList();
    }

    /** The reasons in the table {@code dead_letter}, by the dead-lettered message's id. */
    static Map<String, String> deadLetterReasonsRecordedFor(List<String> messageIds) throws SQLException {
        PostgresServer database = stack.database();
        Map<String, String> reasons = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT message_id, reason FROM dead_letter WHERE message_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", messageIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reasons.put(rows.getString("message_id"), rows.getString("reason"));
                }
            }
        }
        return reasons;
    }

    static void awaitDeadLetters(long count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (deadLetters() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The outbox's back-off as the shipped broker settings configure it. */
    static Duration redeliveryDelay() {
        return Duration.ofMillis(Long.parseLong(brokerSetting("redeliveryDelay")));
    }

    static double redeliveryMultiplier() {
        return Double.parseDouble(brokerSetting("redeliveryMultiplier"));
    }

    static String brokerSetting(String name) {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(stack.layout().brokerProperties())) {
            settings.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = "addressSettings.\"" + OUTBOX + "\"." + name;
        String value = settings.getProperty(key);
        assertThat(value).as(key + " in broker.properties").isNotNull();
        return value;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
