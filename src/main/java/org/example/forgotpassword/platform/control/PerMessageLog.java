package org.example.forgotpassword.platform.control;

import java.util.logging.Level;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The level of the one line per request or mail ("Queued reset request …", "Sent mail …"): {@code INFO} in
 * development, {@code FINE} (not shown) in production, where a busy server would otherwise spend its time
 * writing them to a synchronized console. Failures are logged at their own levels whatever this says.
 */
@ApplicationScoped
public class PerMessageLog {

    @Inject
    @ConfigProperty(name = "log.per-message-level", defaultValue = "FINE")
    String configuredLevel;

    private Level level;

    @PostConstruct
    void parse() {
        level = Level.parse(configuredLevel.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public Level level() {
        return level;
    }
}
