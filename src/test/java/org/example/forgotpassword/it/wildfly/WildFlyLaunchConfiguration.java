package org.example.forgotpassword.it.wildfly;

import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** Nothing to configure: {@link WildFlyLaunchContainer} takes everything from the test run's environment. */
public final class WildFlyLaunchConfiguration implements ContainerConfiguration {

    @Override
    public void validate() {
        // nothing to check
    }
}
