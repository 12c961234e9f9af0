package org.example.forgotpassword.platform.control;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;

/**
 * One task run at a fixed delay on the container's managed scheduler (its threads see the application's CDI,
 * configuration and JPA), from {@link #start} until the bean that owns it is destroyed with the application.
 */
@Dependent
public class PeriodicTask {

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> running;

    /** Runs {@code task} every {@code interval}, the first time one interval from now. */
    public void start(Duration interval, Runnable task) {
        long millis = interval.toMillis();
        running = scheduler.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (running != null) {
            running.cancel(false);
        }
    }
}
