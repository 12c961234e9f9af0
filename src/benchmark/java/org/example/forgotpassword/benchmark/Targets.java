package org.example.forgotpassword.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets on 2 cores, checked against the figures of a results map (as written to results.json):
 * for each, per database (the run command's memory once), the value, met or missed, and by how much.
 */
final class Targets {

    /** A target: the figure at {@code path} (section.key, in a database's results or at the top) against a limit. */
    record Target(String label, boolean perDatabase, String path, boolean atLeast, boolean strict, double limit,
                  String unit) {

        String text() {
            return (atLeast ? (strict ? "> " : "≥ ") : (strict ? "< " : "≤ ")) + withUnit(limit);
        }

        private String withUnit(double value) {
            return Report.number(value) + (unit.isEmpty() ? "" : " " + unit);
        }

        /** The check of one value: met, and the margin (negative: the shortfall) absolute and relative. */
        Map<String, Object> check(Object value) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("target", label);
            check.put("limit", text());
            double v = value instanceof Number number ? number.doubleValue() : Double.NaN;
            check.put("value", v);
            if (Double.isNaN(v)) {
                check.put("met", false);
                check.put("by", "not measured");
                return check;
            }
            double margin = atLeast ? v - limit : limit - v;
            boolean met = strict ? margin > 0 : margin >= 0;
            check.put("met", met);
            check.put("by", (met ? "met by " : "missed by ") + withUnit(Math.abs(margin)) + " ("
                    + Report.number(Math.abs(margin) / limit * 100) + " %)");
            return check;
        }
    }

    static final List<Target> ALL = List.of(
            new Target("accept: POST /password/forgot/ at 32 connections", true, "accept.forgotPerSecond", true,
                    false, 5_800, "req/s"),
            new Target("accept: forgot p99 at 32 connections", true, "accept.forgotP99Ms", false, true, 20, "ms"),
            new Target("end to end: mails/s for N accounts, 32 clients", true, "mail.mailsPerSecond", true, false,
                    950, "mails/s"),
            new Target("end to end: share of the SMTP sink's ceiling", true, "mail.ratio", true, false, 0.60, ""),
            new Target("sequential forgot p50 (one client)", true, "sequential.forgotP50Ms", false, true, 3, "ms"),
            new Target("request → mail p50 at a moderate rate", true, "latency.requestToMailP50Ms", false, true, 25,
                    "ms"),
            new Target("run command: whole stack resident (VmRSS sum, 1 GB = 1024 MiB)", false,
                    "runCommand.totalRssMb", false, false, 1024, "MiB"));

    private Targets() {
    }

    /** One entry per target and database (the run command's once, database "stack"). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> evaluate(Map<String, Object> results) {
        List<Map<String, Object>> checks = new ArrayList<>();
        Map<String, Object> databases = (Map<String, Object>) results.getOrDefault("databases", Map.of());
        for (Target target : ALL) {
            if (target.perDatabase()) {
                databases.forEach((name, figures) -> {
                    Map<String, Object> check = target.check(value((Map<String, Object>) figures, target.path()));
                    check.put("database", name);
                    checks.add(check);
                });
            } else {
                Map<String, Object> check = target.check(value(results, target.path()));
                check.put("database", "stack");
                checks.add(check);
            }
        }
        return checks;
    }

    @SuppressWarnings("unchecked")
    static Object value(Map<String, Object> figures, String path) {
        Object value = figures;
        for (String key : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = ((Map<String, Object>) map).get(key);
        }
        return value;
    }
}
