-- Mails the SMTP server has accepted, by their stable id (also their Message-ID): a redelivered outbox message
-- whose mail is listed here is not sent again.
CREATE TABLE sent_mail (
    mail_id  VARCHAR(64)              NOT NULL PRIMARY KEY,
    sent_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
