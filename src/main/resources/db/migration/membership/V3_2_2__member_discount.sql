-- Member price: a tier's members pay this much less for items bought by themselves (courses,
-- columns), e.g. 20 for 20 % off. Plans and gift codes are not discounted by it.
ALTER TABLE tier ADD COLUMN member_discount_percent INT NOT NULL DEFAULT 0;
ALTER TABLE tier ADD CONSTRAINT tier_member_discount_chk CHECK (member_discount_percent BETWEEN 0 AND 90);
