package org.example.forgotpassword.it.wildfly;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link WildFlyLaunchContainer} in the WildFly run of the integration tests only ({@code it.wildfly};
 * that run also leaves the Payara Micro container off the class path: Arquillian wants exactly one).
 */
public final class WildFlyLaunchExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if (Boolean.getBoolean("it.wildfly")) {
            builder.service(DeployableContainer.class, WildFlyLaunchContainer.class);
        }
    }
}
