package org.example.forgotpassword.it.wildfly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.StackLayout;
import org.example.forgotpassword.devstack.WildFlyServer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Runs each test class's deployment on a WildFly of its own, started the way an operator starts it:
 * {@code server-config/wildfly/launch.sh} with the WAR and the environment of the test run (the same variables
 * Payara Micro gets in the other runs). A new server per deployment, as the Payara Micro container does, so no
 * state carries over from one test class to the next. Only client-side tests ({@code testable = false}).
 */
public final class WildFlyLaunchContainer implements DeployableContainer<WildFlyLaunchConfiguration> {

    private StackLayout layout;
    private Path workDir;
    private WildFlyServer server;

    @Override
    public Class<WildFlyLaunchConfiguration> getConfigurationClass() {
        return WildFlyLaunchConfiguration.class;
    }

    @Override
    public void setup(WildFlyLaunchConfiguration configuration) {
        layout = StackLayout.fromSystemProperties();
        workDir = layout.stackDir().getParent().resolve("it-wildfly");
    }

    @Override
    public void start() {
        // the server starts with its deployment
    }

    @Override
    public void stop() {
        undeployAll();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        try {
            Path war = warFileOf(archive);
            int httpPort = Integer.getInteger("it.http.port");
            server = WildFlyServer.start(layout, httpPort, environment(), Optional.of(war),
                    workDir.resolve("wildfly.log"));
            HTTPContext context = new HTTPContext(Ports.LOOPBACK, httpPort);
            context.add(new Servlet("default", "/"));
            return new ProtocolMetaData().addContext(context);
        } catch (Exception e) {
            throw new DeploymentException("WildFly did not start with " + archive.getName(), e);
        }
    }

    /**
     * The file the build ships when the deployment is that WAR ({@code ShippedWar}): WildFly gets the very file
     * Payara Micro and the operators get. Anything else is written out first.
     */
    private Path warFileOf(Archive<?> archive) throws IOException {
        Path shipped = layout.war();
        if (archive.getName().equals(shipped.getFileName().toString())
                && archive.getContent().keySet().equals(
                        ShrinkWrap.createFromZipFile(WebArchive.class, shipped.toFile()).getContent().keySet())) {
            return shipped;
        }
        Path war = workDir.resolve("deploy").resolve(archive.getName());
        Files.createDirectories(war.getParent());
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /** The test run's settings; launch.sh wants the broker as ARTEMIS_URL. */
    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("ARTEMIS_URL", "tcp://" + env.get("ARTEMIS_HOST") + ":" + env.get("ARTEMIS_PORT"));
        return env;
    }

    @Override
    public void undeploy(Archive<?> archive) {
        undeployAll();
    }

    private void undeployAll() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed");
    }
}
