package org.example.forgotpassword.mail.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A rendered mail waiting in the database to be sent: written in the transaction of the change it reports, deleted
 * once the SMTP server has accepted it. Until {@code nextAttemptAt} the row belongs to whoever is sending it (the
 * sender right after the commit, or the sweeper that claimed it); afterwards any instance's sweeper may take it.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMail.DUE, query = "SELECT m.id FROM OutboxMail m WHERE m.nextAttemptAt <= :now"
        + " ORDER BY m.nextAttemptAt")
@NamedQuery(name = OutboxMail.CLAIM, query = "UPDATE OutboxMail m SET m.nextAttemptAt = :until,"
        + " m.attempts = m.attempts + 1 WHERE m.id = :id AND m.nextAttemptAt <= :now")
public class OutboxMail {

    public static final String DUE = "OutboxMail.due";
    public static final String CLAIM = "OutboxMail.claim";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "recipient", length = 254, nullable = false)
    private String recipient;

    @Column(name = "subject", length = 500, nullable = false)
    private String subject;

    @Column(name = "text_body", length = 16000, nullable = false)
    private String textBody;

    @Column(name = "html_body", length = 16000, nullable = false)
    private String htmlBody;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    protected OutboxMail() {
    }

    /** @param leasedUntil until when the first attempt, right after the commit, owns the row */
    public OutboxMail(OutgoingMail mail, Instant leasedUntil) {
        this.id = mail.mailId();
        this.recipient = mail.to();
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.attempts = 1;
        this.nextAttemptAt = OffsetDateTime.ofInstant(leasedUntil, ZoneOffset.UTC);
    }

    public OutgoingMail mail() {
        return new OutgoingMail(id, recipient, subject, textBody, htmlBody);
    }

    public int attempts() {
        return attempts;
    }
}
