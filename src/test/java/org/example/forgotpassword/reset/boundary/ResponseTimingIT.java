package org.example.forgotpassword.reset.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.example.forgotpassword.it.ApiClient;
import org.example.forgotpassword.it.ShippedWarFixture;
import org.junit.jupiter.api.Test;

/**
 * The forgot reply must not reveal whether an account exists, not even by its timing. Medians of interleaved
 * requests for known and unknown addresses must be within a tolerance that holds on a noisy 2-core machine and
 * that any real leak (a database lookup under load, a password hash, an SMTP round trip) would exceed.
 */
class ResponseTimingIT extends ShippedWarFixture {

    static final int SAMPLES = 25;
    static final Duration TOLERANCE = Duration.ofMillis(25);

    @Test
    void knownAndUnknownAddressesAreAnsweredInTheSameTime() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < SAMPLES + 5; i++) {
            String address = uniqueAddress("timing");
            // a client each, as for the requests below: more accounts than one client may create in an hour
            assertThat(new ApiClient(base.toString()).createAccount(address, PASSWORD, "en").status()).isEqualTo(201);
            known.add(address);
        }
        List<Long> knownMicros = new ArrayList<>();
        List<Long> unknownMicros = new ArrayList<>();
        for (int i = 0; i < SAMPLES + 5; i++) {
            long forKnown = timeForgot(known.get(i));
            long forUnknown = timeForgot(uniqueAddress("nobody"));
            if (i >= 5) {
                knownMicros.add(forKnown);
                unknownMicros.add(forUnknown);
            }
        }

        long knownMedian = median(knownMicros);
        long unknownMedian = median(unknownMicros);
        System.out.printf("TIMING forgot: median known %.1f ms, unknown %.1f ms (%d samples each)%n",
                knownMedian / 1000.0, unknownMedian / 1000.0, SAMPLES);
        assertThat(Math.abs(knownMedian - unknownMedian)).isLessThan(TOLERANCE.toNanos() / 1000);
    }

    private long timeForgot(String address) {
        ApiClient.Reply reply = new ApiClient(base.toString()).forgot(address);
        assertThat(reply.status()).isEqualTo(200);
        return reply.took().toNanos() / 1000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
