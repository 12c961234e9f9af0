-- Every message this service moved to the dead-letter queue, with the reason: the history stays when operators
-- retry or purge the queue in the broker console. Written in the transaction that moves the message.
CREATE TABLE dead_letter (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    message_id       VARCHAR(128)             NOT NULL,
    original_queue   VARCHAR(128)             NOT NULL,
    reason           VARCHAR(500)             NOT NULL,
    dead_lettered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dead_letter_by_time ON dead_letter (dead_lettered_at);
