package org.example.forgotpassword.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.example.forgotpassword.devstack.ApplicationServer;
import org.example.forgotpassword.devstack.SmtpRelay;
import org.example.forgotpassword.devstack.Stack;
import org.example.forgotpassword.devstack.Wait;
import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.it.load.Deliveries;
import org.example.forgotpassword.it.load.DeliveryReport;
import org.example.forgotpassword.it.load.ForgotLoad;
import org.example.forgotpassword.it.load.LoadSettings;
import org.example.forgotpassword.it.load.MailTally;
import org.example.forgotpassword.it.load.PendingWork;
import org.example.forgotpassword.it.load.SeededAccounts;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application instances (Payara Micro, started through launch.sh) on one broker, one PostgreSQL database and
 * one mail server, as behind a load balancer. Each instance reaches the mail server through its own relay, so that
 * one instance's mail path can be stalled while the other's flows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final LoadSettings SETTINGS = new LoadSettings("scale");
    @AutoClose
    static Stack stack;
    static ApplicationServer first;
    static ApplicationServer second;
    static SmtpRelay secondsMailPath;
    static BrokerProbe broker;
    static MailTally mails;

    @BeforeAll
    static void startTwoInstancesOnSharedServers() {
        stack = Stack.forTest("scale-it/two-instances")
                .postgres().broker().greenMail().relays(2).payaraInstances(2).start();
        first = stack.instance(0);
        second = stack.instance(1);
        secondsMailPath = stack.relay(1);
        broker = new BrokerProbe(stack.broker());
        mails = new MailTally(stack.greenMail().webUrl());
        System.out.printf("SCALE two instances: ready after %.1f s and %.1f s (booted side by side)%n",
                first.bootTime().toMillis() / 1000.0, second.bootTime().toMillis() / 1000.0);
    }

    @Test
    @Order(1)
    void aTokenIssuedThroughOneInstanceResetsThePasswordThroughTheOther() {
        String address = "traveller@example.com";
        ApiClient one = new ApiClient(first.baseUrl());
        ApiClient other = new ApiClient(second.baseUrl());
        assertThat(one.createAccount(address, SeededAccounts.PASSWORD, "en").status()).isEqualTo(201);

        assertThat(one.forgot(address).status()).isEqualTo(200);
        String token = tokenFromTheMailOf(address);

        assertThat(other.get("/password/reset/?token=" + token, Map.of()).status()).isEqualTo(200);
        assertThat(other.resetPassword(token, "a brand new passphrase").status()).isEqualTo(200);
        assertThat(one.login(address, "a brand new passphrase").status()).isEqualTo(200);
        assertThat(one.resetPassword(token, "yet another passphrase").code()).as("spent on the other instance")
                .isEqualTo(1101);
    }

    /**
     * The per-address limit as configured (3 in 15 minutes) holds across the instances: their counts are one, in the
     * shared database. Each request comes from a client address of its own, so only the per-address limit refuses.
     */
    @Test
    @Order(2)
    void thePerAddressLimitHoldsAcrossTheInstancesAndOnlyThatManyMailsGoOut() {
        String address = "limited-" + System.nanoTime() + "@example.com";
        assertThat(new ApiClient(first.baseUrl()).createAccount(address, SeededAccounts.PASSWORD, "en").status())
                .isEqualTo(201);
        List<String> instances = List.of(first.baseUrl(), second.baseUrl());

        List<ApiClient.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(new ApiClient(instances.get(i % 2)).forgot(address));
        }

        assertThat(replies).extracting(ApiClient.Reply::status).containsExactly(200, 200, 200, 429, 429, 429, 429,
                429);
        assertThat(replies.subList(3, 8)).allSatisfy(refused -> {
            assertThat(refused.code()).isEqualTo(1429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
        });
        assertThat(Wait.until(() -> !broker.holdsServiceWork(), Duration.ofSeconds(60), Duration.ofMillis(250)))
                .as("the reset requests delivered").isTrue();
        assertThat(mails.mailsFor(address)).as("mails for the address").hasSize(3);
    }

    /**
     * The killed instance's deliveries in flight (its mail path stalled, so there are some) go back to the broker
     * when its connection drops, and the survivor delivers them; a request it was mailing when it died finds its
     * token superseded or its mail recorded as sent. A mail goes twice only where the kill cut an SMTP
     * conversation between the server's 250 and the record of the sent mail.
     */
    @Test
    @Order(3)
    void anInstanceKilledMidStreamLosesNoAcceptedRequestTheOtherDeliversItsMessages() throws Exception {
        int target = SETTINGS.requests();
        List<String> addresses = SeededAccounts.seed(new ApiClient(first.baseUrl()), stack.database(), "two",
                target + 100);
        PendingWork work = new PendingWork(broker, stack.database());
        secondsMailPath.stall();
        AtomicInteger heldBySecondAtKill = new AtomicInteger();
        AtomicInteger conversationsCut = new AtomicInteger();
        AtomicLong inDeliveryAtKill = new AtomicLong();
        AtomicReference<Instant> killedAt = new AtomicReference<>();
        ForgotLoad load = new ForgotLoad(List.of(first.baseUrl(), second.baseUrl()), SETTINGS.clients());

        Instant started = Instant.now();
        List<ForgotLoad.Outcome> outcomes = load.run(addresses.iterator(), target, accepted -> {
            if (accepted == target / 2) {
                heldBySecondAtKill.set(secondsMailPath.heldConnections());
                conversationsCut.set(secondsMailPath.connectionsInProgress());
                inDeliveryAtKill.set(broker.deliveringCount(BrokerProbe.RESET_REQUESTS));
                second.process().kill();
                killedAt.set(Instant.now());
                secondsMailPath.resume();
            }
        });
        Instant loadDone = Instant.now();
        assertThat(killedAt.get()).as("killed mid-stream").isNotNull();
        Deliveries.Counted counted = new Deliveries(mails, work, SETTINGS).await(outcomes);
        DeliveryReport report = DeliveryReport.of(outcomes, counted.mailsPerAddress());
        long acceptedBySecond = outcomes.stream().filter(o -> o.accepted() && o.instance().equals(second.baseUrl()))
                .count();

        System.out.printf("SCALE two instances, second killed (SIGKILL) after %d of %d accepted, not restarted: %s;"
                        + " accepted by the killed instance %d; at the kill its mail path held %d mails and had %d"
                        + " SMTP conversations open, and %d reset requests were in delivery; load %.1f s, mails done"
                        + " %.1f s after the load; left: %s; dead letters %d%n",
                target / 2, target, report.summary(), acceptedBySecond, heldBySecondAtKill.get(),
                conversationsCut.get(), inDeliveryAtKill.get(),
                Duration.between(started, loadDone).toMillis() / 1000.0,
                Duration.between(loadDone, counted.mailsIn()).toMillis() / 1000.0, work.describe(),
                broker.messageCount("DLQ"));
        assertThat(report.accepted()).isGreaterThanOrEqualTo(target);
        assertThat(heldBySecondAtKill.get()).as("the killed instance had mails in flight").isPositive();
        assertThat(report.lost()).as("accepted requests without a mail").isZero();
        assertThat(report.duplicates()).as("extra mails: at most one per SMTP conversation the kill cut")
                .isLessThanOrEqualTo(conversationsCut.get());
        assertThat(counted.workLeft()).as("work left once every mail was in").isFalse();
    }

    /**
     * A database that stops answering (every PostgreSQL process stopped) delays a forgot request by the limiter's
     * bounded wait only; the instance then counts the limits in its own memory and answers at once, and asks the
     * database again after the retry interval within the same bounds (the instances' DB_URL has loginTimeout=2).
     */
    @Test
    @Order(4)
    void aDatabaseThatStopsAnsweringDelaysOneRequestBrieflyThenTheInstanceCountsTheLimitsItself() {
        stack.postgres().freeze();
        try {
            ApiClient.Reply waited = new ApiClient(first.baseUrl()).forgot("frozen-1@example.com");
            ApiClient.Reply next = new ApiClient(first.baseUrl()).forgot("frozen-2@example.com");

            System.out.printf("SCALE two instances, database frozen: forgot answered %d after %d ms, the next %d"
                    + " after %d ms%n", waited.status(), waited.took().toMillis(), next.status(),
                    next.took().toMillis());
            assertThat(waited.status()).isEqualTo(200);
            assertThat(waited.took()).as("rate-limit.database.timeout: 1 s").isLessThan(Duration.ofSeconds(3));
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.took()).isLessThan(Duration.ofSeconds(1));
            String metrics = new ApiClient(first.baseUrl()).get("/ops/metrics", Map.of()).body();
            assertThat(OpsMetrics.sample(metrics, "forgot_password_rate_limit_local_counts_total", ""))
                    .hasValue(4);
            Wait.sleep(Duration.ofSeconds(31));
            ApiClient.Reply again = new ApiClient(first.baseUrl()).forgot("frozen-3@example.com");
            System.out.printf("SCALE two instances, database still frozen after the retry interval: %d after %d ms%n",
                    again.status(), again.took().toMillis());
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.took()).as("asked again: a new connection waits loginTimeout 2 s, a statement 1 s")
                    .isLessThan(Duration.ofSeconds(5));
        } finally {
            stack.postgres().thaw();
        }
    }

    static String tokenFromTheMailOf(String address) {
        assertThat(Wait.until(() -> !mails.mailsFor(address).isEmpty(), Duration.ofSeconds(60),
                Duration.ofMillis(250))).as("mail for " + address).isTrue();
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]{43})")
                .matcher(mails.mailsFor(address).getJsonObject(0).getString("mimeMessage"));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
