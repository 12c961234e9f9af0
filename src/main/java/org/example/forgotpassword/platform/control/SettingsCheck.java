package org.example.forgotpassword.platform.control;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * Checks every setting when the application is deployed, before anything else starts: a wrong value stops the
 * deployment (the server logs the message, readiness never comes up) rather than failing every request that needs
 * it.
 */
@Startup
@Singleton
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class.getName());

    @Inject
    Config config;

    @PostConstruct
    void check() {
        List<String> problems = SettingRules.problems(key -> config.getOptionalValue(key, String.class));
        if (!problems.isEmpty()) {
            String message = "The application cannot start, " + problems.size() + " setting(s) are wrong:\n  "
                    + String.join("\n  ", problems);
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
    }
}
