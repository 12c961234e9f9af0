package org.example.forgotpassword.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.example.forgotpassword.mail.entity.SentMail;

/**
 * Which reset requests' mails the SMTP server has already accepted, by request id. The record is committed right
 * after the server's 250: a redelivery of the request afterwards does not mail it twice. What remains is a crash
 * between the 250 and this commit (milliseconds), the one window in which a mail can go out twice.
 */
@ApplicationScoped
public class SentMails {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean wasSent(String mailId) {
        return entityManager.find(SentMail.class, mailId) != null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSent(String mailId) {
        entityManager.persist(new SentMail(mailId));
    }
}
