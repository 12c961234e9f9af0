package org.example.forgotpassword.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as tables, from the same map as results.json (or read back from it): the figures (one column per
 * database, medians of the runs), the targets (met or missed, by how much) and the run command's processes. As
 * plain text for the console, or as Markdown for the "Latest figures" of docs/benchmark.md.
 */
final class Report {

    /** A figure: label, and the key(s) in a database's results ("section.key", several joined by " / "). */
    private record Row(String label, String... paths) {
    }

    private static final List<Row> FIGURES = List.of(
            new Row("accept: ceiling endpoint req/s (32 connections)", "accept.ceilingPerSecond"),
            new Row("accept: ceiling p50 / p99 ms", "accept.ceilingP50Ms", "accept.ceilingP99Ms"),
            new Row("accept: POST /password/forgot/ req/s (32 connections)", "accept.forgotPerSecond"),
            new Row("accept: forgot p50 / p99 ms", "accept.forgotP50Ms", "accept.forgotP99Ms"),
            new Row("accept: ratio forgot / ceiling", "accept.ratio"),
            new Row("accept: replies not 200 (all runs)", "accept.failed"),
            new Row("sequential: forgot p50 / p99 ms (wrk -t1 -c1)", "sequential.forgotP50Ms",
                    "sequential.forgotP99Ms"),
            new Row("sequential: forgot req/s", "sequential.perSecond"),
            new Row("broker: durable-send ceiling msg/s (artemis perf, 32 producers)",
                    "broker.durableSendsPerSecond"),
            new Row("broker: ratio forgot / durable-send ceiling", "broker.forgotOverCeiling"),
            new Row("end to end: SMTP sink ceiling mails/s", "mail.sinkCeilingPerSecond"),
            new Row("end to end: mails/s (N accounts, 32 clients)", "mail.mailsPerSecond"),
            new Row("end to end: ratio mails / sink ceiling", "mail.ratio"),
            new Row("end to end: s from first request to all N mails", "mail.secondsToAllMails"),
            new Row("end to end: s until all N requests were answered", "mail.secondsToAcceptAll"),
            new Row("end to end: forgot p50 / p99 ms meanwhile", "mail.replyP50Ms", "mail.replyP99Ms"),
            new Row("end to end: SMTP connections for N mails", "mail.smtpConnections"),
            new Row("end to end: replies not 200 (all runs)", "mail.failed"),
            new Row("latency: steady rate req/s", "latency.requestsPerSecond"),
            new Row("latency: request -> mail p50 / p99 ms", "latency.requestToMailP50Ms",
                    "latency.requestToMailP99Ms"),
            new Row("latency: reply p50 / p99 ms at that rate", "latency.replyP50Ms", "latency.replyP99Ms"),
            new Row("broker down: s from stop to the first 503", "outage.stopToFirst503Seconds"),
            new Row("broker down: longest reply ms", "outage.longestReplyWhileDownMs"),
            new Row("broker down: replies by status", "outage.repliesWhileDown"),
            new Row("broker back: s from its restart to the next 200", "outage.brokerUpToFirst200Seconds"),
            new Row("this stack: Payara Micro RSS MiB after the load", "footprint.payaraRssMb"),
            new Row("this stack: broker RSS MiB after the load", "footprint.brokerRssMb"),
            new Row("this stack: benchmark's Maven JVM RSS MiB (load tools, sink)", "footprint.benchmarkJvmRssMb"),
            new Row("this stack: Payara launch -> first accepted POST s", "footprint.launchToFirstPostSeconds"),
            new Row("machine: load average (1 min) after the runs", "footprint.loadAverageAfter"));

    private Report() {
    }

    /** The console's tables. */
    static String table(Map<String, Object> results) {
        StringBuilder out = new StringBuilder("\n").append(heading(results)).append("\n\n");
        out.append(text(figures(results))).append('\n');
        out.append(text(targets(results))).append('\n');
        out.append(text(runCommand(results)));
        return out.toString();
    }

