package org.example.forgotpassword.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the tests of the service from outside share: the WAR the build ships, deployed by Arquillian as it is (not
 * testable: the test runs in its own JVM and talks HTTP, and every such class shares one server, see
 * {@code LaunchScriptContainer}), its base URL, a client of it with a client address of its own, and the suite's
 * servers. A test class extends this and states only what it tests.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ShippedWarFixture {

    /** The password of the accounts {@link #account} creates. */
    protected static final String PASSWORD = "correct horse battery staple";

    /** How long a test waits for a mail of the service. */
    protected static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @ArquillianResource
    protected URL base;

    protected ApiClient api;
    protected IntegrationServices.Running services;

    @Deployment(testable = false)
    public static WebArchive shippedWar() {
        return ShippedWar.archive();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(base.toString());
        services = IntegrationServices.current();
    }

    /** An address no test has used yet: {@code name-1a2b3c4d@example.com}. */
    protected static String uniqueAddress(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A new address with an account ({@link #PASSWORD}; {@code locale} null: none given). Only those get mail. */
    protected String account(String name, String locale) {
        String address = uniqueAddress(name);
        assertThat(api.createAccount(address, PASSWORD, locale).status()).isEqualTo(201);
        return address;
    }
}
