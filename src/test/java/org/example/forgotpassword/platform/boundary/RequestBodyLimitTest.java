package org.example.forgotpassword.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.example.forgotpassword.platform.boundary.RequestBodyLimit.BoundedInputStream;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.junit.jupiter.api.Test;

/** The stream that keeps a chunked request body, whose size nobody announced, within the limit. */
class RequestBodyLimitTest {

    private static final int LIMIT = 8;

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) ('a' + i);
        }
        return bytes;
    }

    private static BoundedInputStream bounded(byte[] body) {
        return new BoundedInputStream(new ByteArrayInputStream(body), LIMIT);
    }

    private static void assertPayloadTooLarge(ThrowingCallable read) {
        assertThatThrownBy(read).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void bodyOfExactlyTheLimitCanBeReadByteByByte() throws IOException {
        InputStream in = bounded(bytes(LIMIT));

        for (int i = 0; i < LIMIT; i++) {
            assertThat(in.read()).isEqualTo('a' + i);
        }
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void bodyOfExactlyTheLimitCanBeReadWithArrayReads() throws IOException {
        InputStream in = bounded(bytes(LIMIT));
        byte[] buffer = new byte[64];

        int n = in.read(buffer);

        assertThat(n).isEqualTo(LIMIT);
        assertThat(Arrays.copyOf(buffer, n)).isEqualTo(bytes(LIMIT));
        assertThat(in.read(buffer)).isEqualTo(-1);
    }

    @Test
    void bodyOfExactlyTheLimitCanBeReadWhole() throws IOException {
        assertThat(bounded(bytes(LIMIT)).readAllBytes()).isEqualTo(bytes(LIMIT));
    }

    @Test
    void bodyBelowTheLimitIsPassedThroughUnchanged() throws IOException {
        assertThat(bounded(bytes(3)).readAllBytes()).isEqualTo(bytes(3));
    }

    @Test
    void emptyBodyIsAtItsEndAtOnce() throws IOException {
        InputStream in = bounded(new byte[0]);

        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(new byte[4])).isEqualTo(-1);
    }

    @Test
    void oneByteOverTheLimitFailsASingleByteRead() throws IOException {
        InputStream in = bounded(bytes(LIMIT + 1));
        for (int i = 0; i < LIMIT; i++) {
            in.read();
        }

        assertPayloadTooLarge(in::read);
    }

    @Test
    void oneByteOverTheLimitFailsAnArrayRead() {
        InputStream in = bounded(bytes(LIMIT + 1));

        assertPayloadTooLarge(() -> in.read(new byte[64]));
    }

    @Test
    void oneByteOverTheLimitFailsAnArrayReadWithOffset() throws IOException {
        InputStream in = bounded(bytes(LIMIT + 1));
        byte[] buffer = new byte[64];
        assertThat(in.read(buffer, 10, LIMIT)).isEqualTo(LIMIT);

        assertPayloadTooLarge(() -> in.read(buffer, 0, 1));
    }

    @Test
    void oneByteOverTheLimitFailsReadingTheWholeBody() {
        assertPayloadTooLarge(() -> bounded(bytes(LIMIT + 1)).readAllBytes());
    }

    @Test
    void limitCountsAcrossSingleByteAndArrayReads() throws IOException {
        InputStream in = bounded(bytes(LIMIT + 1));
        in.read();
        in.read();
        assertThat(in.read(new byte[LIMIT - 2])).isEqualTo(LIMIT - 2);

        assertPayloadTooLarge(in::read);
    }

    @Test
    void bodyArrivingInSmallChunksIsCountedInFull() {
        InputStream trickle = new ByteArrayInputStream(bytes(100)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        InputStream in = new BoundedInputStream(trickle, LIMIT);

        assertPayloadTooLarge(in::readAllBytes);
    }

    @Test
    void zeroLimitRefusesTheFirstByte() {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(bytes(1)), 0);

        assertPayloadTooLarge(in::read);
    }
}
