package org.example.forgotpassword.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polling, for what the stack and the tests cannot be told about: a server being ready, work draining. */
public final class Wait {

    private Wait() {
    }

    /**
     * Asks {@code condition} every {@code interval} until it holds or {@code timeout} has passed.
     *
     * @return whether it held
     */
    public static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(interval);
        }
        return true;
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
