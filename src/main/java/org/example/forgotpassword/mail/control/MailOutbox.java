package org.example.forgotpassword.mail.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.mail.entity.OutboxMail;
import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.example.forgotpassword.platform.control.DeadLetterRecords;

/**
 * The outbox: mails that follow a database change, kept in the database ({@code mail_outbox}) so that the mail is
 * stored exactly when the change commits, with no second resource in the transaction. {@link OutboxSender} sends
 * them. Each step after {@link #add} is a short transaction of its own.
 */
@ApplicationScoped
public class MailOutbox {

    /** The source of {@link Added} and {@link #refused} records in {@code dead_letter}. */
    public static final String NAME = "mail_outbox";

    /** Fired in the transaction that added the mail; observed after its commit. */
    public record Added(String mailId) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Event<Added> added;

    @Inject
    DeadLetterRecords deadLetters;

    /** How long one attempt owns a row; afterwards a sweeper may try again (after a crash, or a failure). */
    @Inject
    @ConfigProperty(name = "mail.outbox.lease", defaultValue = "PT1M")
    Duration lease;

    /** Adds the mail in the caller's transaction; it is sent once that commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(OutgoingMail mail) {
        entityManager.persist(new OutboxMail(mail, now().plus(lease).toInstant()));
        added.fire(new Added(mail.mailId()));
    }

    /** The row just added, for the attempt right after the commit, which owns it for the first lease. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutboxMail> find(String mailId) {
        return Optional.ofNullable(entityManager.find(OutboxMail.class, mailId));
    }

    /** Ids of rows whose lease has passed, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> due(int max) {
        return entityManager.createNamedQuery(OutboxMail.DUE, String.class)
                .setParameter("now", now()).setMaxResults(max).getResultList();
    }

    /**
     * Takes a due row for one attempt (a conditional update, so that of several sweepers exactly one wins).
     *
     * @return the row, unless another sender took it first or it was sent meanwhile
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutboxMail> claim(String mailId) {
        OffsetDateTime now = now();
        int claimed = entityManager.createNamedQuery(OutboxMail.CLAIM)
                .setParameter("until", now.plus(lease)).setParameter("id", mailId).setParameter("now", now)
                .executeUpdate();
        return claimed == 1 ? Optional.ofNullable(entityManager.find(OutboxMail.class, mailId)) : Optional.empty();
    }

    /** The SMTP server accepted the mail. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(String mailId) {
        Optional.ofNullable(entityManager.find(OutboxMail.class, mailId)).ifPresent(entityManager::remove);
    }

    /** The mail will never go out: the row goes, a dead letter with the reason stays. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String mailId, String reason) {
        Optional.ofNullable(entityManager.find(OutboxMail.class, mailId)).ifPresent(entityManager::remove);
        deadLetters.record(mailId, NAME, reason);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
