package org.example.forgotpassword.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of the test mail server that a test can stall. While stalled it still accepts
 * connections, so the SMTP client connects and then waits for a greeting that does not come, as with a hung
 * mail server; on {@link #resume()} the held connections go through.
 */
public final class SmtpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "smtp-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;

    public SmtpRelay(int port, int upstreamPort) throws IOException {
        this.listener = new ServerSocket();
        this.listener.setReuseAddress(true);
        this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.upstreamPort = upstreamPort;
        threads.execute(this::acceptLoop);
    }

    public synchronized void stall() {
        stalled = true;
    }

    public synchronized void resume() {
        stalled = false;
        for (Socket client : held) {
            held.remove(client);
            threads.execute(() -> relay(client));
        }
    }

    private void acceptLoop() {
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
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            open.add(upstream);
            threads.execute(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
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
