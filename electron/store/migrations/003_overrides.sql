-- Schema 3: overrides of the output rules. Each row releases cells of one table (key = canonical
-- table identity, see shared/disclosure/override.ts); adding and removing one is audited in the same
-- transaction. `body` is JSON: target (the table specification), ruleSet, cells with their counts,
-- fingerprint of the table's counts.
CREATE TABLE overrides (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  key        TEXT NOT NULL,
  body       TEXT NOT NULL,
  reason     TEXT NOT NULL CHECK (length(trim(reason)) >= 10),
  created_at TEXT NOT NULL
);

CREATE INDEX overrides_by_key ON overrides (key);
