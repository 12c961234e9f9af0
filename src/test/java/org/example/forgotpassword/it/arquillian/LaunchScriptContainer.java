package org.example.forgotpassword.it.arquillian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.example.forgotpassword.devstack.ApplicationServer;
import org.example.forgotpassword.devstack.PayaraMicroServer;
import org.example.forgotpassword.devstack.Ports;
import org.example.forgotpassword.devstack.StackLayout;
import org.example.forgotpassword.devstack.WildFlyServer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.protocol.servlet5.ServletMethodExecutor;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Runs the test classes' deployments on a server started the way production starts it: the server's
 * {@code server-config/<server>/launch.sh} (Payara Micro, or WildFly in the failsafe execution "wildfly") with the
 * deployment's WAR file and the test run's environment, which holds only what an operator sets ({@code ARTEMIS_URL},
 * {@code MAIL_SMTP_*}, {@code DB_*}, ...). It listens on 127.0.0.1 at the port the build reserved
 * ({@code it.http.port}), the WAR at {@code /}.
 *
 * <p>Test classes that deploy the shipped WAR share one server, as the clients of a deployed service share it: a
 * server boot per class was most of the integration tests' time, and the state that matters (the database, the
 * broker, the mail server) is the whole run's either way. A class with a deployment of its own (a testable one) gets
 * a server of its own, stopped when the class undeploys; the shared one stops when the run ends.
 *
 * <p>Client-side tests ({@code @Deployment(testable = false)}) get the shipped WAR file itself; a testable deployment
 * (the servlet protocol's runner and the test class added) is written to {@code target/it-<server>/deploy} first.
 *
 * <p>Logs, every start appended: {@code target/it-payara/payara.log} and {@code target/it-wildfly/wildfly.log}.
 * Payara Micro's {@code DATA_DIR} (the embedded H2 database of the H2 run) is {@code target/it-payara/data}.
 */
public final class LaunchScriptContainer implements DeployableContainer<LaunchScriptConfiguration> {

    private StackLayout layout;
    private String server;
    private Path workDir;
    private ApplicationServer running;
    private Path runningWar;

    @Override
    public Class<LaunchScriptConfiguration> getConfigurationClass() {
        return LaunchScriptConfiguration.class;
    }

    @Override
    public void setup(LaunchScriptConfiguration configuration) {
        layout = StackLayout.fromSystemProperties();
        server = configuration.getServer();
        workDir = layout.stackDir().getParent().resolve("it-" + server);
        // the shared server outlives the test classes; it must not outlive the test run, however that ends
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopRunning, "stop " + server));
    }

    @Override
    public void start() {
        // the server starts with its deployment
    }

    @Override
    public void stop() {
        stopRunning();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        int httpPort = Integer.getInteger("it.http.port");
        try {
            Path war = warFileOf(archive);
            if (running == null || !war.equals(runningWar)) {
                stopRunning();
                running = start(war, httpPort, workDir.resolve(server + ".log"));
                runningWar = war;
            }
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException(server + " did not start with " + archive.getName(), e);
        }
        // The servlet protocol finds its test runner by this name; client-side tests take the context's base URL.
        HTTPContext context = new HTTPContext(Ports.LOOPBACK, httpPort);
        context.add(new Servlet(ServletMethodExecutor.ARQUILLIAN_SERVLET_NAME, "/"));
        return new ProtocolMetaData().addContext(context);
    }

    private ApplicationServer start(Path war, int httpPort, Path log) {
        if (server.equals("wildfly")) {
            return WildFlyServer.start(layout, httpPort, System.getenv(), Optional.of(war), log);
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("DATA_DIR", workDir.resolve("data").toString());
        // fails when the WAR did not deploy: Payara Micro then keeps running with its HTTP port closed
        return PayaraMicroServer.start(layout, war, httpPort, environment, log, List.of());
    }

    /**
     * The file the build ships when the deployment is that WAR ({@code ShippedWar}): the server gets the very file
     * the operators get. Anything else is written out first, next to a {@code lib} with the shipped JDBC drivers
     * (Payara's launch.sh adds those it finds next to the WAR).
     */
    private Path warFileOf(Archive<?> archive) throws IOException {
        Path shipped = layout.war();
        if (archive.getName().equals(shipped.getFileName().toString())
                && archive.getContent().keySet().equals(
                        ShrinkWrap.createFromZipFile(WebArchive.class, shipped.toFile()).getContent().keySet())) {
            return shipped;
        }
        Path deployDir = Files.createDirectories(workDir.resolve("deploy"));
        Path drivers = deployDir.resolve("lib");
        if (!Files.exists(drivers, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(drivers, layout.stackDir().resolve("lib"));
        }
        Path war = deployDir.resolve(archive.getName());
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /** Stops the server unless it runs the shipped WAR, which the next test class will most likely deploy again. */
    @Override
    public void undeploy(Archive<?> archive) {
        if (!layout.war().equals(runningWar)) {
            stopRunning();
        }
    }

    private synchronized void stopRunning() {
        if (running != null) {
            running.close();
            running = null;
            runningWar = null;
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
