package org.example.forgotpassword.platform.control;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;

/**
 * The service's metrics in one Prometheus registry (Micrometer's) for the whole application: the meters of the
 * application's beans, which inject {@link MeterRegistry}; the JVM's (memory, garbage collection, threads, classes,
 * CPU, uptime), which are the server's, the application running in it; and the broker's queue depths, asked at each
 * scrape. The registry lives in the WAR, so Payara Micro and WildFly export the same.
 */
@ApplicationScoped
public class ServiceMetrics {

    /** The Prometheus text exposition format 0.0.4, which {@link #scrape()} writes. */
    public static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    QueueDepths queueDepths;

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics garbageCollection;

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // listens to the garbage collectors' notifications until closed
        garbageCollection = new JvmGcMetrics();
        for (MeterBinder jvm : List.of(new JvmMemoryMetrics(), garbageCollection, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics())) {
            jvm.bindTo(registry);
        }
        // through the bean's proxy, so that the question leaves outside any transaction
        registry.getPrometheusRegistry().register((MultiCollector) queueDepths::collect);
    }

    @PreDestroy
    void stop() {
        garbageCollection.close();
        registry.close();
    }

    /** The registry the application's beans register their meters with. */
    @Produces
    MeterRegistry registry() {
        return registry;
    }

    /** Every meter's current value in the Prometheus text format ({@link #MEDIA_TYPE}). */
    public String scrape() {
        return registry.scrape(MEDIA_TYPE);
    }
}
