package org.example.forgotpassword.platform.control;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the newest version (the SQL files under {@code db/migration}) when the application is
 * deployed, before it takes requests, and only when the settings check let the deployment go on. Several instances
 * starting at once are safe: Flyway locks its history table.
 * Flyway manages its own transactions, so the container's stay out of it.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(name = "jdbc/ForgotPassword")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        // V3 (the transaction manager's log, dropped again by V5) is deleted: databases that applied it still
        // validate ("missing" = applied here, no longer among the files).
        var result = Flyway.configure().dataSource(dataSource).ignoreMigrationPatterns("*:missing").load().migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migration(s) applied now)");
    }
}
