-- Mails that follow a database change (the "password changed" notice): written in that change's own transaction,
-- sent after its commit and deleted once the SMTP server has accepted them. A row whose next_attempt_at has passed
-- is sent by the sweeper: after a crash, a failed attempt, or on another instance.
CREATE TABLE mail_outbox (
    id              VARCHAR(36)              NOT NULL PRIMARY KEY,
    recipient       VARCHAR(254)             NOT NULL,
    subject         VARCHAR(500)             NOT NULL,
    text_body       VARCHAR(16000)           NOT NULL,
    html_body       VARCHAR(16000)           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);

-- No transaction spans two resources any more (docs/adr/0001): the transaction manager's log goes.
DROP TABLE IF EXISTS txn_log_table;
