package org.example.forgotpassword.reset.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class RequestsInProgressTest {

    final RequestsInProgress inProgress = new RequestsInProgress();

    @Test
    void aSecondDeliveryOfARequestBeingMailedIsRefused() {
        assertThat(inProgress.start("request-1")).isTrue();

        assertThat(inProgress.start("request-1")).isFalse();
    }

    @Test
    void onceTheFirstHasFinishedTheRequestMayBeStartedAgain() {
        inProgress.start("request-1");
        inProgress.finish("request-1");

        assertThat(inProgress.start("request-1")).isTrue();
    }

    @Test
    void otherRequestsAreNotHeldUp() {
        inProgress.start("request-1");

        assertThat(inProgress.start("request-2")).isTrue();
    }

    @Test
    void ofManyDeliveriesOfOneRequestAtOnceExactlyOneMayMailIt() throws Exception {
        int deliveries = 16;
        CountDownLatch ready = new CountDownLatch(deliveries);
        ExecutorService threads = Executors.newFixedThreadPool(deliveries);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                attempts.add(() -> {
                    ready.countDown();
                    ready.await();
                    return inProgress.start("request-1");
                });
            }
            List<Boolean> started = new ArrayList<>();
            for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
                started.add(attempt.get());
            }
            assertThat(started).containsOnlyOnce(true).hasSize(deliveries);
        } finally {
            threads.shutdownNow();
        }
    }
}
