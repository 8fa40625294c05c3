-- Indexes for the owner's commerce console: finding an order by its payment reference, a deal's
-- groups newest first, and the sandbox's notifications newest first (all paged by key).
CREATE INDEX order_payment_ref_idx ON commerce_order (payment_ref);
CREATE INDEX group_buy_deal_idx ON group_buy (deal_id, opened_at, id);
CREATE INDEX sandbox_delivery_created_idx ON sandbox_delivery (created_at, id);
