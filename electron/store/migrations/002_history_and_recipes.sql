-- Schema 2: undo/redo history of metadata edits, and recipes for derived variables.
CREATE TABLE history (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at       TEXT NOT NULL,
  label    TEXT NOT NULL,
  undo     TEXT NOT NULL,                -- JSON operation that reverts the change
  redo     TEXT NOT NULL,                -- JSON operation that reapplies it
  undone   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE recipes (
  id         INTEGER PRIMARY KEY,
  dataset    TEXT NOT NULL,
  target     TEXT NOT NULL,
  kind       TEXT NOT NULL,              -- recode | compute
  body       TEXT NOT NULL,              -- JSON
  created_at TEXT NOT NULL,
  UNIQUE (dataset, target)
);
