package org.example.forgotpassword.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The service with embedded defaults, as {@code ./mvnw -Prun} starts it: an Artemis broker with its web console,
 * GreenMail as the mail server, and Payara Micro with the resource adapter and the WAR. Only what is not
 * configured is started: with {@code ARTEMIS_URL} set the service uses that broker, with {@code MAIL_SMTP_HOST}
 * that mail server. Ctrl-C (or closing the stack) stops every process it started.
 */
public final class DevStack implements AutoCloseable {

    private final Stack stack;
    private final Map<String, String> environment;

    private DevStack(Stack stack, Map<String, String> environment) {
        this.stack = stack;
        this.environment = environment;
    }

    /**
     * @param environment the variables the service is configured with (normally the process environment); the
     *                    DEV_* ones choose the ports of the embedded servers
     */
    public static DevStack start(StackLayout layout, Path workDir, Map<String, String> environment) {
        int httpPort = port(environment, "HTTP_PORT", 8080, "the service");
        Map<String, String> service = new HashMap<>(environment);
        service.putIfAbsent("MP_CONFIG_PROFILE", "dev");
        service.putIfAbsent("APP_BASE_URL", "http://localhost:" + httpPort);
        Stack.Builder stack = Stack.builder(layout, workDir).environment(service).httpPort(httpPort).stopOnExit();
        if (startsBroker(environment)) {
            stack.broker(port(environment, "DEV_ARTEMIS_PORT", 61616, "the broker"),
                            port(environment, "DEV_ARTEMIS_CONSOLE_PORT", 8161, "the broker console"))
                    .brokerUser(environment.getOrDefault("ARTEMIS_USER", "artemis"),
                            environment.getOrDefault("ARTEMIS_PASSWORD", "artemis"));
        }
        if (startsMailServer(environment)) {
            stack.greenMail(port(environment, "DEV_MAIL_SMTP_PORT", 3025, "the mail server"),
                    port(environment, "DEV_MAIL_IMAP_PORT", 3143, "the mail server's IMAP"),
                    port(environment, "DEV_MAIL_WEB_PORT", 8025, "the mail server's web page"));
        }
        if (onWildFly()) {
            stack.wildFly();
        } else {
            stack.payara();
        }
        return new DevStack(stack.start(), Map.copyOf(environment));
    }

    private static boolean startsBroker(Map<String, String> environment) {
        return !environment.containsKey("ARTEMIS_URL");
    }

    private static boolean startsMailServer(Map<String, String> environment) {
        return !environment.containsKey("MAIL_SMTP_HOST");
    }

    /** {@code ./mvnw -Prun -Dserver=wildfly} runs the same WAR on WildFly instead of Payara Micro. */
    private static boolean onWildFly() {
        String choice = System.getProperty("server", "payara");
        if (!choice.equals("payara") && !choice.equals("wildfly")) {
            throw new IllegalArgumentException("-Dserver must be payara or wildfly, not " + choice);
        }
        return choice.equals("wildfly");
    }

    /** The port {@code variable} names, or {@code fallback}; it must be free. */
    private static int port(Map<String, String> environment, String variable, int fallback, String what) {
        String value = environment.get(variable);
        int port = value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        return Ports.requireFree(port, what, variable);
    }

    /** The broker the stack started, or null when the service was given one ({@code ARTEMIS_URL}). */
    public ArtemisBroker broker() {
        return startsBroker(environment) ? stack.broker() : null;
    }

    /** The mail server the stack started, or null when the service was given one ({@code MAIL_SMTP_HOST}). */
    public GreenMailServer mail() {
        return startsMailServer(environment) ? stack.greenMail() : null;
    }

    /** Payara Micro, or null with {@code -Dserver=wildfly}. */
    public ApplicationServer payara() {
        return PayaraMicroServer.NAME.equals(server().name()) ? server() : null;
    }

    /** The server running the WAR: Payara Micro, or WildFly with {@code -Dserver=wildfly}. */
    public ApplicationServer server() {
        return stack.instance(0);
    }

    /** Stops in reverse order of start: the application first, so that it drains before the broker goes. */
    @Override
    public void close() {
        stack.close();
    }

    private String environmentDatabase() {
        return System.getenv("DB_URL") != null ? System.getenv("DB_URL")
                : "embedded H2 file database in target/run/data (kept across restarts)";
    }

    String banner() {
        StringBuilder text = new StringBuilder("\n=== Forgot-password service is up (Ctrl-C stops everything) ===\n");
        ApplicationServer server = server();
        ArtemisBroker broker = broker();
        GreenMailServer mail = mail();
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
        text.append("  Logs           target/run/{broker/log,greenmail,")
                .append(payara() != null ? "payara" : "wildfly").append("}\n");
        text.append("  Database       ").append(environmentDatabase()).append('\n');
        return text.toString();
    }

    public static void main(String[] args) throws InterruptedException {
        StackLayout layout = StackLayout.fromSystemProperties();
        DevStack stack = start(layout, layout.runDir(), System.getenv());
        System.out.println(stack.banner());
        // From here on this JVM (Maven's) only waits; what it allocated before (the build, starting the stack) is
        // garbage, and after a full collection the garbage collector gives the memory back to the system.
        System.gc();
        Thread.currentThread().join();
    }
}
