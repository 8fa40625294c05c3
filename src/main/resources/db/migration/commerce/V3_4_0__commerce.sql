-- Commerce: orders, their immutable lines, the gateway notification inbox, refunds, coupons,
-- limited-time offers, group buys and the sandbox gateway's own records.
-- Every state change is a conditional UPDATE (… WHERE status = 'PENDING'), and every limit is
-- a counted row changed by one conditional UPDATE plus a unique key per person.

CREATE TABLE commerce_order (
    id               UUID          NOT NULL PRIMARY KEY,
    buyer_id         UUID          NOT NULL,
    item_kind        VARCHAR(40)   NOT NULL,
    item_key         VARCHAR(160)  NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    currency         CHAR(3)       NOT NULL,
    total_minor      BIGINT        NOT NULL,
    refunded_minor   BIGINT        NOT NULL DEFAULT 0,
    status           VARCHAR(24)   NOT NULL,
    gateway          VARCHAR(20)   NOT NULL,
    session_ref      VARCHAR(255),
    redirect_url     VARCHAR(2000),
    payment_ref      VARCHAR(255),
    subscription_ref VARCHAR(255),
    recurring_months INT           NOT NULL DEFAULT 0,
    coupon_id        UUID,
    group_id         UUID,
    renewal_of       UUID,
    idempotency_key  VARCHAR(100)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at          TIMESTAMP WITH TIME ZONE,
    fulfilled_at     TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT order_status_chk CHECK (status IN ('PENDING', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELED', 'EXPIRED')),
    CONSTRAINT order_total_chk CHECK (total_minor >= 0),
    CONSTRAINT order_refunded_chk CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor)
);
-- a double-click (or a retried API call) with the same key finds the first order
CREATE UNIQUE INDEX order_idempotency_uk ON commerce_order (buyer_id, idempotency_key);
-- a renewal invoice makes one renewal order, however often it is delivered
CREATE UNIQUE INDEX order_renewal_uk ON commerce_order (gateway, payment_ref);
CREATE INDEX order_buyer_idx ON commerce_order (buyer_id, created_at, id);
CREATE INDEX order_created_idx ON commerce_order (created_at, id);
CREATE INDEX order_status_idx ON commerce_order (status, created_at);
CREATE INDEX order_group_idx ON commerce_order (group_id);
CREATE INDEX order_subscription_idx ON commerce_order (subscription_ref);

-- The price computation, fixed at creation: list price, adjustments, offer, coupon, total.
CREATE TABLE commerce_order_line (
    order_id     UUID         NOT NULL REFERENCES commerce_order (id),
    position     INT          NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    label        VARCHAR(300) NOT NULL,
    amount_minor BIGINT       NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- Every verified gateway notification, stored in the transaction of its effect. The primary key
-- makes a redelivered notification a no-op.
CREATE TABLE payment_notification (
    gateway      VARCHAR(20)  NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    type         VARCHAR(24)  NOT NULL,
    order_id     UUID,
    amount_minor BIGINT,
    currency     CHAR(3),
    outcome      VARCHAR(40)  NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (gateway, event_id)
);
CREATE INDEX payment_notification_order_idx ON payment_notification (order_id);

-- Refunds have their own life: REQUESTED (key stored, gateway not yet answered) → PENDING
-- (gateway will notify) → SUCCEEDED or FAILED.
CREATE TABLE payment_refund (
    id              UUID          NOT NULL PRIMARY KEY,
    order_id        UUID          NOT NULL REFERENCES commerce_order (id),
    amount_minor    BIGINT        NOT NULL,
    currency        CHAR(3)       NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    automatic       BOOLEAN       NOT NULL DEFAULT FALSE,
    requested_by    UUID,
    idempotency_key VARCHAR(100)  NOT NULL,
    refund_ref      VARCHAR(255),
    message         VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refund_status_chk CHECK (status IN ('REQUESTED', 'PENDING', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT refund_amount_chk CHECK (amount_minor > 0)
);
CREATE UNIQUE INDEX refund_idempotency_uk ON payment_refund (idempotency_key);
CREATE UNIQUE INDEX refund_ref_uk ON payment_refund (order_id, refund_ref);
CREATE INDEX refund_status_idx ON payment_refund (status, created_at);

CREATE TABLE coupon (
    id                  UUID         NOT NULL PRIMARY KEY,
    code                VARCHAR(40)  NOT NULL,
    percent_off         INT,
    amount_off_minor    BIGINT,
    currency            CHAR(3)      NOT NULL,
    scope_kind          VARCHAR(40),
    scope_key           VARCHAR(160),
    starts_at           TIMESTAMP WITH TIME ZONE,
    ends_at             TIMESTAMP WITH TIME ZONE,
    total_limit         INT,
    per_person_limit    INT          NOT NULL DEFAULT 1,
    first_purchase_only BOOLEAN      NOT NULL DEFAULT FALSE,
    reserved_count      INT          NOT NULL DEFAULT 0,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT coupon_kind_chk CHECK ((percent_off IS NULL) <> (amount_off_minor IS NULL)),
    CONSTRAINT coupon_percent_chk CHECK (percent_off IS NULL OR (percent_off > 0 AND percent_off <= 100)),
    CONSTRAINT coupon_amount_chk CHECK (amount_off_minor IS NULL OR amount_off_minor > 0),
    CONSTRAINT coupon_limit_chk CHECK (total_limit IS NULL OR reserved_count <= total_limit),
    CONSTRAINT coupon_reserved_chk CHECK (reserved_count >= 0),
    CONSTRAINT coupon_person_chk CHECK (per_person_limit > 0)
);
CREATE UNIQUE INDEX coupon_code_uk ON coupon (code);
CREATE INDEX coupon_created_idx ON coupon (created_at, id);

-- How many of a coupon's uses one person holds (reserved by a pending or paid order).
CREATE TABLE coupon_holder (
    coupon_id UUID NOT NULL REFERENCES coupon (id),
    account_id UUID NOT NULL,
    held      INT  NOT NULL DEFAULT 0,
    PRIMARY KEY (coupon_id, account_id),
    CONSTRAINT coupon_holder_chk CHECK (held >= 0)
);

CREATE TABLE offer (
    id               UUID         NOT NULL PRIMARY KEY,
    name_en          VARCHAR(120) NOT NULL,
    name_zh          VARCHAR(120) NOT NULL,
    scope_kind       VARCHAR(40),
    scope_key        VARCHAR(160),
    percent_off      INT,
    amount_off_minor BIGINT,
    currency         CHAR(3)      NOT NULL,
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT offer_kind_chk CHECK ((percent_off IS NULL) <> (amount_off_minor IS NULL)),
    CONSTRAINT offer_window_chk CHECK (ends_at > starts_at)
);
CREATE INDEX offer_window_idx ON offer (active, ends_at);

-- A group-buy deal on an item, and the groups members open on it.
CREATE TABLE group_deal (
    id                UUID        NOT NULL PRIMARY KEY,
    item_kind         VARCHAR(40)  NOT NULL,
    item_key          VARCHAR(160) NOT NULL,
    group_price_minor BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    group_size        INT          NOT NULL,
    hours_to_fill     INT          NOT NULL,
    active            BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT group_deal_size_chk CHECK (group_size >= 2),
    CONSTRAINT group_deal_hours_chk CHECK (hours_to_fill > 0)
);
CREATE INDEX group_deal_item_idx ON group_deal (item_kind, item_key);

CREATE TABLE group_buy (
    id           UUID        NOT NULL PRIMARY KEY,
    deal_id      UUID        NOT NULL REFERENCES group_deal (id),
    leader_id    UUID        NOT NULL,
    status       VARCHAR(16) NOT NULL,
    group_size   INT         NOT NULL,
    seats_taken  INT         NOT NULL,
    paid_count   INT         NOT NULL DEFAULT 0,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT group_buy_status_chk CHECK (status IN ('OPEN', 'COMPLETED', 'FAILED')),
    CONSTRAINT group_buy_seats_chk CHECK (seats_taken >= 0 AND seats_taken <= group_size),
    CONSTRAINT group_buy_paid_chk CHECK (paid_count >= 0 AND paid_count <= group_size)
);
CREATE INDEX group_buy_due_idx ON group_buy (status, expires_at);

CREATE TABLE group_buy_member (
    group_id   UUID        NOT NULL REFERENCES group_buy (id),
    account_id UUID        NOT NULL,
    order_id   UUID        NOT NULL,
    status     VARCHAR(16) NOT NULL,
    joined_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, account_id),
    CONSTRAINT group_member_status_chk CHECK (status IN ('RESERVED', 'PAID', 'RELEASED'))
);
CREATE UNIQUE INDEX group_member_order_uk ON group_buy_member (order_id);

-- The sandbox gateway's side: its checkout sessions and the notifications it sends back.
CREATE TABLE sandbox_session (
    id           VARCHAR(40) NOT NULL PRIMARY KEY,
    order_id     UUID        NOT NULL,
    amount_minor BIGINT      NOT NULL,
    currency     CHAR(3)     NOT NULL,
    description  VARCHAR(300) NOT NULL,
    recurring_months INT     NOT NULL DEFAULT 0,
    return_url   VARCHAR(1000) NOT NULL,
    cancel_url   VARCHAR(1000) NOT NULL,
    notify_url   VARCHAR(1000) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    payment_ref  VARCHAR(40),
    subscription_ref VARCHAR(40),
    subscription_active BOOLEAN NOT NULL DEFAULT FALSE,
    next_renewal_at TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sandbox_session_renewal_idx ON sandbox_session (subscription_active, next_renewal_at);
CREATE INDEX sandbox_session_order_idx ON sandbox_session (order_id);

CREATE TABLE sandbox_refund (
    idempotency_key VARCHAR(100) NOT NULL PRIMARY KEY,
    refund_ref      VARCHAR(40)  NOT NULL,
    order_id        UUID         NOT NULL,
    payment_ref     VARCHAR(40)  NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sandbox_delivery (
    id              UUID          NOT NULL PRIMARY KEY,
    event_id        VARCHAR(60)   NOT NULL,
    notify_url      VARCHAR(1000) NOT NULL,
    payload         VARCHAR(4000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sandbox_delivery_status_chk CHECK (status IN ('QUEUED', 'HELD', 'DELIVERED', 'DROPPED', 'FAILED'))
);
CREATE INDEX sandbox_delivery_due_idx ON sandbox_delivery (status, next_attempt_at);
