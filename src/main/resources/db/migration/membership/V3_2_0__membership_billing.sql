-- Paid memberships: what each paid order granted (so a refund can take back exactly that),
-- items bought one by one, downgrades waiting for the period end, reminders sent once.

ALTER TABLE membership ADD COLUMN subscription_ref VARCHAR(255);
ALTER TABLE membership ADD COLUMN subscription_order_id UUID;
ALTER TABLE membership ADD COLUMN pending_tier_id UUID REFERENCES tier (id);
ALTER TABLE membership ADD COLUMN pending_billing VARCHAR(16);
ALTER TABLE membership ADD COLUMN renewals INT NOT NULL DEFAULT 0;

-- One row per paid order that changed a membership; the primary key makes the OrderPaid
-- listener idempotent.
CREATE TABLE membership_grant (
    order_id      UUID        NOT NULL PRIMARY KEY,
    membership_id UUID        NOT NULL REFERENCES membership (id),
    account_id    UUID        NOT NULL,
    tier_id       UUID        NOT NULL REFERENCES tier (id),
    billing       VARCHAR(16) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    period_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    period_end    TIMESTAMP WITH TIME ZONE,
    amount_minor  BIGINT      NOT NULL,
    currency      CHAR(3)     NOT NULL,
    granted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_seconds BIGINT    NOT NULL DEFAULT 0,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT grant_kind_chk CHECK (kind IN ('NEW', 'RENEWAL', 'UPGRADE', 'CONVERSION'))
);
CREATE INDEX membership_grant_membership_idx ON membership_grant (membership_id, granted_at);
CREATE INDEX membership_grant_account_idx ON membership_grant (account_id, granted_at);

-- Items bought one by one (a course, a column, a test item); revoked by a full refund.
CREATE TABLE item_entitlement (
    order_id   UUID         NOT NULL PRIMARY KEY,
    account_id UUID         NOT NULL,
    item_kind  VARCHAR(40)  NOT NULL,
    item_key   VARCHAR(160) NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX item_entitlement_lookup_idx ON item_entitlement (account_id, item_kind, item_key);

-- A reminder (7 days, 1 day, expired, win-back) is sent once per membership period.
CREATE TABLE membership_reminder (
    membership_id UUID        NOT NULL REFERENCES membership (id),
    kind          VARCHAR(16) NOT NULL,
    period_end    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (membership_id, kind, period_end)
);

-- What this module has heard about an order besides its payment: its refunds so far and its
-- subscription id. The row is also the lock that puts an order's listeners (OrderPaid,
-- OrderRefunded, SubscriptionLinked) one after the other, so news heard before the payment's
-- grant is applied when the grant is made.
CREATE TABLE membership_order_refund (
    order_id         UUID   NOT NULL PRIMARY KEY,
    refunded_minor   BIGINT NOT NULL DEFAULT 0,
    total_minor      BIGINT NOT NULL DEFAULT 0,
    subscription_ref VARCHAR(255)
);
