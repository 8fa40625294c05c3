-- A tier's privileges (comma-separated names of membership.Privilege) and early access: its
-- members see new content this many days before everyone else.
ALTER TABLE tier ADD COLUMN privileges VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE tier ADD COLUMN early_access_days INT NOT NULL DEFAULT 0;
ALTER TABLE tier ADD CONSTRAINT tier_early_access_chk CHECK (early_access_days BETWEEN 0 AND 60);
