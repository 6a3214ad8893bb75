-- Schema 5: undo and redo of adding or replacing a whole variable (a weight made by the weighting
-- dialog). Undo moves the variable's column out of the dataset into the stash, redo moves it back; the
-- history rows name stash entries by id. Entries no history row names any more are deleted.
CREATE TABLE stashed_variables (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset    TEXT NOT NULL,
  rows       INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  meta       TEXT NOT NULL,              -- JSON VariableMeta
  dict       TEXT,                       -- JSON array of strings (string variables)
  stashed_at TEXT NOT NULL
);

CREATE TABLE stashed_chunks (
  stash_id INTEGER NOT NULL REFERENCES stashed_variables(id) ON DELETE CASCADE,
  chunk    INTEGER NOT NULL,
  storage  TEXT NOT NULL,
  data     BLOB NOT NULL,
  PRIMARY KEY (stash_id, chunk)
);
