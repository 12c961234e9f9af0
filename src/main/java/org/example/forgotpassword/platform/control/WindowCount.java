package org.example.forgotpassword.platform.control;

/** What counting one request in its window gave: within the limit, or refused until the window ends. */
record WindowCount(boolean withinLimit, long windowEndMillis) {

    static final WindowCount WITHIN_LIMIT = new WindowCount(true, 0);

    static WindowCount fullUntil(long windowEndMillis) {
        return new WindowCount(false, windowEndMillis);
    }
}
