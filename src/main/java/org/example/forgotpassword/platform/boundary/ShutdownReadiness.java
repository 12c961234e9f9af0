package org.example.forgotpassword.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready from the moment the application starts to stop (SIGTERM, {@link GracefulStop}), so a load balancer stops
 * sending requests.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadiness implements HealthCheck {

    private volatile boolean stopping;

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopping = true;
    }

    @Override
    public HealthCheckResponse call() {
        return stopping || StoppingGate.closed() ? HealthCheckResponse.down("accepting-requests")
                : HealthCheckResponse.up("accepting-requests");
    }
}
