package org.example.forgotpassword.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/** Which address a request counts as for rate limits: {@code X-Forwarded-For} only from a trusted proxy. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheConnectionsAddressCountsWhateverTheHeaderSays() {
        assertThat(clientOf(List.of("none"), "203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void aRequestThroughATrustedProxyCountsAsTheAddressTheProxySaw() {
        assertThat(clientOf(List.of("10.0.0.1"), "10.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void theNearestAddressThatIsNotATrustedProxyCountsSoAClientCannotPrependAnother() {
        assertThat(clientOf(List.of("10.0.0.1", "10.0.0.2"), "10.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2"))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void anUntrustedSenderOfTheHeaderCountsAsItself() {
        assertThat(clientOf(List.of("10.0.0.1"), "203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderOrOnlyProxiesInItCountsAsItself() {
        assertThat(clientOf(List.of("10.0.0.1"), "10.0.0.1", null)).isEqualTo("10.0.0.1");
        assertThat(clientOf(List.of("10.0.0.1"), "10.0.0.1", " , 10.0.0.1")).isEqualTo("10.0.0.1");
    }

    private static String clientOf(List<String> trustedProxies, String remoteAddress, String forwardedFor) {
        ClientAddress clientAddress = new ClientAddress();
        clientAddress.trustedProxies = trustedProxies;
        clientAddress.request = request(remoteAddress, forwardedFor);
        clientAddress.parse();
        return clientAddress.get();
    }

    private static HttpServletRequest request(String remoteAddress, String forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remoteAddress;
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) arguments[0]) ? forwardedFor : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
