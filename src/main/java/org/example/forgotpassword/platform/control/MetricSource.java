package org.example.forgotpassword.platform.control;

import java.util.List;

import org.example.forgotpassword.platform.entity.Metric;

/** A bean that contributes samples to the service's metrics ({@code GET /ops/metrics}). */
public interface MetricSource {

    List<Metric> metrics();
}
