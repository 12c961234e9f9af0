package org.example.forgotpassword.devstack;

import java.nio.file.Path;

/** The java executable of the running JVM, so every process of the stack runs on the same JDK. */
final class JavaCommand {

    private JavaCommand() {
    }

    static String current() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static String home() {
        return System.getProperty("java.home");
    }
}
