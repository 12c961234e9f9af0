package org.example.forgotpassword.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.example.forgotpassword.mail.entity.SentMail;

/**
 * Which mails the SMTP server has already accepted. The record is committed in a transaction of its own right after
 * the server's 250, not with the delivery: if the delivery is rolled back or redelivered afterwards, the mail is not
 * sent twice. What remains is a crash between the 250 and this commit (milliseconds), the one window in which a
 * mail can go out twice.
 */
@ApplicationScoped
public class SentMails {

    @PersistenceContext(unitName = "forgot-password")
    EntityManager entityManager;

    /**
     * Read outside the delivery's transaction, whose only resource then is the broker: it commits in one phase,
     * with nothing for the transaction manager to record (README, "Transactions in doubt after a crash"). The row is
     * committed on its own anyway, so the delivery's transaction would not see more.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean wasSent(String mailId) {
        return entityManager.find(SentMail.class, mailId) != null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSent(String mailId) {
        entityManager.persist(new SentMail(mailId));
    }
}
