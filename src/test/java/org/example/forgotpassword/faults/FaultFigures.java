package org.example.forgotpassword.faults;

import java.time.Duration;

import org.example.forgotpassword.it.load.DeliveryReport;

/**
 * The line a scenario prints: what became of its accepted requests, what was dead-lettered, and how long the
 * service took to catch up once the fault was over.
 */
record FaultFigures(String scenario, DeliveryReport report, long deadLettered, Duration recovery, String details) {

    String line() {
        return String.format("FAULT %-28s accepted %d, delivered %d, lost %d, duplicates %d, dead-lettered %d,"
                        + " recovery %.1f s%s", scenario + ":", report.accepted(), report.delivered(),
                report.lost(), report.duplicates(), deadLettered, recovery.toMillis() / 1000.0,
                details.isEmpty() ? "" : " (" + details + ")");
    }
}
