package org.example.forgotpassword.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The service's database as an operator names it ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}). */
public record Database(String jdbcUrl, String user, String password) {

    /** A connection of the test's own, to seed or inspect what the service stores. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
