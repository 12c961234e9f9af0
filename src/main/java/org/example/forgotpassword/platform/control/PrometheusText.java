package org.example.forgotpassword.platform.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.example.forgotpassword.platform.entity.Metric;

/**
 * Writes metrics in the Prometheus text exposition format 0.0.4: one {@code # HELP} and {@code # TYPE} line per
 * name, then its samples.
 */
public final class PrometheusText {

    public static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String format(List<Metric> metrics) {
        Map<String, List<Metric>> byName = new LinkedHashMap<>();
        metrics.stream().sorted(Comparator.comparing(Metric::name))
                .forEach(metric -> byName.computeIfAbsent(metric.name(), name -> new ArrayList<>()).add(metric));
        StringBuilder text = new StringBuilder();
        byName.forEach((name, samples) -> {
            Metric first = samples.get(0);
            text.append("# HELP ").append(name).append(' ').append(escapeHelp(first.help())).append('\n');
            text.append("# TYPE ").append(name).append(' ').append(first.type().name().toLowerCase(Locale.ROOT))
                    .append('\n');
            for (Metric sample : samples) {
                text.append(name).append(labels(sample.labels())).append(' ').append(number(sample.value()))
                        .append('\n');
            }
        });
        return text.toString();
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return new TreeMap<>(labels).entrySet().stream()
                .map(label -> label.getKey() + "=\"" + escapeLabel(label.getValue()) + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String value) {
        return escapeHelp(value).replace("\"", "\\\"");
    }
}
