package org.example.forgotpassword.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.example.forgotpassword.devstack.ArtemisBroker;
import org.example.forgotpassword.devstack.GreenMailServer;
import org.example.forgotpassword.devstack.PayaraMicroServer;
import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.PostgresServer;
import org.example.forgotpassword.devstack.StackLayout;
import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.MailInbox;
import org.example.forgotpassword.devstack.SmtpRelay;
import org.example.forgotpassword.it.load.InstanceSettings;
import org.example.forgotpassword.it.load.MailTally;
import org.example.forgotpassword.it.load.PendingWork;
import org.example.forgotpassword.it.load.StartedServers;

/**
 * The servers of the fault suite, each a real process on loopback that a scenario can break: PostgreSQL, an Artemis
 * broker (stopped and started again on the same journal), GreenMail behind an {@link SmtpRelay} (taken down, stalled,
 * made to answer 4xx/5xx) and one Payara Micro instance started through launch.sh (killed, stopped, started again on
 * the same port, as a supervisor would).
 */
final class FaultStack implements AutoCloseable {

    static final String BROKER_USER = "faults-user";
    static final String BROKER_PASSWORD = "faults-password";

    private final StartedServers servers = new StartedServers();
    private final StackLayout layout;
    private final Path work;
    private PostgresServer database;
    private ArtemisBroker broker;
    private BrokerProbe brokerProbe;
    private SmtpRelay mailServer;
    private MailTally mails;
    private MailInbox inbox;
    private PendingWork pendingWork;
    private Map<String, String> appEnvironment;
    private int appPort;
    private PayaraMicroServer app;
    private int appStarts;

    private FaultStack(StackLayout layout, Path work) {
        this.layout = layout;
        this.work = work;
    }

    static FaultStack start(Path postgresBinaries) {
        StackLayout layout = StackLayout.fromSystemProperties();
        FaultStack stack = new FaultStack(layout, InstanceSettings.workDir(layout, "fault-suite", "stack"));
        try {
            stack.startAll(postgresBinaries);
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void startAll(Path postgresBinaries) throws IOException {
        database = servers.add(PostgresServer.start(postgresBinaries, Ports.free(), "forgot", "faults-db-password"));
        broker = servers.add(ArtemisBroker.create(layout, work.resolve("broker"), Ports.free(), Ports.free(),
                BROKER_USER, BROKER_PASSWORD)).start();
        brokerProbe = new BrokerProbe(broker.url(), BROKER_USER, BROKER_PASSWORD);
        GreenMailServer greenMail = servers.add(GreenMailServer.start(layout, Ports.free(), Ports.free(),
                Ports.free(), work.resolve("greenmail.log")));
        mails = new MailTally(greenMail.webUrl());
        inbox = new MailInbox(Ports.LOOPBACK, greenMail.imapPort());
        pendingWork = new PendingWork(brokerProbe, database);
        int relayPort = Ports.free();
        mailServer = servers.add(new SmtpRelay(relayPort, greenMail.smtpPort()));
        appEnvironment = InstanceSettings.environment(broker.url(), BROKER_USER, BROKER_PASSWORD, database, relayPort);
        appPort = Ports.free();
        startApp();
        System.out.printf("FAULT suite: Payara Micro ready after %.1f s%n", app.bootTime().toMillis() / 1000.0);
    }

    /** Starts the application (again) on its port, with its settings and the same broker, database and mail server. */
    Duration startApp() {
        appStarts++;
        app = PayaraMicroServer.start(layout, appPort, appEnvironment,
                work.resolve("payara/payara-" + appStarts + ".log"));
        return app.bootTime();
    }

    /** SIGKILL: the application gets no chance to finish or roll back anything. */
    void killApp() {
        app.process().kill();
    }

    /** How a graceful stop went: how long it took, and whether the application exited before the grace ran out. */
    record Stop(Duration took, boolean exitedByItself) {
    }

    /** SIGTERM, as a supervisor stops it, which kills it if it is still there after {@code grace}. */
    Stop stopAppGracefully(Duration grace) {
        Instant asked = Instant.now();
        boolean exited = app.process().stop(grace);
        return new Stop(Duration.between(asked, Instant.now()), exited);
    }

    String appUrl() {
        return app.baseUrl();
    }

    /** The application's current log (of its latest start). */
    Path appLog() {
        return app.process().log();
    }

    void stopBroker() {
        broker.stop();
    }

    void startBroker() {
        broker.start();
    }

    BrokerProbe broker() {
        return brokerProbe;
    }

    SmtpRelay mailServer() {
        return mailServer;
    }

    MailTally mails() {
        return mails;
    }

    /** The mails as a mail client reads them (subject, Message-ID), over IMAP. */
    MailInbox inbox() {
        return inbox;
    }

    /** The reset requests on the broker and the rows of mail_outbox: what can still become a mail. */
    PendingWork pendingWork() {
        return pendingWork;
    }

    PostgresServer database() {
        return database;
    }

    StackLayout layout() {
        return layout;
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        servers.close();
    }
}