    /** The same as Markdown. */
    static String markdown(Map<String, Object> results) {
        StringBuilder out = new StringBuilder(heading(results)).append("\n\n");
        out.append(markdownTable(figures(results))).append('\n');
        out.append("Targets (2 cores):\n\n").append(markdownTable(targets(results))).append('\n');
        out.append("Run command, ").append(String.valueOf(Targets.value(results, "runCommand.command")))
                .append(":\n\n").append(markdownTable(runCommand(results)));
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static String heading(Map<String, Object> results) {
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        Map<String, Object> settings = (Map<String, Object>) results.get("settings");
        Object load = machine.get("loadAverageAtStart");
        Object cores = machine.get("cores");
        String busy = load instanceof Number l && cores instanceof Number c && l.doubleValue() > c.doubleValue()
                ? ". Other work kept the machine busy (load average above the core count before the benchmark "
                + "started anything): the absolute figures are low, the ratios within the run are the ones to read"
                : "";
        return String.format("%s, %s cores, JDK %s, %s; load average %s at the start, %s at the end; commit %s; "
                        + "median of %s run(s) per figure; N = %s accounts; %s; %s wall time (build included)",
                machine.get("date"), machine.get("cores"), machine.get("jdk"), machine.get("wrk"),
                cell(machine.get("loadAverageAtStart")), cell(machine.get("loadAverageAtEnd")),
                machine.get("commit"), settings.get("runs"), settings.get("mails"), settings.get("rateLimits"),
                cell(machine.get("wallMinutes")) + " min") + busy;
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> figures(Map<String, Object> results) {
        Map<String, Object> databases = (Map<String, Object>) results.get("databases");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("figure"));
        header.addAll(databases.keySet());
        rows.add(header);
        for (Row row : FIGURES) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            for (Object figures : databases.values()) {
                List<String> values = new ArrayList<>();
                for (String path : row.paths()) {
                    values.add(cell(Targets.value((Map<String, Object>) figures, path)));
                }
                cells.add(String.join(" / ", values));
            }
            rows.add(cells);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> targets(Map<String, Object> results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("target", "limit", "where", "value", "met?"));
        for (Map<String, Object> check : (List<Map<String, Object>>) results.get("targets")) {
            rows.add(List.of(String.valueOf(check.get("target")), String.valueOf(check.get("limit")),
                    String.valueOf(check.get("database")), cell(check.get("value")), String.valueOf(check.get("by"))));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> runCommand(Map<String, Object> results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("run command process", "pid", "VmRSS MiB", "Pss MiB"));
        Object processes = Targets.value(results, "runCommand.processes");
        if (processes instanceof List<?> list) {
            for (Object entry : list) {
                Map<String, Object> process = (Map<String, Object>) entry;
                rows.add(List.of(String.valueOf(process.get("role")), String.valueOf(process.get("pid")),
                        cell(process.get("rssMb")), cell(process.get("pssMb"))));
            }
        }
        rows.add(List.of("total", "", cell(Targets.value(results, "runCommand.totalRssMb")),
                cell(Targets.value(results, "runCommand.totalPssMb"))));
        rows.add(List.of("launch -> first accepted POST s", "",
                cell(Targets.value(results, "runCommand.launchToFirstAcceptedSeconds")), ""));
        rows.add(List.of("left running after its stop", "",
                cell(Targets.value(results, "runCommand.leftRunningAfterStop")), ""));
        return rows;
    }

    /** A figure as printed: 3 significant digits or so; maps as key: value lists; nothing as "–". */
    static String cell(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Number number) {
            return number(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((key, inner) -> parts.add(key + ": " + cell(inner)));
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : list.toString();
        }
        return value.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
        }
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String text(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(String.format("%-" + widths[c] + "s", row.get(c))).append(c + 1 < columns ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String markdownTable(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ").append(String.join(" | ", rows.get(r).stream()
                    .map(cell -> cell.replace("|", "\\|")).toList())).append(" |\n");
            if (r == 0) {
                out.append("|").append("---|".repeat(rows.get(0).size())).append('\n');
            }
        }
        return out.toString();
    }
}
