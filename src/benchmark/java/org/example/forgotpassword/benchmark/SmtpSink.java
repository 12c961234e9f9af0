package org.example.forgotpassword.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast SMTP server on loopback that accepts every mail, keeps nothing but the count and, per recipient, the
 * moment the mail was complete ({@link System#nanoTime()}, comparable with the load generator's, which runs in the
 * same JVM). One thread per connection: the senders hold a handful of connections at most.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger mails = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    /** Numbers every connection, never reset. */
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    /** The connections (by number) that carried at least one mail since the last reset. */
    private final Set<Integer> carrying = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastArrival = new AtomicLong();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    private SmtpSink(ServerSocket server) {
        this.server = server;
    }

    static SmtpSink start() {
        try {
            SmtpSink sink = new SmtpSink(new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1")));
            Thread acceptor = new Thread(sink::acceptLoop, "smtp-sink-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            return sink;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the SMTP sink", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Forgets every mail received so far. */
    void reset() {
        arrivals.clear();
        mails.set(0);
        sessions.set(0);
        carrying.clear();
    }

    int mails() {
        return mails.get();
    }

    /** SMTP connections opened since the last reset: shows whether the sender reuses them. */
    int sessions() {
        return sessions.get();
    }

    /** Connections, old or new, that carried at least one mail since the last reset: how many the sender used. */
    int carryingConnections() {
        return carrying.size();
    }

    long lastArrivalNanos() {
        return lastArrival.get();
    }

    /** When the last mail to {@code recipient} was complete, or null. */
    Long arrival(String recipient) {
        return arrivals.get(recipient.toLowerCase(Locale.ROOT));
    }

    /** @return whether {@code count} mails arrived before the timeout */
    boolean awaitMails(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (mails.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.incrementAndGet();
                int number = connectionNumbers.incrementAndGet();
                connections.execute(() -> converse(socket, number));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket, int number) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
             OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4096)) {
            socket.setTcpNoDelay(true);
            reply(out, "220 smtp-sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-smtp-sink\r\n250-8BITMIME\r\n250 PIPELINING");
                    case "HELO", "NOOP" -> reply(out, "250 OK");
                    case "MAIL", "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        int open = line.indexOf('<');
                        int close = line.indexOf('>', open + 1);
                        recipients.add(line.substring(open + 1, close).toLowerCase(Locale.ROOT));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        skipMessage(in);
                        long now = System.nanoTime();
                        for (String recipient : recipients) {
                            arrivals.put(recipient, now);
                        }
                        lastArrival.accumulateAndGet(now, Math::max);
                        carrying.add(number);
                        mails.incrementAndGet();
                        recipients.clear();
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException | RuntimeException dropped) {
            // the client went away: nothing to keep
        }
    }

    private static void skipMessage(InputStream in) throws IOException {
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return;
            }
        }
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
