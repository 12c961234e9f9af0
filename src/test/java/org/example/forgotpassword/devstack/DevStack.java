package org.example.forgotpassword.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The service with embedded defaults, as {@code ./mvnw -Prun} starts it: an Artemis broker with its web console,
 * GreenMail as the mail server, and Payara Micro with the resource adapter and the WAR. Only what is not
 * configured is started: with {@code ARTEMIS_URL} set the service uses that broker, with {@code MAIL_SMTP_HOST}
 * that mail server. Ctrl-C (or closing the stack) stops every process it started.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevStack.class.getName());

    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private ArtemisBroker broker;
    private GreenMailServer mail;
    private PayaraMicroServer payara;
    private ApplicationServer server;

    private DevStack() {
    }

    /**
     * @param environment the variables the service is configured with (normally the process environment); the
     *                    DEV_* ones choose the ports of the embedded servers
     */
    public static DevStack start(StackLayout layout, Path workDir, Map<String, String> environment) {
        DevStack stack = new DevStack();
        try {
            stack.startAll(layout, workDir, environment);
            return stack;
        } catch (RuntimeException failure) {
            stack.close();
            throw failure;
        }
    }

    private void startAll(StackLayout layout, Path workDir, Map<String, String> environment) {
        Map<String, String> service = new HashMap<>(environment);
        int httpPort = Ports.requireFree(intOf(environment, "HTTP_PORT", 8080), "the service", "HTTP_PORT");

        if (!environment.containsKey("ARTEMIS_URL")) {
            String user = environment.getOrDefault("ARTEMIS_USER", "artemis");
            String password = environment.getOrDefault("ARTEMIS_PASSWORD", "artemis");
            broker = ArtemisBroker.create(layout, workDir.resolve("broker"),
                    Ports.requireFree(intOf(environment, "DEV_ARTEMIS_PORT", 61616), "the broker", "DEV_ARTEMIS_PORT"),
                    Ports.requireFree(intOf(environment, "DEV_ARTEMIS_CONSOLE_PORT", 8161), "the broker console",
                            "DEV_ARTEMIS_CONSOLE_PORT"),
                    user, password);
            started.add(broker);
            broker.start();
            service.put("ARTEMIS_URL", broker.url());
            service.put("ARTEMIS_USER", user);
            service.put("ARTEMIS_PASSWORD", password);
        }
        if (!environment.containsKey("MAIL_SMTP_HOST")) {
            mail = GreenMailServer.start(layout,
                    Ports.requireFree(intOf(environment, "DEV_MAIL_SMTP_PORT", 3025), "the mail server", "DEV_MAIL_SMTP_PORT"),
                    Ports.requireFree(intOf(environment, "DEV_MAIL_IMAP_PORT", 3143), "the mail server's IMAP",
                            "DEV_MAIL_IMAP_PORT"),
                    Ports.requireFree(intOf(environment, "DEV_MAIL_WEB_PORT", 8025), "the mail server's web page",
                            "DEV_MAIL_WEB_PORT"),
                    workDir.resolve("greenmail/greenmail.log"));
            started.add(mail);
            service.put("MAIL_SMTP_HOST", Ports.LOOPBACK);
            service.put("MAIL_SMTP_PORT", Integer.toString(mail.smtpPort()));
        }
        service.putIfAbsent("MP_CONFIG_PROFILE", "dev");
        if (!environment.containsKey("DB_URL")) {
            service.putIfAbsent("DATA_DIR", workDir.resolve("data").toAbsolutePath().toString());
            // Empty, not absent: a DB_URL this JVM inherited (the integration tests' shared H2 with its TCP server)
            // must not reach the server, which takes the embedded database in DATA_DIR for an empty one.
            service.put("DB_URL", "");
            service.put("DB_USER", "");
            service.put("DB_PASSWORD", "");
        }
        service.putIfAbsent("APP_BASE_URL", "http://localhost:" + httpPort);
        if (onWildFly()) {
            server = WildFlyServer.start(layout, httpPort, service, Optional.of(layout.war()),
                    workDir.resolve("wildfly/wildfly.log"));
        } else {
            payara = PayaraMicroServer.start(layout, httpPort, service, workDir.resolve("payara/payara.log"));
            server = payara;
        }
        started.add(server);
    }

    /** {@code ./mvnw -Prun -Dserver=wildfly} runs the same WAR on WildFly instead of Payara Micro. */
    private static boolean onWildFly() {
        String choice = System.getProperty("server", "payara");
        if (!choice.equals("payara") && !choice.equals("wildfly")) {
            throw new IllegalArgumentException("-Dserver must be payara or wildfly, not " + choice);
        }
        return choice.equals("wildfly");
    }

    private static int intOf(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    public ArtemisBroker broker() {
        return broker;
    }

    public GreenMailServer mail() {
        return mail;
    }

    public PayaraMicroServer payara() {
        return payara;
    }

    /** The server running the WAR: Payara Micro, or WildFly with {@code -Dserver=wildfly}. */
    public ApplicationServer server() {
        return server;
    }

    /** Stops in reverse order of start: the application first, so that it drains before the broker goes. */
    @Override
    public void close() {
        List<AutoCloseable> toStop = new ArrayList<>(started);
        Collections.reverse(toStop);
        for (AutoCloseable server : toStop) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warning("Stopping " + server.getClass().getSimpleName() + " failed: " + e);
            }
        }
        started.clear();
    }

    private String environmentDatabase() {
        return System.getenv("DB_URL") != null ? System.getenv("DB_URL")
                : "embedded H2 file database in target/run/data (kept across restarts)";
    }

    String banner() {
        StringBuilder text = new StringBuilder("\n=== Forgot-password service is up (Ctrl-C stops everything) ===\n");
        text.append(String.format("  Service        %s   (%s, pid %d, ready after %.1f s)%n",
                server.baseUrl(), server.name(), server.pid(), server.bootTime().toMillis() / 1000.0));
        text.append(String.format("  Try it         curl -X POST -d email=someone@example.com %s/password/forgot/%n",
                server.baseUrl()));
        if (broker != null) {
            text.append(String.format("  Broker         %s%n", broker.url()));
            text.append(String.format("  Broker console %s   (user %s, password %s)%n", broker.consoleUrl(),
                    broker.user(), broker.password()));
        }
        if (mail != null) {
            text.append(String.format("  Mail (web)     %s   (REST: /api/user/someone@example.com/messages/)%n",
                    mail.webUrl()));
            text.append(String.format("  Mail (IMAP)    %s:%d   (user = the recipient address, any password)%n",
                    Ports.LOOPBACK, mail.imapPort()));
        }
        text.append("  Logs           target/run/{broker/log,greenmail,").append(payara != null ? "payara" : "wildfly")
                .append("}\n");
        text.append("  Database       ").append(environmentDatabase()).append('\n');
        return text.toString();
    }

    public static void main(String[] args) throws InterruptedException {
        StackLayout layout = StackLayout.fromSystemProperties();
        DevStack stack = start(layout, layout.runDir(), System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "dev-stack-shutdown"));
        System.out.println(stack.banner());
        Thread.currentThread().join();
    }
}
