package org.example.forgotpassword.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.platform.entity.RateLimit;

/**
 * Fixed windows in the shared database (table {@code rate_limit_window}, docs/adr/0005), so that a limit holds
 * across instances and restarts. Each statement is atomic on its own in auto-commit: the update counts a request
 * only while the window has room (or has ended), the insert opens a window only where none is, and a unique-key
 * violation (two instances opening the same window) is answered by counting again. No transaction of the caller
 * takes part, and no statement waits longer than {@code rate-limit.database.timeout} for the database's answer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class SharedWindows {

    static final String COUNT_IN_WINDOW = "UPDATE rate_limit_window"
            + " SET hits = CASE WHEN window_end <= ? THEN 1 ELSE hits + 1 END,"
            + " window_end = CASE WHEN window_end <= ? THEN ? ELSE window_end END"
            + " WHERE window_key = ? AND (window_end <= ? OR hits < ?)";
    static final String OPEN_WINDOW = "INSERT INTO rate_limit_window (window_key, window_end, hits)"
            + " SELECT CAST(? AS VARCHAR(100)), CAST(? AS BIGINT), 1"
            + " WHERE NOT EXISTS (SELECT 1 FROM rate_limit_window WHERE window_key = ?)";
    static final String WINDOW = "SELECT window_end, hits FROM rate_limit_window WHERE window_key = ?";
    static final String DELETE_ENDED = "DELETE FROM rate_limit_window WHERE window_end <= ?";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CONNECTION_EXCEPTION = "08";
    private static final int ATTEMPTS = 3;
    private static final Executor UNUSED = Runnable::run;

    // the reference DatabaseMigration declares; by name alone WildFly gives a CDI bean its default data source
    @Resource(lookup = "java:comp/env/jdbc/ForgotPassword")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "rate-limit.database.timeout")
    Duration timeout;

    /** A request's window: its key and its limit. */
    record Window(String key, RateLimit limit) {
    }

    /** Counts one request for {@code key} at {@code now} (epoch milliseconds), within {@code limit} or not. */
    public WindowCount count(String key, RateLimit limit, long now) throws SQLException {
        return count(List.of(new Window(key, limit)), now).get(0);
    }

    /**
     * Counts one request in each window in turn, up to the first that is full, over one connection (one visit to
     * the pool for all the limits of a request).
     *
     * @return a count per window counted: all within their limits but perhaps the last
     */
    public List<WindowCount> count(List<Window> windows, long now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int networkTimeout = boundNetworkWaits(connection);
            try {
                List<WindowCount> counted = new ArrayList<>(windows.size());
                for (Window window : windows) {
                    WindowCount count = count(connection, window.key(), window.limit(), now,
                            now + window.limit().window().toMillis());
                    counted.add(count);
                    if (!count.withinLimit()) {
                        break;
                    }
                }
                restoreNetworkTimeout(connection, networkTimeout);
                return counted;
            } catch (SQLException failed) {
                // a lost connection (it timed out, say) has nothing to put back: the pool discards it
                if (failed.getSQLState() == null || !failed.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                    try {
                        restoreNetworkTimeout(connection, networkTimeout);
                    } catch (SQLException alsoFailed) {
                        failed.addSuppressed(alsoFailed);
                    }
                }
                throw failed;
            }
        }
    }

    private WindowCount count(Connection connection, String key, RateLimit limit, long now, long end)
            throws SQLException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (countInWindow(connection, key, limit, now, end) || openWindow(connection, key, end)) {
                return WindowCount.WITHIN_LIMIT;
            }
            Long fullUntil = fullWindowEnd(connection, key, limit, now);
            if (fullUntil != null) {
                return WindowCount.fullUntil(fullUntil);
            }
            // the window ended, or was swept, between the statements: count again
        }
        throw new SQLException("A rate-limit window changed under each of " + ATTEMPTS + " attempts", "40001");
    }

    /** Deletes the windows that have ended by {@code now}; @return how many */
    public int deleteEnded(long now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE_ENDED)) {
            autoCommit(connection);
            delete.setLong(1, now);
            return delete.executeUpdate();
        }
    }

    private boolean countInWindow(Connection connection, String key, RateLimit limit, long now, long end)
            throws SQLException {
        try (PreparedStatement update = prepare(connection, COUNT_IN_WINDOW)) {
            update.setLong(1, now);
            update.setLong(2, now);
            update.setLong(3, end);
            update.setString(4, key);
            update.setLong(5, now);
            update.setInt(6, limit.requests());
            return update.executeUpdate() == 1;
        }
    }

    private boolean openWindow(Connection connection, String key, long end) throws SQLException {
        try (PreparedStatement insert = prepare(connection, OPEN_WINDOW)) {
            insert.setString(1, key);
            insert.setLong(2, end);
            insert.setString(3, key);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // another instance opened it just now: count again
            }
            throw e;
        }
    }

    /** @return the end of the window when it is running and full, else {@code null} */
    private Long fullWindowEnd(Connection connection, String key, RateLimit limit, long now) throws SQLException {
        try (PreparedStatement select = prepare(connection, WINDOW)) {
            select.setString(1, key);
            try (ResultSet window = select.executeQuery()) {
                if (window.next() && window.getLong(1) > now && window.getInt(2) >= limit.requests()) {
                    return window.getLong(1);
                }
                return null;
            }
        }
    }

    /** The query timeout is the backstop for a driver without a network timeout, so it is one second longer. */
    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout((int) ((timeout.toMillis() + 999) / 1000) + 1);
        return statement;
    }

    /**
     * A statement waits for the database's answer at most the timeout, whether the database is slow or silent (a
     * stopped host, a lost network): the connection's network timeout, which the pool's connection gets back after.
     * Not a query timeout: PostgreSQL's driver cancels a query through a second connection and, the database being
     * silent, waits for that one too (10 s).
     */
    private int boundNetworkWaits(Connection connection) throws SQLException {
        autoCommit(connection);
        try {
            int previous = connection.getNetworkTimeout();
            connection.setNetworkTimeout(UNUSED, (int) timeout.toMillis());
            return previous;
        } catch (SQLFeatureNotSupportedException notSupported) {
            return -1;
        }
    }

    private static void restoreNetworkTimeout(Connection connection, int previous) throws SQLException {
        if (previous >= 0) {
            connection.setNetworkTimeout(UNUSED, previous);
        }
    }

    private static void autoCommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
    }
}
