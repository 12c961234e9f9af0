package org.example.forgotpassword.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.example.forgotpassword.platform.control.BrokerConnection;

/**
 * Not ready while the broker cannot be reached: the forgot endpoint would only answer 503, so a load balancer
 * should send the traffic elsewhere. The resource adapter reconnects by itself; readiness follows.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    BrokerConnection broker;

    @Override
    public HealthCheckResponse call() {
        try {
            broker.ping();
            return HealthCheckResponse.up("broker");
        } catch (RuntimeException unreachable) {
            return HealthCheckResponse.named("broker").down()
                    .withData("error", unreachable.getClass().getSimpleName()).build();
        }
    }
}
