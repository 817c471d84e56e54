-- A Panelist database at schema 1, as the first release wrote it: the
-- tables of migration 1 and the rows of two interviews.  test-store.c
-- loads it into a fresh file, opens it with the store, and checks that
-- every row and every value survives the migration to the current schema.

CREATE TABLE candidates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  reference TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  revision INTEGER NOT NULL DEFAULT 1,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT '',
  round TEXT NOT NULL DEFAULT '',
  interviewer TEXT NOT NULL DEFAULT '',
  bank_id TEXT NOT NULL,
  bank_revision INTEGER NOT NULL DEFAULT 1,
  scale TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'in-progress'
    CHECK (state IN ('in-progress', 'submitted')),
  recommendation TEXT
    CHECK (recommendation IS NULL OR
           recommendation IN ('strong-no', 'no', 'yes', 'strong-yes')),
  summary TEXT NOT NULL DEFAULT '',
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  updated_at INTEGER NOT NULL
);

CREATE TABLE answers (
  id INTEGER PRIMARY KEY,
  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  question_id TEXT NOT NULL,
  area_id TEXT NOT NULL,
  area_title TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  prompt TEXT NOT NULL,
  question TEXT NOT NULL,
  asked INTEGER NOT NULL DEFAULT 0,
  score INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  flags INTEGER NOT NULL DEFAULT 0,
  seconds INTEGER NOT NULL DEFAULT 0,
  UNIQUE (interview_id, question_id)
);

INSERT INTO candidates (id, name, role, reference, created_at) VALUES
  (1, 'Zoë Ångström', 'Backend developer', 'ATS-1042', 1767225600),
  (2, 'Kwame Mensah', 'Backend developer', '', 1767312000);

INSERT INTO interviews (id, uuid, revision, candidate_id, role, round, interviewer,
                        bank_id, bank_revision, scale, state, recommendation, summary,
                        started_at, ended_at, updated_at) VALUES
  (1, '3f2b8c1e-7d4a-4e6b-9a1c-5e8f2d7b4a90', 7, 1, 'Backend developer', 'Technical 1',
   'Priya Raman', 'backend-developer', 3,
   '[{"value":1,"label":"Strong no","meaning":"Clearly below the bar"},{"value":2,"label":"No","meaning":"Below the bar"},{"value":3,"label":"Yes","meaning":"Meets the bar"},{"value":4,"label":"Strong yes","meaning":"Well above the bar"}]',
   'submitted', 'yes',
   'Solid on SQL, unsure about caching.
Would hire for the platform team — “pragmatic”.',
   1767261600, 1767265200, 1767265300),
  (2, 'c0a8e4d2-1b3f-4c5d-8e7f-901a2b3c4d5e', 2, 2, 'Backend developer', 'Culture',
   'Tomás Ortega', 'backend-developer', 3,
   '[{"value":1,"label":"Strong no","meaning":"Clearly below the bar"},{"value":2,"label":"No","meaning":"Below the bar"},{"value":3,"label":"Yes","meaning":"Meets the bar"},{"value":4,"label":"Strong yes","meaning":"Well above the bar"}]',
   'in-progress', NULL, '',
   1767348000, NULL, 1767348600);

INSERT INTO answers (id, interview_id, position, question_id, area_id, area_title, kind,
                     level, prompt, question, asked, score, notes, flags, seconds) VALUES
  (1, 1, 0, 'sql-joins', 'databases', 'Databases', 'technical', 'experienced',
   'How do an inner join and a left join differ?',
   '{"id":"sql-joins","area":"databases","kind":"technical","level":"experienced","prompt":"How do an inner join and a left join differ?","assesses":"Relational thinking","look_fors":["Mentions rows without a match"],"red_flags":["Confuses joins with unions"],"follow_ups":["When would you pick each?"],"minutes":5,"anchors":{"1":"Cannot tell them apart","4":"Explains with a worked example"}}',
   1, 4, 'Used the "orders without customers" example; drew it.', 4, 420),
  (2, 1, 1, 'cache-invalidation', 'caching', 'Caching', 'technical', 'senior',
   'A cached value is stale after an update. What do you do?',
   '{"id":"cache-invalidation","area":"caching","kind":"technical","level":"senior","prompt":"A cached value is stale after an update. What do you do?","assesses":"Consistency trade-offs","look_fors":["Talks about TTL and explicit invalidation"],"red_flags":[],"follow_ups":["What if two writers race?"],"minutes":8,"anchors":{}}',
   1, 2, 'Only TTL. Ask again in round 2?', 3, 300),
  (3, 1, 2, 'conflict', 'collaboration', 'Collaboration', 'behavioural', 'entry',
   'Tell me about a disagreement with a colleague.',
   '{"id":"conflict","area":"collaboration","kind":"behavioural","level":"entry","prompt":"Tell me about a disagreement with a colleague.","assesses":"Handling conflict","look_fors":[],"red_flags":["Blames others"],"follow_ups":[],"minutes":4,"anchors":{}}',
   0, NULL, '', 0, 0),
  (4, 2, 0, 'team-values', 'collaboration', 'Collaboration', 'culture', 'entry',
   'What makes a team good to work in?',
   '{"id":"team-values","area":"collaboration","kind":"culture","level":"entry","prompt":"What makes a team good to work in?","assesses":"Values","look_fors":["Concrete examples"],"red_flags":[],"follow_ups":[],"minutes":3,"anchors":{}}',
   1, NULL, 'Asked about on-call — 日本語 too.', 1, 90);

PRAGMA user_version = 1;
