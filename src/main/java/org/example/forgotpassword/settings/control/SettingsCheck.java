package org.example.forgotpassword.settings.control;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks every setting while the application is deployed, before any bean is created: a wrong value stops the
 * deployment, with every wrong setting in one message in the server log, rather than failing every request that
 * needs it. A deployment problem of CDI's last validation step, so nothing of the application has run yet (no
 * database migration, no message-driven bean, no bean that starts with the application), and it comes before the
 * server's own check of the injected settings (WildFly's names the key but not the variable, one value at a time).
 */
public class SettingsCheck implements Extension {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class.getName());

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) AfterDeploymentValidation validation) {
        Config config = ConfigProvider.getConfig(SettingsCheck.class.getClassLoader());
        List<String> problems = SettingRules.problems(key -> config.getOptionalValue(key, String.class));
        if (!problems.isEmpty()) {
            String message = "The application cannot start, " + problems.size() + " setting(s) are wrong:\n  "
                    + String.join("\n  ", problems);
            LOG.severe(message);
            validation.addDeploymentProblem(new IllegalStateException(message));
        }
    }
}
