-- Payara's transaction manager records here, in the database's own transaction, that a transaction spanning the
-- broker and this database has committed (server-config/payara/pre-boot-commands.asadmin, db-logging-resource):
-- the record commits exactly when the database's work does, so after a crash the instance knows for certain which of
-- its branches prepared on the broker to commit and which to roll back. One marker row per instance (localtid 0).
-- The layout is Payara's (its own CREATE uses a type PostgreSQL lacks); WildFly does not use the table.
CREATE TABLE IF NOT EXISTS txn_log_table (
    localtid     VARCHAR(20),
    servername   VARCHAR(150),
    instancename VARCHAR(150),
    gtrid        BYTEA
);
