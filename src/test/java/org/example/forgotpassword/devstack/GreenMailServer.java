package org.example.forgotpassword.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GreenMail standalone on loopback: an SMTP server that keeps every mail it receives, readable over IMAP (any
 * user name = the recipient's address, any password) and through its web page and REST API
 * ({@code /api/user/<address>/messages/}).
 */
public record GreenMailServer(ManagedProcess process, int smtpPort, int imapPort, int apiPort)
        implements AutoCloseable {

    public static GreenMailServer start(StackLayout layout, int smtpPort, int imapPort, int apiPort, Path log) {
        // a mail server for development and tests: a small footprint matters more than its peak rate
        List<String> command = List.of(JavaCommand.current(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.hostname=" + Ports.LOOPBACK,
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.api.hostname=" + Ports.LOOPBACK,
                "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.verbose=false",
                "-jar", layout.greenMailJar().toString());
        ManagedProcess process = ManagedProcess.start("GreenMail", command, Map.of(), log.getParent(), log);
        process.awaitReady(() -> Ports.listening(smtpPort) && Ports.listening(apiPort), Duration.ofSeconds(60));
        return new GreenMailServer(process, smtpPort, imapPort, apiPort);
    }

    /** The mail server's process. */
    public long pid() {
        return process.pid();
    }

    public String webUrl() {
        return "http://" + Ports.LOOPBACK + ":" + apiPort;
    }

    @Override
    public void close() {
        process.close();
    }
}
