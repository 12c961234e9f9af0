package org.example.forgotpassword.platform.boundary;

import java.util.logging.Logger;

/**
 * Closes Payara's HTTP listener ({@code http-listener}) through the server's own command runner, the same
 * {@code set} that post-deploy-commands.asadmin uses to open it. Reflection, because the command runner is not
 * an API the application is compiled against; on another server (WildFly) there is none, and nothing happens.
 */
final class PayaraHttpListener {

    private static final Logger LOG = Logger.getLogger(PayaraHttpListener.class.getName());
    private static final String DISABLE =
            "configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled=false";

    private final ClassLoader serverClasses;

    /** @param serverClasses a class loader of the server's (the servlet context implementation's) */
    PayaraHttpListener(ClassLoader serverClasses) {
        this.serverClasses = serverClasses;
    }

    void close() throws ReflectiveOperationException {
        Class<?> globals;
        Class<?> runnerType;
        Class<?> resultType;
        try {
            globals = Class.forName("org.glassfish.internal.api.Globals", true, serverClasses);
            runnerType = Class.forName("org.glassfish.embeddable.CommandRunner", true, serverClasses);
            resultType = Class.forName("org.glassfish.embeddable.CommandResult", true, serverClasses);
        } catch (ClassNotFoundException notPayara) {
            return;
        }
        Object runner = globals.getMethod("get", Class.class).invoke(null, runnerType);
        Object result = runnerType.getMethod("run", String.class, String[].class)
                .invoke(runner, "set", new String[] {DISABLE});
        Object status = resultType.getMethod("getExitStatus").invoke(result);
        if (!"SUCCESS".equals(String.valueOf(status))) {
            Object cause = resultType.getMethod("getFailureCause").invoke(result);
            LOG.warning("Payara did not close the HTTP listener (" + status + "): " + cause);
        }
    }
}
