package org.example.forgotpassword.it.arquillian;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Which server {@link LaunchScriptContainer} starts (arquillian.xml, property {@code server}): {@code payara} or
 * {@code wildfly}, the names of their directories under {@code server-config}. Everything else comes from the test
 * run's environment.
 */
public final class LaunchScriptConfiguration implements ContainerConfiguration {

    private String server = "payara";

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    @Override
    public void validate() throws ConfigurationException {
        if (!server.equals("payara") && !server.equals("wildfly")) {
            throw new ConfigurationException("server must be payara or wildfly, not " + server);
        }
    }
}
