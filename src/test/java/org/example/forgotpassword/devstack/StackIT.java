package org.example.forgotpassword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the stack does with the servers it had started when a later one cannot start. */
class StackIT {

    @Test
    void aStartThatFailsHalfWayStopsWhatItHadStarted() throws IOException {
        StackLayout layout = StackLayout.fromSystemProperties();
        List<Integer> started = List.of(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            Stack.Builder stack = Stack.builder(layout, layout.buildDir().resolve("it-stack")).emptyWorkDir()
                    .broker(started.get(0), started.get(1))
                    .greenMail(started.get(2), started.get(3), started.get(4))
                    .relay(taken.getLocalPort());

            assertThatThrownBy(stack::start).as("a relay on a port in use").isInstanceOf(RuntimeException.class);
        }

        assertThat(started).as("ports of the broker and GreenMail, started before the relay")
                .noneMatch(Ports::listening);
    }
}
