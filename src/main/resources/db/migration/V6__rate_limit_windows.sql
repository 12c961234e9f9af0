-- The rate limits' fixed windows, shared by every instance so that a limit holds across instances and restarts
-- (docs/adr/0005). The key is the limit's name and the SHA-256 of its subject (address, client address, token
-- hash), never the subject itself; the window's end is in epoch milliseconds. Ended windows are deleted by a sweep.
CREATE TABLE rate_limit_window (
    window_key VARCHAR(100) NOT NULL PRIMARY KEY,
    window_end BIGINT       NOT NULL,
    hits       INTEGER      NOT NULL
);
CREATE INDEX rate_limit_window_end ON rate_limit_window (window_end);
