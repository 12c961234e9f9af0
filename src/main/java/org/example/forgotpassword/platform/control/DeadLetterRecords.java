package org.example.forgotpassword.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.example.forgotpassword.platform.entity.DeadLetter;

/**
 * The history of what the service gave up on ({@code dead_letter}): messages moved to the broker's dead-letter queue
 * and outbox mails that will never go out. It stays when operators retry or purge the queue in the broker console.
 */
@ApplicationScoped
public class DeadLetterRecords {

    @Inject
    EntityManager entityManager;

    /** In the caller's transaction, or one of its own. */
    @Transactional
    public void record(String id, String source, String reason) {
        entityManager.persist(new DeadLetter(id, source, reason));
    }
}
