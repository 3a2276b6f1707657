-- Keys that sign smart member cards (HMAC-SHA256), made on first use. The key id travels in each token, so a
-- new key can be added later without invalidating cards already printed. Kept with the cards they sign:
-- a verification needs the card row anyway (revocation), and a restored backup keeps both consistent.
CREATE TABLE member_card_key (
  kid        integer PRIMARY KEY CHECK (kid > 0),
  secret     bytea NOT NULL CHECK (length(secret) >= 32),
  created_at timestamptz NOT NULL
);
