package org.example.forgotpassword.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.example.forgotpassword.devstack.SmtpRelay;
import org.example.forgotpassword.devstack.Wait;
import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.MailInbox;
import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.it.load.Deliveries;
import org.example.forgotpassword.it.load.DeliveryReport;
import org.example.forgotpassword.it.load.ForgotLoad;
import org.example.forgotpassword.it.load.LoadSettings;
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
 * request got no mail, or got more than one beyond the one window the design leaves open: the instance dying
 * between the SMTP server's 250 and the commit of the record that the mail went out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosIT {

    static final LoadSettings SETTINGS = new LoadSettings("faults");
    static final int N = SETTINGS.requests();
    /** How long the mail server stays down in the "SMTP down" scenario. */
    static final Duration SMTP_DOWN = SETTINGS.seconds("smtp-down", 15);
    /** How long the broker stays stopped in the "broker outage" scenario. */
    static final Duration BROKER_DOWN = SETTINGS.seconds("broker-down", 10);
    /** How long a supervisor waits after SIGTERM before it kills the application (Kubernetes' default: 30 s). */
    static final Duration STOP_GRACE = SETTINGS.seconds("stop-grace", 30);
    /** Accepted requests of the stream that the application is killed three times in: at least 300. */
    static final int REPEATED_KILL_REQUESTS = Math.max(300, SETTINGS.number("repeated-kill-requests", 300));
    static final String RESET_REQUESTS = BrokerProbe.RESET_REQUESTS;
    static final String DEAD_LETTERS = "DLQ";
    /** The slowest answer the contract allows, 503 included (DESIGN.md: 503/1503 within 2 s). */
    static final Duration REPLY_BOUND = Duration.ofSeconds(2);
    /**
     * A request that comes the moment the restarted broker opens its port opens a new pooled connection: connect,
     * session, send, each a blocking call bounded by the pool's 2 s call timeout.
     */
    static final Duration RECONNECT_BOUND = REPLY_BOUND.multipliedBy(3);
    /**
     * How long a client waits after a 503 before its next request in the broker outage; each refusal spends an
     * address, and the outage lasts broker-down-seconds plus the broker's stop and start.
     */
    static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMillis(100);
    static final int REFUSALS_SPARE = 1_500;
    static final String FAILED_ATTEMPTS = "forgot_password_mail_attempts_failed_total";
    static final String TRANSIENT_FAILURES = "kind=\"transient\"";
    static final String PERMANENT_FAILURES = "kind=\"permanent\"";

    static final String PASSWORD_CHANGED_SUBJECT = "Your password was changed";

    static FaultStack stack;
    /** The relay the application sends its mails through, which the scenarios take down, stall or make refuse. */
    static SmtpRelay smtp;
    /** One line per scenario, printed at the end and kept in target/fault-suite/figures.txt. */
    static final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startTheServers() {
        stack = FaultStack.start(SETTINGS);
        smtp = stack.mailServer();
    }

    @AfterEach
    void healTheMailServer() throws IOException {
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
        System.out.println(String.join(System.lineSeparator(), lines));
        Path report = stack.layout().buildDir().resolve("fault-suite/figures.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
        stack.close();
    }

    @Test
    @Order(1)
    void aMailServerThatIsDownForAWhileDelaysTheMailsButLosesNoneAndSendsNoneTwice() throws Exception {
        List<String> addresses = accounts("smtp-down");
        long deadLettersBefore = deadLetters();
        long transientBefore = failedAttempts(TRANSIENT_FAILURES);
        AtomicReference<CompletableFuture<Instant>> outage = new AtomicReference<>();

        List<ForgotLoad.Outcome> outcomes = load(addresses, N, once(N / 4, () -> outage.set(
                CompletableFuture.supplyAsync(() -> {
                    try {
                        smtp.goDown();
                        Wait.sleep(SMTP_DOWN);
                        smtp.comeBack();
                        return Instant.now();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))));
        Instant smtpBack = outage.get().join();
        Deliveries.Counted settled = stack.deliveries().await(outcomes);

        long transientFailures = failedAttempts(TRANSIENT_FAILURES) - transientBefore;
        FaultFigures result = record("1 SMTP down " + SMTP_DOWN.toSeconds() + " s", outcomes, settled,
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
        long deadLettersBefore = deadLetters();
        int refusals = 2;
        smtp.failFirstAttemptsOfEachRecipient(refusals);

        List<ForgotLoad.Outcome> outcomes = load(addresses, N);
        Instant loadDone = Instant.now();
        Deliveries.Counted settled = stack.deliveries().await(outcomes);

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
        smtp.rejectRecipients(unknownMailbox::equals);
        long deadLettersBefore = deadLetters();
        long permanentBefore = failedAttempts(PERMANENT_FAILURES);

        List<ForgotLoad.Outcome> outcomes = load(addresses, N + 1);
        Instant loadDone = Instant.now();
        Deliveries.Counted settled = stack.deliveries().await(withoutAddress(outcomes, unknownMailbox));
        awaitDeadLetters(deadLettersBefore + 1);

        FaultFigures result = record("3 SMTP 550 for one address", withoutAddress(outcomes, unknownMailbox), settled,
                deadLettersBefore, loadDone, "attempts for the refused address " + smtp.attemptsFor(unknownMailbox));
        assertThat(ForgotLoad.acceptedAddresses(outcomes)).as("the refused address was accepted like any other")
                .contains(unknownMailbox);
        assertThat(smtp.attemptsFor(unknownMailbox)).as("a permanent refusal is not retried").isEqualTo(1);
        assertThat(stack.mails().mailsFor(unknownMailbox)).isEmpty();
        assertThat(result.deadLettered()).isEqualTo(1);
        assertThat(deadLetterReasons()).anyMatch(reason -> reason.contains("550"));
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates()).isZero();
        assertThat(failedAttempts(PERMANENT_FAILURES) - permanentBefore).as("permanent failures in /ops/metrics")
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void aPoisonMessageIsDeadLetteredWithItsReasonAndTheConsumersKeepDelivering() throws Exception {
        List<String> addresses = accounts("poison");
        long deadLettersBefore = deadLetters();
        BrokerProbe broker = stack.broker();
        List<String> poison = Collections.synchronizedList(new ArrayList<>());

        List<ForgotLoad.Outcome> outcomes = load(addresses, N, once(N / 2, () -> {
            poison.add(broker.send(RESET_REQUESTS, "{\"type\":\"password-reset-request\",\"version\":99}",
                    Map.of("origin", "FaultScenariosIT")));
            poison.add(broker.send(RESET_REQUESTS, "not a reset request at all", Map.of("origin", "FaultScenariosIT")));
        }));
        Instant loadDone = Instant.now();
        Deliveries.Counted settled = stack.deliveries().await(outcomes);
        awaitDeadLetters(deadLettersBefore + poison.size());

        FaultFigures result = record("4 poison messages", outcomes, settled, deadLettersBefore, loadDone,
                poison.size() + " poison messages put on the queue");
        List<BrokerProbe.BrowsedMessage> deadLettered = broker.browse(DEAD_LETTERS).stream()
                .filter(message -> poison.contains(message.properties().get("dlqOriginalMessageId"))).toList();
        assertThat(deadLettered).hasSize(poison.size()).allSatisfy(message -> {
            assertThat((String) message.properties().get("dlqReason")).isNotBlank();
            assertThat(message.properties().get("dlqOriginalQueue")).isEqualTo(RESET_REQUESTS);
        });
        assertThat(deadLetterReasonsRecordedFor(poison)).as("the database's record of the dead letters")
                .isEqualTo(deadLettered.stream().collect(Collectors.toMap(
                        message -> (String) message.properties().get("dlqOriginalMessageId"),
                        message -> (String) message.properties().get("dlqReason"))));
        assertThat(result.deadLettered()).isEqualTo(poison.size());
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates()).isZero();
    }

    /**
     * Every request is answered at once: 200 once the broker has persisted it, or 503 (code 1503, with a
     * {@code Retry-After}) while it is away, never after more than {@link #REPLY_BOUND}; once it is back, the
     * requests that open the pool's new connections within {@link #RECONNECT_BOUND}. A delivery whose
     * acknowledgement met the outage is delivered again once the broker is back, and finds its mail recorded as sent.
     */
    @Test
    @Order(5)
    void aBrokerOutageIsAnswered503AtOnceAndEveryAcceptedRequestIsDeliveredOnceTheBrokerIsBack() throws Exception {
        List<String> addresses = SeededAccounts.seed(new ApiClient(stack.appUrl()), stack.database(), "broker-down",
                2 * N + REFUSALS_SPARE);
        long deadLettersBefore = deadLetters();
        AtomicReference<CompletableFuture<Instant>> outage = new AtomicReference<>();
        AtomicReference<ApiClient.Reply> duringOutage = new AtomicReference<>();
        AtomicReference<Instant> brokerStarting = new AtomicReference<>();

        ForgotLoad patientClients = new ForgotLoad(List.of(stack.appUrl()), SETTINGS.clients())
                .pausingAfterRefusals(PAUSE_AFTER_REFUSAL);
        List<ForgotLoad.Outcome> outcomes = patientClients.run(addresses.iterator(), N, once(N / 3, () -> {
            stack.stopBroker();
            outage.set(CompletableFuture.supplyAsync(() -> {
                Wait.sleep(BROKER_DOWN);
                brokerStarting.set(Instant.now());
                stack.startBroker();
                return Instant.now();
            }));
            duringOutage.set(new ApiClient(stack.appUrl()).forgot(addresses.get(addresses.size() - 1)));
        }));
        Instant brokerBack = outage.get().join();
        Deliveries.Counted settled = stack.deliveries().await(outcomes);

        long refused = outcomes.stream().filter(ForgotLoad.Outcome::refusedForNow).count();
        Duration slowest = outcomes.stream().map(ForgotLoad.Outcome::took).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        Duration slowestRefusal = outcomes.stream().filter(outcome -> outcome.status() == 503)
                .map(ForgotLoad.Outcome::took).max(Duration::compareTo).orElse(Duration.ZERO);
        FaultFigures result = record("5 broker stopped " + BROKER_DOWN.toSeconds() + " s", outcomes,
                settled, deadLettersBefore, brokerBack, "answered 503 during the outage " + refused
                        + ", slowest answer " + millis(slowest) + " ms, slowest 503 " + millis(slowestRefusal)
                        + " ms, the one sent just after the stop " + millis(duringOutage.get().took())
                        + " ms, first accepted after the restart +" + secondsAfter(brokerBack, firstAcceptedAfter(
                        outcomes, brokerBack)) + " s");
        assertThat(duringOutage.get()).as("a request sent during the outage was answered").isNotNull();
        assertThat(duringOutage.get().status()).isEqualTo(503);
        assertThat(duringOutage.get().code()).isEqualTo(1503);
        assertThat(duringOutage.get().header("Retry-After")).isNotBlank();
        assertThat(duringOutage.get().took()).as("the answer during the outage").isLessThanOrEqualTo(REPLY_BOUND);
        assertThat(refused).as("requests refused for now").isPositive();
        assertThat(outcomes).as("only 200, or 503 with code 1503 and a Retry-After: never an error")
                .allMatch(outcome -> outcome.accepted() || outcome.refusedForNow());
        assertThat(slowestRefusal).as("the slowest 503").isLessThanOrEqualTo(REPLY_BOUND);
        assertThat(outcomes.stream().filter(outcome -> outcome.took().compareTo(REPLY_BOUND) > 0)
                .filter(outcome -> outcome.took().compareTo(RECONNECT_BOUND) > 0
                        || outcome.sent().isBefore(brokerStarting.get()))
                .map(outcome -> outcome.status() + " after " + millis(outcome.took()) + " ms, sent "
                        + secondsAfter(brokerStarting.get(), outcome.sent()) + " s after the broker's start began")
                .toList()).as("answers slower than " + REPLY_BOUND + " before the broker's restart, or slower than "
                        + RECONNECT_BOUND + " while the pool reconnects").isEmpty();
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates()).as("mails sent twice").isZero();
        assertThat(result.deadLettered()).isZero();
    }

    @Test
    @Order(6)
    void anApplicationKilledMidStreamDeliversEveryAcceptedRequestAfterItsRestart() throws Exception {
        List<String> addresses = accounts("app-killed");
        long deadLettersBefore = deadLetters();
        AtomicInteger inSmtpConversationAtKill = new AtomicInteger();
        AtomicInteger waitingAtKill = new AtomicInteger();

        AcrossARestart run = loadAcrossARestart(addresses, () -> {
            smtp.stall();
            Wait.sleep(Duration.ofMillis(500));
            inSmtpConversationAtKill.set(smtp.connectionsInProgress());
            waitingAtKill.set((int) stack.broker().messageCount(RESET_REQUESTS));
            stack.killApp();
            smtp.resume();
        });
        Deliveries.Counted settled = stack.deliveries().await(run.outcomes());

        FaultFigures result = record("6 Payara SIGKILL + restart", run.outcomes(), settled, deadLettersBefore,
                run.restarted(), "unacknowledged messages at the kill " + waitingAtKill.get()
                        + ", SMTP conversations cut " + inSmtpConversationAtKill.get() + ", restart took "
                        + run.boot().toSeconds() + " s");
        assertThat(waitingAtKill.get()).as("mails were in flight at the kill").isPositive();
        assertEveryMailSentOnceExceptForTheConversationsCut(result, inSmtpConversationAtKill.get());
    }

    @Test
    @Order(7)
    void aGracefulStopMidStreamRefusesNewRequestsAndLosesNoDeliveryInFlight() throws Exception {
        List<String> addresses = accounts("app-stopped");
        long deadLettersBefore = deadLetters();
        AtomicReference<FaultStack.Stop> stopping = new AtomicReference<>();

        AcrossARestart run = loadAcrossARestart(addresses,
                () -> stopping.set(stack.stopAppGracefully(STOP_GRACE)));
        List<ForgotLoad.Outcome> outcomes = run.outcomes();
        Deliveries.Counted settled = stack.deliveries().await(outcomes);

        FaultFigures result = record("7 Payara SIGTERM + restart", outcomes, settled, deadLettersBefore,
                run.restarted(), "stopped in " + stopping.get().took().toSeconds() + " s, restart took "
                        + run.boot().toSeconds() + " s");
        assertThat(stopping.get().exitedByItself()).as("stopped by itself within " + STOP_GRACE
                + ", not killed when the grace period ran out").isTrue();
        assertThat(outcomes).as("accepted, refused with 503/1503 and a Retry-After, or no connection: never an error")
                .allMatch(outcome -> outcome.accepted() || outcome.refusedForNow()
                        || outcome.status() == ForgotLoad.NO_REPLY);
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates()).isZero();
        assertThat(result.deadLettered()).isZero();
    }

    /**
     * One stream of requests, and the application killed three times in it at moments drawn at random (the seed is
     * printed, {@code -Dfaults.seed} repeats a run), restarted after each kill as a supervisor would. Nothing is
     * stalled: each kill meets whatever the consumers were doing.
     */
    @Test
    @Order(8)
    void anApplicationKilledThreeTimesInOneStreamLosesNothingAndSendsTwiceOnlyWhereAConversationWasCut()
            throws Exception {
        int target = REPEATED_KILL_REQUESTS;
        List<String> addresses = SeededAccounts.seed(new ApiClient(stack.appUrl()), stack.database(), "killed-thrice",
                2 * target);
        long deadLettersBefore = deadLetters();
        long seed = Long.getLong("faults.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Integer> killAt = new ArrayList<>();
        for (int kill = 1; kill <= 3; kill++) {
            killAt.add(target * kill / 4 + random.nextInt(target / 8) - target / 16);
        }
        List<ForgotLoad.Outcome> outcomes = new ArrayList<>();
        List<String> atTheKills = new ArrayList<>();
        List<Long> boots = new ArrayList<>();
        AtomicInteger conversationsCut = new AtomicInteger();
        Instant lastRestart = Instant.now();
        for (int at : killAt) {
            int toGo = at - accepted(outcomes);
            outcomes.addAll(load(remaining(addresses, outcomes), toGo, once(toGo, () -> {
                int inConversation = smtp.connectionsInProgress();
                long unacknowledged = stack.broker().messageCount(RESET_REQUESTS);
                stack.killApp();
                conversationsCut.addAndGet(inConversation);
                atTheKills.add(at + ": " + unacknowledged + "/" + inConversation);
            })));
            boots.add(stack.startApp().toSeconds());
            lastRestart = Instant.now();
        }
        outcomes.addAll(load(remaining(addresses, outcomes), target - accepted(outcomes)));
        Deliveries.Counted settled = stack.deliveries().await(outcomes);

        FaultFigures result = record("8 Payara SIGKILL x3 + restarts", outcomes, target, settled, deadLettersBefore,
                lastRestart, "seed " + seed + "; killed after accepted: requests on the broker/SMTP conversations cut "
                        + String.join(", ", atTheKills) + "; restarts took " + boots + " s; unanswered "
                        + DeliveryReport.of(outcomes, settled.mailsPerAddress()).unanswered());
        assertThat(atTheKills).as("three kills").hasSize(3);
        assertEveryMailSentOnceExceptForTheConversationsCut(result, conversationsCut.get());
    }

    /**
     * The "password changed" notice is written to mail_outbox in the reset's transaction; the attempt right after
     * the commit hangs on a stalled mail server when the application is killed. The restarted application's sweeper
     * sends it once the attempt's lease has passed: exactly one notice, and the outbox empty.
     */
    @Test
    @Order(9)
    void aKillRightAfterAPasswordResetCommittedStillSendsThePasswordChangedMailExactlyOnce() throws Exception {
        String address = "changed-" + System.nanoTime() + "@example.com";
        String newPassword = "a brand new passphrase";
        ApiClient api = new ApiClient(stack.appUrl());
        MailInbox inbox = stack.inbox();
        assertThat(api.createAccount(address, SeededAccounts.PASSWORD, "en").status()).isEqualTo(201);
        assertThat(api.forgot(address).status()).isEqualTo(200);
        String token = tokenIn(inbox.await(address, 1, Duration.ofSeconds(60)).get(0));

        smtp.stall();
        ApiClient.Reply reset = api.resetPassword(token, newPassword);
        assertThat(reset.status()).as("the reset committed: " + reset.body()).isEqualTo(200);
        Wait.until(() -> smtp.heldConnections() > 0, Duration.ofSeconds(10), Duration.ofMillis(50));
        int hangingAtKill = smtp.heldConnections();
        List<String> outboxAtKill = outboxRowIds();
        stack.killApp();
        Instant killed = Instant.now();
        Duration boot = stack.startApp();
        smtp.resume();

        awaitPasswordChangedNotice(inbox, address, Duration.ofSeconds(60));
        Instant noticeArrived = Instant.now();
        awaitEmptyOutbox(Duration.ofSeconds(30));
        Wait.sleep(Duration.ofSeconds(10));
        List<MailInbox.ReceivedMail> notices = passwordChangedNotices(inbox, address);
        long outboxLeft = stack.pendingWork().outboxRows();
        String line = String.format("FAULT %-28s notices %d, outbox rows at the kill %d, left %d, SMTP attempts"
                        + " hanging at the kill %d, notice %.1f s after the kill, restart took %d s",
                "9 SIGKILL after a reset:", notices.size(), outboxAtKill.size(), outboxLeft, hangingAtKill,
                Duration.between(killed, noticeArrived).toMillis() / 1000.0, boot.toSeconds());
        System.out.println(line);
        lines.add(line);

        assertThat(hangingAtKill).as("the attempt after the commit hung on the stalled mail server").isPositive();
        assertThat(outboxAtKill).as("the notice waited in mail_outbox at the kill").hasSize(1);
        assertThat(notices).as("\"password changed\" notices").hasSize(1);
        assertThat(notices.get(0).messageId()).as("Message-ID: the outbox row's id")
                .startsWith("<" + outboxAtKill.get(0) + "@");
        assertThat(outboxLeft).as("rows left in mail_outbox").isZero();
        ApiClient afterRestart = new ApiClient(stack.appUrl());
        assertThat(afterRestart.login(address, newPassword).status()).as("the new password works").isEqualTo(200);
        assertThat(afterRestart.resetPassword(token, "yet another passphrase").code()).as("the token is spent")
                .isEqualTo(1101);
    }

    static String tokenIn(MailInbox.ReceivedMail mail) {
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(mail.text());
        assertThat(link.find()).as("a reset link in " + mail.text()).isTrue();
        return link.group(1);
    }

    static List<MailInbox.ReceivedMail> passwordChangedNotices(MailInbox inbox, String address) {
        return inbox.mailsFor(address).stream().filter(mail -> mail.subject().contains(PASSWORD_CHANGED_SUBJECT))
                .toList();
    }

    static void awaitPasswordChangedNotice(MailInbox inbox, String address, Duration timeout) {
        Wait.until(() -> !passwordChangedNotices(inbox, address).isEmpty(), timeout, Duration.ofMillis(250));
    }

    static void awaitEmptyOutbox(Duration timeout) {
        Wait.until(() -> stack.pendingWork().outboxRows() == 0, timeout, Duration.ofMillis(250));
    }

    static List<String> outboxRowIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = stack.database().connect();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM mail_outbox");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString("id"));
            }
        }
        return ids;
    }

    /** After a kill: no mail lost, none dead-lettered, a duplicate only where a kill cut an SMTP conversation. */
    static void assertEveryMailSentOnceExceptForTheConversationsCut(FaultFigures result, int conversationsCut) {
        assertThat(result.report().lost()).isZero();
        assertThat(result.report().duplicates())
                .as("duplicates: at most one per SMTP conversation cut between the 250 and the commit")
                .isLessThanOrEqualTo(conversationsCut);
        assertThat(result.deadLettered()).isZero();
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
        outcomes.addAll(load(remaining(addresses, outcomes), N - accepted(outcomes)));
        return new AcrossARestart(outcomes, boot, restarted);
    }

    /** N accepted requests need N accounts, and a spare for each request that may be refused or unanswered. */
    static List<String> accounts(String scenario) {
        return SeededAccounts.seed(new ApiClient(stack.appUrl()), stack.database(), scenario, 2 * N);
    }

    /** Sends requests until {@code accepted} of them were accepted, with nothing broken on the way. */
    static List<ForgotLoad.Outcome> load(List<String> addresses, int accepted) throws InterruptedException {
        return load(addresses, accepted, n -> {
        });
    }

    /** Sends requests until {@code accepted} of them were accepted, telling {@code whenAccepted} of each. */
    static List<ForgotLoad.Outcome> load(List<String> addresses, int accepted, IntConsumer whenAccepted)
            throws InterruptedException {
        return new ForgotLoad(List.of(stack.appUrl()), SETTINGS.clients())
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

    static FaultFigures record(String scenario, List<ForgotLoad.Outcome> outcomes, Deliveries.Counted settled,
                               long deadLettersBefore, Instant faultOver, String details) {
        return record(scenario, outcomes, N, settled, deadLettersBefore, faultOver, details);
    }

    /** Prints and keeps the scenario's line; fails if fewer than {@code target} were accepted or work was left. */
    static FaultFigures record(String scenario, List<ForgotLoad.Outcome> outcomes, int target,
                               Deliveries.Counted settled, long deadLettersBefore, Instant faultOver, String details) {
        DeliveryReport report = DeliveryReport.of(outcomes, settled.mailsPerAddress());
        Duration recovery = Duration.between(faultOver, settled.mailsIn());
        FaultFigures result = new FaultFigures(scenario, report, deadLetters() - deadLettersBefore,
                recovery.isNegative() ? Duration.ZERO : recovery, details);
        lines.add(result.line());
        System.out.println(result.line());
        if (report.lost() > 0 || settled.workLeft()) {
            System.out.println("FAULT " + scenario + ": no mail for " + outcomes.stream()
                    .filter(outcome -> outcome.accepted() && settled.mailsPerAddress().get(outcome.address()) == 0)
                    .map(ForgotLoad.Outcome::address).toList() + "; left: " + stack.pendingWork().describe()
                    + "; Payara's log: " + stack.appLog());
        }
        assertThat(report.accepted()).as("accepted requests").isGreaterThanOrEqualTo(target);
        assertThat(settled.workLeft()).as("work left once every mail was in: " + stack.pendingWork().describe())
                .isFalse();
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

    static long millis(Duration duration) {
        return duration.toMillis();
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
        Map<String, String> reasons = new HashMap<>();
        try (Connection connection = stack.database().connect();
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

    static void awaitDeadLetters(long count) {
        Wait.until(() -> deadLetters() >= count, Duration.ofSeconds(30), Duration.ofMillis(200));
    }

    static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The reset requests' redelivery back-off as the shipped broker settings configure it. */
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
        String key = "addressSettings.\"" + RESET_REQUESTS + "\"." + name;
        String value = settings.getProperty(key);
        assertThat(value).as(key + " in broker.properties").isNotNull();
        return value;
    }
}
