package org.example.forgotpassword.settings.control;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * Checks every setting when the application is deployed, before anything else starts (the database migration
 * depends on it): a wrong value stops the deployment, with every wrong setting in one message in the server log,
 * rather than failing every request that needs it. The application's paths and its readiness never answer then.
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
