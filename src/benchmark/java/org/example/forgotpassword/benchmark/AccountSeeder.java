package org.example.forgotpassword.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.example.forgotpassword.devstack.Database;

/**
 * Puts the benchmark's accounts straight into the service's database: creating them through the API would cost
 * a PBKDF2 hash (about 150 ms) each. They all get the password hash of one account made through the API.
 */
final class AccountSeeder {

    private AccountSeeder() {
    }

    /** The address of seeded account i. */
    private static final String ADDRESS_PATTERN = "bench-%05d@bench.example";
    /** The form of a forgot request for account i, as a printf pattern (also Lua's string.format, for wrk). */
    static final String FORM_PATTERN = "email=" + ADDRESS_PATTERN.replace("@", "%%40");

    static String address(int i) {
        return String.format(ADDRESS_PATTERN, i);
    }

    static void seed(Database database, String template, int count) throws SQLException {
        try (Connection db = database.connect()) {
            String hash;
            long firstId;
            try (PreparedStatement query = db.prepareStatement("SELECT password_hash FROM account WHERE email = ?")) {
                query.setString(1, template);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the account made through the API is not in the database");
                    }
                    hash = row.getString(1);
                }
            }
            try (PreparedStatement query = db.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM account");
                 ResultSet row = query.executeQuery()) {
                row.next();
                // far above what the sequence hands out during the run (the benchmark makes no more accounts)
                firstId = row.getLong(1) + 1_000_000;
            }
            db.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO account (id, email, password_hash, "
                    + "locale, password_changed_at, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, firstId + i);
                    insert.setString(2, address(i));
                    insert.setString(3, hash);
                    insert.setString(4, "en");
                    insert.setObject(5, now);
                    insert.setObject(6, now);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }
}
