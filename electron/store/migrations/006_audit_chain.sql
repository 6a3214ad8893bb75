-- Schema 6: the audit log becomes a hash chain (electron/store/audit-chain.ts). Every row gets the
-- hash of the row before it and its own hash = SHA-256 of [prev_hash, at, action, detail]; the rows
-- written before this migration are chained here, in id order, by the function duiding_audit_hash that
-- the store registers on every connection. The append-only triggers stay (the update trigger is lifted
-- only for this one statement), and a new trigger refuses a row that does not continue the chain.
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;

CREATE TEMP TABLE audit_chain AS
WITH RECURSIVE chain(id, prev_hash, hash) AS (
  SELECT id, '0000000000000000000000000000000000000000000000000000000000000000',
         duiding_audit_hash('0000000000000000000000000000000000000000000000000000000000000000', at, action, detail)
  FROM audit WHERE id = (SELECT MIN(id) FROM audit)
  UNION ALL
  SELECT a.id, c.hash, duiding_audit_hash(c.hash, a.at, a.action, a.detail)
  FROM chain c JOIN audit a ON a.id = (SELECT MIN(id) FROM audit WHERE id > c.id)
)
SELECT id, prev_hash, hash FROM chain;

DROP TRIGGER audit_append_only_update;
UPDATE audit SET
  prev_hash = (SELECT prev_hash FROM audit_chain WHERE audit_chain.id = audit.id),
  hash = (SELECT hash FROM audit_chain WHERE audit_chain.id = audit.id);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
DROP TABLE audit_chain;

CREATE TRIGGER audit_chain_continues BEFORE INSERT ON audit
WHEN NEW.hash IS NULL
  OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit ORDER BY id DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE(ABORT, 'an audit row must continue the hash chain');
END;
