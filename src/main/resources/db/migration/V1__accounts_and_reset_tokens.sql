-- Accounts and password-reset tokens. Portable SQL for H2 2.x and PostgreSQL.
CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE account (
    id                  BIGINT                   NOT NULL PRIMARY KEY,
    email               VARCHAR(254)             NOT NULL,
    password_hash       VARCHAR(255)             NOT NULL,
    locale              VARCHAR(16)              NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_email_unique UNIQUE (email)
);

CREATE SEQUENCE reset_token_seq START WITH 1 INCREMENT BY 1;

-- Only the SHA-256 of a token is stored: a copy of this table does not let anyone reset a password.
CREATE TABLE reset_token (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    account_id  BIGINT                   NOT NULL REFERENCES account (id),
    token_hash  CHAR(64)                 NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT reset_token_hash_unique UNIQUE (token_hash)
);

CREATE INDEX reset_token_account ON reset_token (account_id);
