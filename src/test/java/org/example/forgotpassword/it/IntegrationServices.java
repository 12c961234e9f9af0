package org.example.forgotpassword.it;

import java.net.URI;

import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.SmtpRelay;
import org.example.forgotpassword.devstack.Stack;
import org.example.forgotpassword.devstack.StackLayout;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The real servers the application under test talks to, started once before the first integration test and
 * stopped after the last: an Artemis broker, GreenMail, an {@link SmtpRelay} in front of GreenMail that tests can
 * stall, and in the PostgreSQL run the database. Ports and credentials come from the environment the failsafe
 * plugin sets (the same variables the server that Arquillian starts is configured with: the broker's port is that
 * of {@code ARTEMIS_URL}). Active only in the integration-test run ({@code it.services}).
 */
public final class IntegrationServices implements LauncherSessionListener {

    private static volatile Running running;

    /** The servers of this test run. */
    public record Running(Stack stack, SmtpRelay smtpRelay, BrokerProbe brokerProbe, MailInbox inbox) {
    }

    public static Running current() {
        if (running == null) {
            throw new IllegalStateException("Integration services are not running (run through ./mvnw verify)");
        }
        return running;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("it.services") || running != null) {
            return;
        }
        StackLayout layout = StackLayout.fromSystemProperties();
        Stack.Builder services = Stack.builder(layout, layout.buildDir().resolve("it"))
                .broker(URI.create(env("ARTEMIS_URL")).getPort(), intEnv("IT_ARTEMIS_CONSOLE_PORT"))
                .brokerUser(env("ARTEMIS_USER"), env("ARTEMIS_PASSWORD"))
                .greenMail(intEnv("IT_GREENMAIL_SMTP_PORT"), intEnv("IT_GREENMAIL_IMAP_PORT"),
                        intEnv("IT_GREENMAIL_WEB_PORT"))
                .relay(intEnv("MAIL_SMTP_PORT"));
        if (onPostgres()) {
            services.postgres(intEnv("IT_POSTGRES_PORT"), env("DB_USER"), env("DB_PASSWORD"));
        }
        Stack stack = services.start();
        running = new Running(stack, stack.relay(0), new BrokerProbe(stack.broker()),
                new MailInbox(Ports.LOOPBACK, stack.greenMail().imapPort()));
    }

    /**
     * The PostgreSQL run of the suite (failsafe execution "postgresql") points Payara Micro at
     * {@code jdbc:postgresql://127.0.0.1:<IT_POSTGRES_PORT>/postgres}; the cluster is started here.
     */
    private static boolean onPostgres() {
        return System.getenv("IT_POSTGRES_PORT") != null
                && String.valueOf(System.getenv("DB_URL")).startsWith("jdbc:postgresql:");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Running stopping = running;
        running = null;
        if (stopping != null) {
            stopping.stack().close();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the integration tests through ./mvnw verify");
        }
        return value;
    }

    private static int intEnv(String name) {
        return Integer.parseInt(env(name));
    }
}
