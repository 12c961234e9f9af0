package org.example.forgotpassword.it.load;

import java.util.ArrayDeque;
import java.util.Deque;

/** Everything a test class started, stopped in reverse order, also when starting failed half-way. */
public final class StartedServers implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public synchronized <T extends AutoCloseable> T add(T server) {
        started.push(server);
        return server;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("Stopping failed: " + e);
            }
        }
    }
}
