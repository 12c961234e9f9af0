package org.example.forgotpassword.platform.boundary;

import java.util.Set;

/**
 * The JSON POSTs of the HTTP contract, the only requests a front end on another origin may make. Listed here
 * because a preflight is answered before any resource is matched.
 */
final class CrossOriginEndpoints {

    private static final Set<String> PATHS = Set.of("password/forgot", "password/reset", "accounts", "login");

    private CrossOriginEndpoints() {
    }

    /** @param path the request's, relative to the application; with or without slashes around it */
    static boolean includes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return PATHS.contains(path.substring(start, end));
    }
}
