package org.example.forgotpassword.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.example.forgotpassword.devstack.ApplicationServer;
import org.example.forgotpassword.devstack.Database;
import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.SmtpRelay;
import org.example.forgotpassword.devstack.Stack;
import org.example.forgotpassword.devstack.StackLayout;
import org.example.forgotpassword.it.BrokerProbe;
import org.example.forgotpassword.it.MailInbox;
import org.example.forgotpassword.it.load.Deliveries;
import org.example.forgotpassword.it.load.LoadSettings;
import org.example.forgotpassword.it.load.MailTally;
import org.example.forgotpassword.it.load.PendingWork;

/**
 * The servers of the fault suite, each a real process on loopback that a scenario can break: PostgreSQL, an Artemis
 * broker (stopped and started again on the same journal), GreenMail behind an {@link SmtpRelay} (taken down, stalled,
 * made to answer 4xx/5xx) and one Payara Micro instance started through launch.sh (killed, stopped, started again on
 * the same port, as a supervisor would).
 */
final class FaultStack implements AutoCloseable {

    private final Stack servers;
    private final LoadSettings settings;

    private FaultStack(Stack servers, LoadSettings settings) {
        this.servers = servers;
        this.settings = settings;
    }

    static FaultStack start(LoadSettings settings) {
        Stack servers = Stack.forTest("fault-suite/stack").postgres().broker().greenMail().relays(1).payara().start();
        System.out.printf("FAULT suite: Payara Micro ready after %.1f s%n",
                app(servers).bootTime().toMillis() / 1000.0);
        return new FaultStack(servers, settings);
    }

    private static ApplicationServer app(Stack servers) {
        return servers.instance(0);
    }

    /** Starts the application again on its port, with its settings and the same broker, database and mail server. */
    Duration startApp() {
        return servers.startAgain(0).bootTime();
    }

    /** SIGKILL: the application gets no chance to finish or roll back anything. */
    void killApp() {
        app(servers).process().kill();
    }

    /** How a graceful stop went: how long it took, and whether the application exited before the grace ran out. */
    record Stop(Duration took, boolean exitedByItself) {
    }

    /** SIGTERM, as a supervisor stops it, which kills it if it is still there after {@code grace}. */
    Stop stopAppGracefully(Duration grace) {
        Instant asked = Instant.now();
        boolean exited = app(servers).process().stop(grace);
        return new Stop(Duration.between(asked, Instant.now()), exited);
    }

    String appUrl() {
        return app(servers).baseUrl();
    }

    /** The application's log (its latest start is at the end). */
    Path appLog() {
        return app(servers).process().log();
    }

    void stopBroker() {
        servers.broker().stop();
    }

    void startBroker() {
        servers.broker().start();
    }

    BrokerProbe broker() {
        return new BrokerProbe(servers.broker());
    }

    SmtpRelay mailServer() {
        return servers.relay(0);
    }

    MailTally mails() {
        return new MailTally(servers.greenMail().webUrl());
    }

    /** The mails as a mail client reads them (subject, Message-ID), over IMAP. */
    MailInbox inbox() {
        return new MailInbox(Ports.LOOPBACK, servers.greenMail().imapPort());
    }

    /** The reset requests on the broker and the rows of mail_outbox: what can still become a mail. */
    PendingWork pendingWork() {
        return new PendingWork(broker(), servers.database());
    }

    /** Waits for the mails of a scenario's requests, and counts them. */
    Deliveries deliveries() {
        return new Deliveries(mails(), pendingWork(), settings);
    }

    Database database() {
        return servers.database();
    }

    StackLayout layout() {
        return servers.layout();
    }

    @Override
    public void close() {
        servers.close();
    }
}
