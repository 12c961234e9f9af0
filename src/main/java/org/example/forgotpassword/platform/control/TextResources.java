package org.example.forgotpassword.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * UTF-8 text files shipped in the application (mail templates, the reset page and its script and style), read once
 * and kept: they do not change while the application runs.
 */
@ApplicationScoped
public class TextResources {

    private final Map<String, String> loaded = new ConcurrentHashMap<>();

    /** @throws IllegalStateException when the file is not in the application */
    public String get(String path) {
        return loaded.computeIfAbsent(path, TextResources::read);
    }

    private static String read(String path) {
        try (InputStream in = TextResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
