package org.example.forgotpassword.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The results as a table: one column per database, medians of the runs, with the targets of the issue. */
final class Report {

    private record Row(String label, String section, String key, String target) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("accept: ceiling endpoint req/s", "accept", "ceilingPerSecond", ""),
            new Row("accept: ceiling p50 / p99 ms", "accept", "ceilingP50Ms|ceilingP99Ms", ""),
            new Row("accept: POST /password/forgot/ req/s", "accept", "forgotPerSecond", ""),
            new Row("accept: forgot p50 / p99 ms", "accept", "forgotP50Ms|forgotP99Ms", "p99 < 20"),
            new Row("accept: ratio forgot / ceiling", "accept", "ratio", ">= 0.50"),
            new Row("mail: SMTP sink ceiling mails/s", "mail", "sinkCeilingPerSecond", ""),
            new Row("mail: end-to-end mails/s", "mail", "mailsPerSecond", ""),
            new Row("mail: ratio end-to-end / sink", "mail", "ratio", ">= 0.60"),
            new Row("mail: s until the sink held all N", "mail", "secondsToAllMails", ""),
            new Row("mail: s to get all N accepted", "mail", "secondsToAcceptAll", ""),
            new Row("mail: SMTP connections for N mails", "mail", "smtpConnections", ""),
            new Row("latency: steady rate req/s", "latency", "requestsPerSecond", ""),
            new Row("latency: request -> mail p50 / p99 ms", "latency", "requestToMailP50Ms|requestToMailP99Ms",
                    "p50 < 50"),
            new Row("footprint: Payara Micro RSS MB", "footprint", "payaraRssMb", ""),
            new Row("footprint: broker RSS MB", "footprint", "brokerRssMb", ""),
            new Row("footprint: launch -> first POST s", "footprint", "launchToFirstPostSeconds", ""),
            new Row("machine: load average (1 min) after", "footprint", "loadAverageAfter", ""));

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> results) {
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        Map<String, Object> settings = (Map<String, Object>) results.get("settings");
        Map<String, Object> databases = (Map<String, Object>) results.get("databases");
        List<String> names = new ArrayList<>(databases.keySet());
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nBenchmark: %s cores, JDK %s, %s; median of %s runs, N = %s mails, %s connections%n",
                machine.get("cores"), machine.get("jdk"), machine.get("date"), settings.get("runs"),
                settings.get("mails"), settings.get("connections")));
        out.append("Rate limits ").append(settings.get("rateLimits")).append('\n');
        out.append("Server environment ").append(settings.get("serverEnvironment")).append(", broker properties ")
                .append(settings.get("brokerProperties")).append("; load average at the start ")
                .append(machine.get("loadAverageAtStart")).append('\n');
        String format = "%-40s" + " %16s".repeat(names.size()) + "  %s%n";
        List<Object> header = new ArrayList<>(List.of(""));
        header.addAll(names);
        header.add("target");
        out.append(String.format(format, header.toArray()));
        for (Row row : ROWS) {
            List<Object> cells = new ArrayList<>(List.of(row.label()));
            for (String name : names) {
                Map<String, Object> section = (Map<String, Object>) ((Map<String, Object>) databases.get(name))
                        .get(row.section());
                List<String> values = new ArrayList<>();
                for (String key : row.key().split("\\|")) {
                    values.add(String.valueOf(section.get(key)));
                }
                cells.add(String.join(" / ", values));
            }
            cells.add(row.target());
            out.append(String.format(format, cells.toArray()));
        }
        return out.toString();
    }
}
