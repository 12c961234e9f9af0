package org.example.forgotpassword.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process (and its child processes) listens on, read from Linux's {@code /proc}: the socket
 * inodes among the process's open files, looked up in {@code /proc/<pid>/net/tcp} and {@code tcp6}.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    /** A listening socket: its local address as text ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::}) and port. */
    public record Socket(long pid, String address, int port) {

        public boolean isLoopback() {
            return address.equals("127.0.0.1") || address.equals("::1") || address.equals("::ffff:127.0.0.1");
        }

        @Override
        public String toString() {
            String command = ProcessHandle.of(pid).flatMap(process -> process.info().command())
                    .map(path -> Path.of(path).getFileName().toString()).orElse("?");
            return address + ":" + port + " (pid " + pid + ", " + command + ")";
        }
    }

    private ListeningSockets() {
    }

    public static List<Socket> of(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(process -> process.descendants().forEach(child -> pids.add(child.pid())));
        List<Socket> sockets = new ArrayList<>();
        for (long each : pids) {
            Set<String> inodes = socketInodes(each);
            for (String table : List.of("tcp", "tcp6")) {
                sockets.addAll(listening(each, Path.of("/proc", Long.toString(each), "net", table), inodes));
            }
        }
        return sockets;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while the list was read
                }
            });
        } catch (IOException gone) {
            // the process has ended
        }
        return inodes;
    }

    private static List<Socket> listening(long pid, Path table, Set<String> inodes) {
        List<Socket> sockets = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException gone) {
            return sockets;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9 && LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                String[] local = fields[1].split(":");
                sockets.add(new Socket(pid, address(local[0]), Integer.parseInt(local[1], 16)));
            }
        }
        return sockets;
    }

    /** /proc writes addresses as hex words in host (little-endian) byte order. */
    static String address(String hex) {
        if (hex.length() == 8) {
            return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                    + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
        }
        byte[] bytes = new byte[16];
        for (int word = 0; word < 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2,
                        word * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        try {
            String text = java.net.InetAddress.getByAddress(bytes).getHostAddress();
            if (text.equals("0:0:0:0:0:0:0:0")) {
                return "::";
            }
            if (text.equals("0:0:0:0:0:0:0:1")) {
                return "::1";
            }
            return text;
        } catch (java.net.UnknownHostException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
