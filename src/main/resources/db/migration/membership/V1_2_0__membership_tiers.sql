-- Membership tiers and their prices per billing period. Behaviour (subscriptions, trials) comes later.

CREATE TABLE tier (
    id             UUID          NOT NULL PRIMARY KEY,
    slug           VARCHAR(40)   NOT NULL,
    rank           INT           NOT NULL,
    name_en        VARCHAR(60)   NOT NULL,
    name_zh        VARCHAR(60)   NOT NULL,
    description_en VARCHAR(1000) NOT NULL,
    description_zh VARCHAR(1000) NOT NULL,
    benefits_en    VARCHAR(4000) NOT NULL,
    benefits_zh    VARCHAR(4000) NOT NULL,
    trial_days     INT           NOT NULL DEFAULT 0,
    active         BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tier_trial_chk CHECK (trial_days >= 0),
    CONSTRAINT tier_rank_chk CHECK (rank >= 0)
);
CREATE UNIQUE INDEX tier_slug_uk ON tier (slug);
CREATE UNIQUE INDEX tier_rank_uk ON tier (rank);

CREATE TABLE tier_price (
    tier_id      UUID        NOT NULL REFERENCES tier (id) ON DELETE CASCADE,
    billing      VARCHAR(16) NOT NULL,
    amount_minor BIGINT      NOT NULL,
    currency     CHAR(3)     NOT NULL,
    PRIMARY KEY (tier_id, billing),
    CONSTRAINT tier_price_billing_chk CHECK (billing IN ('MONTHLY', 'QUARTERLY', 'YEARLY', 'LIFETIME')),
    CONSTRAINT tier_price_amount_chk CHECK (amount_minor >= 0)
);
