package org.example.forgotpassword.platform.control;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes the rate-limit windows that have ended, every {@code rate-limit.sweep-interval}: counting treats an ended
 * window as none, so this only keeps the table small. Every instance sweeps; a row deleted twice is harmless.
 */
@ApplicationScoped
public class RateLimitSweeper {

    private static final Logger LOG = Logger.getLogger(RateLimitSweeper.class.getName());

    @Inject
    PeriodicTask sweeps;

    @Inject
    SharedWindows windows;

    @Inject
    @ConfigProperty(name = "rate-limit.sweep-interval")
    Duration sweepInterval;

    private final Clock clock = Clock.systemUTC();

    void startSweeping(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        sweeps.start(sweepInterval, this::sweep);
    }

    void sweep() {
        try {
            int deleted = windows.deleteEnded(clock.millis());
            LOG.fine(() -> "Deleted " + deleted + " ended rate-limit window(s)");
        } catch (SQLException | RuntimeException failed) {
            // the database is away: the next sweep deletes them
            LOG.log(Level.WARNING, "Rate-limit sweep failed: {0}", failed.getClass().getName());
        }
    }
}
