package org.example.forgotpassword.platform.boundary;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * What the application does on SIGTERM, before the server undeploys it: refuse new requests with 503/1503
 * ({@link StoppingGate}), let those in progress finish, then close Payara's HTTP listener, so that requests
 * arriving while the application is torn down find no connection instead of the server's 500 or 503 error pages.
 * It runs in a JVM shutdown hook of its own, while Payara's hook waits out its grace period
 * ({@code fish.payara.shutdowngrace}, set by launch.sh) before it undeploys.
 */
@WebListener
public class GracefulStop implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());
    /** Shorter than launch.sh's grace period; a forgot request's broker calls are bounded at 2 s. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(3);

    private Thread hook;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        PayaraHttpListener listener = new PayaraHttpListener(event.getServletContext().getClass().getClassLoader());
        hook = new Thread(() -> stop(listener), "forgot-password-graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        StoppingGate.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private static void stop(PayaraHttpListener listener) {
        StoppingGate.close();
        try {
            if (!StoppingGate.awaitRequestsInProgress(DRAIN_LIMIT)) {
                LOG.warning("Requests still in progress after " + DRAIN_LIMIT + "; closing the HTTP listener anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            listener.close();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close the HTTP listener: {0}", e.toString());
        }
    }
}
