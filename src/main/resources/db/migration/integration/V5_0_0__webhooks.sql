-- Outgoing webhooks: endpoints the owner registers, and one delivery row per (endpoint, event).
-- A delivery keeps the exact body it sends, so every attempt and every redelivery sends the same
-- bytes under the same webhook-id; the unique key makes a redelivered domain event a no-op.

CREATE TABLE webhook_endpoint (
    id          UUID          NOT NULL PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    description VARCHAR(200)  NOT NULL,
    -- Event types, comma-separated (member.joined,order.paid,…).
    events      VARCHAR(1000) NOT NULL,
    -- The Standard Webhooks signing secret (whsec_…), sealed by SecretBox.
    secret      VARCHAR(500)  NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_endpoint_created_idx ON webhook_endpoint (created_at, id);

CREATE TABLE webhook_delivery (
    id               UUID          NOT NULL PRIMARY KEY,
    endpoint_id      UUID          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- The event's id, the same for every endpoint and every attempt (the webhook-id header).
    event_id         VARCHAR(64)   NOT NULL,
    event_type       VARCHAR(60)   NOT NULL,
    payload          VARCHAR(20000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_status_code INT,
    last_error       VARCHAR(1000),
    last_response    VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_status_chk CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE UNIQUE INDEX webhook_delivery_event_uk ON webhook_delivery (endpoint_id, event_id);
CREATE INDEX webhook_delivery_list_idx ON webhook_delivery (endpoint_id, created_at, id);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (status, next_attempt_at);
-- The log is kept for guildhall.webhooks.keep-log (30 days), then pruned by creation time.
CREATE INDEX webhook_delivery_created_idx ON webhook_delivery (created_at);
