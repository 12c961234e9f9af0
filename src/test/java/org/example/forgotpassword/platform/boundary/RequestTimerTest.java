package org.example.forgotpassword.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.example.forgotpassword.platform.entity.RequestFields;
import org.example.forgotpassword.reset.boundary.ForgotPasswordResource;
import org.example.forgotpassword.reset.boundary.PasswordResetResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequestTimerTest {

    @Nested
    class PathTemplate {

        @Test
        void isTheClassPathWithALeadingSlashForAMethodWithoutPath() throws Exception {
            Method forgot = ForgotPasswordResource.class.getMethod("forgot", RequestFields.class);

            assertThat(RequestTimer.uri(ForgotPasswordResource.class, forgot, 429)).isEqualTo("/password/forgot");
        }

        @Test
        void appendsTheMethodsPath() throws Exception {
            Method script = PasswordResetResource.class.getMethod("script");

            assertThat(RequestTimer.uri(PasswordResetResource.class, script, 200))
                    .isEqualTo("/password/reset/reset.js");
        }

        @Test
        void isTheDeclaredClassesForAContainersSubclass() throws Exception {
            Method forgot = ForgotPasswordResource.class.getMethod("forgot", RequestFields.class);

            assertThat(RequestTimer.uri(ProxiedResource.class, forgot, 200)).isEqualTo("/password/forgot");
        }

        @Test
        void neverThePathTheClientSentWhenNoResourceMatched() {
            assertThat(RequestTimer.uri(null, null, 404)).isEqualTo(RequestTimer.NOT_FOUND);
            assertThat(RequestTimer.uri(null, null, 405)).isEqualTo(RequestTimer.UNMATCHED);
            assertThat(RequestTimer.uri(null, null, 413)).isEqualTo(RequestTimer.UNMATCHED);
        }
    }

    /** What a CDI container's proxy of a resource looks like to JAX-RS: a subclass without annotations. */
    static class ProxiedResource extends ForgotPasswordResource {
    }

    @Nested
    class Recording {

        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final RequestTimer timer = new RequestTimer();

        @BeforeEach
        void wire() throws Exception {
            timer.registry = registry;
            timer.resource = resourceInfo(ForgotPasswordResource.class,
                    ForgotPasswordResource.class.getMethod("forgot", RequestFields.class));
        }

        @Test
        void oneTimerPerMethodTemplateAndStatusWithTheHistogramsBuckets() {
            for (int i = 0; i < 2; i++) {
                ContainerRequestContext request = request("POST");
                timer.filter(request);
                timer.filter(request, response(429));
            }

            Timer recorded = registry.get("http.server.requests")
                    .tags("method", "POST", "uri", "/password/forgot", "status", "429").timer();
            assertThat(recorded.count()).isEqualTo(2);
            assertThat(recorded.takeSnapshot().histogramCounts()).hasSize(RequestTimer.BUCKETS.length);
        }

        @Test
        void aResponseWhoseRequestWasNotTimedIsLeftOut() {
            ContainerRequestContext untimed = request("GET");

            timer.filter(untimed, response(200));

            assertThat(registry.find("http.server.requests").timers()).isEmpty();
        }

        /** A request context with only what the filter uses; the filter stores its sample in the properties. */
        private ContainerRequestContext request(String method) {
            Map<String, Object> properties = new HashMap<>();
            ContainerRequestContext request = stub(ContainerRequestContext.class, (name, args) -> switch (name) {
                case "getMethod" -> method;
                case "setProperty" -> properties.put((String) args[0], args[1]);
                case "getProperty" -> properties.get((String) args[0]);
                default -> throw new UnsupportedOperationException(name);
            });
            return request;
        }

        private ContainerResponseContext response(int status) {
            return stub(ContainerResponseContext.class, (name, args) -> switch (name) {
                case "getStatus" -> status;
                default -> throw new UnsupportedOperationException(name);
            });
        }

        private ResourceInfo resourceInfo(Class<?> resourceClass, Method method) {
            return stub(ResourceInfo.class, (name, args) -> switch (name) {
                case "getResourceClass" -> resourceClass;
                case "getResourceMethod" -> method;
                default -> throw new UnsupportedOperationException(name);
            });
        }
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    static <T> T stub(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args == null ? new Object[0] : args)));
    }
}
