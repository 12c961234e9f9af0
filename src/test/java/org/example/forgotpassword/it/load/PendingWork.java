package org.example.forgotpassword.it.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

import org.example.forgotpassword.devstack.Database;
import org.example.forgotpassword.it.BrokerProbe;

/**
 * What the service still holds that can become a mail: a reset request on the broker (waiting, in delivery or
 * scheduled for a redelivery) or a row in the database's {@code mail_outbox} (sent after its commit, or by the
 * sweeper once its lease has passed).
 */
public final class PendingWork implements BooleanSupplier {

    private final BrokerProbe broker;
    private final Database database;

    public PendingWork(BrokerProbe broker, Database database) {
        this.broker = broker;
        this.database = database;
    }

    @Override
    public boolean getAsBoolean() {
        return broker.holdsServiceWork() || outboxRows() > 0;
    }

    public long resetRequests() {
        return broker.messageCount(BrokerProbe.RESET_REQUESTS);
    }

    public long outboxRows() {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM mail_outbox")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows of mail_outbox", e);
        }
    }

    /** For a report: what is left, by where it waits. */
    public String describe() {
        return String.format("%d reset requests on the broker (%d in delivery), %d rows in mail_outbox",
                resetRequests(), broker.deliveringCount(BrokerProbe.RESET_REQUESTS), outboxRows());
    }
}
