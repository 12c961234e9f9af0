package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.example.forgotpassword.platform.entity.RateLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database's count against a real H2: atomic under concurrency, swept when ended, failing fast when away. */
class SharedWindowsTest {

    static final RateLimit THREE_PER_QUARTER = new RateLimit(3, Duration.ofMinutes(15));
    static final long NOW = 1_900_000_000_000L;
    static final long QUARTER = Duration.ofMinutes(15).toMillis();

    final WindowsDatabase database = new WindowsDatabase();

    @AfterEach
    void shutDown() throws SQLException {
        database.shutDown();
    }

    @Test
    void manyRequestsAtOnceThroughTwoInstancesGetExactlyTheLimit() throws Exception {
        List<SharedWindows> instances = List.of(database.windows(), database.windows());
        int requests = 40;
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<WindowCount>> counts = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                SharedWindows instance = instances.get(i % 2);
                Callable<WindowCount> request = () -> {
                    start.await();
                    return instance.count("forgot/address:k", THREE_PER_QUARTER, NOW);
                };
                counts.add(threads.submit(request));
            }
            start.countDown();
            int within = 0;
            for (Future<WindowCount> count : counts) {
                WindowCount counted = count.get();
                if (counted.withinLimit()) {
                    within++;
                } else {
                    assertThat(counted.windowEndMillis()).isEqualTo(NOW + QUARTER);
                }
            }
            assertThat(within).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theWindowEndsWhereItStartedPlusTheWindowNotWhereTheLastRequestCame() throws SQLException {
        SharedWindows windows = database.windows();
        windows.count("k", THREE_PER_QUARTER, NOW);
        windows.count("k", THREE_PER_QUARTER, NOW + 60_000);
        windows.count("k", THREE_PER_QUARTER, NOW + 120_000);

        assertThat(windows.count("k", THREE_PER_QUARTER, NOW + QUARTER - 1))
                .isEqualTo(WindowCount.fullUntil(NOW + QUARTER));
        assertThat(windows.count("k", THREE_PER_QUARTER, NOW + QUARTER)).isEqualTo(WindowCount.WITHIN_LIMIT);
    }

    @Test
    void theSweepDeletesEndedWindowsOnly() throws SQLException {
        SharedWindows windows = database.windows();
        windows.count("ended", THREE_PER_QUARTER, NOW - QUARTER);
        windows.count("running", THREE_PER_QUARTER, NOW - 1);

        assertThat(windows.deleteEnded(NOW)).isEqualTo(1);

        assertThat(database.keys()).containsExactly("running");
    }

    @Test
    void anUnreachableDatabaseFailsAtOnce() {
        SharedWindows windows = WindowsDatabase.windows(WindowsDatabase.unreachable());
        long started = System.nanoTime();

        assertThatThrownBy(() -> windows.count("k", THREE_PER_QUARTER, NOW)).isInstanceOf(SQLException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
}
