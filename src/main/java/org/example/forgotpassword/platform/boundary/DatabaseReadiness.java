package org.example.forgotpassword.platform.boundary;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the database does not answer: no reset could be completed and no token issued. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    // the reference DatabaseMigration declares; by name alone WildFly gives a CDI bean its default data source
    @Resource(lookup = "java:comp/env/jdbc/ForgotPassword")
    DataSource dataSource;

    /**
     * Created, and its data source injected, while the application deploys: WildFly calls health checks on a
     * management thread, where the application's {@code java:comp} names cannot be looked up.
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating the bean injected the data source
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS) ? HealthCheckResponse.up("database")
                    : HealthCheckResponse.down("database");
        } catch (SQLException | RuntimeException unreachable) {
            return HealthCheckResponse.named("database").down()
                    .withData("error", unreachable.getClass().getSimpleName()).build();
        }
    }
}
