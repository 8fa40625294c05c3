-- Identity: accounts, roles, one-time tokens, personal access tokens, ban history.

CREATE TABLE account (
    id                UUID         NOT NULL PRIMARY KEY,
    email             VARCHAR(254) NOT NULL,
    email_verified_at TIMESTAMP WITH TIME ZONE,
    password_hash     VARCHAR(255) NOT NULL,
    display_name      VARCHAR(60)  NOT NULL,
    handle            VARCHAR(32)  NOT NULL,
    bio               VARCHAR(2000),
    links             VARCHAR(2000),
    time_zone         VARCHAR(64)  NOT NULL,
    language          VARCHAR(16)  NOT NULL,
    avatar_key        VARCHAR(200),
    status            VARCHAR(16)  NOT NULL,
    banned_until      TIMESTAMP WITH TIME ZONE,
    ban_reason        VARCHAR(500),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT       NOT NULL,
    CONSTRAINT account_status_chk CHECK (status IN ('ACTIVE', 'BANNED'))
);
CREATE UNIQUE INDEX account_email_uk ON account (email);
CREATE UNIQUE INDEX account_handle_uk ON account (handle);
-- keyset paging of the owner's user list (newest first)
CREATE INDEX account_created_idx ON account (created_at, id);

CREATE TABLE account_role (
    account_id UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT account_role_chk CHECK (role IN ('MEMBER', 'EXPERT', 'VOLUNTEER', 'MODERATOR', 'OWNER'))
);
CREATE INDEX account_role_role_idx ON account_role (role, account_id);

-- One-time tokens (email verification, password reset, email change). Only a SHA-256 of the token is kept.
CREATE TABLE account_token (
    id         UUID         NOT NULL PRIMARY KEY,
    account_id UUID         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    VARCHAR(24)  NOT NULL,
    token_hash VARCHAR(64)  NOT NULL,
    new_email  VARCHAR(254),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT account_token_purpose_chk CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'))
);
CREATE UNIQUE INDEX account_token_hash_uk ON account_token (token_hash);
CREATE INDEX account_token_account_idx ON account_token (account_id, purpose);

-- Personal access tokens for API clients. Only a SHA-256 of the secret is kept.
CREATE TABLE access_token (
    id           UUID         NOT NULL PRIMARY KEY,
    account_id   UUID         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         VARCHAR(60)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    token_hint   VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX access_token_hash_uk ON access_token (token_hash);
CREATE INDEX access_token_account_idx ON access_token (account_id, created_at);

CREATE TABLE account_ban (
    id         UUID         NOT NULL PRIMARY KEY,
    account_id UUID         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    reason     VARCHAR(500) NOT NULL,
    until      TIMESTAMP WITH TIME ZONE,
    banned_by  UUID         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_at  TIMESTAMP WITH TIME ZONE,
    lifted_by  UUID
);
CREATE INDEX account_ban_account_idx ON account_ban (account_id, created_at);
