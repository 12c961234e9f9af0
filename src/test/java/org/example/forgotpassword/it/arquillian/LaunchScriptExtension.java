package org.example.forgotpassword.it.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link LaunchScriptContainer}, the only Arquillian container of the integration tests. */
public final class LaunchScriptExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, LaunchScriptContainer.class);
    }
}
