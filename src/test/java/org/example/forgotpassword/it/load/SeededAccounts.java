package org.example.forgotpassword.it.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

import org.example.forgotpassword.devstack.Database;
import org.example.forgotpassword.it.ApiClient;

/**
 * Many accounts, fast. Creating one through the API costs a PBKDF2 hash (about 150 ms); the first is created
 * that way and the others are copies of it made in SQL, with the same password hash.
 */
public final class SeededAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private SeededAccounts() {
    }

    /** @return {@code count} addresses with an account: {@code <prefix>-<i>@example.com} */
    public static List<String> seed(ApiClient api, Database database, String prefix, int count) {
        String template = prefix + "-template@example.com";
        ApiClient.Reply created = api.createAccount(template, PASSWORD, "en");
        if (created.status() != 201) {
            throw new IllegalStateException("Cannot create " + template + ": " + created.body());
        }
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO account (id, email, password_hash, locale, password_changed_at, created_at)
                     SELECT nextval('account_seq'), ? || '-' || n || '@example.com', password_hash, locale,
                            password_changed_at, created_at
                     FROM account, generate_series(1, ?) AS n WHERE email = ?""")) {
            insert.setString(1, prefix);
            insert.setInt(2, count);
            insert.setString(3, template);
            if (insert.executeUpdate() != count) {
                throw new IllegalStateException("Seeding " + count + " accounts failed");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed accounts", e);
        }
        return IntStream.rangeClosed(1, count).mapToObj(n -> prefix + "-" + n + "@example.com").toList();
    }
}
