package org.example.forgotpassword.platform.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.example.forgotpassword.devstack.Ports;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real H2 database (in memory, the version Payara Micro ships) with the application's migrations applied, for
 * the rate limiter's unit tests; and one that cannot be reached (nothing listens where it points).
 */
final class WindowsDatabase {

    final JdbcDataSource dataSource = dataSource("jdbc:h2:mem:windows-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
            + ";LOCK_TIMEOUT=10000");

    WindowsDatabase() {
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    /** A PostgreSQL server's address where none listens: refused at once (H2's client retries for a second). */
    static DataSource unreachable() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + Ports.free() + "/forgot");
        nowhere.setUser("forgot");
        nowhere.setPassword("forgot");
        return nowhere;
    }

    SharedWindows windows() {
        return windows(dataSource);
    }

    static SharedWindows windows(DataSource dataSource) {
        SharedWindows windows = new SharedWindows();
        windows.dataSource = dataSource;
        windows.timeout = Duration.ofSeconds(1);
        return windows;
    }

    List<String> keys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT window_key FROM rate_limit_window ORDER BY window_key")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    void shutDown() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("forgot");
        dataSource.setPassword("forgot");
        return dataSource;
    }
}
