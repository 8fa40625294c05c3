-- Every e-mail the application writes is stored here first (transactional outbox). A dispatcher
-- sends it over SMTP when SMTP is configured, with retries and backoff; otherwise it stays here
-- and the owner reads it at /admin/mail. Nothing is silently dropped.

CREATE TABLE mail_message (
    id              UUID          NOT NULL PRIMARY KEY,
    dedup_key       VARCHAR(200)  NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body_text       VARCHAR(20000) NOT NULL,
    body_html       VARCHAR(60000) NOT NULL,
    locale          VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mail_status_chk CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'HELD'))
);
CREATE UNIQUE INDEX mail_message_dedup_uk ON mail_message (dedup_key);
CREATE INDEX mail_message_created_idx ON mail_message (created_at, id);
CREATE INDEX mail_message_due_idx ON mail_message (status, next_attempt_at);
CREATE INDEX mail_message_recipient_idx ON mail_message (recipient, created_at);
