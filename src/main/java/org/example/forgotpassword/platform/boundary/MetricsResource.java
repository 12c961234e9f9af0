package org.example.forgotpassword.platform.boundary;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.platform.control.MetricSource;
import org.example.forgotpassword.platform.control.PrometheusText;
import org.example.forgotpassword.platform.entity.Metric;

/**
 * {@code GET /ops/metrics}: the service's counters and the broker's queue depths in the Prometheus text format.
 * Served by the application itself because Payara Micro's own {@code /metrics} fails once a JDBC pool exists
 * (payara/Payara#6041). Operational data, not secrets; still, route {@code /ops/} only from inside the network.
 */
@Path("ops/metrics")
@ApplicationScoped
public class MetricsResource {

    @Inject
    @Any
    Instance<MetricSource> sources;

    @GET
    public Response metrics() {
        List<Metric> metrics = new ArrayList<>();
        sources.forEach(source -> metrics.addAll(source.metrics()));
        return Response.ok(PrometheusText.format(metrics), PrometheusText.MEDIA_TYPE)
                .header("Cache-Control", "no-store").build();
    }
}
