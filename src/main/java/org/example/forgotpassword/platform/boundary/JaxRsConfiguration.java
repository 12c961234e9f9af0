package org.example.forgotpassword.platform.boundary;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API lives at the server root, as the HTTP contract says ({@code /password/forgot/}, ...). */
@ApplicationPath("/")
public class JaxRsConfiguration extends Application {

    /**
     * Jersey (Payara) answers a plain {@code OPTIONS} with a WADL description of the API; without it the answer is
     * the {@code Allow} header alone. RESTEasy (WildFly) ignores the key.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
