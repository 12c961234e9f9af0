package org.example.forgotpassword.platform.boundary;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long the API takes to answer: {@code http_server_requests_seconds{method, uri, status}}, a histogram per HTTP
 * method, path template ({@code /password/forgot}, never the path a client sent) and status. Timed from before
 * any other filter until the last response filter; the body is written after that. A request that matched no
 * resource method is recorded under {@value #NOT_FOUND} (404) or {@value #UNMATCHED}, so clients cannot make up
 * new series.
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class RequestTimer implements ContainerRequestFilter, ContainerResponseFilter {

    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNMATCHED = "UNMATCHED";

    /** The buckets of the histogram: the Prometheus clients' defaults, 5 ms to 10 s. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private static final String SAMPLE = RequestTimer.class.getName() + ".sample";

    @Inject
    MeterRegistry registry;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(SAMPLE, Timer.start(registry));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SAMPLE) instanceof Timer.Sample sample) {
            sample.stop(Timer.builder("http.server.requests")
                    .description("HTTP requests the API answered, by method, path template and status")
                    .tag("method", request.getMethod())
                    .tag("uri", uri(resource.getResourceClass(), resource.getResourceMethod(), response.getStatus()))
                    .tag("status", Integer.toString(response.getStatus()))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
    }

    /** The path template of the resource method that answered, {@code /} followed by the class's and its own. */
    static String uri(Class<?> resourceClass, Method resourceMethod, int status) {
        if (resourceClass == null || resourceMethod == null) {
            return status == Response.Status.NOT_FOUND.getStatusCode() ? NOT_FOUND : UNMATCHED;
        }
        String template = "/" + path(classDeclaringPath(resourceClass)) + "/" + path(resourceMethod);
        template = template.replaceAll("/{2,}", "/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1)
                : template;
    }

    /** The class itself, or the class a container's proxy or subclass was made of. */
    private static Class<?> classDeclaringPath(Class<?> resourceClass) {
        for (Class<?> type = resourceClass; type != null; type = type.getSuperclass()) {
            if (type.isAnnotationPresent(Path.class)) {
                return type;
            }
        }
        return resourceClass;
    }

    private static String path(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }
}
