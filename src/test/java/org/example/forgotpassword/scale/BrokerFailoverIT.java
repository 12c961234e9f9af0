package org.example.forgotpassword.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.example.forgotpassword.devstack.ApplicationServer;
import org.example.forgotpassword.devstack.ArtemisBroker;
import org.example.forgotpassword.devstack.Stack;
import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.load.Deliveries;
import org.example.forgotpassword.it.load.DeliveryReport;
import org.example.forgotpassword.it.load.ForgotLoad;
import org.example.forgotpassword.it.load.LoadSettings;
import org.example.forgotpassword.it.load.MailTally;
import org.example.forgotpassword.it.load.PendingWork;
import org.example.forgotpassword.it.load.SeededAccounts;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker pair of {@code server-config/artemis-ha} (primary and backup on a shared store, made by its
 * create-pair.sh) under one application instance configured with both addresses. The primary dies by SIGKILL in
 * the middle of a stream of requests; the backup takes over and the application keeps going without a restart.
 */
class BrokerFailoverIT {

    static final LoadSettings SETTINGS = new LoadSettings("scale");
    @AutoClose
    static Stack stack;
    static ArtemisBroker primary;
    static ArtemisBroker backup;
    static ApplicationServer app;
    static MailTally mails;

    @BeforeAll
    static void startThePairAndAnInstanceThatKnowsBoth() {
        stack = Stack.forTest("scale-it/broker-failover")
                .postgres().brokerPair().greenMail().payara().start();
        primary = stack.broker();
        backup = stack.backupBroker();
        app = stack.instance(0);
        mails = new MailTally(stack.greenMail().webUrl());
    }

    @Test
    void whenThePrimaryDiesMidStreamTheBackupTakesOverAndEveryAcceptedRequestGetsItsMail() throws Exception {
        int target = SETTINGS.requests();
        List<String> addresses = SeededAccounts.seed(new ApiClient(app.baseUrl()), stack.database(), "pair",
                2 * target);
        AtomicReference<Instant> killedAt = new AtomicReference<>();
        CompletableFuture<Instant> backupActive = new CompletableFuture<>();
        ForgotLoad load = new ForgotLoad(List.of(app.baseUrl()), SETTINGS.clients());

        Instant started = Instant.now();
        List<ForgotLoad.Outcome> outcomes = load.run(addresses.iterator(), target, accepted -> {
            if (accepted == target / 3) {
                primary.kill();
                killedAt.set(Instant.now());
                CompletableFuture.runAsync(() -> {
                    backup.awaitActive(Duration.ofSeconds(120));
                    backupActive.complete(Instant.now());
                });
            }
        });
        Instant loadDone = Instant.now();
        BrokerProbe survivor = new BrokerProbe(backup);
        PendingWork work = new PendingWork(survivor, stack.database());
        Deliveries.Counted counted = new Deliveries(mails, work, SETTINGS).await(outcomes);
        DeliveryReport report = DeliveryReport.of(outcomes, counted.mailsPerAddress());
        Instant killed = killedAt.get();
        assertThat(killed).as("primary killed mid-stream").isNotNull();
        Instant takeover = backupActive.get(120, TimeUnit.SECONDS);
        Instant serviceBack = outcomes.stream().filter(o -> o.accepted() && o.sent().isAfter(killed))
                .map(ForgotLoad.Outcome::answered).min(Comparator.naturalOrder()).orElse(null);
        long refusedAfterKill = outcomes.stream().filter(o -> o.status() == 503).count();

        System.out.printf("SCALE broker pair, primary killed (SIGKILL) after %d of %d accepted: %s;"
                        + " backup active %.1f s after the kill, first accepted request %.1f s after the kill"
                        + " (503 replies: %d, longest gap between accepted replies %.1f s); load %.1f s, mails done"
                        + " %.1f s after the load; left: %s; dead letters on the backup %d; the same application"
                        + " process throughout: %s%n",
                target / 3, target, report.summary(), seconds(killed, takeover),
                serviceBack == null ? Double.NaN : seconds(killed, serviceBack), refusedAfterKill,
                ForgotLoad.longestGapBetweenAcceptances(outcomes).toMillis() / 1000.0,
                seconds(started, loadDone), seconds(loadDone, counted.mailsIn()), work.describe(),
                survivor.messageCount("DLQ"), app.process().isAlive());
        printWhereTheLostAre(outcomes, counted, killed, work);
        assertThat(report.accepted()).isGreaterThanOrEqualTo(target);
        assertThat(serviceBack).as("requests accepted again after the kill, without restarting the application")
                .isNotNull();
        assertThat(app.process().isAlive()).isTrue();
        assertThat(report.lost()).as("accepted requests without a mail").isZero();
        assertThat(counted.workLeft()).as("work left once every mail was in").isFalse();
    }

    /** For the analysis of a failure: when the lost requests were sent, and what the database and broker hold. */
    static void printWhereTheLostAre(List<ForgotLoad.Outcome> outcomes, Deliveries.Counted counted, Instant killed,
                                     PendingWork work) {
        List<ForgotLoad.Outcome> lost = outcomes.stream()
                .filter(o -> o.accepted() && counted.mailsPerAddress().getOrDefault(o.address(), 0) == 0).toList();
        if (lost.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("SCALE lost requests (sent relative to the kill, tokens stored):");
        try (var connection = stack.database().connect();
             var tokens = connection.prepareStatement("SELECT count(*) FROM reset_token t JOIN account a"
                     + " ON a.id = t.account_id WHERE a.email = ?")) {
            for (ForgotLoad.Outcome outcome : lost) {
                tokens.setString(1, outcome.address());
                try (var result = tokens.executeQuery()) {
                    result.next();
                    text.append(String.format(" %+.2fs/%d", Duration.between(killed, outcome.sent()).toMillis()
                            / 1000.0, result.getInt(1)));
                }
            }
        } catch (java.sql.SQLException e) {
            text.append(" (database: ").append(e).append(')');
        }
        text.append("; left: ").append(work.describe());
        System.out.println(text);
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
