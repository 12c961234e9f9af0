package org.example.forgotpassword.platform.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The service's one persistence unit, named in one place: controls {@code @Inject} the container's
 * transaction-scoped {@link EntityManager} (CDI's resource producer), which joins whatever JTA transaction the
 * caller is in, as {@code @PersistenceContext} would.
 */
@Dependent
public class EntityManagerProducer {

    @Produces
    @PersistenceContext(unitName = "forgot-password")
    EntityManager entityManager;
}
