package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.ShippedWarFixture;
import org.example.forgotpassword.it.OpsMetrics;
import org.junit.jupiter.api.Test;

/** The HTTP reply never waits for SMTP: with the mail server hung, requests are still answered at once. */
class StalledMailServerIT extends ShippedWarFixture {

    static final Duration FAST_REPLY = Duration.ofSeconds(2);
    static final Duration STALL = Duration.ofSeconds(6);
    static final String REQUESTS = "password-reset-requests";

    @Test
    void replyDoesNotWaitForAStalledMailServerAndTheMailFollowsOnceItAnswers() throws InterruptedException {
        String warmUp = account("warm-up", "en");
        String address = account("stalled", "en");
        assertThat(api.forgot(warmUp).status()).isEqualTo(200);
        services.inbox().await(warmUp, 1, MAIL_WAIT);

        services.smtpRelay().stall();
        try {
            ApiClient.Reply reply = api.forgot(address);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.code()).isZero();
            assertThat(reply.took()).as("reply time with SMTP hung").isLessThan(FAST_REPLY);
            Thread.sleep(STALL.toMillis());
            assertThat(services.inbox().mailsFor(address)).as("no mail while SMTP is hung").isEmpty();
        } finally {
            services.smtpRelay().resume();
        }
        assertThat(services.inbox().await(address, 1, MAIL_WAIT)).hasSize(1);
    }

    @Test
    void queueDepthInTheMetricsShowsTheRequestWaitingForAStalledServerAndFallsOnceItIsMailed()
            throws InterruptedException {
        OpsMetrics metrics = new OpsMetrics(api);
        String address = account("depth", "en");
        long before = metrics.awaitQueueMessages(REQUESTS, "a value", depth -> true, Duration.ofSeconds(30));

        services.smtpRelay().stall();
        try {
            assertThat(api.forgot(address).status()).isEqualTo(200);

            metrics.awaitQueueMessages(REQUESTS, "more than " + before + " while SMTP is hung",
                    depth -> depth > before, Duration.ofSeconds(30));
        } finally {
            services.smtpRelay().resume();
        }
        assertThat(services.inbox().await(address, 1, MAIL_WAIT)).hasSize(1);
        metrics.awaitQueueMessages(REQUESTS, "back to " + before + " or less once the mail is sent",
                depth -> depth <= before, Duration.ofSeconds(30));
    }
}
