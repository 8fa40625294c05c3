-- Gift and bulk codes: an organisation (or anyone) buys N codes for a plan; each code is redeemed
-- once, by one member, for one period of that plan. A refund voids the codes not yet redeemed.
CREATE TABLE gift_code (
    id          UUID        NOT NULL PRIMARY KEY,
    code        VARCHAR(24) NOT NULL,
    order_id    UUID        NOT NULL,
    buyer_id    UUID        NOT NULL,
    tier_id     UUID        NOT NULL REFERENCES tier (id),
    billing     VARCHAR(16) NOT NULL,
    position    INT         NOT NULL,
    status      VARCHAR(16) NOT NULL,
    redeemed_by UUID,
    redeemed_at TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gift_code_status_chk CHECK (status IN ('AVAILABLE', 'REDEEMED', 'VOID')),
    CONSTRAINT gift_code_redeemed_chk CHECK ((status = 'REDEEMED') = (redeemed_by IS NOT NULL))
);
CREATE UNIQUE INDEX gift_code_code_uk ON gift_code (code);
-- an order makes its codes once, however often OrderPaid is delivered
CREATE UNIQUE INDEX gift_code_order_uk ON gift_code (order_id, position);
CREATE INDEX gift_code_buyer_idx ON gift_code (buyer_id, created_at);
