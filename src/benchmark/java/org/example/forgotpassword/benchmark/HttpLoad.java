package org.example.forgotpassword.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A load generator on plain sockets: HTTP/1.1 keep-alive connections to 127.0.0.1, each driven by its own thread,
 * posting a form body. Closed loop (every connection sends its next request as soon as the reply is read) for
 * throughput, or paced at a fixed rate for latency.
 */
final class HttpLoad {

    /** What a load produced: replies with status 200, others, elapsed time and every 200's latency. */
    record Result(long ok, long failed, long elapsedNanos, long[] latenciesNanos) {

        double perSecond() {
            return ok / (elapsedNanos / 1e9);
        }

        double percentileMillis(double percentile) {
            return Stats.percentile(latenciesNanos, percentile) / 1e6;
        }
    }

    private final int port;
    private final String path;
    /** The form body of request number i (distinct addresses). */
    private final IntFunction<String> body;

    HttpLoad(int port, String path, IntFunction<String> body) {
        this.port = port;
        this.path = path;
        this.body = body;
    }

    /** As fast as the server answers: {@code connections} in parallel until the time is up or {@code limit} were sent. */
    Result closedLoop(int connections, long durationNanos, int limit) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = durationNanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : start + durationNanos;
        return drive(connections, start, (connection, latencies) -> {
            int i;
            while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < limit) {
                long sent = System.nanoTime();
                int status = connection.post(body.apply(i));
                latencies.record(status, System.nanoTime() - sent);
            }
        });
    }

    /**
     * {@code count} requests at {@code perSecond}, spread over {@code connections}; request i is due at
     * start + i / rate whatever happened before (open loop), and {@code sentAt[i]} gets the moment it went out.
     */
    Result paced(int connections, double perSecond, int count, long[] sentAt) throws InterruptedException {
        long start = System.nanoTime() + 10_000_000;
        AtomicInteger next = new AtomicInteger();
        return drive(connections, start, (connection, latencies) -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long sent = System.nanoTime();
                sentAt[i] = sent;
                int status = connection.post(body.apply(i));
                latencies.record(status, System.nanoTime() - sent);
            }
        });
    }

    private interface Worker {
        void work(Connection connection, Latencies latencies) throws IOException;
    }

    private Result drive(int connections, long start, Worker worker) throws InterruptedException {
        List<Latencies> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong broken = new AtomicLong();
        for (int c = 0; c < connections; c++) {
            Latencies latencies = new Latencies();
            all.add(latencies);
            Thread thread = new Thread(() -> {
                try (Connection connection = new Connection()) {
                    worker.work(connection, latencies);
                } catch (IOException | UncheckedIOException e) {
                    broken.incrementAndGet();
                }
            }, "load-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        long ok = all.stream().mapToLong(l -> l.ok).sum();
        long failed = all.stream().mapToLong(l -> l.failed).sum() + broken.get();
        long[] latencies = all.stream().flatMapToLong(l -> java.util.Arrays.stream(l.values, 0, l.size)).toArray();
        return new Result(ok, failed, elapsed, latencies);
    }

    private static final class Latencies {
        long[] values = new long[4096];
        int size;
        long ok;
        long failed;

        void record(int status, long nanos) {
            if (status != 200) {
                failed++;
                return;
            }
            ok++;
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }
    }

    /** One keep-alive connection; reopened if the server closes it. */
    private final class Connection implements AutoCloseable {
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }

        int post(String form) throws IOException {
            if (socket == null) {
                open();
            }
            byte[] content = form.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\nContent-Length: "
                    + content.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + content.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            out.write(request);
            out.flush();
            return readResponse();
        }

        private int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String header;
            while (!(header = line()).isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                close();
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() == -1) {
                        throw new IOException("connection closed in a body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b == -1) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
