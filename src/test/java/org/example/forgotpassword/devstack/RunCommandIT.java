package org.example.forgotpassword.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.it.load.MailTally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What {@code ./mvnw -Prun} starts (the same {@link DevStack}, on free ports): a newcomer's first steps, the
 * broker going away and coming back, and nothing left running afterwards. Payara Micro is launched through
 * {@code server-config/payara/launch.sh}, as in the Docker image.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunCommandIT {

    static final String NEWCOMER = address("newcomer");
    static final String PASSWORD = "correct horse battery staple";
    /** DESIGN.md: without a broker a request is answered 503 (code 1503) within 2 s. */
    static final Duration OUTAGE_REPLY_BOUND = Duration.ofSeconds(2);
    /** The queue-depth question waits 2 s for the broker (metrics.queue-depth-timeout), the pool up to 5 s. */
    static final Duration SCRAPE_BOUND = Duration.ofSeconds(15);
    static DevStack stack;
    static ReadinessTimeline startup;
    static ApiClient api;
    static Map<String, String> ports;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheStackAsTheRunCommandDoes() {
        ports = Map.of("HTTP_PORT", free(), "DEV_ARTEMIS_PORT", free(), "DEV_ARTEMIS_CONSOLE_PORT", free(),
                "DEV_MAIL_SMTP_PORT", free(), "DEV_MAIL_IMAP_PORT", free(), "DEV_MAIL_WEB_PORT", free());
        StackLayout layout = StackLayout.fromSystemProperties();
        Instant launched = Instant.now();
        startup = ReadinessTimeline.watch("http://" + Ports.LOOPBACK + ":" + ports.get("HTTP_PORT"));
        stack = DevStack.start(layout, layout.stackDir().getParent().resolve("it-run"), ports);
        api = new ApiClient(stack.payara().baseUrl(), null);
        String firstSuccess = address("first");
        assertThat(api.forgot(firstSuccess).status()).isEqualTo(200);
        assertThat(api.createAccount(NEWCOMER, PASSWORD, null).status()).isEqualTo(201);
        System.out.printf("RUN-COMMAND figures: launch to first successful POST %.1f s"
                        + " (Payara Micro ready after %.1f s), Payara Micro RSS %d MB%n",
                Duration.between(launched, Instant.now()).toMillis() / 1000.0,
                stack.payara().bootTime().toMillis() / 1000.0, residentMegabytes(stack.payara().pid()));
    }

    @AfterAll
    static void stopEverything() {
        if (stack == null) {
            return;
        }
        List<ProcessHandle> processes = ProcessHandle.of(stack.payara().pid()).stream().toList();
        stack.close();
        for (String port : ports.values()) {
            assertThat(Ports.listening(Integer.parseInt(port))).as("port " + port + " still open").isFalse();
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    @Order(0)
    void readinessIsNeverUpBeforeTheApplicationAnswersItsOwnPaths() {
        startup.close();
        System.out.println("RUN-COMMAND readiness from launch:" + startup.summary());

        assertThat(startup.looks()).as("looks at /health/ready before the application answered")
                .noneMatch(ReadinessTimeline.Look::readyBeforeTheApplication);
        assertThat(startup.looks()).as("readiness came up").anyMatch(look -> look.ready() == 200);
    }

    /**
     * Every process the run command starts listens on 127.0.0.1 only, and only on the ports the run command's
     * README's table documents ("What ./mvnw -Prun starts"): no data grid, no debug or JMX port.
     */
    @Test
    @Order(0)
    void nothingListensBeyondTheLoopbackAddressAndTheDocumentedPorts() {
        List<ListeningSockets.Socket> sockets = new ArrayList<>();
        for (long pid : List.of(stack.payara().pid(), stack.broker().pid(), stack.mail().pid())) {
            sockets.addAll(ListeningSockets.of(pid));
        }
        System.out.println("RUN-COMMAND listening sockets: " + sockets + "; documented ports: " + ports);

        assertThat(sockets).as("listening sockets of Payara Micro, the broker and GreenMail").isNotEmpty()
                .allSatisfy(socket -> {
                    assertThat(socket.isLoopback()).as(socket + " on loopback").isTrue();
                    assertThat(ports.values()).as(socket + " is a documented port")
                            .contains(Integer.toString(socket.port()));
                });
    }

    @Test
    @Order(1)
    void postAnswersAtOnceAndTheMailCanBeReadOnTheMailServersWebApi() throws Exception {
        String address = NEWCOMER;

        ApiClient.Reply reply = api.forgot(address);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        JsonObject mail = awaitMailOnWebApi(address);
        assertThat(mail.getString("subject")).isEqualTo("[Forgot Password DEV] Reset your password");
        assertThat(mail.getString("mimeMessage"))
                .contains("http://localhost:" + stack.payara().httpPort() + "/password/reset/?token=");
    }

    @Test
    @Order(2)
    void brokerWebConsoleIsServedOnLoopback() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> console = browser.send(
                HttpRequest.newBuilder(URI.create(stack.broker().consoleUrl() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.uri().getHost()).isEqualTo(Ports.LOOPBACK);
        assertThat(console.body()).containsIgnoringCase("<html");
    }

    @Test
    @Order(3)
    void readinessIsUpAndTheMetricsCountAcceptedRequestsAndSentMails() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        String metrics = get("/ops/metrics").body();

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"broker\"", "\"database\"", "\"accepting-requests\"")
                .doesNotContain("DOWN");
        assertThat(metric(metrics, "forgot_password_requests_accepted_total")).isGreaterThanOrEqualTo(2);
        assertThat(metric(metrics, "forgot_password_mails_sent_total")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("# TYPE forgot_password_mails_sent_total counter");
        assertThat(OpsMetrics.sample(metrics, "forgot_password_mail_attempts_failed_total", "kind=\"permanent\""))
                .hasValue(0);
        for (String queue : List.of("password-reset-requests", "DLQ")) {
            assertThat(OpsMetrics.sample(metrics, "forgot_password_queue_messages", "queue=\"" + queue + "\""))
                    .as("depth of " + queue).isPresent();
        }
    }

    @Test
    @Order(4)
    void whileTheBrokerIsDownRequestsGet503AndAfterItReturnsTheServiceRecoversByItself() throws Exception {
        long refusedBefore = metric(get("/ops/metrics").body(), "forgot_password_requests_broker_unavailable_total");
        stack.broker().stop();
        try {
            HttpResponse<String> notReady = get("/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"name\":\"broker\",\"status\":\"DOWN\"");
            ApiClient.Reply refused = api.forgot(address("outage"));

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo(1503);
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            System.out.printf("RUN-COMMAND figures: broker down, first POST answered 503 after %.1f s%n",
                    refused.took().toMillis() / 1000.0);
            assertThat(refused.took()).isLessThan(OUTAGE_REPLY_BOUND);
            long scrapeStart = System.nanoTime();
            HttpResponse<String> metricsWithoutBroker = get("/ops/metrics");
            Duration scrapeTook = Duration.ofNanos(System.nanoTime() - scrapeStart);
            System.out.printf("RUN-COMMAND figures: broker down, /ops/metrics answered after %.1f s%n",
                    scrapeTook.toMillis() / 1000.0);
            assertThat(metricsWithoutBroker.statusCode()).isEqualTo(200);
            assertThat(scrapeTook).as("a scrape does not hang on the dead broker").isLessThan(SCRAPE_BOUND);
            assertThat(metric(metricsWithoutBroker.body(), "forgot_password_requests_broker_unavailable_total"))
                    .isEqualTo(refusedBefore + 1);
            assertThat(metricsWithoutBroker.body()).as("no queue depth without a broker")
                    .doesNotContain("forgot_password_queue_messages{");
        } finally {
            stack.broker().start();
        }
        String afterRecovery = address("recovered");
        assertThat(api.createAccount(afterRecovery, PASSWORD, null).status()).isEqualTo(201);
        Instant deadline = Instant.now().plusSeconds(90);
        ApiClient.Reply reply = api.forgot(afterRecovery);
        while (reply.status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            reply = api.forgot(afterRecovery);
        }
        assertThat(reply.status()).as("accepted again after the broker came back").isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).as("ready again").isEqualTo(200);
        assertThat(awaitMailOnWebApi(afterRecovery).getString("subject")).endsWith("Reset your password");
    }

    @Test
    @Order(5)
    void aWholeResetLeavesNoTokenLinkOrPasswordInTheServerLog() throws Exception {
        String address = address("logs");
        String newPassword = "a passphrase nobody should ever log";
        assertThat(api.createAccount(address, PASSWORD, "en").status()).isEqualTo(201);
        assertThat(api.forgot(address).status()).isEqualTo(200);
        String mail = awaitMailOnWebApi(address).getString("mimeMessage");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(mail);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(api.resetPassword(token, newPassword).status()).isEqualTo(200);
        assertThat(api.login(address, newPassword).status()).isEqualTo(200);

        String log = Files.readString(stack.payara().process().log(), java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(log).contains("Queued reset request", "Reset request", ": mailed", "Password of account");
        assertThat(log).doesNotContain(token, "token=", newPassword, PASSWORD, address);
    }

    static JsonObject awaitMailOnWebApi(String address) {
        return new MailTally(stack.mail().webUrl()).awaitFirst(address, Duration.ofSeconds(90));
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.payara().baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of an unlabelled sample in the Prometheus text. */
    static long metric(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> (long) Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(name + " not in\n" + metrics));
    }

    static long residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    static String free() {
        return Integer.toString(Ports.free());
    }

    static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
