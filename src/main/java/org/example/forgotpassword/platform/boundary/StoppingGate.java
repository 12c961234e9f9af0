package org.example.forgotpassword.platform.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;

import org.example.forgotpassword.platform.control.Messages;
import org.example.forgotpassword.platform.entity.ErrorCode;

/**
 * In front of everything the WAR serves: once the application has begun to stop, every request is answered 503
 * with code 1503 and a Retry-After, from a body made at start, so that the answer needs neither CDI nor JAX-RS,
 * which the stop tears down. It also counts the requests in progress, so that the stop can wait for them.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class StoppingGate implements Filter {

    private static final AtomicBoolean CLOSED = new AtomicBoolean();
    private static final AtomicInteger IN_PROGRESS = new AtomicInteger();
    private static final Duration POLL = Duration.ofMillis(20);

    private byte[] refusal;

    /** From now on every request is refused; for good: the application does not come back in this JVM. */
    static void close() {
        CLOSED.set(true);
    }

    static boolean closed() {
        return CLOSED.get();
    }

    /** @return whether the requests admitted before {@link #close()} were all answered within {@code limit} */
    static boolean awaitRequestsInProgress(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (IN_PROGRESS.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    @Override
    public void init(FilterConfig config) {
        ErrorCode unavailable = ErrorCode.QUEUE_UNAVAILABLE;
        refusal = Json.createObjectBuilder().add("code", unavailable.code())
                .add("message", new Messages().text(unavailable.messageKey(), Locale.ENGLISH)).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        IN_PROGRESS.incrementAndGet();
        try {
            // counted before the check: the stop either sees this request in progress or this request sees it
            if (CLOSED.get()) {
                refuse((HttpServletResponse) response);
                return;
            }
            chain.doFilter(request, response);
        } finally {
            IN_PROGRESS.decrementAndGet();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Retry-After", Integer.toString(Replies.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Connection", "close");
        response.setContentLength(refusal.length);
        response.getOutputStream().write(refusal);
    }
}
