package org.example.forgotpassword.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import org.example.forgotpassword.devstack.ArtemisBroker;
import org.example.forgotpassword.devstack.GreenMailServer;
import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.PostgresServer;
import org.example.forgotpassword.devstack.SmtpRelay;
import org.example.forgotpassword.devstack.StackLayout;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The real servers the application under test talks to, started once before the first integration test and
 * stopped after the last: an Artemis broker, GreenMail, and an {@link SmtpRelay} in front of GreenMail that
 * tests can stall. Ports and credentials come from the environment the failsafe plugin sets (the same variables
 * Payara Micro, started by Arquillian, inherits). Active only in the integration-test run ({@code it.services}).
 */
public final class IntegrationServices implements LauncherSessionListener {

    private static volatile Running running;

    /** The servers of this test run. */
    public record Running(ArtemisBroker broker, GreenMailServer greenMail, SmtpRelay smtpRelay,
                          BrokerProbe brokerProbe, MailInbox inbox, Optional<PostgresServer> postgres) {
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
        Path workDir = layout.stackDir().getParent().resolve("it");
        String user = env("ARTEMIS_USER");
        String password = env("ARTEMIS_PASSWORD");
        ArtemisBroker broker = ArtemisBroker.create(layout, workDir.resolve("broker"), intEnv("ARTEMIS_PORT"),
                intEnv("IT_ARTEMIS_CONSOLE_PORT"), user, password).start();
        GreenMailServer greenMail = GreenMailServer.start(layout, intEnv("IT_GREENMAIL_SMTP_PORT"),
                intEnv("IT_GREENMAIL_IMAP_PORT"), intEnv("IT_GREENMAIL_WEB_PORT"), workDir.resolve("greenmail.log"));
        Optional<PostgresServer> postgres = Optional.empty();
        try {
            postgres = startPostgresWhenAsked();
            SmtpRelay relay = new SmtpRelay(intEnv("MAIL_SMTP_PORT"), greenMail.smtpPort());
            running = new Running(broker, greenMail, relay, new BrokerProbe(broker.url(), user, password),
                    new MailInbox(Ports.LOOPBACK, greenMail.imapPort()), postgres);
        } catch (IOException | RuntimeException e) {
            postgres.ifPresent(PostgresServer::close);
            greenMail.close();
            broker.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The PostgreSQL run of the suite (failsafe execution "postgresql") points Payara Micro at
     * {@code jdbc:postgresql://127.0.0.1:<IT_POSTGRES_PORT>/postgres}; the cluster is started here.
     */
    private static Optional<PostgresServer> startPostgresWhenAsked() {
        String port = System.getenv("IT_POSTGRES_PORT");
        if (port == null || !String.valueOf(System.getenv("DB_URL")).startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        return Optional.of(PostgresServer.start(PostgresServer.requiredInstallation(), Integer.parseInt(port),
                env("DB_USER"), env("DB_PASSWORD")));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Running stopping = running;
        running = null;
        if (stopping == null) {
            return;
        }
        try {
            stopping.smtpRelay().close();
        } catch (IOException ignored) {
            // closing anyway
        }
        stopping.greenMail().close();
        stopping.broker().close();
        stopping.postgres().ifPresent(PostgresServer::close);
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
