package org.example.forgotpassword.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.platform.control.ServiceMetrics;

/**
 * {@code GET /ops/metrics}: the service's counters, the JVM's figures, the HTTP timings and the broker's queue
 * depths in the Prometheus text format. Served by the application itself, the same on Payara Micro and WildFly
 * (Payara's own {@code /metrics} is switched off). Operational data, not secrets; still, route {@code /ops/} only
 * from inside the network.
 */
@Path("ops/metrics")
@ApplicationScoped
public class MetricsResource {

    @Inject
    ServiceMetrics metrics;

    @GET
    public Response metrics() {
        return Response.ok(metrics.scrape(), ServiceMetrics.MEDIA_TYPE).header("Cache-Control", "no-store").build();
    }
}
