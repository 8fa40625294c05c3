-- Memberships: a member's standing in a tier over time. A member holds at most one live
-- membership (TRIALING, ACTIVE, PAST_DUE or CANCELED-until-period-end): live_account_id holds the
-- account id while the membership is live and NULL afterwards, and a unique index on it lets the
-- database, not application code, refuse a second one. (A portable stand-in for a partial unique
-- index, which H2 lacks.)

CREATE TABLE membership (
    id                   UUID        NOT NULL PRIMARY KEY,
    account_id           UUID        NOT NULL,
    tier_id              UUID        NOT NULL REFERENCES tier (id),
    status               VARCHAR(16) NOT NULL,
    billing              VARCHAR(16),
    live_account_id      UUID,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    current_period_end   TIMESTAMP WITH TIME ZONE,
    grace_until          TIMESTAMP WITH TIME ZONE,
    cancel_at_period_end BOOLEAN     NOT NULL DEFAULT FALSE,
    cancel_reason        VARCHAR(40),
    cancel_comment       VARCHAR(1000),
    ended_at             TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT      NOT NULL,
    CONSTRAINT membership_status_chk CHECK (status IN ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED', 'EXPIRED')),
    CONSTRAINT membership_live_chk CHECK (
        (status = 'EXPIRED' AND live_account_id IS NULL)
        OR (status <> 'EXPIRED' AND live_account_id = account_id))
);
CREATE UNIQUE INDEX membership_one_live_uk ON membership (live_account_id);
CREATE INDEX membership_account_idx ON membership (account_id, started_at);
-- the expiry job's scan: live memberships by the instant something happens to them
CREATE INDEX membership_due_idx ON membership (status, current_period_end);
CREATE INDEX membership_grace_idx ON membership (status, grace_until);

-- A free trial is once per person: the primary key refuses a second one, whatever the tier.
CREATE TABLE membership_trial (
    account_id    UUID NOT NULL PRIMARY KEY,
    tier_id       UUID NOT NULL REFERENCES tier (id),
    membership_id UUID NOT NULL REFERENCES membership (id),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
