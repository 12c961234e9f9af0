package org.example.forgotpassword.devstack;

import java.time.Duration;

/** The server that runs the WAR in the dev stack: Payara Micro or WildFly, started through its launch.sh. */
public interface ApplicationServer extends AutoCloseable {

    String name();

    String baseUrl();

    long pid();

    Duration bootTime();

    @Override
    void close();
}
