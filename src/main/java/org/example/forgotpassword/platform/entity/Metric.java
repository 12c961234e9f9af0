package org.example.forgotpassword.platform.entity;

import java.util.Map;
import java.util.Objects;

/** One sample of the service's metrics: a counter or gauge with its labels, as the Prometheus text format has it. */
public record Metric(String name, Type type, String help, Map<String, String> labels, double value) {

    public enum Type {
        COUNTER, GAUGE
    }

    public Metric {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(help);
        labels = Map.copyOf(labels);
    }

    public static Metric counter(String name, String help, long value) {
        return new Metric(name, Type.COUNTER, help, Map.of(), value);
    }

    public static Metric counter(String name, String help, Map<String, String> labels, long value) {
        return new Metric(name, Type.COUNTER, help, labels, value);
    }

    public static Metric gauge(String name, String help, Map<String, String> labels, double value) {
        return new Metric(name, Type.GAUGE, help, labels, value);
    }
}
