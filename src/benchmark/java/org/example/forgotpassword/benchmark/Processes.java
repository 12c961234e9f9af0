package org.example.forgotpassword.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Resident memory of processes and the machine's load, from /proc (Linux). */
final class Processes {

    private Processes() {
    }

    /** The machine's 1-minute load average, to read the figures against. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** VmRSS of a process in MiB (NaN once it is gone). */
    static double rssMegabytes(long pid) {
        return kilobytes(Path.of("/proc/" + pid + "/status"), "VmRSS:") / 1024.0;
    }

    /**
     * Every process of the tree under {@code root} (root included) with its VmRSS and, since RSS counts shared
     * pages (the JDK's libraries, mapped by every JVM) once per process, its proportional share (Pss) too.
     */
    static List<Map<String, Object>> tree(ProcessHandle root) {
        List<Map<String, Object>> processes = new ArrayList<>();
        Stream.concat(Stream.of(root), root.descendants()).filter(ProcessHandle::isAlive).forEach(process -> {
            long pid = process.pid();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pid", pid);
            entry.put("role", role(pid));
            entry.put("rssMb", Benchmark.round(rssMegabytes(pid)));
            entry.put("pssMb", Benchmark.round(kilobytes(Path.of("/proc/" + pid + "/smaps_rollup"), "Pss:")
                    / 1024.0));
            entry.put("command", commandLine(pid, 160));
            processes.add(entry);
        });
        return processes;
    }

    static double sum(List<Map<String, Object>> processes, String key) {
        return Benchmark.round(processes.stream().mapToDouble(p -> ((Number) p.get(key)).doubleValue())
                .filter(v -> !Double.isNaN(v)).sum());
    }

    /** What a process of the stack is, from its command line. */
    private static String role(long pid) {
        String command = commandLine(pid, Integer.MAX_VALUE);
        if (command.contains("payara-micro")) {
            return "Payara Micro";
        } else if (command.contains("org.apache.activemq.artemis.boot.Artemis")) {
            return "Artemis broker";
        } else if (command.contains("greenmail")) {
            return "GreenMail";
        } else if (command.contains("org.codehaus.plexus.classworlds.launcher.Launcher")) {
            return "Maven JVM (the run command itself)";
        } else if (command.contains("postgres")) {
            return "PostgreSQL";
        }
        return command.isEmpty() ? "?" : Path.of(command.split(" ")[0]).getFileName().toString();
    }

    private static String commandLine(long pid, int limit) {
        try {
            String command = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').trim();
            return command.length() > limit ? command.substring(0, limit) + "…" : command;
        } catch (IOException e) {
            return "";
        }
    }

    private static double kilobytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
