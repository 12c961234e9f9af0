package org.example.forgotpassword.mail.control;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/**
 * Connected SMTP transports kept between mails, so that a busy outbox does not pay a TCP connection, the greeting
 * and EHLO (and STARTTLS and AUTH) for every mail. A transport serves one sender at a time: {@link #take()} hands
 * out an idle one or connects a new one, {@link #giveBack} keeps it for the next mail, {@link #discard} closes it
 * after any failure (its state is unknown then). At most {@code capacity} idle transports are kept; with 0 every
 * mail gets a connection of its own, as with {@code Transport.send}. Thread-safe.
 */
final class SmtpConnections implements AutoCloseable {

    /**
     * Servers drop idle clients (RFC 5321 asks for at least 5 minutes, some give less); a transport idle for
     * longer than this is closed rather than reused, so a quiet outbox does not find its connection dead on the
     * next mail. Checking with NOOP instead would cost a round trip per mail.
     */
    static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private record Idle(Transport transport, long sinceNanos) {

        boolean stale(long now) {
            return now - sinceNanos > MAX_IDLE.toNanos();
        }
    }

    private final Session session;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int capacity;
    /** Most recently returned first, so that under low load the same few connections stay in use. */
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    SmtpConnections(Session session, String host, int port, String user, String password, int capacity) {
        this.session = session;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.capacity = Math.max(0, capacity);
    }

    Transport take() throws MessagingException {
        List<Transport> stale = new ArrayList<>();
        Transport reusable = null;
        long now = System.nanoTime();
        synchronized (this) {
            for (Idle next = idle.pollFirst(); next != null; next = idle.pollFirst()) {
                if (next.stale(now)) {
                    stale.add(next.transport());
                } else {
                    reusable = next.transport();
                    break;
                }
            }
        }
        stale.forEach(SmtpConnections::closeQuietly);
        if (reusable != null) {
            // not isConnected(): Angus Mail answers it with a NOOP round trip
            return reusable;
        }
        Transport transport = session.getTransport("smtp");
        transport.connect(host, port, user, password);
        return transport;
    }

    void giveBack(Transport transport) {
        List<Transport> surplus = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            if (closed || idle.size() >= capacity) {
                surplus.add(transport);
            } else {
                idle.addFirst(new Idle(transport, now));
            }
            while (!idle.isEmpty() && idle.peekLast().stale(now)) {
                surplus.add(idle.pollLast().transport());
            }
        }
        surplus.forEach(SmtpConnections::closeQuietly);
    }

    void discard(Transport transport) {
        closeQuietly(transport);
    }

    @Override
    public void close() {
        List<Idle> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(idle);
            idle.clear();
        }
        open.forEach(entry -> closeQuietly(entry.transport()));
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException alreadyGone) {
            // QUIT failed: the connection is gone either way
        }
    }
}
