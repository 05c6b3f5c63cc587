-- Request rate limits shared by every server process (decision 095): one row per limited key (a person's
-- writes, an address's sign-ins), counted by an atomic upsert and restarted when its window has ended.
-- UNLOGGED: a counter is a defence, not data; it costs no WAL on every write request, and a crash (which
-- empties unlogged tables) only restarts the windows. The primary key serves the upsert; expired rows are
-- deleted by the store now and then (window_ends_at is scanned then, rarely, on a small table).
CREATE UNLOGGED TABLE rate_limit_hit (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends_at timestamptz NOT NULL
);
