package org.example.forgotpassword.devstack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A TCP relay in front of the test mail server that a test can stall or make fail. While stalled it still accepts
 * connections, so the SMTP client connects and then waits for a greeting that does not come, as with a hung
 * mail server; connections already open (a client that keeps its connection between mails) get no reply to
 * their next command either. On {@link #resume()} the held connections go through. It can also
 * {@link #goDown() go down}: its port then refuses connections and the open ones are cut, as when the mail server
 * stops. It reads the client's SMTP commands and can answer them itself instead of the server: {@code 550} for
 * chosen recipients (a permanent refusal), {@code 451} for the next mail transactions or for the first attempts to
 * each recipient (a temporary one). It records when each delivery attempt to a recipient was made.
 */
public final class SmtpRelay implements AutoCloseable {

    private final int port;
    private volatile ServerSocket listener;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "smtp-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger heldOpen = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;
    private volatile Predicate<String> rejectedRecipients = address -> false;
    private final AtomicInteger temporaryFailures = new AtomicInteger();
    private volatile int failedFirstAttemptsPerRecipient;
    private final Map<String, List<Instant>> recipientAttempts = new ConcurrentHashMap<>();
    private final AtomicInteger relaying = new AtomicInteger();
    /**
     * Connections whose client has sent a mail's final "." and not yet shown (by its next command) that the server's
     * reply reached it.
     */
    private final Set<Socket> awaitingReplyToMail = ConcurrentHashMap.newKeySet();
    private final Map<Socket, Socket> upstreamOf = new ConcurrentHashMap<>();
    private volatile boolean down;

    /** Answers {@code 550} to every {@code RCPT TO} whose address matches, from now on. */
    public void rejectRecipients(Predicate<String> addresses) {
        rejectedRecipients = addresses;
    }

    /** Answers {@code 451} to the next {@code count} {@code MAIL FROM} commands. */
    public void failNextTransactions(int count) {
        temporaryFailures.set(count);
    }

    /** Answers {@code 451} to the first {@code count} {@code RCPT TO} of each recipient, from now on. */
    public void failFirstAttemptsOfEachRecipient(int count) {
        failedFirstAttemptsPerRecipient = count;
    }

    /** How often a client tried to deliver to this recipient (accepted or not). */
    public int attemptsFor(String address) {
        return attemptTimesFor(address).size();
    }

    /** When a client tried to deliver to this recipient ({@code RCPT TO}), oldest first. */
    public List<Instant> attemptTimesFor(String address) {
        List<Instant> attempts = recipientAttempts.get(address.toLowerCase(Locale.ROOT));
        return attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** How many client connections are being relayed to the mail server right now (neither held nor finished). */
    public int connectionsInProgress() {
        return relaying.get();
    }

    public SmtpRelay(int port, int upstreamPort) throws IOException {
        this.port = port;
        this.upstreamPort = upstreamPort;
        listen();
    }

    private void listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        threads.execute(() -> acceptLoop(socket));
    }

    /**
     * The mail server stops: connecting is refused and the open connections (held ones too) are cut, except that a
     * mail the server has received whole still gets its reply (the server has queued it; cutting the reply off would
     * leave the client unable to know, and it would send the mail again: the "duplicate message" problem of
     * RFC 1047, which no client can close). Such a connection is cut at the client's next command.
     */
    public synchronized void goDown() throws IOException {
        down = true;
        listener.close();
        held.forEach(SmtpRelay::closeQuietly);
        held.clear();
        for (Socket socket : open) {
            boolean finishingAMail = awaitingReplyToMail.contains(socket)
                    || awaitingReplyToMail.stream().anyMatch(client -> upstreamOf.get(client) == socket);
            if (!finishingAMail) {
                closeQuietly(socket);
                open.remove(socket);
            }
        }
    }

    /** The mail server is back on the same port. */
    public synchronized void comeBack() throws IOException {
        down = false;
        if (listener.isClosed()) {
            listen();
        }
    }

    /** The port the SMTP client is given as the mail server's. */
    public int port() {
        return port;
    }

    /** How many SMTP connections wait in the stall (each a mail a client is trying to send). */
    public int heldConnections() {
        return held.size() + heldOpen.get();
    }

    public synchronized void stall() {
        stalled = true;
    }

    public synchronized void resume() {
        stalled = false;
        notifyAll();
        for (Socket client : held) {
            held.remove(client);
            threads.execute(() -> relay(client));
        }
    }

    private void acceptLoop(ServerSocket listener) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                synchronized (this) {
                    if (stalled) {
                        held.add(client);
                        continue;
                    }
                }
                threads.execute(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        relaying.incrementAndGet();
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            open.add(upstream);
            upstreamOf.put(client, upstream);
            OutputStream toClient = client.getOutputStream();
            threads.execute(() -> serverToClient(upstream, client, toClient));
            clientToServer(client, upstream, toClient);
        } catch (IOException e) {
            closeQuietly(client);
        } finally {
            relaying.decrementAndGet();
            open.remove(client);
            Socket upstream = upstreamOf.remove(client);
            if (upstream != null) {
                open.remove(upstream);
            }
            awaitingReplyToMail.remove(client);
        }
    }

    private static void serverToClient(Socket server, Socket client, OutputStream toClient) {
        byte[] buffer = new byte[8192];
        try (InputStream in = server.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (toClient) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
            }
        } catch (IOException ignored) {
            // one side closed: close both
        } finally {
            closeQuietly(server);
            closeQuietly(client);
        }
    }

    /** Forwards the client's lines; outside a message's DATA it may answer MAIL FROM or RCPT TO itself. */
    private void clientToServer(Socket client, Socket server, OutputStream toClient) {
        try (InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream toServer = server.getOutputStream()) {
            boolean inData = false;
            for (byte[] line = readLine(in); line.length > 0; line = readLine(in)) {
                awaitResumed();
                String command = new String(line, StandardCharsets.US_ASCII).strip();
                String upper = command.toUpperCase(Locale.ROOT);
                String reply = null;
                if (!inData) {
                    awaitingReplyToMail.remove(client);
                    if (down) {
                        break;
                    }
                }
                if (inData) {
                    inData = !command.equals(".");
                    if (!inData) {
                        awaitingReplyToMail.add(client);
                    }
                } else if (upper.equals("DATA")) {
                    inData = true;
                } else if (upper.startsWith("MAIL FROM:")
                        && temporaryFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    reply = "451 4.3.0 Temporary failure, try again later";
                } else if (upper.startsWith("RCPT TO:")) {
                    String address = command.substring(8).replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT);
                    List<Instant> attempts = recipientAttempts.computeIfAbsent(address,
                            a -> new CopyOnWriteArrayList<>());
                    attempts.add(Instant.now());
                    if (rejectedRecipients.test(address)) {
                        reply = "550 5.1.1 <" + address + ">: Recipient address rejected: no such mailbox";
                    } else if (attempts.size() <= failedFirstAttemptsPerRecipient) {
                        reply = "451 4.3.0 <" + address + ">: Temporary failure, try again later";
                    }
                }
                if (reply == null) {
                    toServer.write(line);
                    toServer.flush();
                } else {
                    synchronized (toClient) {
                        toClient.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                    }
                }
            }
        } catch (IOException ignored) {
            // one side closed: close both
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    /** While stalled, an open connection's command waits as a new connection does. */
    private void awaitResumed() throws IOException {
        synchronized (this) {
            if (!stalled) {
                return;
            }
            heldOpen.incrementAndGet();
            try {
                while (stalled) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("relay closed", e);
            } finally {
                heldOpen.decrementAndGet();
            }
        }
    }

    /** One line including its line break; empty at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(SmtpRelay::closeQuietly);
        threads.shutdownNow();
    }
}
