-- Duiding project file, schema 1: datasets stored column-wise as typed-array chunks.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE datasets (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  rows          INTEGER NOT NULL CHECK (rows >= 0),
  info          TEXT NOT NULL,           -- JSON: weight, fileLabel, documents, mrSets
  source_name   TEXT,
  source_size   INTEGER,
  source_sha256 TEXT,
  imported_at   TEXT NOT NULL
);

CREATE TABLE variables (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  meta       TEXT NOT NULL,              -- JSON VariableMeta
  PRIMARY KEY (dataset_id, position),
  UNIQUE (dataset_id, name)
);

-- One row per variable per block of rows; `storage` names the typed array in `data` (little-endian).
CREATE TABLE column_chunks (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  chunk      INTEGER NOT NULL,
  storage    TEXT NOT NULL CHECK (storage IN ('int8', 'int16', 'int32', 'float64', 'strcodes')),
  data       BLOB NOT NULL,
  PRIMARY KEY (dataset_id, position, chunk)
);

CREATE TABLE string_dicts (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  dict       TEXT NOT NULL,              -- JSON array of strings
  PRIMARY KEY (dataset_id, position)
);

CREATE TABLE specs (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,              -- table | book | chart | model
  name       TEXT NOT NULL,
  folder     TEXT NOT NULL DEFAULT '',
  body       TEXT NOT NULL,              -- JSON, versioned by its own schema
  updated_at TEXT NOT NULL
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL                    -- JSON
);

CREATE TABLE audit (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  at     TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL                   -- JSON
);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
