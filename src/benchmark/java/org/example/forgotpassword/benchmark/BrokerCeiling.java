package org.example.forgotpassword.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker's own durable-send ceiling, measured with the distribution's {@code artemis perf producer}: 32
 * producers, each waiting for the broker's acknowledgement of its persistent send before the next
 * ({@code --max-pending 1}), on a queue of their own that is deleted afterwards.
 *
 * <p>It runs for a duration, not {@code --message-count}: with 32 producers the 2.40 tool left the last sends
 * uncompleted and never exited (seen with 9 600 and 10 000 messages). The figure is the mean of the per-second
 * "completed" rates of its report, without the first second (connections still opening).
 */
final class BrokerCeiling {

    static final String QUEUE = "bench-durable-send";

    private BrokerCeiling() {
    }

    static Map<String, Object> run(Path artemisHome, String url, String user, String password, int seconds,
                                   Path work) throws IOException, InterruptedException {
        Path report = work.resolve("perf-producer.json");
        Files.deleteIfExists(report);
        List<String> command = List.of("bash", artemisHome.resolve("bin/artemis").toString(), "perf", "producer",
                "--persistent", "--max-pending", "1", "--producers", "32", "--threads", "2", "--url", url,
                "--user", user, "--password", password, "--duration", Integer.toString(seconds), "--silent",
                "--json", report.toString(), "queue://" + QUEUE);
        Path log = work.resolve("perf-producer.log");
        artemis(command, log, seconds + 120);
        List<Double> rates = new ArrayList<>();
        long totalCompleted = 0;
        for (Object entry : (List<?>) JsonText.read(Files.readString(report))) {
            Map<?, ?> sample = (Map<?, ?>) entry;
            if ("interval".equals(sample.get("sampleType")) && !Boolean.TRUE.equals(sample.get("warmup"))) {
                rates.add(((Number) sample.get("completed")).doubleValue());
            } else if ("summary".equals(sample.get("sampleType"))) {
                totalCompleted = ((Number) sample.get("totalCompleted")).longValue();
            }
        }
        List<Double> steady = rates.size() > 1 ? rates.subList(1, rates.size()) : rates;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("durableSendsPerSecond", Benchmark.round(steady.stream().mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN)));
        result.put("perSecondRates", steady);
        result.put("messages", totalCompleted);
        result.put("command", String.join(" ", command).replace(password, "…"));
        // 1 KiB messages, tens of thousands of them, no consumer: not left behind in the service's broker
        artemis(List.of("bash", artemisHome.resolve("bin/artemis").toString(), "queue", "delete", "--name", QUEUE,
                "--autoDeleteAddress", "--removeConsumers", "--url", url, "--user", user, "--password", password,
                "--silent"), work.resolve("perf-queue-delete.log"), 120);
        return result;
    }

    private static void artemis(List<String> command, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("artemis did not finish in " + timeoutSeconds + " s: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("artemis failed (" + process.exitValue() + "): " + log);
        }
    }
}
