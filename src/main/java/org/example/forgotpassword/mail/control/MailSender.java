package org.example.forgotpassword.mail.control;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eclipse.microprofile.config.Config;
import org.example.forgotpassword.mail.entity.OutgoingMail;

/**
 * Sends mails over SMTP with Jakarta Mail (Eclipse Angus Mail). Every mail is multipart/alternative (plain text
 * first, HTML second) and carries its own stable {@code Message-ID}. Timeouts bound every step, so a stalled
 * server cannot hold a consumer forever. Connections are kept open between mails ({@code mail.smtp.pool-size}
 * idle ones at most): a connection that failed is closed, never reused, and the failure is reported exactly as
 * on a fresh one.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Inject
    Config config;

    @Inject
    MailStatistics statistics;

    private SmtpSettings settings;
    private Session session;
    private InternetAddress sender;
    private SmtpConnections connections;

    @PostConstruct
    void connectSettings() {
        connect(SmtpSettings.of(config));
    }

    void connect(SmtpSettings smtp) {
        settings = smtp;
        session = Session.getInstance(smtp.session());
        if (connections != null) {
            connections.close();
        }
        connections = new SmtpConnections(session, smtp.host(), smtp.port(), smtp.user().orElse(null),
                smtp.password().orElse(null), smtp.poolSize());
        try {
            sender = new InternetAddress(smtp.from(), true);
        } catch (MessagingException e) {
            throw new IllegalStateException("mail.from is not a valid address", e);
        }
    }

    @PreDestroy
    void closeConnections() {
        connections.close();
    }

    /**
     * @throws PermanentMailFailureException when the server refuses the mail for good (5xx)
     * @throws MailDeliveryException         when it fails in a way that may pass (4xx, no connection, timeout)
     */
    public void send(OutgoingMail mail) {
        try {
            MimeMessage message = toMimeMessage(mail);
            Transport transport = connections.take();
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException | RuntimeException failed) {
                connections.discard(transport);
                throw failed;
            }
            connections.giveBack(transport);
            statistics.recordSent();
        } catch (MessagingException e) {
            OptionalInt permanent = SmtpReplies.permanentCode(e);
            if (permanent.isPresent()) {
                statistics.recordPermanentFailure();
            } else {
                statistics.recordTransientFailure();
            }
            LOG.log(Level.WARNING, "SMTP server {0}:{1} did not accept mail {2} ({3}): {4}",
                    new Object[] {settings.host(), Integer.toString(settings.port()), mail.mailId(),
                            permanent.isPresent() ? "permanent, " + permanent.getAsInt() : "transient",
                            e.getClass().getSimpleName()});
            if (permanent.isPresent()) {
                throw new PermanentMailFailureException("mail " + mail.mailId() + " refused with "
                        + permanent.getAsInt(), permanent.getAsInt(), e);
            }
            throw new MailDeliveryException("mail " + mail.mailId() + " not accepted", e);
        }
    }

    MimeMessage toMimeMessage(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new StableIdMimeMessage(session, messageId(mail));
        message.setFrom(sender);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    private String messageId(OutgoingMail mail) {
        String address = sender.getAddress();
        return "<" + mail.mailId() + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    /** Keeps the mail's own id as Message-ID instead of a fresh one on every save. */
    private static final class StableIdMimeMessage extends MimeMessage {

        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
