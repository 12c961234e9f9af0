package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.IntegrationServices;
import org.example.forgotpassword.it.OpsMetrics;
import org.example.forgotpassword.it.ShippedWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP reply never waits for SMTP: with the mail server hung, requests are still answered at once. */
@ExtendWith(ArquillianExtension.class)
class StalledMailServerIT {

    static final Duration FAST_REPLY = Duration.ofSeconds(2);
    static final Duration STALL = Duration.ofSeconds(6);
    static final String REQUESTS = "password-reset-requests";

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return ShippedWar.archive();
    }

    @ArquillianResource
    URL base;

    @Test
    void replyDoesNotWaitForAStalledMailServerAndTheMailFollowsOnceItAnswers() throws InterruptedException {
        IntegrationServices.Running services = IntegrationServices.current();
        ApiClient api = new ApiClient(base.toString());
        String warmUp = address("warm-up");
        String address = address("stalled");
        assertThat(api.createAccount(warmUp, "correct horse battery staple", "en").status()).isEqualTo(201);
        assertThat(api.createAccount(address, "correct horse battery staple", "en").status()).isEqualTo(201);
        assertThat(api.forgot(warmUp).status()).isEqualTo(200);
        services.inbox().await(warmUp, 1, Duration.ofSeconds(30));

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
        assertThat(services.inbox().await(address, 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void queueDepthInTheMetricsShowsTheRequestWaitingForAStalledServerAndFallsOnceItIsMailed()
            throws InterruptedException {
        IntegrationServices.Running services = IntegrationServices.current();
        ApiClient api = new ApiClient(base.toString());
        OpsMetrics metrics = new OpsMetrics(api);
        String address = address("depth");
        assertThat(api.createAccount(address, "correct horse battery staple", "en").status()).isEqualTo(201);
        long before = metrics.awaitQueueMessages(REQUESTS, "a value", depth -> true, Duration.ofSeconds(30));

        services.smtpRelay().stall();
        try {
            assertThat(api.forgot(address).status()).isEqualTo(200);

            metrics.awaitQueueMessages(REQUESTS, "more than " + before + " while SMTP is hung",
                    depth -> depth > before, Duration.ofSeconds(30));
        } finally {
            services.smtpRelay().resume();
        }
        assertThat(services.inbox().await(address, 1, Duration.ofSeconds(30))).hasSize(1);
        metrics.awaitQueueMessages(REQUESTS, "back to " + before + " or less once the mail is sent",
                depth -> depth <= before, Duration.ofSeconds(30));
    }

    private static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
