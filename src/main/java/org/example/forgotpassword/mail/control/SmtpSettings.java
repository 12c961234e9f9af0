package org.example.forgotpassword.mail.control;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;

/**
 * How mails are sent: the sender ({@code mail.from}) and the SMTP server with its timeouts ({@code mail.smtp.*}),
 * read once when the sender starts.
 *
 * @param poolSize idle connections kept for reuse; 0 opens a connection per mail
 */
record SmtpSettings(String from, String host, int port, Optional<String> user, Optional<String> password,
                    boolean startTls, Duration connectTimeout, Duration timeout, int poolSize) {

    static SmtpSettings of(Config config) {
        return new SmtpSettings(config.getValue("mail.from", String.class),
                config.getValue("mail.smtp.host", String.class),
                config.getValue("mail.smtp.port", Integer.class),
                config.getOptionalValue("mail.smtp.user", String.class),
                config.getOptionalValue("mail.smtp.password", String.class),
                config.getOptionalValue("mail.smtp.starttls", Boolean.class).orElse(false),
                config.getOptionalValue("mail.smtp.connect-timeout", Duration.class).orElse(Duration.ofSeconds(10)),
                config.getOptionalValue("mail.smtp.timeout", Duration.class).orElse(Duration.ofSeconds(30)),
                config.getOptionalValue("mail.smtp.pool-size", Integer.class).orElse(16));
    }

    /** The Jakarta Mail session's properties: the server, a bound on every step, authentication and STARTTLS. */
    Properties session() {
        Properties smtp = new Properties();
        smtp.put("mail.transport.protocol", "smtp");
        smtp.put("mail.smtp.host", host);
        smtp.put("mail.smtp.port", Integer.toString(port));
        smtp.put("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
        smtp.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        smtp.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        smtp.put("mail.smtp.auth", Boolean.toString(user.isPresent()));
        smtp.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        smtp.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        return smtp;
    }

    @Override
    public String toString() {
        // never the password
        return "SmtpSettings[" + host + ":" + port + ", user " + user.orElse("none") + "]";
    }
}
