/* pnl-store.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-store"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "pnl-answer.h"
#include "pnl-area.h"
#include "pnl-bank.h"
#include "pnl-candidate.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"
#include "pnl-writer.h"

/* Two connections to one file.  The store's own reads on the caller's
 * thread; the writer's, on its thread, does every save.  See
 * docs/database.md. */

struct _PnlStore
{
  GObject    parent_instance;

  /* Owned references */
  char      *path;
  PnlDb     *db;
  PnlWriter *writer;
  /* This installation's identity: settings.installation */
  char      *identity;
  /* Whose each interview read so far is (id → MINE or FOREIGN), so that
   * a save, queued on the main thread as the interviewer types, knows
   * without reading the file.  Reads may run on other threads. */
  GMutex      owners_lock;
  GHashTable *owners;

  guint      closed : 1;
};

#define OWNER_MINE    GINT_TO_POINTER (1)
#define OWNER_FOREIGN GINT_TO_POINTER (2)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  SAVE_FAILED,
  SAVE_RECOVERED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (PnlStore, pnl_store, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Sums up the answers of the (interview, area) of the row @row (NEW or
 * OLD, in a trigger) into area_scores; nothing when none are left, or
 * when the interview itself is being deleted. */
#define AREA_SCORES_OF(row) \
  "INSERT OR REPLACE INTO area_scores (interview_id, area_id, area_title, first_position, score_sum, score_count)" \
  " SELECT interview_id, area_id, area_title, min (position)," \
  "        total (CASE WHEN score > 0 THEN score END), count (CASE WHEN score > 0 THEN 1 END)" \
  "   FROM answers WHERE interview_id = " row ".interview_id AND area_id = " row ".area_id" \
  "    AND EXISTS (SELECT 1 FROM interviews WHERE id = " row ".interview_id)" \
  "  GROUP BY interview_id, area_id;"

/* The schema, one step per version.  A step is never edited once
 * released, and never drops data: add a new one instead. */
static const PnlDbMigration migrations[] = {
  { 1,
    "CREATE TABLE candidates ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  role TEXT NOT NULL DEFAULT '',"
    "  reference TEXT NOT NULL DEFAULT '',"
    "  created_at INTEGER NOT NULL"
    ");"
    "CREATE TABLE interviews ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  revision INTEGER NOT NULL DEFAULT 1,"
    "  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,"
    "  role TEXT NOT NULL DEFAULT '',"
    "  round TEXT NOT NULL DEFAULT '',"
    "  interviewer TEXT NOT NULL DEFAULT '',"
    "  bank_id TEXT NOT NULL,"
    "  bank_revision INTEGER NOT NULL DEFAULT 1,"
    "  scale TEXT NOT NULL,"
    "  state TEXT NOT NULL DEFAULT 'in-progress'"
    "    CHECK (state IN ('in-progress', 'submitted')),"
    "  recommendation TEXT"
    "    CHECK (recommendation IS NULL OR"
    "           recommendation IN ('strong-no', 'no', 'yes', 'strong-yes')),"
    "  summary TEXT NOT NULL DEFAULT '',"
    "  started_at INTEGER NOT NULL,"
    "  ended_at INTEGER,"
    "  updated_at INTEGER NOT NULL"
    ");"
    "CREATE TABLE answers ("
    "  id INTEGER PRIMARY KEY,"
    "  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  question_id TEXT NOT NULL,"
    "  area_id TEXT NOT NULL,"
    "  area_title TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  level TEXT NOT NULL,"
    "  prompt TEXT NOT NULL,"
    "  question TEXT NOT NULL,"
    "  asked INTEGER NOT NULL DEFAULT 0,"
    "  score INTEGER,"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  flags INTEGER NOT NULL DEFAULT 0,"
    "  seconds INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (interview_id, question_id)"
    ");" },

  { 2,
    "CREATE TABLE custom_questions ("
    "  id INTEGER PRIMARY KEY,"
    "  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,"
    "  question_id TEXT NOT NULL,"
    "  area_id TEXT NOT NULL,"
    "  prompt TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  UNIQUE (interview_id, question_id)"
    ");"
    "ALTER TABLE answers ADD COLUMN custom INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX interviews_candidate_id ON interviews (candidate_id);"
    "CREATE INDEX interviews_updated_at ON interviews (updated_at);"
    "CREATE INDEX answers_interview_position ON answers (interview_id, position);" },

  { 3,
    /* The interviews of forgotten candidates, by UUID alone, so that an
     * import (a panel folder) does not bring them back. */
    "CREATE TABLE forgotten ("
    "  uuid TEXT PRIMARY KEY,"
    "  forgotten_at INTEGER NOT NULL"
    ");" },

  { 4,
    /* The scores of each interview summed up by area, kept by triggers
     * whatever writes the answers: the comparison of a role reads these
     * instead of every answer.  The first position orders the areas; a
     * bare area_title beside min () comes from that first answer. */
    "CREATE INDEX interviews_role ON interviews (role);"
    "CREATE TABLE area_scores ("
    "  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,"
    "  area_id TEXT NOT NULL,"
    "  area_title TEXT NOT NULL,"
    "  first_position INTEGER NOT NULL,"
    "  score_sum INTEGER NOT NULL,"
    "  score_count INTEGER NOT NULL,"
    "  PRIMARY KEY (interview_id, area_id)"
    ") WITHOUT ROWID;"
    "INSERT INTO area_scores"
    " SELECT interview_id, area_id, area_title, min (position),"
    "        total (CASE WHEN score > 0 THEN score END), count (CASE WHEN score > 0 THEN 1 END)"
    "   FROM answers GROUP BY interview_id, area_id;"
    /* A new answer adds to its area: no need to sum the area again. */
    "CREATE TRIGGER answers_scores_insert AFTER INSERT ON answers BEGIN "
    "INSERT INTO area_scores (interview_id, area_id, area_title, first_position, score_sum, score_count)"
    " VALUES (NEW.interview_id, NEW.area_id, NEW.area_title, NEW.position,"
    "         CASE WHEN NEW.score > 0 THEN NEW.score ELSE 0 END, CASE WHEN NEW.score > 0 THEN 1 ELSE 0 END)"
    " ON CONFLICT (interview_id, area_id) DO UPDATE SET"
    "  area_title = CASE WHEN excluded.first_position < first_position"
    "                    THEN excluded.area_title ELSE area_title END,"
    "  first_position = min (first_position, excluded.first_position),"
    "  score_sum = score_sum + excluded.score_sum,"
    "  score_count = score_count + excluded.score_count;"
    " END;"
    "CREATE TRIGGER answers_scores_update AFTER UPDATE OF interview_id, area_id, area_title, position, score"
    " ON answers BEGIN "
    "DELETE FROM area_scores WHERE interview_id = OLD.interview_id AND area_id = OLD.area_id;"
    AREA_SCORES_OF ("OLD")
    AREA_SCORES_OF ("NEW")
    " END;"
    "CREATE TRIGGER answers_scores_delete AFTER DELETE ON answers BEGIN "
    "DELETE FROM area_scores WHERE interview_id = OLD.interview_id AND area_id = OLD.area_id;"
    AREA_SCORES_OF ("OLD")
    " END;" },

  { 5,
    /* What keeps an import from changing an interview open here, or
     * changed here since the copies were last in step: the revision last
     * imported or published (a submitted interview of before counts as
     * in step, as it was taken then), the sessions holding an interview,
     * and the arrivals kept aside.  See docs/panel-folder.md. */
    "ALTER TABLE interviews ADD COLUMN synced_revision INTEGER NOT NULL DEFAULT 0;"
    "UPDATE interviews SET synced_revision = revision WHERE state = 'submitted';"
    "CREATE TABLE leases ("
    "  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,"
    "  owner TEXT NOT NULL,"
    "  host TEXT NOT NULL,"
    "  pid INTEGER NOT NULL,"
    "  heartbeat_at INTEGER NOT NULL,"
    "  PRIMARY KEY (interview_id, owner)"
    ");"
    "CREATE INDEX leases_owner ON leases (owner);"
    "CREATE TABLE conflicts ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL,"
    "  revision INTEGER NOT NULL,"
    "  reason TEXT NOT NULL"
    "    CHECK (reason IN ('same-revision', 'changed-here', 'identity')),"
    "  fields INTEGER NOT NULL DEFAULT 0,"
    "  source TEXT NOT NULL DEFAULT '',"
    "  scorecard TEXT NOT NULL,"
    "  checksum TEXT NOT NULL,"
    "  arrived_at INTEGER NOT NULL,"
    "  UNIQUE (uuid, checksum)"
    ");" },

  { 6,
    /* Whose scorecards are whose: the identity of this installation (a
     * random UUID, made once), and the installation that created each
     * interview.  Nothing tells the interviews already here apart, and
     * every one of them could be edited here until now: they are taken
     * as this installation's.  See docs/database.md. */
    "CREATE TABLE settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ");"
    "INSERT INTO settings (key, value)"
    " SELECT 'installation',"
    "        substr (h, 1, 8) || '-' || substr (h, 9, 4) || '-4' || substr (h, 14, 3) || '-'"
    "        || substr ('89ab', 1 + (abs (random ()) % 4), 1) || substr (h, 18, 3) || '-'"
    "        || substr (h, 21, 12)"
    "   FROM (SELECT lower (hex (randomblob (16))) AS h);"
    "ALTER TABLE interviews ADD COLUMN origin TEXT NOT NULL DEFAULT '';"
    "UPDATE interviews SET origin = (SELECT value FROM settings WHERE key = 'installation');" },

  { 7,
    /* Recent interviews come by when they were held, not by when they
     * last changed: opening or importing one does not move it. */
    "CREATE INDEX interviews_started_at ON interviews (started_at);" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PNL_STORE_SCHEMA_VERSION);

#define INTERVIEW_SELECT \
  "SELECT i.id, i.uuid, i.revision, i.candidate_id, c.name, c.reference," \
  "       i.role, i.round, i.interviewer, i.bank_id, i.bank_revision," \
  "       i.scale, i.state, i.recommendation, i.summary," \
  "       i.started_at, i.ended_at, i.updated_at, i.origin" \
  "  FROM interviews i JOIN candidates c ON c.id = i.candidate_id"

#define ANSWER_SELECT \
  "SELECT id, interview_id, position, question_id, area_id, area_title," \
  "       prompt, question, asked, score, notes, flags, seconds, custom" \
  "  FROM answers"

#define KNOWN_FLAGS (PNL_ANSWER_FLAGS_FOLLOW_UP | \
                     PNL_ANSWER_FLAGS_RED_FLAG | \
                     PNL_ANSWER_FLAGS_HIGHLIGHT)

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
node_to_string (JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;

  return json_to_string (owned, FALSE);
}

static gboolean
check_open (PnlStore  *self,
            GError   **error)
{
  if (self->db != NULL)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
               _("The database “%s” is closed."),
               self->path);
  return FALSE;
}

/* This installation's identity, made by migration 6. */
static char *
read_identity (PnlStore  *self,
               GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare (self->db,
                         "SELECT value FROM settings WHERE key = 'installation'",
                         error);
  if (stmt == NULL)
    return NULL;

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      if (g_uuid_string_is_valid (pnl_db_statement_column_text (stmt, 0)))
        return g_ascii_strdown (pnl_db_statement_column_text (stmt, 0), -1);
      G_GNUC_FALLTHROUGH;

    case PNL_DB_STEP_DONE:
      g_set_error (error, PNL_DB_ERROR, SQLITE_CORRUPT,
                   _("The identity of this installation in “%s” is missing or damaged."),
                   self->path);
      return NULL;

    case PNL_DB_STEP_ERROR:
    default:
      return NULL;
    }
}

/* Whether the interview @interview_id, as the file holds it now, is
 * another installation's: no save may change it.  One that is not there
 * (forgotten) is not: its save fails as any save that matches no row. */
static gboolean
is_foreign_id (PnlStore *self,
               gint64    interview_id)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gpointer owner;

  if (self->db == NULL)
    return FALSE;

  /* Read before, as every interview a session saves was: no disk. */
  g_mutex_lock (&self->owners_lock);
  owner = g_hash_table_lookup (self->owners, GSIZE_TO_POINTER (interview_id));
  g_mutex_unlock (&self->owners_lock);
  if (owner != NULL)
    return owner == OWNER_FOREIGN;

  stmt = pnl_db_prepare_cached (self->db, "SELECT origin FROM interviews WHERE id = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read whose interview %" G_GINT64_FORMAT " is: %s",
                 interview_id, error->message);
      return TRUE;
    }

  pnl_db_statement_bind_int (stmt, 1, interview_id);

  switch (pnl_db_statement_step (stmt, &error))
    {
    case PNL_DB_STEP_ROW:
      owner = g_strcmp0 (pnl_db_statement_column_text (stmt, 0), self->identity) == 0
              ? OWNER_MINE : OWNER_FOREIGN;
      g_mutex_lock (&self->owners_lock);
      g_hash_table_insert (self->owners, GSIZE_TO_POINTER (interview_id), owner);
      g_mutex_unlock (&self->owners_lock);
      return owner == OWNER_FOREIGN;

    case PNL_DB_STEP_DONE:
      return FALSE;

    case PNL_DB_STEP_ERROR:
    default:
      g_warning ("Cannot read whose interview %" G_GINT64_FORMAT " is: %s",
                 interview_id, error->message);
      return TRUE;
    }
}

/* Reading ---------------------------------------------------------------- */

static PnlInterview *
interview_from_row (PnlStore        *self,
                    PnlDbStatement  *stmt,
                    GError         **error)
{
  g_autoptr(JsonNode) scale_node = NULL;
  g_autoptr(PnlScale) scale = NULL;
  g_autoptr(GDateTime) started_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  g_autoptr(GDateTime) ended_at = NULL;
  g_autoptr(GError) local_error = NULL;
  PnlInterviewState state = PNL_INTERVIEW_STATE_IN_PROGRESS;
  PnlRecommendation recommendation = PNL_RECOMMENDATION_NONE;
  const char *uuid = pnl_db_statement_column_text (stmt, 1);

  if (!(scale_node = json_from_string (pnl_db_statement_column_text (stmt, 11), &local_error)) ||
      !(scale = pnl_scale_new_from_json (scale_node, &local_error)))
    {
      g_set_error (error, PNL_DB_ERROR, SQLITE_CORRUPT,
                   _("The rating scale of interview %s in “%s” is damaged: %s"),
                   uuid, self->path,
                   local_error ? local_error->message : _("it is empty"));
      return NULL;
    }

  pnl_interview_state_from_string (pnl_db_statement_column_text (stmt, 12), &state);
  if (!pnl_db_statement_column_is_null (stmt, 13))
    pnl_recommendation_from_string (pnl_db_statement_column_text (stmt, 13), &recommendation);

  started_at = g_date_time_new_from_unix_utc (pnl_db_statement_column_int (stmt, 15));
  if (!pnl_db_statement_column_is_null (stmt, 16))
    ended_at = g_date_time_new_from_unix_utc (pnl_db_statement_column_int (stmt, 16));
  updated_at = g_date_time_new_from_unix_utc (pnl_db_statement_column_int (stmt, 17));

  /* An import never changes an origin that is set (only an empty one
   * takes the arrival's), so what is read here stays true, or turns from
   * another's to mine: a save refused meanwhile is refused the safe way. */
  g_mutex_lock (&self->owners_lock);
  g_hash_table_insert (self->owners, GSIZE_TO_POINTER (pnl_db_statement_column_int (stmt, 0)),
                       g_strcmp0 (pnl_db_statement_column_text (stmt, 18), self->identity) == 0
                         ? OWNER_MINE : OWNER_FOREIGN);
  g_mutex_unlock (&self->owners_lock);

  return g_object_new (PNL_TYPE_INTERVIEW,
                       "id", pnl_db_statement_column_int (stmt, 0),
                       "uuid", uuid,
                       "revision", pnl_db_statement_column_int (stmt, 2),
                       "candidate-id", pnl_db_statement_column_int (stmt, 3),
                       "candidate-name", pnl_db_statement_column_text (stmt, 4),
                       "candidate-reference", pnl_db_statement_column_text (stmt, 5),
                       "role", pnl_db_statement_column_text (stmt, 6),
                       "round", pnl_db_statement_column_text (stmt, 7),
                       "interviewer", pnl_db_statement_column_text (stmt, 8),
                       "bank-id", pnl_db_statement_column_text (stmt, 9),
                       "bank-revision", (guint) pnl_db_statement_column_int (stmt, 10),
                       "scale", scale,
                       "state", state,
                       "recommendation", recommendation,
                       "summary", pnl_db_statement_column_text (stmt, 14),
                       "started-at", started_at,
                       "ended-at", ended_at,
                       "updated-at", updated_at,
                       "origin", pnl_db_statement_column_text (stmt, 18),
                       NULL);
}

static PnlAnswer *
answer_from_row (PnlStore        *self,
                 PnlDbStatement  *stmt,
                 GError         **error)
{
  g_autoptr(PnlQuestion) question = NULL;
  gboolean custom = pnl_db_statement_column_int (stmt, 13) != 0;
  const char *question_id = pnl_db_statement_column_text (stmt, 3);
  gint64 score = 0;

  if (custom)
    {
      question = pnl_question_new_custom (question_id,
                                          pnl_db_statement_column_text (stmt, 4),
                                          pnl_db_statement_column_text (stmt, 6));
    }
  else
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) local_error = NULL;

      node = json_from_string (pnl_db_statement_column_text (stmt, 7), &local_error);
      if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
        g_set_error_literal (&local_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                             _("not a JSON object"));
      else if (node != NULL)
        question = pnl_question_new_from_json (json_node_get_object (node), &local_error);

      if (question == NULL)
        {
          g_set_error (error, PNL_DB_ERROR, SQLITE_CORRUPT,
                       _("The copy of question “%s” kept in “%s” is damaged: %s"),
                       question_id, self->path,
                       local_error ? local_error->message : _("it is empty"));
          return NULL;
        }
    }

  if (!pnl_db_statement_column_is_null (stmt, 9))
    score = MAX (0, pnl_db_statement_column_int (stmt, 9));

  return g_object_new (PNL_TYPE_ANSWER,
                       "id", pnl_db_statement_column_int (stmt, 0),
                       "interview-id", pnl_db_statement_column_int (stmt, 1),
                       "position", (guint) pnl_db_statement_column_int (stmt, 2),
                       "question", question,
                       "area-title", pnl_db_statement_column_text (stmt, 5),
                       "custom", custom,
                       "asked", pnl_db_statement_column_int (stmt, 8) != 0,
                       "score", (int) MIN (score, G_MAXINT),
                       "notes", pnl_db_statement_column_text (stmt, 10),
                       "flags", (PnlAnswerFlags) (pnl_db_statement_column_int (stmt, 11) & KNOWN_FLAGS),
                       "seconds", (guint) CLAMP (pnl_db_statement_column_int (stmt, 12), 0, G_MAXUINT),
                       NULL);
}

typedef gpointer (*RowFunc) (PnlStore        *self,
                             PnlDbStatement  *stmt,
                             GError         **error);

static gboolean
collect_rows (PnlStore        *self,
              PnlDbStatement  *stmt,
              RowFunc          row_func,
              GListStore      *store,
              GError         **error)
{
  for (;;)
    {
      g_autoptr(GObject) item = NULL;

      switch (pnl_db_statement_step (stmt, error))
        {
        case PNL_DB_STEP_ROW:
          if (!(item = row_func (self, stmt, error)))
            return FALSE;
          g_list_store_append (store, item);
          break;

        case PNL_DB_STEP_DONE:
          return TRUE;

        case PNL_DB_STEP_ERROR:
        default:
          return FALSE;
        }
    }
}

static gpointer
candidate_from_row (PnlStore        *self,
                    PnlDbStatement  *stmt,
                    GError         **error)
{
  return pnl_candidate_new (pnl_db_statement_column_int (stmt, 0),
                            pnl_db_statement_column_text (stmt, 1),
                            pnl_db_statement_column_text (stmt, 2),
                            pnl_db_statement_column_text (stmt, 3));
}

/**
 * pnl_store_list_candidates:
 * @self: a #PnlStore
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #PnlCandidate, by name
 */
GListModel *
pnl_store_list_candidates (PnlStore  *self,
                           GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = pnl_db_prepare_cached (self->db,
                                "SELECT id, name, role, reference FROM candidates"
                                " ORDER BY name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return NULL;

  store = g_list_store_new (PNL_TYPE_CANDIDATE);
  if (!collect_rows (self, stmt, candidate_from_row, store, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

void
pnl_interview_tally_free (PnlInterviewTally *tally)
{
  if (tally == NULL)
    return;

  g_free (tally->uuid);
  g_free (tally->candidate_name);
  g_free (tally->candidate_reference);
  g_free (tally->role);
  g_free (tally->interviewer);
  g_array_unref (tally->areas);
  g_free (tally);
}

static void
area_tally_clear (gpointer data)
{
  PnlAreaTally *area = data;

  g_free (area->area_id);
  g_free (area->area_title);
}

/* The lowest and highest level of a scale, read once per distinct text. */
static void
scale_range (GHashTable *cache,
             const char *text,
             int        *min,
             int        *max)
{
  int *range = g_hash_table_lookup (cache, text);

  if (range == NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (text, NULL);
      g_autoptr(PnlScale) scale = node != NULL ? pnl_scale_new_from_json (node, NULL) : NULL;

      range = g_new (int, 2);
      range[0] = scale != NULL ? pnl_scale_get_min (scale) : 0;
      range[1] = scale != NULL ? pnl_scale_get_max (scale) : 0;
      g_hash_table_insert (cache, g_strdup (text), range);
    }

  *min = range[0];
  *max = range[1];
}

GPtrArray *
pnl_store_list_role_tallies (PnlStore    *self,
                             const char  *role,
                             GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GPtrArray) tallies = NULL;
  g_autoptr(GHashTable) scales = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  PnlInterviewTally *tally = NULL;
  gint64 tally_id = -1;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (role != NULL, NULL);

  if (!check_open (self, error))
    return NULL;

  /* The interviews first, then their areas in the order of their first
   * answer. */
  stmt = pnl_db_prepare_cached (self->db,
                                "SELECT i.id, i.uuid, c.name, c.reference, i.interviewer, i.state,"
                                "       i.recommendation, i.started_at, i.scale"
                                "  FROM interviews i JOIN candidates c ON c.id = i.candidate_id"
                                " WHERE i.role = ?1",
                                error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_text (stmt, 1, role);

  tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) pnl_interview_tally_free);
  scales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (;;)
    {
      PnlDbStep step = pnl_db_statement_step (stmt, error);
      const char *recommendation;
      gint64 id;

      if (step == PNL_DB_STEP_DONE)
        break;
      if (step != PNL_DB_STEP_ROW)
        return NULL;

      id = pnl_db_statement_column_int (stmt, 0);
      recommendation = pnl_db_statement_column_text (stmt, 6);

      tally = g_new0 (PnlInterviewTally, 1);
      tally->uuid = g_strdup (pnl_db_statement_column_text (stmt, 1));
      tally->candidate_name = g_strdup (pnl_db_statement_column_text (stmt, 2));
      tally->candidate_reference = g_strdup (pnl_db_statement_column_text (stmt, 3));
      tally->role = g_strdup (role);
      tally->interviewer = g_strdup (pnl_db_statement_column_text (stmt, 4));
      pnl_interview_state_from_string (pnl_db_statement_column_text (stmt, 5), &tally->state);
      if (recommendation != NULL)
        pnl_recommendation_from_string (recommendation, &tally->recommendation);
      tally->started_at = pnl_db_statement_column_int (stmt, 7);
      scale_range (scales, pnl_db_statement_column_text (stmt, 8), &tally->scale_min, &tally->scale_max);
      tally->areas = g_array_new (FALSE, TRUE, sizeof (PnlAreaTally));
      g_array_set_clear_func (tally->areas, area_tally_clear);
      g_ptr_array_add (tallies, tally);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), tally);
    }

  g_clear_pointer (&stmt, pnl_db_statement_unref);
  stmt = pnl_db_prepare_cached (self->db,
                                "SELECT s.interview_id, s.area_id, s.area_title, s.score_sum, s.score_count"
                                "  FROM area_scores s JOIN interviews i ON i.id = s.interview_id"
                                " WHERE i.role = ?1"
                                " ORDER BY s.interview_id, s.first_position",
                                error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_text (stmt, 1, role);

  for (;;)
    {
      PnlDbStep step = pnl_db_statement_step (stmt, error);
      gint64 id;

      if (step == PNL_DB_STEP_DONE)
        break;
      if (step != PNL_DB_STEP_ROW)
        return NULL;

      id = pnl_db_statement_column_int (stmt, 0);
      if (tally_id != id)
        {
          tally = g_hash_table_lookup (by_id, &id);
          tally_id = id;
        }

      if (tally != NULL)
        {
          PnlAreaTally area = {
            g_strdup (pnl_db_statement_column_text (stmt, 1)),
            g_strdup (pnl_db_statement_column_text (stmt, 2)),
            pnl_db_statement_column_int (stmt, 3),
            (guint) pnl_db_statement_column_int (stmt, 4),
          };

          g_array_append_val (tally->areas, area);
        }
    }

  return g_steal_pointer (&tallies);
}

/**
 * pnl_store_list_recent_interviews:
 * @self: a #PnlStore
 * @limit: how many at most (%G_MAXUINT: all)
 * @n_total: (out) (optional): how many there are in all
 * @error: a location for a #GError
 *
 * Like pnl_store_list_interviews(), the @limit most recently held (by
 * `started_at`, through its index; the same second by id, the last
 * created first): what a start page shows, without reading ten thousand
 * interviews.  A change, or an import, does not move an interview.
 *
 * Returns: (transfer full): a #GListModel of #PnlInterview
 */
GListModel *
pnl_store_list_recent_interviews (PnlStore  *self,
                                  guint      limit,
                                  guint     *n_total,
                                  GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  if (n_total != NULL)
    {
      stmt = pnl_db_prepare_cached (self->db, "SELECT count (*) FROM interviews", error);
      if (stmt == NULL || pnl_db_statement_step (stmt, error) != PNL_DB_STEP_ROW)
        return NULL;
      *n_total = (guint) pnl_db_statement_column_int (stmt, 0);
      g_clear_pointer (&stmt, pnl_db_statement_unref);
    }

  stmt = pnl_db_prepare_cached (self->db,
                                INTERVIEW_SELECT
                                " ORDER BY i.started_at DESC, i.id DESC LIMIT ?1",
                                error);
  if (stmt == NULL)
    return NULL;

  /* A negative limit is none, for SQLite. */
  pnl_db_statement_bind_int (stmt, 1, limit == G_MAXUINT ? -1 : (gint64) limit);

  store = g_list_store_new (PNL_TYPE_INTERVIEW);
  if (!collect_rows (self, stmt, (RowFunc) interview_from_row, store, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The interviews that @sql (INTERVIEW_SELECT, then a condition) selects,
 * with @values bound to ?1, ?2… (NULL binds an SQL NULL). */
static GListModel *
list_interviews_where (PnlStore           *self,
                       const char         *sql,
                       const char * const *values,
                       guint               n_values,
                       GError            **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;

  if (!check_open (self, error))
    return NULL;

  if (!(stmt = pnl_db_prepare_cached (self->db, sql, error)))
    return NULL;

  for (guint i = 0; i < n_values; i++)
    pnl_db_statement_bind_text (stmt, i + 1, values[i]);

  store = g_list_store_new (PNL_TYPE_INTERVIEW);
  if (!collect_rows (self, stmt, (RowFunc) interview_from_row, store, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * pnl_store_list_roles:
 * @self: a #PnlStore
 * @error: a location for a #GError
 *
 * The roles of the interviews, each once: the role of the most recently
 * changed interview first, as pnl_store_list_interviews() would meet
 * them.
 *
 * Returns: (transfer full): the roles, or %NULL and @error set
 */
GStrv
pnl_store_list_roles (PnlStore  *self,
                      GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
  PnlDbStep step;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = pnl_db_prepare_cached (self->db,
                                "SELECT role FROM interviews GROUP BY role"
                                " ORDER BY max (updated_at) DESC, max (id) DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  while ((step = pnl_db_statement_step (stmt, error)) == PNL_DB_STEP_ROW)
    g_strv_builder_add (roles, pnl_db_statement_column_text (stmt, 0));

  if (step == PNL_DB_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (roles);
}

/**
 * pnl_store_list_role_interviews:
 * @self: a #PnlStore
 * @role: a role
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of the #PnlInterview of @role,
 *   the most recently changed first
 */
GListModel *
pnl_store_list_role_interviews (PnlStore    *self,
                                const char  *role,
                                GError     **error)
{
  const char *values[] = { role };

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (role != NULL, NULL);

  return list_interviews_where (self,
                                INTERVIEW_SELECT
                                " WHERE i.role = ?1"
                                " ORDER BY i.updated_at DESC, i.id DESC",
                                values, G_N_ELEMENTS (values), error);
}

/**
 * pnl_store_list_candidate_interviews:
 * @self: a #PnlStore
 * @name: the candidate's name
 * @reference: the candidate's reference ("" for none)
 * @role: (nullable): only the interviews of this role
 * @error: a location for a #GError
 *
 * The interviews of the candidate with this name and this reference
 * both: two people may share either.
 *
 * Returns: (transfer full): a #GListModel of #PnlInterview, the most
 *   recently changed first
 */
GListModel *
pnl_store_list_candidate_interviews (PnlStore    *self,
                                     const char  *name,
                                     const char  *reference,
                                     const char  *role,
                                     GError     **error)
{
  const char *values[] = { name, reference, role };

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  return list_interviews_where (self,
                                INTERVIEW_SELECT
                                " WHERE c.name = ?1 AND c.reference = ?2"
                                "   AND (?3 IS NULL OR i.role = ?3)"
                                " ORDER BY i.updated_at DESC, i.id DESC",
                                values, G_N_ELEMENTS (values), error);
}

/**
 * pnl_store_find_candidate_interviews:
 * @self: a #PnlStore
 * @name_or_reference: what someone typed to name a candidate
 * @error: a location for a #GError
 *
 * The interviews of every candidate called @name_or_reference or whose
 * reference it is, as `panelist --export --candidate=` finds them.
 *
 * Returns: (transfer full): a #GListModel of #PnlInterview, the most
 *   recently changed first
 */
GListModel *
pnl_store_find_candidate_interviews (PnlStore    *self,
                                     const char  *name_or_reference,
                                     GError     **error)
{
  const char *values[] = { name_or_reference };

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_reference != NULL, NULL);

  return list_interviews_where (self,
                                INTERVIEW_SELECT
                                " WHERE c.name = ?1 OR (c.reference <> '' AND c.reference = ?1)"
                                " ORDER BY i.updated_at DESC, i.id DESC",
                                values, G_N_ELEMENTS (values), error);
}

/**
 * pnl_store_list_stale_candidates:
 * @self: a #PnlStore
 * @before: a time, in seconds since 1970 (UTC)
 * @error: a location for a #GError
 *
 * The candidates last seen before @before: the most recent change to any
 * of their interviews (or, with none, their creation) is older.
 *
 * Returns: (transfer full): a #GListModel of #PnlCandidate, by name
 */
GListModel *
pnl_store_list_stale_candidates (PnlStore  *self,
                                 gint64     before,
                                 GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = pnl_db_prepare_cached (self->db,
                                "SELECT c.id, c.name, c.role, c.reference FROM candidates c"
                                " WHERE coalesce ((SELECT max (i.updated_at) FROM interviews i"
                                "                  WHERE i.candidate_id = c.id),"
                                "                 c.created_at) < ?1"
                                " ORDER BY c.name COLLATE NOCASE, c.id",
                                error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_int (stmt, 1, before);

  store = g_list_store_new (PNL_TYPE_CANDIDATE);
  if (!collect_rows (self, stmt, candidate_from_row, store, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * pnl_store_list_interviews:
 * @self: a #PnlStore
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #PnlInterview, the most
 *   recently held (started) first
 */
GListModel *
pnl_store_list_interviews (PnlStore  *self,
                           GError   **error)
{
  return pnl_store_list_recent_interviews (self, G_MAXUINT, NULL, error);
}

/**
 * pnl_store_find_interview:
 * @self: a #PnlStore
 * @uuid: the interview's UUID
 * @error: a location for a #GError
 *
 * Reads the interview as it is in the file now.  An unknown @uuid is a
 * %G_IO_ERROR_NOT_FOUND error.
 *
 * Returns: (transfer full): the interview, or %NULL with @error set
 */
PnlInterview *
pnl_store_find_interview (PnlStore    *self,
                          const char  *uuid,
                          GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = pnl_db_prepare_cached (self->db, INTERVIEW_SELECT " WHERE i.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_text (stmt, 1, uuid);

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      return interview_from_row (self, stmt, error);

    case PNL_DB_STEP_DONE:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no interview %s in “%s”."),
                   uuid, self->path);
      return NULL;

    case PNL_DB_STEP_ERROR:
    default:
      return NULL;
    }
}

/**
 * pnl_store_list_answers:
 * @self: a #PnlStore
 * @interview: a #PnlInterview
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #PnlAnswer, in the order of
 *   the interview's questions
 */
GListModel *
pnl_store_list_answers (PnlStore      *self,
                        PnlInterview  *interview,
                        GError       **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = pnl_db_prepare_cached (self->db,
                                ANSWER_SELECT
                                " WHERE interview_id = ?1 ORDER BY position, id",
                                error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_int (stmt, 1, pnl_interview_get_id (interview));

  store = g_list_store_new (PNL_TYPE_ANSWER);
  if (!collect_rows (self, stmt, (RowFunc) answer_from_row, store, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static PnlAnswer *
find_answer (PnlStore  *self,
             gint64     answer_id,
             GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (self->db, ANSWER_SELECT " WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_int (stmt, 1, answer_id);

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      return answer_from_row (self, stmt, error);

    case PNL_DB_STEP_DONE:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("An answer just added to “%s” cannot be found."),
                   self->path);
      return NULL;

    case PNL_DB_STEP_ERROR:
    default:
      return NULL;
    }
}

/* Creating --------------------------------------------------------------- */

typedef struct
{
  char *id;
  char *area_id;
  char *area_title;
  char *kind;
  char *level;
  char *prompt;
  char *snapshot;
} QuestionRow;

static void
question_row_free (gpointer data)
{
  QuestionRow *row = data;

  g_free (row->id);
  g_free (row->area_id);
  g_free (row->area_title);
  g_free (row->kind);
  g_free (row->level);
  g_free (row->prompt);
  g_free (row->snapshot);
  g_free (row);
}

static QuestionRow *
question_row_new (PnlQuestion *question,
                  const char  *area_title)
{
  QuestionRow *row = g_new0 (QuestionRow, 1);

  row->id = g_strdup (pnl_question_get_id (question));
  row->area_id = g_strdup (pnl_question_get_area_id (question));
  row->area_title = g_strdup (area_title);
  row->kind = g_strdup (pnl_question_kind_to_string (pnl_question_get_kind (question)));
  row->level = g_strdup (pnl_question_level_to_string (pnl_question_get_level (question)));
  row->prompt = g_strdup (pnl_question_get_prompt (question));
  row->snapshot = node_to_string (pnl_question_to_json (question));

  return row;
}

static gboolean
insert_answer (PnlDb        *db,
               gint64        interview_id,
               guint         position,
               QuestionRow  *row,
               gboolean      custom,
               GError      **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "INSERT INTO answers (interview_id, position, question_id,"
                                "  area_id, area_title, kind, level, prompt, question, custom)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, interview_id);
  pnl_db_statement_bind_int (stmt, 2, position);
  pnl_db_statement_bind_text (stmt, 3, row->id);
  pnl_db_statement_bind_text (stmt, 4, row->area_id);
  pnl_db_statement_bind_text (stmt, 5, row->area_title);
  pnl_db_statement_bind_text (stmt, 6, row->kind);
  pnl_db_statement_bind_text (stmt, 7, row->level);
  pnl_db_statement_bind_text (stmt, 8, row->prompt);
  pnl_db_statement_bind_text (stmt, 9, row->snapshot);
  pnl_db_statement_bind_int (stmt, 10, custom);

  return pnl_db_statement_execute (stmt, error);
}

typedef struct
{
  char      *uuid;
  char      *candidate_name;
  char      *candidate_reference;
  char      *role;
  char      *round;
  char      *interviewer;
  char      *bank_id;
  guint      bank_revision;
  char      *scale;
  char      *origin;
  gint64     now;
  GPtrArray *questions;
} CreateInterview;

static void
create_interview_free (CreateInterview *create)
{
  g_free (create->uuid);
  g_free (create->candidate_name);
  g_free (create->candidate_reference);
  g_free (create->role);
  g_free (create->round);
  g_free (create->interviewer);
  g_free (create->bank_id);
  g_free (create->scale);
  g_free (create->origin);
  g_clear_pointer (&create->questions, g_ptr_array_unref);
  g_free (create);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CreateInterview, create_interview_free)

static gboolean
find_or_add_candidate (PnlDb       *db,
                       const char  *name,
                       const char  *reference,
                       const char  *role,
                       gint64       now,
                       gint64      *candidate_id,
                       GError     **error)
{
  g_autoptr(PnlDbStatement) find = NULL;
  g_autoptr(PnlDbStatement) add = NULL;

  find = pnl_db_prepare_cached (db,
                                "SELECT id FROM candidates"
                                " WHERE name = ?1 AND reference = ?2"
                                " ORDER BY id LIMIT 1",
                                error);
  if (find == NULL)
    return FALSE;

  pnl_db_statement_bind_text (find, 1, name);
  pnl_db_statement_bind_text (find, 2, reference);

  switch (pnl_db_statement_step (find, error))
    {
    case PNL_DB_STEP_ROW:
      *candidate_id = pnl_db_statement_column_int (find, 0);
      return TRUE;

    case PNL_DB_STEP_DONE:
      break;

    case PNL_DB_STEP_ERROR:
    default:
      return FALSE;
    }

  add = pnl_db_prepare_cached (db,
                               "INSERT INTO candidates (name, role, reference, created_at)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (add == NULL)
    return FALSE;

  pnl_db_statement_bind_text (add, 1, name);
  pnl_db_statement_bind_text (add, 2, role);
  pnl_db_statement_bind_text (add, 3, reference);
  pnl_db_statement_bind_int (add, 4, now);

  if (!pnl_db_statement_execute (add, error))
    return FALSE;

  *candidate_id = pnl_db_last_insert_id (db);

  return TRUE;
}

/* On the writer thread, in a transaction of its own. */
static gboolean
create_interview_job (PnlDb     *db,
                      gpointer   data,
                      GError   **error)
{
  CreateInterview *create = data;
  g_autoptr(PnlDbStatement) stmt = NULL;
  gint64 candidate_id;
  gint64 interview_id;

  if (!find_or_add_candidate (db, create->candidate_name, create->candidate_reference,
                              create->role, create->now, &candidate_id, error))
    return FALSE;

  stmt = pnl_db_prepare_cached (db,
                                "INSERT INTO interviews (uuid, revision, candidate_id, role,"
                                "  round, interviewer, bank_id, bank_revision, scale, state,"
                                "  summary, started_at, updated_at, origin)"
                                " VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'in-progress',"
                                "  '', ?9, ?9, ?10)",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, create->uuid);
  pnl_db_statement_bind_int (stmt, 2, candidate_id);
  pnl_db_statement_bind_text (stmt, 3, create->role);
  pnl_db_statement_bind_text (stmt, 4, create->round);
  pnl_db_statement_bind_text (stmt, 5, create->interviewer);
  pnl_db_statement_bind_text (stmt, 6, create->bank_id);
  pnl_db_statement_bind_int (stmt, 7, create->bank_revision);
  pnl_db_statement_bind_text (stmt, 8, create->scale);
  pnl_db_statement_bind_int (stmt, 9, create->now);
  pnl_db_statement_bind_text (stmt, 10, create->origin);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;

  interview_id = pnl_db_last_insert_id (db);

  for (guint i = 0; i < create->questions->len; i++)
    {
      if (!insert_answer (db, interview_id, i, g_ptr_array_index (create->questions, i),
                          FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * pnl_store_create_interview:
 * @self: a #PnlStore
 * @candidate_name: who is interviewed
 * @candidate_reference: (nullable): an ATS id, or %NULL
 * @role: the position
 * @round: (nullable): the round, like "Technical 1"
 * @interviewer: (nullable): who interviews
 * @bank: the questions
 * @error: a location for a #GError
 *
 * Adds the interview, in one transaction on the writer thread, and waits
 * for it: the candidate (found by name and reference, or added), the
 * interview with a new UUID at revision 1, and one answer per question
 * of @bank, which keeps a copy of the question's text.
 *
 * Returns: (transfer full): the interview, or %NULL with @error set and
 *   nothing added
 */
PnlInterview *
pnl_store_create_interview (PnlStore    *self,
                            const char  *candidate_name,
                            const char  *candidate_reference,
                            const char  *role,
                            const char  *round,
                            const char  *interviewer,
                            PnlBank     *bank,
                            GError     **error)
{
  g_autoptr(CreateInterview) create = NULL;
  GListModel *questions;
  guint n_questions;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (candidate_name != NULL, NULL);
  g_return_val_if_fail (PNL_IS_BANK (bank), NULL);

  if (!check_open (self, error))
    return NULL;

  /* Everything the job needs is copied here, on the caller's thread. */
  create = g_new0 (CreateInterview, 1);
  create->uuid = g_uuid_string_random ();
  create->candidate_name = g_strdup (candidate_name);
  create->candidate_reference = g_strdup (candidate_reference ? candidate_reference : "");
  create->role = g_strdup (role ? role : "");
  create->round = g_strdup (round ? round : "");
  create->interviewer = g_strdup (interviewer ? interviewer : "");
  create->bank_id = g_strdup (pnl_bank_get_id (bank));
  create->bank_revision = pnl_bank_get_revision (bank);
  create->scale = node_to_string (pnl_scale_to_json (pnl_bank_get_scale (bank)));
  create->origin = g_strdup (self->identity);
  create->now = now_unix ();
  create->questions = g_ptr_array_new_with_free_func (question_row_free);

  questions = pnl_bank_get_questions (bank);
  n_questions = g_list_model_get_n_items (questions);

  for (guint i = 0; i < n_questions; i++)
    {
      g_autoptr(PnlQuestion) question = g_list_model_get_item (questions, i);
      PnlArea *area = pnl_bank_find_area (bank, pnl_question_get_area_id (question));
      const char *area_title;

      area_title = area ? pnl_area_get_title (area) : pnl_question_get_area_id (question);
      g_ptr_array_add (create->questions, question_row_new (question, area_title));
    }

  if (!pnl_writer_run (self->writer, create_interview_job, create, error))
    return NULL;

  return pnl_store_find_interview (self, create->uuid, error);
}

/* Whether the revision of @interview_id may grow by one and stay what
 * the column holds: an integer no larger than PNL_INTERVIEW_REVISION_MAX
 * (SQLite would turn 2^63 - 1 + 1 into a REAL).  A change that would go
 * past it is refused, with the interview's UUID. */
static gboolean
check_revision_room (PnlDb    *db,
                     gint64    interview_id,
                     GError  **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autofree char *limit = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "SELECT uuid FROM interviews WHERE id = ?1"
                                "  AND (typeof (revision) != 'integer' OR revision >= ?2)",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, interview_id);
  pnl_db_statement_bind_int (stmt, 2, PNL_INTERVIEW_REVISION_MAX);

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_DONE:
      return TRUE;

    case PNL_DB_STEP_ROW:
      limit = g_strdup_printf ("%" G_GINT64_FORMAT, PNL_INTERVIEW_REVISION_MAX);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: the first %s is an interview's UUID, the second a number */
                   _("The interview %s has reached the largest revision, %s: "
                     "no change to it can be saved."),
                   pnl_db_statement_column_text (stmt, 0), limit);
      return FALSE;

    case PNL_DB_STEP_ERROR:
    default:
      return FALSE;
    }
}

typedef struct
{
  gint64  interview_id;
  char   *area_id;
  char   *area_title;
  char   *prompt;
  gint64  now;
  gint64  answer_id;
} AddCustom;

static gboolean
add_custom_job (PnlDb     *db,
                gpointer   data,
                GError   **error)
{
  AddCustom *add = data;
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(PnlQuestion) question = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *question_id = NULL;
  QuestionRow *row;
  gint64 position;
  gint64 n;

  if (!check_revision_room (db, add->interview_id, error))
    return FALSE;

  stmt = pnl_db_prepare_cached (db,
                                "SELECT COALESCE (MAX (position) + 1, 0),"
                                "       (SELECT COUNT (*) FROM custom_questions"
                                "         WHERE interview_id = ?1)"
                                "  FROM answers WHERE interview_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, add->interview_id);

  if (pnl_db_statement_step (stmt, error) != PNL_DB_STEP_ROW)
    return FALSE;

  position = pnl_db_statement_column_int (stmt, 0);
  n = pnl_db_statement_column_int (stmt, 1);
  g_clear_pointer (&stmt, pnl_db_statement_unref);

  /* custom-1, custom-2, ...: the first free one. */
  stmt = pnl_db_prepare_cached (db,
                                "SELECT 1 FROM answers"
                                " WHERE interview_id = ?1 AND question_id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      PnlDbStep step;

      g_free (question_id);
      question_id = g_strdup_printf ("custom-%" G_GINT64_FORMAT, ++n);

      pnl_db_statement_reset (stmt);
      pnl_db_statement_bind_int (stmt, 1, add->interview_id);
      pnl_db_statement_bind_text (stmt, 2, question_id);

      step = pnl_db_statement_step (stmt, error);
      if (step == PNL_DB_STEP_ERROR)
        return FALSE;
      if (step == PNL_DB_STEP_DONE)
        break;
    }
  g_clear_pointer (&stmt, pnl_db_statement_unref);

  stmt = pnl_db_prepare_cached (db,
                                "INSERT INTO custom_questions (interview_id, question_id,"
                                "  area_id, prompt, created_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, add->interview_id);
  pnl_db_statement_bind_text (stmt, 2, question_id);
  pnl_db_statement_bind_text (stmt, 3, add->area_id);
  pnl_db_statement_bind_text (stmt, 4, add->prompt);
  pnl_db_statement_bind_int (stmt, 5, add->now);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, pnl_db_statement_unref);

  question = pnl_question_new_custom (question_id, add->area_id, add->prompt);
  rows = g_ptr_array_new_with_free_func (question_row_free);
  row = question_row_new (question, add->area_title);
  g_ptr_array_add (rows, row);

  if (!insert_answer (db, add->interview_id, position, row, TRUE, error))
    return FALSE;

  add->answer_id = pnl_db_last_insert_id (db);

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE interviews SET revision = revision + 1, updated_at = ?1"
                                " WHERE id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, add->now);
  pnl_db_statement_bind_int (stmt, 2, add->interview_id);

  return pnl_db_statement_execute (stmt, error);
}

/**
 * pnl_store_add_custom_question:
 * @self: a #PnlStore
 * @interview: the interview
 * @area_id: the skill area
 * @area_title: its title, as shown
 * @prompt: the question
 * @error: a location for a #GError
 *
 * Adds a question typed during @interview after its other questions:
 * its copy in custom_questions and its answer, in one transaction.  Its
 * id is "custom-<n>".
 *
 * Returns: (transfer full): the new answer, or %NULL with @error set
 */
PnlAnswer *
pnl_store_add_custom_question (PnlStore      *self,
                               PnlInterview  *interview,
                               const char    *area_id,
                               const char    *area_title,
                               const char    *prompt,
                               GError       **error)
{
  AddCustom add = { 0 };
  g_autofree char *owned_area_id = NULL;
  g_autofree char *owned_area_title = NULL;
  g_autofree char *owned_prompt = NULL;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), NULL);
  g_return_val_if_fail (area_id != NULL, NULL);
  g_return_val_if_fail (prompt != NULL, NULL);

  if (!check_open (self, error))
    return NULL;

  if (is_foreign_id (self, pnl_interview_get_id (interview)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("This is another interviewer’s scorecard: it is read only here."));
      return NULL;
    }

  add.interview_id = pnl_interview_get_id (interview);
  add.area_id = owned_area_id = g_strdup (area_id);
  add.area_title = owned_area_title = g_strdup (area_title ? area_title : area_id);
  add.prompt = owned_prompt = g_strdup (prompt);
  add.now = now_unix ();

  if (!pnl_writer_run (self->writer, add_custom_job, &add, error))
    return NULL;

  return find_answer (self, add.answer_id, error);
}

typedef struct
{
  gint64          interview_id;
  guint           position;
  char           *question_id;
  char           *area_id;
  char           *area_title;
  char           *prompt;
  char           *snapshot;
  gboolean        asked;
  int             score;
  char           *notes;
  PnlAnswerFlags  flags;
  guint           seconds;
  gint64          now;
} CustomChange;

static void
custom_change_free (gpointer data)
{
  CustomChange *change = data;

  g_free (change->question_id);
  g_free (change->area_id);
  g_free (change->area_title);
  g_free (change->prompt);
  g_free (change->snapshot);
  g_free (change->notes);
  g_free (change);
}

static CustomChange *
custom_change_new (PnlAnswer *answer)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  CustomChange *change;

  change = g_new0 (CustomChange, 1);
  change->interview_id = pnl_answer_get_interview_id (answer);
  change->position = pnl_answer_get_position (answer);
  change->question_id = g_strdup (pnl_question_get_id (question));
  change->area_id = g_strdup (pnl_question_get_area_id (question));
  change->area_title = g_strdup (pnl_answer_get_area_title (answer));
  change->prompt = g_strdup (pnl_question_get_prompt (question));
  change->snapshot = node_to_string (pnl_question_to_json (question));
  change->asked = pnl_answer_get_asked (answer);
  change->score = pnl_answer_get_score (answer);
  change->notes = g_strdup (pnl_answer_get_notes (answer));
  change->flags = pnl_answer_get_flags (answer);
  change->seconds = pnl_answer_get_seconds (answer);
  change->now = now_unix ();

  return change;
}

static char *
custom_change_key (const char   *kind,
                   CustomChange *change)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s",
                          kind, change->interview_id, change->question_id);
}

static gboolean bump_revision (PnlDb    *db,
                               gint64    interview_id,
                               gint64    now,
                               GError  **error);
static gboolean check_saved   (PnlDb    *db,
                               GError  **error);

static gboolean
rename_custom_job (PnlDb     *db,
                   gpointer   data,
                   GError   **error)
{
  CustomChange *change = data;
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE answers SET prompt = ?1, question = ?2"
                                " WHERE interview_id = ?3 AND question_id = ?4 AND custom = 1",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, change->prompt);
  pnl_db_statement_bind_text (stmt, 2, change->snapshot);
  pnl_db_statement_bind_int (stmt, 3, change->interview_id);
  pnl_db_statement_bind_text (stmt, 4, change->question_id);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;

  if (!check_saved (db, error))
    return FALSE;
  g_clear_pointer (&stmt, pnl_db_statement_unref);

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE custom_questions SET prompt = ?1"
                                " WHERE interview_id = ?2 AND question_id = ?3",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, change->prompt);
  pnl_db_statement_bind_int (stmt, 2, change->interview_id);
  pnl_db_statement_bind_text (stmt, 3, change->question_id);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;

  return bump_revision (db, change->interview_id, change->now, error);
}

/* Deletes both rows of a custom question; whether there was one. */
static gboolean
delete_custom (PnlDb         *db,
               CustomChange  *change,
               gboolean      *deleted,
               GError       **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "DELETE FROM answers"
                                " WHERE interview_id = ?1 AND question_id = ?2 AND custom = 1",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, change->interview_id);
  pnl_db_statement_bind_text (stmt, 2, change->question_id);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;

  *deleted = pnl_db_changes (db) > 0;
  g_clear_pointer (&stmt, pnl_db_statement_unref);

  stmt = pnl_db_prepare_cached (db,
                                "DELETE FROM custom_questions"
                                " WHERE interview_id = ?1 AND question_id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, change->interview_id);
  pnl_db_statement_bind_text (stmt, 2, change->question_id);

  return pnl_db_statement_execute (stmt, error);
}

static gboolean
remove_custom_job (PnlDb     *db,
                   gpointer   data,
                   GError   **error)
{
  CustomChange *change = data;
  gboolean deleted = FALSE;

  if (!delete_custom (db, change, &deleted, error))
    return FALSE;

  /* Already gone (its interview was forgotten): nothing to change. */
  if (!deleted)
    return TRUE;

  return bump_revision (db, change->interview_id, change->now, error);
}

static gboolean
restore_custom_job (PnlDb     *db,
                    gpointer   data,
                    GError   **error)
{
  CustomChange *change = data;
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(PnlQuestion) question = NULL;
  QuestionRow *row;
  gboolean deleted = FALSE;
  gboolean ok;

  if (!check_revision_room (db, change->interview_id, error))
    return FALSE;

  /* When the removal did not run yet, this replaced it: the rows are
   * still there, and are written again whole. */
  if (!delete_custom (db, change, &deleted, error))
    return FALSE;

  stmt = pnl_db_prepare_cached (db,
                                "INSERT INTO custom_questions (interview_id, question_id,"
                                "  area_id, prompt, created_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, change->interview_id);
  pnl_db_statement_bind_text (stmt, 2, change->question_id);
  pnl_db_statement_bind_text (stmt, 3, change->area_id);
  pnl_db_statement_bind_text (stmt, 4, change->prompt);
  pnl_db_statement_bind_int (stmt, 5, change->now);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, pnl_db_statement_unref);

  question = pnl_question_new_custom (change->question_id, change->area_id, change->prompt);
  row = question_row_new (question, change->area_title);
  ok = insert_answer (db, change->interview_id, change->position, row, TRUE, error);
  question_row_free (row);
  if (!ok)
    return FALSE;

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE answers SET asked = ?1, score = ?2, notes = ?3,"
                                "  flags = ?4, seconds = ?5"
                                " WHERE interview_id = ?6 AND question_id = ?7",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, change->asked);
  if (change->score > 0)
    pnl_db_statement_bind_int (stmt, 2, change->score);
  else
    pnl_db_statement_bind_null (stmt, 2);
  pnl_db_statement_bind_text (stmt, 3, change->notes);
  pnl_db_statement_bind_int (stmt, 4, change->flags);
  pnl_db_statement_bind_int (stmt, 5, change->seconds);
  pnl_db_statement_bind_int (stmt, 6, change->interview_id);
  pnl_db_statement_bind_text (stmt, 7, change->question_id);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;

  return bump_revision (db, change->interview_id, change->now, error);
}

/* Queues @func on a CustomChange of @answer under its @kind key.  Like
 * every save, nothing is queued for another interviewer's interview. */
static void
push_custom_change (PnlStore      *self,
                    PnlAnswer     *answer,
                    const char    *kind,
                    PnlWriterFunc  func)
{
  CustomChange *change;
  g_autofree char *key = NULL;

  g_return_if_fail (PNL_IS_STORE (self));
  g_return_if_fail (PNL_IS_ANSWER (answer));
  g_return_if_fail (pnl_answer_get_custom (answer));

  if (is_foreign_id (self, pnl_answer_get_interview_id (answer)))
    return;

  change = custom_change_new (answer);
  key = custom_change_key (kind, change);

  pnl_writer_push (self->writer, key, func, change, custom_change_free);
}

/**
 * pnl_store_rename_custom_question:
 * @self: a #PnlStore
 * @answer: the answer of a custom question, holding the new prompt
 *
 * Queues the prompt of @answer's question, in its answer row and in
 * custom_questions.
 */
void
pnl_store_rename_custom_question (PnlStore  *self,
                                  PnlAnswer *answer)
{
  push_custom_change (self, answer, "prompt", rename_custom_job);
}

/**
 * pnl_store_remove_custom_question:
 * @self: a #PnlStore
 * @answer: the answer of a custom question
 *
 * Queues the removal of @answer and of its question.  It takes the
 * place of a save of @answer still waiting (the same key), so no save
 * of it runs after it.
 */
void
pnl_store_remove_custom_question (PnlStore  *self,
                                  PnlAnswer *answer)
{
  push_custom_change (self, answer, "answer", remove_custom_job);
}

/**
 * pnl_store_restore_custom_question:
 * @self: a #PnlStore
 * @answer: the answer of a custom question removed before
 *
 * Queues @answer's return: its question and its answer, at its position,
 * with what it holds now.
 */
void
pnl_store_restore_custom_question (PnlStore  *self,
                                   PnlAnswer *answer)
{
  push_custom_change (self, answer, "answer", restore_custom_job);
}

/* Saving ----------------------------------------------------------------- */

/* A save that matched no row saved nothing: an error, kept queued and
 * retried like any other, never taken for success. */
static gboolean
check_saved (PnlDb   *db,
             GError **error)
{
  if (pnl_db_changes (db) > 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("A change could not be saved: what it belongs to is no longer in “%s”."),
               pnl_db_get_path (db));
  return FALSE;
}

static gboolean
bump_revision (PnlDb    *db,
               gint64    interview_id,
               gint64    now,
               GError  **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  if (!check_revision_room (db, interview_id, error))
    return FALSE;

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE interviews SET revision = revision + 1, updated_at = ?1"
                                " WHERE id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, now);
  pnl_db_statement_bind_int (stmt, 2, interview_id);

  return pnl_db_statement_execute (stmt, error);
}

typedef struct
{
  gint64          interview_id;
  char           *question_id;
  gboolean        asked;
  int             score;
  char           *notes;
  PnlAnswerFlags  flags;
  guint           seconds;
  gint64          now;
} SaveAnswer;

static void
save_answer_free (gpointer data)
{
  SaveAnswer *save = data;

  g_free (save->question_id);
  g_free (save->notes);
  g_free (save);
}

static gboolean
save_answer_job (PnlDb     *db,
                 gpointer   data,
                 GError   **error)
{
  SaveAnswer *save = data;
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE answers SET asked = ?1, score = ?2, notes = ?3,"
                                "  flags = ?4, seconds = ?5"
                                " WHERE interview_id = ?6 AND question_id = ?7",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, save->asked);
  if (save->score > 0)
    pnl_db_statement_bind_int (stmt, 2, save->score);
  else
    pnl_db_statement_bind_null (stmt, 2);
  pnl_db_statement_bind_text (stmt, 3, save->notes);
  pnl_db_statement_bind_int (stmt, 4, save->flags);
  pnl_db_statement_bind_int (stmt, 5, save->seconds);
  pnl_db_statement_bind_int (stmt, 6, save->interview_id);
  pnl_db_statement_bind_text (stmt, 7, save->question_id);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;

  if (!check_saved (db, error))
    return FALSE;

  return bump_revision (db, save->interview_id, save->now, error);
}

/**
 * pnl_store_save_answer:
 * @self: a #PnlStore
 * @answer: a #PnlAnswer
 *
 * Queues what @answer holds now.  A save of the same answer still
 * waiting is replaced by this one.  An answer of another interviewer's
 * interview (pnl_store_interview_is_mine()) is refused: nothing is
 * queued, and its revision never rises.
 *
 * Returns: %TRUE when the save is queued
 */
gboolean
pnl_store_save_answer (PnlStore  *self,
                       PnlAnswer *answer)
{
  SaveAnswer *save;
  g_autofree char *key = NULL;

  g_return_val_if_fail (PNL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PNL_IS_ANSWER (answer), FALSE);

  if (is_foreign_id (self, pnl_answer_get_interview_id (answer)))
    return FALSE;

  save = g_new0 (SaveAnswer, 1);
  save->interview_id = pnl_answer_get_interview_id (answer);
  save->question_id = g_strdup (pnl_question_get_id (pnl_answer_get_question (answer)));
  save->asked = pnl_answer_get_asked (answer);
  save->score = pnl_answer_get_score (answer);
  save->notes = g_strdup (pnl_answer_get_notes (answer));
  save->flags = pnl_answer_get_flags (answer);
  save->seconds = pnl_answer_get_seconds (answer);
  save->now = now_unix ();

  /* By interview and question: an import may give the rows other ids. */
  key = g_strdup_printf ("answer:%" G_GINT64_FORMAT ":%s", save->interview_id, save->question_id);

  pnl_writer_push (self->writer, key, save_answer_job, save, save_answer_free);

  return TRUE;
}

typedef struct
{
  gint64    interview_id;
  char     *round;
  char     *interviewer;
  char     *summary;
  char     *state;
  char     *recommendation;
  gboolean  has_ended_at;
  gint64    ended_at;
  gint64    now;
} SaveInterview;

static void
save_interview_free (gpointer data)
{
  SaveInterview *save = data;

  g_free (save->round);
  g_free (save->interviewer);
  g_free (save->summary);
  g_free (save->state);
  g_free (save->recommendation);
  g_free (save);
}

static gboolean
save_interview_job (PnlDb     *db,
                    gpointer   data,
                    GError   **error)
{
  SaveInterview *save = data;
  g_autoptr(PnlDbStatement) stmt = NULL;

  if (!check_revision_room (db, save->interview_id, error))
    return FALSE;

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE interviews SET round = ?1, interviewer = ?2,"
                                "  state = ?3, recommendation = ?4, summary = ?5,"
                                "  ended_at = ?6, revision = revision + 1, updated_at = ?7"
                                " WHERE id = ?8",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, save->round);
  pnl_db_statement_bind_text (stmt, 2, save->interviewer);
  pnl_db_statement_bind_text (stmt, 3, save->state);
  pnl_db_statement_bind_text (stmt, 4, save->recommendation);
  pnl_db_statement_bind_text (stmt, 5, save->summary);
  if (save->has_ended_at)
    pnl_db_statement_bind_int (stmt, 6, save->ended_at);
  else
    pnl_db_statement_bind_null (stmt, 6);
  pnl_db_statement_bind_int (stmt, 7, save->now);
  pnl_db_statement_bind_int (stmt, 8, save->interview_id);

  return pnl_db_statement_execute (stmt, error) && check_saved (db, error);
}

/**
 * pnl_store_save_interview:
 * @self: a #PnlStore
 * @interview: a #PnlInterview
 *
 * Queues what the editable fields of @interview hold now: round,
 * interviewer, state, recommendation, summary and end time.  Another
 * interviewer's interview is refused, like pnl_store_save_answer().
 *
 * Returns: %TRUE when the save is queued
 */
gboolean
pnl_store_save_interview (PnlStore     *self,
                          PnlInterview *interview)
{
  PnlRecommendation recommendation;
  SaveInterview *save;
  GDateTime *ended_at;
  char key[48];

  g_return_val_if_fail (PNL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);

  if (is_foreign_id (self, pnl_interview_get_id (interview)))
    return FALSE;

  recommendation = pnl_interview_get_recommendation (interview);
  ended_at = pnl_interview_get_ended_at (interview);

  save = g_new0 (SaveInterview, 1);
  save->interview_id = pnl_interview_get_id (interview);
  save->round = g_strdup (pnl_interview_get_round (interview));
  save->interviewer = g_strdup (pnl_interview_get_interviewer (interview));
  save->summary = g_strdup (pnl_interview_get_summary (interview));
  save->state = g_strdup (pnl_interview_state_to_string (pnl_interview_get_state (interview)));
  if (recommendation != PNL_RECOMMENDATION_NONE)
    save->recommendation = g_strdup (pnl_recommendation_to_string (recommendation));
  save->has_ended_at = ended_at != NULL;
  save->ended_at = ended_at ? g_date_time_to_unix (ended_at) : 0;
  save->now = now_unix ();

  g_snprintf (key, sizeof key, "interview:%" G_GINT64_FORMAT, save->interview_id);

  pnl_writer_push (self->writer, key, save_interview_job, save, save_interview_free);

  return TRUE;
}

/**
 * pnl_store_flush:
 * @self: a #PnlStore
 * @error: a location for a #GError
 *
 * Waits until every save queued before the call is on disk; retries at
 * once when saves were failing.
 *
 * Returns: %TRUE when they are; %FALSE with @error when they failed
 *   again, and they stay queued
 */
gboolean
pnl_store_flush (PnlStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (PNL_IS_STORE (self), FALSE);

  return pnl_writer_flush (self->writer, error);
}

guint
pnl_store_get_n_pending (PnlStore *self)
{
  g_return_val_if_fail (PNL_IS_STORE (self), 0);

  return pnl_writer_get_n_pending (self->writer);
}

/**
 * pnl_store_close:
 * @self: a #PnlStore
 * @error: a location for a #GError
 *
 * Saves everything queued and closes both connections.  When the saves
 * fail, nothing is closed: the error is returned and they stay queued.
 *
 * Returns: %TRUE when everything is saved and the file closed
 */
gboolean
pnl_store_close (PnlStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (PNL_IS_STORE (self), FALSE);

  if (self->closed)
    return TRUE;

  if (!pnl_writer_flush (self->writer, error))
    return FALSE;

  /* The writer's connection closes last, so that the final checkpoint
   * runs on its thread. */
  g_clear_object (&self->db);

  if (!pnl_writer_close (self->writer, error))
    return FALSE;

  self->closed = TRUE;

  return TRUE;
}

/* Object ----------------------------------------------------------------- */

static void
writer_failed_cb (PnlStore     *self,
                  const GError *error,
                  PnlWriter    *writer)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static void
writer_recovered_cb (PnlStore  *self,
                     PnlWriter *writer)
{
  g_signal_emit (self, signals[SAVE_RECOVERED], 0);
}

static void
pnl_store_dispose (GObject *object)
{
  PnlStore *self = (PnlStore *)object;

  if (self->writer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->writer, self);

      /* Disposing the writer saves what it can. */
      g_clear_object (&self->db);
      g_clear_object (&self->writer);
    }

  g_clear_object (&self->db);

  G_OBJECT_CLASS (pnl_store_parent_class)->dispose (object);
}

static void
pnl_store_finalize (GObject *object)
{
  PnlStore *self = (PnlStore *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->identity, g_free);
  g_clear_pointer (&self->owners, g_hash_table_unref);
  g_mutex_clear (&self->owners_lock);

  G_OBJECT_CLASS (pnl_store_parent_class)->finalize (object);
}

static void
pnl_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PnlStore *self = PNL_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PnlStore *self = PNL_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_store_class_init (PnlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pnl_store_dispose;
  object_class->finalize = pnl_store_finalize;
  object_class->get_property = pnl_store_get_property;
  object_class->set_property = pnl_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PnlStore::save-failed:
   * @self: a #PnlStore
   * @error: why
   *
   * Saves are failing (a full disk, a read-only file, ...).  They stay
   * queued and are retried.  Emitted once until #PnlStore::save-recovered.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * PnlStore::save-recovered:
   * @self: a #PnlStore
   *
   * Saves succeed again after #PnlStore::save-failed.
   */
  signals[SAVE_RECOVERED] =
    g_signal_new ("save-recovered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
pnl_store_init (PnlStore *self)
{
  g_mutex_init (&self->owners_lock);
  self->owners = g_hash_table_new (NULL, NULL);
}

/**
 * pnl_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/panelist/panelist.db`
 */
char *
pnl_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "panelist", "panelist.db", NULL);
}

/**
 * pnl_store_new:
 * @path: the database file
 * @error: a location for a #GError
 *
 * Opens the store at @path: the folder (0700) and the file (0600) are
 * made when missing, the schema is brought up to date, and the writer
 * thread starts.  A database newer than this build is refused untouched
 * with %PNL_DB_ERROR_NEWER.  A file that is not a database, or that is
 * damaged, is refused untouched with %SQLITE_NOTADB or %SQLITE_CORRUPT
 * (pnl_db_error_is_damage()); see pnl_store_new_or_set_aside().
 *
 * Returns: (transfer full): a new #PnlStore, or %NULL with @error set
 */
PnlStore *
pnl_store_new (const char  *path,
               GError     **error)
{
  return pnl_store_new_full (path, PNL_STORE_OPEN_NONE, error);
}

/**
 * pnl_store_check_file:
 * @path: the database file
 * @error: a location for a #GError
 *
 * Reads the file through as pnl_store_new() does before using it, on a
 * connection of its own: an app can run it on a thread while it starts,
 * then open with %PNL_STORE_OPEN_CHECKED.  A missing file is made, as
 * pnl_store_new() would.
 *
 * Returns: %TRUE when the file is sound
 */
gboolean
pnl_store_check_file (const char  *path,
                      GError     **error)
{
  g_autoptr(PnlDb) db = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE | PNL_DB_OPEN_CHECK, error);

  return db != NULL;
}

/**
 * pnl_store_new_full:
 * @path: the database file
 * @flags: %PNL_STORE_OPEN_CHECKED when pnl_store_check_file() has just
 *   passed on @path, so that it is not read through twice
 * @error: a location for a #GError
 *
 * See pnl_store_new().
 *
 * Returns: (transfer full): a new #PnlStore, or %NULL with @error set
 */
PnlStore *
pnl_store_new_full (const char         *path,
                    PnlStoreOpenFlags   flags,
                    GError            **error)
{
  g_autoptr(PnlStore) self = NULL;
  PnlDbOpenFlags db_flags = PNL_DB_OPEN_READ_WRITE;

  g_return_val_if_fail (path != NULL, NULL);

  if ((flags & PNL_STORE_OPEN_CHECKED) == 0)
    db_flags |= PNL_DB_OPEN_CHECK;

  self = g_object_new (PNL_TYPE_STORE,
                       "path", path,
                       NULL);

  if (!(self->db = pnl_db_open (path, db_flags, error)) ||
      !pnl_db_migrate (self->db, migrations, G_N_ELEMENTS (migrations), error) ||
      !(self->identity = read_identity (self, error)))
    return NULL;

  /* From here on this connection only reads: the writer's does every
   * change, and checkpoints, on its own thread. */
  if (!pnl_db_exec (self->db,
                    "PRAGMA wal_autocheckpoint = 0;"
                    "PRAGMA query_only = 1;",
                    error))
    return NULL;

  if (!(self->writer = pnl_writer_new (path, error)))
    return NULL;

  g_signal_connect_object (self->writer, "failed",
                           G_CALLBACK (writer_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->writer, "recovered",
                           G_CALLBACK (writer_recovered_cb), self,
                           G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

/**
 * pnl_store_get_identity:
 * @self: a #PnlStore
 *
 * The identity of this installation: a random UUID made once, when the
 * database was created (or migrated to version 6), and kept in it.  It
 * is the origin of every interview created here.
 *
 * Returns: the identity, in lower case
 */
const char *
pnl_store_get_identity (PnlStore *self)
{
  g_return_val_if_fail (PNL_IS_STORE (self), NULL);

  return self->identity;
}

/**
 * pnl_store_interview_is_mine:
 * @self: a #PnlStore
 * @interview: a #PnlInterview
 *
 * Whether @interview is this installation's own: its origin is this
 * database's identity (docs/database.md, "Whose scorecard it is").
 * Every other interview is another interviewer's, and read only here.
 *
 * Returns: %TRUE when it is
 */
gboolean
pnl_store_interview_is_mine (PnlStore     *self,
                             PnlInterview *interview)
{
  g_return_val_if_fail (PNL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);

  return g_strcmp0 (pnl_interview_get_origin (interview), self->identity) == 0;
}

/**
 * pnl_store_new_or_set_aside:
 * @path: the database file
 * @set_aside_path: (out) (optional): where the damaged file went, or %NULL
 * @error: a location for a #GError
 *
 * Like pnl_store_new(), but when the file at @path is not a database or
 * is damaged, it is kept under a new name with its log
 * (pnl_db_set_aside(): nothing is replaced or deleted) and a new
 * database is started at @path.  Then @set_aside_path holds the new name
 * of the damaged file; otherwise it is %NULL.
 *
 * Returns: (transfer full): a new #PnlStore, or %NULL with @error set
 */
PnlStore *
pnl_store_new_or_set_aside (const char  *path,
                            char       **set_aside_path,
                            GError     **error)
{
  return pnl_store_new_or_set_aside_full (path, PNL_STORE_OPEN_NONE, set_aside_path, error);
}

PnlStore *
pnl_store_new_or_set_aside_full (const char         *path,
                                 PnlStoreOpenFlags   flags,
                                 char              **set_aside_path,
                                 GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) aside_error = NULL;
  g_autofree char *kept = NULL;
  PnlStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (set_aside_path != NULL)
    *set_aside_path = NULL;

  if ((self = pnl_store_new_full (path, flags, &local_error)))
    return self;

  if (!pnl_db_error_is_damage (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!(kept = pnl_db_set_aside (path, &aside_error)))
    {
      g_set_error (error, PNL_DB_ERROR, local_error->code,
                   /* Translators: two sentences: what is wrong, and why it could not be moved away */
                   _("%s It could not be kept aside to start a new database: %s"),
                   local_error->message, aside_error->message);
      return NULL;
    }

  g_message ("The damaged database was kept as “%s”; a new one is started", kept);

  if (!(self = pnl_store_new (path, error)))
    return NULL;

  if (set_aside_path != NULL)
    *set_aside_path = g_steal_pointer (&kept);

  return self;
}

const char *
pnl_store_get_path (PnlStore *self)
{
  g_return_val_if_fail (PNL_IS_STORE (self), NULL);

  return self->path;
}

/* Scorecards ------------------------------------------------------------- */

/* Reads interview @uuid and its answers with @db: the store's own
 * connection, or the writer's from inside one of its jobs. */
static PnlScorecard *
load_scorecard (PnlStore    *self,
                PnlDb       *db,
                const char  *uuid,
                GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListStore) answers = NULL;

  stmt = pnl_db_prepare_cached (db, INTERVIEW_SELECT " WHERE i.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_text (stmt, 1, uuid);

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      if (!(interview = interview_from_row (self, stmt, error)))
        return NULL;
      break;

    case PNL_DB_STEP_DONE:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no interview %s in “%s”."),
                   uuid, self->path);
      return NULL;

    case PNL_DB_STEP_ERROR:
    default:
      return NULL;
    }

  g_clear_pointer (&stmt, pnl_db_statement_unref);

  stmt = pnl_db_prepare_cached (db,
                                ANSWER_SELECT
                                " WHERE interview_id = ?1 ORDER BY position, id",
                                error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_int (stmt, 1, pnl_interview_get_id (interview));

  answers = g_list_store_new (PNL_TYPE_ANSWER);
  if (!collect_rows (self, stmt, (RowFunc) answer_from_row, answers, error))
    return NULL;

  return pnl_scorecard_new (interview, G_LIST_MODEL (answers));
}

/**
 * pnl_store_load_scorecard:
 * @self: a #PnlStore
 * @uuid: the interview's UUID
 * @error: a location for a #GError
 *
 * An unknown @uuid is a %G_IO_ERROR_NOT_FOUND error.
 *
 * Returns: (transfer full): the interview and its answers, or %NULL
 *   with @error set
 */
PnlScorecard *
pnl_store_load_scorecard (PnlStore    *self,
                          const char  *uuid,
                          GError     **error)
{
  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!check_open (self, error))
    return NULL;

  return load_scorecard (self, self->db, uuid, error);
}

/**
 * pnl_store_list_scorecards:
 * @self: a #PnlStore
 * @error: a location for a #GError
 *
 * Returns: (transfer container) (element-type PnlScorecard): every
 *   interview with its answers, in the order of their UUIDs
 */
GPtrArray *
pnl_store_list_scorecards (PnlStore  *self,
                           GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = pnl_db_prepare (self->db, "SELECT uuid FROM interviews ORDER BY uuid", error);
  if (stmt == NULL)
    return NULL;

  uuids = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      PnlDbStep step = pnl_db_statement_step (stmt, error);

      if (step == PNL_DB_STEP_ERROR)
        return NULL;
      if (step == PNL_DB_STEP_DONE)
        break;

      g_ptr_array_add (uuids, g_strdup (pnl_db_statement_column_text (stmt, 0)));
    }

  g_clear_pointer (&stmt, pnl_db_statement_unref);

  cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < uuids->len; i++)
    {
      PnlScorecard *card = load_scorecard (self, self->db, g_ptr_array_index (uuids, i), error);

      if (card == NULL)
        return NULL;

      g_ptr_array_add (cards, card);
    }

  return g_steal_pointer (&cards);
}

typedef struct
{
  QuestionRow    *row;
  gboolean        custom;
  gboolean        asked;
  int             score;
  char           *notes;
  PnlAnswerFlags  flags;
  guint           seconds;
} ImportAnswer;

static void
import_answer_free (gpointer data)
{
  ImportAnswer *answer = data;

  question_row_free (answer->row);
  g_free (answer->notes);
  g_free (answer);
}

/* One scorecard, copied on the caller's thread. */
typedef struct
{
  char      *uuid;
  gint64     revision;
  char      *candidate_name;
  char      *candidate_reference;
  char      *role;
  char      *round;
  char      *interviewer;
  char      *bank_id;
  guint      bank_revision;
  char      *scale;
  char      *state;
  char      *recommendation;
  char      *summary;
  gint64     started_at;
  gboolean   has_ended_at;
  gint64     ended_at;
  char      *origin;
  /* The scorecard as written: what a copy at the same revision is
   * compared with. */
  char      *canonical;
  GPtrArray *answers;
} ImportCard;

static void
import_card_free (gpointer data)
{
  ImportCard *card = data;

  g_free (card->uuid);
  g_free (card->candidate_name);
  g_free (card->candidate_reference);
  g_free (card->role);
  g_free (card->round);
  g_free (card->interviewer);
  g_free (card->bank_id);
  g_free (card->scale);
  g_free (card->state);
  g_free (card->recommendation);
  g_free (card->summary);
  g_free (card->origin);
  g_free (card->canonical);
  g_clear_pointer (&card->answers, g_ptr_array_unref);
  g_free (card);
}

static ImportCard *
import_card_new (PnlScorecard  *scorecard,
                 GError       **error)
{
  PnlInterview *interview = pnl_scorecard_get_interview (scorecard);
  GListModel *answers = pnl_scorecard_get_answers (scorecard);
  PnlRecommendation recommendation = pnl_interview_get_recommendation (interview);
  GDateTime *ended_at = pnl_interview_get_ended_at (interview);
  g_autofree char *canonical = NULL;
  ImportCard *card;
  guint n_answers;

  /* The reader refuses such a file; a scorecard built otherwise must
   * not bring a revision the column cannot keep either. */
  if (pnl_interview_get_revision (interview) < 1 ||
      pnl_interview_get_revision (interview) > PNL_INTERVIEW_REVISION_MAX)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 pnl_interview_get_revision (interview));
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, PNL_INTERVIEW_REVISION_MAX);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: the first %s is an interview's UUID, the others numbers */
                   _("The interview %s has the revision %s; a revision must lie "
                     "between 1 and %s."),
                   pnl_interview_get_uuid (interview), number, limit);
      return NULL;
    }

  if (!(canonical = pnl_scorecard_to_string (scorecard, error)))
    return NULL;

  card = g_new0 (ImportCard, 1);
  card->uuid = g_strdup (pnl_interview_get_uuid (interview));
  card->revision = pnl_interview_get_revision (interview);
  card->candidate_name = g_strdup (pnl_interview_get_candidate_name (interview));
  card->candidate_reference = g_strdup (pnl_interview_get_candidate_reference (interview));
  card->role = g_strdup (pnl_interview_get_role (interview));
  card->round = g_strdup (pnl_interview_get_round (interview));
  card->interviewer = g_strdup (pnl_interview_get_interviewer (interview));
  card->bank_id = g_strdup (pnl_interview_get_bank_id (interview));
  card->bank_revision = pnl_interview_get_bank_revision (interview);
  card->scale = node_to_string (pnl_scale_to_json (pnl_interview_get_scale (interview)));
  card->state = g_strdup (pnl_interview_state_to_string (pnl_interview_get_state (interview)));
  if (recommendation != PNL_RECOMMENDATION_NONE)
    card->recommendation = g_strdup (pnl_recommendation_to_string (recommendation));
  card->summary = g_strdup (pnl_interview_get_summary (interview));
  card->started_at = g_date_time_to_unix (pnl_interview_get_started_at (interview));
  card->has_ended_at = ended_at != NULL;
  card->ended_at = ended_at ? g_date_time_to_unix (ended_at) : 0;
  card->origin = g_strdup (pnl_interview_get_origin (interview));
  card->canonical = g_steal_pointer (&canonical);
  card->answers = g_ptr_array_new_with_free_func (import_answer_free);

  n_answers = g_list_model_get_n_items (answers);
  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);
      ImportAnswer *copy = g_new0 (ImportAnswer, 1);

      copy->row = question_row_new (pnl_answer_get_question (answer),
                                    pnl_answer_get_area_title (answer));
      copy->custom = pnl_answer_get_custom (answer);
      copy->asked = pnl_answer_get_asked (answer);
      copy->score = pnl_answer_get_score (answer);
      copy->notes = g_strdup (pnl_answer_get_notes (answer));
      copy->flags = pnl_answer_get_flags (answer) & KNOWN_FLAGS;
      copy->seconds = pnl_answer_get_seconds (answer);
      g_ptr_array_add (card->answers, copy);
    }

  return card;
}

/* The interview here that an arrival is compared with. */
typedef struct
{
  gboolean  found;
  gint64    id;
  gint64    revision;
  gint64    synced_revision;
  char     *candidate_name;
  char     *candidate_reference;
  char     *interviewer;
  char     *role;
  char     *bank_id;
} LocalInterview;

static void
local_interview_clear (LocalInterview *local)
{
  g_free (local->candidate_name);
  g_free (local->candidate_reference);
  g_free (local->interviewer);
  g_free (local->role);
  g_free (local->bank_id);
  memset (local, 0, sizeof *local);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LocalInterview, local_interview_clear)

typedef struct
{
  /* Only its path is used on the writer thread, for messages. */
  PnlStore   *store;
  GPtrArray  *cards;
  /* PnlImportResult, one per card imported so far */
  GArray     *results;
  const char *source;
  gint64      now;
  /* The first card the next batch imports. */
  guint       next;
} ImportJob;

/* A batch of an import stops once it has run this long, so that another
 * writer never waits long behind it; the importing thread then pauses
 * for IMPORT_PAUSE_US, long enough for a writer waiting in SQLite's busy
 * handler (which looks again every 100 ms at most) to get in. */
#define IMPORT_BATCH_US (100 * G_TIME_SPAN_MILLISECOND)
#define IMPORT_PAUSE_US (110 * G_TIME_SPAN_MILLISECOND)

static gboolean
find_local_interview (PnlDb           *db,
                      const char      *uuid,
                      LocalInterview  *local,
                      GError         **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "SELECT i.id, i.revision, i.synced_revision, c.name, c.reference,"
                                "       i.interviewer, i.role, i.bank_id"
                                "  FROM interviews i JOIN candidates c ON c.id = i.candidate_id"
                                " WHERE i.uuid = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, uuid);

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      local->found = TRUE;
      local->id = pnl_db_statement_column_int (stmt, 0);
      local->revision = pnl_db_statement_column_int (stmt, 1);
      local->synced_revision = pnl_db_statement_column_int (stmt, 2);
      local->candidate_name = g_strdup (pnl_db_statement_column_text (stmt, 3));
      local->candidate_reference = g_strdup (pnl_db_statement_column_text (stmt, 4));
      local->interviewer = g_strdup (pnl_db_statement_column_text (stmt, 5));
      local->role = g_strdup (pnl_db_statement_column_text (stmt, 6));
      local->bank_id = g_strdup (pnl_db_statement_column_text (stmt, 7));
      return TRUE;

    case PNL_DB_STEP_DONE:
      return TRUE;

    case PNL_DB_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
is_forgotten (PnlDb       *db,
              const char  *uuid,
              gboolean    *forgotten,
              GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db, "SELECT 1 FROM forgotten WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, uuid);

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      *forgotten = TRUE;
      return TRUE;

    case PNL_DB_STEP_DONE:
      *forgotten = FALSE;
      return TRUE;

    case PNL_DB_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* The fields fixed at creation in which @card differs from @local. */
static PnlIdentityFields
identity_differs (const LocalInterview *local,
                  const ImportCard     *card)
{
  PnlIdentityFields fields = 0;

  if (g_strcmp0 (local->candidate_name, card->candidate_name) != 0)
    fields |= PNL_IDENTITY_CANDIDATE_NAME;
  if (g_strcmp0 (local->candidate_reference, card->candidate_reference) != 0)
    fields |= PNL_IDENTITY_CANDIDATE_REFERENCE;
  if (g_strcmp0 (local->interviewer, card->interviewer) != 0)
    fields |= PNL_IDENTITY_INTERVIEWER;
  if (g_strcmp0 (local->role, card->role) != 0)
    fields |= PNL_IDENTITY_ROLE;
  if (g_strcmp0 (local->bank_id, card->bank_id) != 0)
    fields |= PNL_IDENTITY_BANK;

  return fields;
}

/* Whether a lease counts: not when its process, on this machine, is
 * gone, nor when it was not refreshed for PNL_STORE_LEASE_STALE_S; this
 * process's own always does. */
static gboolean
lease_counts (const char *host,
              gint64      pid,
              gint64      heartbeat_at,
              gint64      now)
{
  gboolean this_host = g_strcmp0 (host, g_get_host_name ()) == 0;

  if (this_host && pid == (gint64) getpid ())
    return TRUE;

  if (this_host && pid > 0 && pid <= G_MAXINT &&
      kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return FALSE;

  return now - heartbeat_at <= PNL_STORE_LEASE_STALE_S;
}

static gboolean
is_leased (PnlDb     *db,
           gint64     interview_id,
           gint64     now,
           gboolean  *leased,
           GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  PnlDbStep step;

  stmt = pnl_db_prepare_cached (db,
                                "SELECT host, pid, heartbeat_at FROM leases WHERE interview_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, interview_id);

  *leased = FALSE;
  while ((step = pnl_db_statement_step (stmt, error)) == PNL_DB_STEP_ROW)
    {
      if (lease_counts (pnl_db_statement_column_text (stmt, 0),
                        pnl_db_statement_column_int (stmt, 1),
                        pnl_db_statement_column_int (stmt, 2),
                        now))
        *leased = TRUE;
    }

  return step == PNL_DB_STEP_DONE;
}

static gboolean
keep_conflict (ImportJob          *job,
               PnlDb              *db,
               ImportCard         *card,
               PnlImportConflict   conflict,
               PnlIdentityFields   fields,
               GError            **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, card->canonical, -1);

  stmt = pnl_db_prepare_cached (db,
                                "INSERT OR IGNORE INTO conflicts (uuid, revision, reason, fields,"
                                "  source, scorecard, checksum, arrived_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, card->uuid);
  pnl_db_statement_bind_int (stmt, 2, card->revision);
  pnl_db_statement_bind_text (stmt, 3, pnl_import_conflict_to_string (conflict));
  pnl_db_statement_bind_int (stmt, 4, fields);
  pnl_db_statement_bind_text (stmt, 5, job->source ? job->source : "");
  pnl_db_statement_bind_text (stmt, 6, card->canonical);
  pnl_db_statement_bind_text (stmt, 7, checksum);
  pnl_db_statement_bind_int (stmt, 8, job->now);

  return pnl_db_statement_execute (stmt, error);
}

/* ?1 to ?15 of an answer's update or insert. */
static void
bind_imported_answer (PnlDbStatement *stmt,
                      gint64          interview_id,
                      guint           position,
                      ImportAnswer   *answer)
{
  pnl_db_statement_bind_int (stmt, 1, interview_id);
  pnl_db_statement_bind_int (stmt, 2, position);
  pnl_db_statement_bind_text (stmt, 3, answer->row->id);
  pnl_db_statement_bind_text (stmt, 4, answer->row->area_id);
  pnl_db_statement_bind_text (stmt, 5, answer->row->area_title);
  pnl_db_statement_bind_text (stmt, 6, answer->row->kind);
  pnl_db_statement_bind_text (stmt, 7, answer->row->level);
  pnl_db_statement_bind_text (stmt, 8, answer->row->prompt);
  pnl_db_statement_bind_text (stmt, 9, answer->row->snapshot);
  pnl_db_statement_bind_int (stmt, 10, answer->custom);
  pnl_db_statement_bind_int (stmt, 11, answer->asked);
  if (answer->score > 0)
    pnl_db_statement_bind_int (stmt, 12, answer->score);
  else
    pnl_db_statement_bind_null (stmt, 12);
  pnl_db_statement_bind_text (stmt, 13, answer->notes);
  pnl_db_statement_bind_int (stmt, 14, answer->flags);
  pnl_db_statement_bind_int (stmt, 15, answer->seconds);
}

/* Every answer of @card by question id: updated in place where the row
 * is there (its id stays), added where not; the rows of questions the
 * card lacks go.  The same for the custom questions. */
static gboolean
upsert_imported_answers (PnlDb       *db,
                         gint64       interview_id,
                         ImportCard  *card,
                         gint64       now,
                         GError     **error)
{
  g_autoptr(JsonBuilder) ids = json_builder_new ();
  g_autoptr(JsonBuilder) custom_ids = json_builder_new ();
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autofree char *ids_text = NULL;
  g_autofree char *custom_ids_text = NULL;

  json_builder_begin_array (ids);
  json_builder_begin_array (custom_ids);

  for (guint i = 0; i < card->answers->len; i++)
    {
      ImportAnswer *answer = g_ptr_array_index (card->answers, i);

      json_builder_add_string_value (ids, answer->row->id);

      /* An update, then an insert where there was no row: an upsert
       * would override the OR REPLACE of the area_scores triggers. */
      for (guint pass = 0; pass < 2; pass++)
        {
          stmt = pnl_db_prepare_cached (db,
                                        pass == 0
                                        ? "UPDATE answers SET position = ?2, area_id = ?4,"
                                          "  area_title = ?5, kind = ?6, level = ?7, prompt = ?8,"
                                          "  question = ?9, custom = ?10, asked = ?11, score = ?12,"
                                          "  notes = ?13, flags = ?14, seconds = ?15"
                                          " WHERE interview_id = ?1 AND question_id = ?3"
                                        : "INSERT INTO answers (interview_id, position, question_id,"
                                          "  area_id, area_title, kind, level, prompt, question, custom,"
                                          "  asked, score, notes, flags, seconds)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                          "  ?11, ?12, ?13, ?14, ?15)",
                                        error);
          if (stmt == NULL)
            return FALSE;

          bind_imported_answer (stmt, interview_id, i, answer);

          if (!pnl_db_statement_execute (stmt, error))
            return FALSE;

          g_clear_pointer (&stmt, pnl_db_statement_unref);

          if (pass == 0 && pnl_db_changes (db) > 0)
            break;
        }

      g_clear_pointer (&stmt, pnl_db_statement_unref);

      if (!answer->custom)
        continue;

      json_builder_add_string_value (custom_ids, answer->row->id);

      stmt = pnl_db_prepare_cached (db,
                                    "INSERT INTO custom_questions (interview_id, question_id,"
                                    "  area_id, prompt, created_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)"
                                    " ON CONFLICT (interview_id, question_id) DO UPDATE SET"
                                    "  area_id = excluded.area_id, prompt = excluded.prompt",
                                    error);
      if (stmt == NULL)
        return FALSE;

      pnl_db_statement_bind_int (stmt, 1, interview_id);
      pnl_db_statement_bind_text (stmt, 2, answer->row->id);
      pnl_db_statement_bind_text (stmt, 3, answer->row->area_id);
      pnl_db_statement_bind_text (stmt, 4, answer->row->prompt);
      pnl_db_statement_bind_int (stmt, 5, now);

      if (!pnl_db_statement_execute (stmt, error))
        return FALSE;

      g_clear_pointer (&stmt, pnl_db_statement_unref);
    }

  json_builder_end_array (ids);
  json_builder_end_array (custom_ids);
  ids_text = node_to_string (json_builder_get_root (ids));
  custom_ids_text = node_to_string (json_builder_get_root (custom_ids));

  stmt = pnl_db_prepare_cached (db,
                                "DELETE FROM answers WHERE interview_id = ?1"
                                "   AND question_id NOT IN (SELECT value FROM json_each (?2))",
                                error);
  if (stmt == NULL)
    return FALSE;
  pnl_db_statement_bind_int (stmt, 1, interview_id);
  pnl_db_statement_bind_text (stmt, 2, ids_text);
  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, pnl_db_statement_unref);

  stmt = pnl_db_prepare_cached (db,
                                "DELETE FROM custom_questions WHERE interview_id = ?1"
                                "   AND question_id NOT IN (SELECT value FROM json_each (?2))",
                                error);
  if (stmt == NULL)
    return FALSE;
  pnl_db_statement_bind_int (stmt, 1, interview_id);
  pnl_db_statement_bind_text (stmt, 2, custom_ids_text);

  return pnl_db_statement_execute (stmt, error);
}

/* Binds the columns that an insert and an update share, ?1 to ?16. */
static void
bind_imported_interview (PnlDbStatement *stmt,
                         ImportCard     *card,
                         gint64          candidate_id,
                         gint64          now)
{
  pnl_db_statement_bind_text (stmt, 1, card->uuid);
  pnl_db_statement_bind_int (stmt, 2, card->revision);
  pnl_db_statement_bind_int (stmt, 3, candidate_id);
  pnl_db_statement_bind_text (stmt, 4, card->role);
  pnl_db_statement_bind_text (stmt, 5, card->round);
  pnl_db_statement_bind_text (stmt, 6, card->interviewer);
  pnl_db_statement_bind_text (stmt, 7, card->bank_id);
  pnl_db_statement_bind_int (stmt, 8, card->bank_revision);
  pnl_db_statement_bind_text (stmt, 9, card->scale);
  pnl_db_statement_bind_text (stmt, 10, card->state);
  if (card->recommendation != NULL)
    pnl_db_statement_bind_text (stmt, 11, card->recommendation);
  else
    pnl_db_statement_bind_null (stmt, 11);
  pnl_db_statement_bind_text (stmt, 12, card->summary);
  pnl_db_statement_bind_int (stmt, 13, card->started_at);
  if (card->has_ended_at)
    pnl_db_statement_bind_int (stmt, 14, card->ended_at);
  else
    pnl_db_statement_bind_null (stmt, 14);
  pnl_db_statement_bind_int (stmt, 15, now);
  pnl_db_statement_bind_text (stmt, 16, card->origin);
}

/* A new interview, in step at the revision it came with. */
static gboolean
add_imported_interview (PnlDb       *db,
                        ImportCard  *card,
                        gint64       now,
                        GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  gint64 candidate_id;

  if (!find_or_add_candidate (db, card->candidate_name, card->candidate_reference,
                              card->role, now, &candidate_id, error))
    return FALSE;

  stmt = pnl_db_prepare_cached (db,
                                "INSERT INTO interviews (uuid, revision, candidate_id, role,"
                                "  round, interviewer, bank_id, bank_revision, scale, state,"
                                "  recommendation, summary, started_at, ended_at, updated_at,"
                                "  synced_revision, origin)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                "  ?11, ?12, ?13, ?14, ?15, ?2, ?16)",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_imported_interview (stmt, card, candidate_id, now);

  if (!pnl_db_statement_execute (stmt, error))
    return FALSE;

  return upsert_imported_answers (db, pnl_db_last_insert_id (db), card, now, error);
}

/* The interview @interview_id takes everything @card holds, in place,
 * and is in step at its revision.  With @candidate_id above 0 it also
 * takes @card's identity (resolving a conflict for theirs). */
static gboolean
replace_imported_interview (PnlDb       *db,
                            gint64       interview_id,
                            ImportCard  *card,
                            gint64       candidate_id,
                            gint64       now,
                            GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE interviews SET revision = ?2,"
                                "  candidate_id = CASE WHEN ?3 > 0 THEN ?3 ELSE candidate_id END,"
                                "  role = ?4, round = ?5, interviewer = ?6, bank_id = ?7,"
                                "  bank_revision = ?8, scale = ?9, state = ?10,"
                                "  recommendation = ?11, summary = ?12, started_at = ?13,"
                                "  ended_at = ?14, updated_at = ?15, synced_revision = ?2,"
                                "  origin = CASE WHEN origin = '' THEN ?16 ELSE origin END"
                                " WHERE uuid = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_imported_interview (stmt, card, candidate_id, now);

  if (!pnl_db_statement_execute (stmt, error) || !check_saved (db, error))
    return FALSE;

  return upsert_imported_answers (db, interview_id, card, now, error);
}

static gboolean
same_as_local (ImportJob   *job,
               PnlDb       *db,
               ImportCard  *card,
               gboolean    *same,
               GError     **error)
{
  g_autoptr(PnlScorecard) local = NULL;
  g_autofree char *text = NULL;

  if (!(local = load_scorecard (job->store, db, card->uuid, error)))
    return FALSE;

  /* Where a copy came from is not its content: a copy written by a
   * Panelist of before origins is the same interview. */
  g_object_set (pnl_scorecard_get_interview (local), "origin", card->origin, NULL);

  if (!(text = pnl_scorecard_to_string (local, error)))
    return FALSE;

  *same = g_str_equal (text, card->canonical);

  return TRUE;
}

/* One scorecard: added, applied as a fast-forward, left alone, or kept
 * aside as a conflict that changes nothing here.  See
 * docs/panel-folder.md for the rule. */
static gboolean
import_one (ImportJob        *job,
            PnlDb            *db,
            ImportCard       *card,
            PnlImportResult  *result,
            GError          **error)
{
  g_auto(LocalInterview) local = { 0 };
  gboolean leased = FALSE;
  gboolean forgotten = FALSE;
  gboolean same = FALSE;

  memset (result, 0, sizeof *result);

  if (!find_local_interview (db, card->uuid, &local, error))
    return FALSE;

  if (!local.found)
    {
      /* A forgotten candidate's interview stays forgotten. */
      if (!is_forgotten (db, card->uuid, &forgotten, error))
        return FALSE;

      if (forgotten)
        {
          result->outcome = PNL_IMPORT_OUTCOME_UNCHANGED;
          return TRUE;
        }

      if (!add_imported_interview (db, card, job->now, error))
        return FALSE;

      result->outcome = PNL_IMPORT_OUTCOME_ADDED;
      return TRUE;
    }

  result->local_revision = local.revision;

  if (local.revision > card->revision)
    {
      result->outcome = PNL_IMPORT_OUTCOME_UNCHANGED;
      return TRUE;
    }

  /* Who the interview is with and by is fixed at its creation. */
  result->fields = identity_differs (&local, card);
  if (result->fields != 0)
    result->conflict = PNL_IMPORT_CONFLICT_IDENTITY;
  else if (local.revision == card->revision)
    {
      if (!same_as_local (job, db, card, &same, error))
        return FALSE;

      if (same)
        {
          result->outcome = PNL_IMPORT_OUTCOME_UNCHANGED;
          return TRUE;
        }

      result->conflict = PNL_IMPORT_CONFLICT_SAME_REVISION;
    }
  else
    {
      /* A fast-forward only: nobody has it open, and nothing changed here
       * since it was last in step. */
      if (!is_leased (db, local.id, job->now, &leased, error))
        return FALSE;

      if (leased || local.revision > local.synced_revision)
        result->conflict = PNL_IMPORT_CONFLICT_CHANGED_HERE;
    }

  if (result->conflict != PNL_IMPORT_CONFLICT_NONE)
    {
      result->outcome = PNL_IMPORT_OUTCOME_CONFLICT;
      return keep_conflict (job, db, card, result->conflict, result->fields, error);
    }

  if (!replace_imported_interview (db, local.id, card, 0, job->now, error))
    return FALSE;

  result->outcome = PNL_IMPORT_OUTCOME_UPDATED;
  return TRUE;
}

/* On the writer thread: one batch, in one transaction, of whole cards
 * from job->next on, for at most about IMPORT_BATCH_US. */
static gboolean
import_job (PnlDb     *db,
            gpointer   data,
            GError   **error)
{
  ImportJob *job = data;
  gint64 start = g_get_monotonic_time ();
  guint first = job->next;
  guint i;

  for (i = first; i < job->cards->len; i++)
    {
      PnlImportResult result;

      if (i > first && g_get_monotonic_time () - start >= IMPORT_BATCH_US)
        break;

      if (!import_one (job, db, g_ptr_array_index (job->cards, i), &result, error))
        {
          /* Rolled back: this batch's results go with it. */
          g_array_set_size (job->results, first);
          return FALSE;
        }

      g_array_append_val (job->results, result);
    }

  job->next = i;

  return TRUE;
}

/**
 * pnl_store_import_scorecards_full:
 * @self: a #PnlStore
 * @scorecards: (element-type PnlScorecard): the copies to merge
 * @source: (nullable): where they came from (a file), kept with a conflict
 * @error: a location for a #GError
 *
 * Merges @scorecards by UUID on the writer thread, and waits for it.  An
 * interview the store lacks is added (its candidate found by name and
 * reference, or added).  A higher revision is applied, in place, only as
 * a fast-forward: when no session holds the interview and nothing
 * changed here since it was last imported or published.  Otherwise, and
 * when it names another candidate, interviewer, role or bank, or is the
 * same revision with other content, it is kept aside in the conflicts
 * table and nothing here changes.  A lower revision is left alone.
 * Imported interviews keep their UUID and revision.
 *
 * The cards go in batches, each one transaction of whole cards lasting
 * at most about 100 ms, with a pause between them for other writers.
 *
 * Returns: (transfer full) (element-type PnlImportResult): one result
 *   per scorecard, or %NULL with @error set; then the batches before the
 *   failing one stay imported, and nothing of that one
 */
GArray *
pnl_store_import_scorecards_full (PnlStore    *self,
                                  GPtrArray   *scorecards,
                                  const char  *source,
                                  GError     **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GArray) results = NULL;
  ImportJob job = { 0 };

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);
  g_return_val_if_fail (scorecards != NULL, NULL);

  if (self->closed)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                   _("The database “%s” is closed."),
                   self->path);
      return NULL;
    }

  /* Everything the job needs is copied here, on the caller's thread. */
  cards = g_ptr_array_new_with_free_func (import_card_free);
  for (guint i = 0; i < scorecards->len; i++)
    {
      ImportCard *card = import_card_new (g_ptr_array_index (scorecards, i), error);

      if (card == NULL)
        return NULL;

      g_ptr_array_add (cards, card);
    }

  results = g_array_sized_new (FALSE, FALSE, sizeof (PnlImportResult), cards->len);

  job.store = self;
  job.cards = cards;
  job.results = results;
  job.source = source;
  job.now = now_unix ();

  do
    {
      if (job.next > 0)
        g_usleep (IMPORT_PAUSE_US);

      if (!pnl_writer_run (self->writer, import_job, &job, error))
        return NULL;
    }
  while (job.next < cards->len);

  return g_steal_pointer (&results);
}

/**
 * pnl_store_import_scorecards:
 * @self: a #PnlStore
 * @scorecards: (element-type PnlScorecard): the copies to merge
 * @error: a location for a #GError
 *
 * pnl_store_import_scorecards_full() without a source, giving only the
 * outcomes.
 *
 * Returns: (transfer full) (element-type PnlImportOutcome): one outcome
 *   per scorecard, or %NULL with @error set
 */
GArray *
pnl_store_import_scorecards (PnlStore   *self,
                             GPtrArray  *scorecards,
                             GError    **error)
{
  g_autoptr(GArray) results = NULL;
  GArray *outcomes;

  if (!(results = pnl_store_import_scorecards_full (self, scorecards, NULL, error)))
    return NULL;

  outcomes = g_array_sized_new (FALSE, FALSE, sizeof (PnlImportOutcome), results->len);
  for (guint i = 0; i < results->len; i++)
    g_array_append_val (outcomes, g_array_index (results, PnlImportResult, i).outcome);

  return outcomes;
}

typedef struct
{
  char   *uuid;
  gint64  revision;
} MarkPublished;

static void
mark_published_free (gpointer data)
{
  MarkPublished *mark = data;

  g_free (mark->uuid);
  g_free (mark);
}

static gboolean
mark_published_job (PnlDb     *db,
                    gpointer   data,
                    GError   **error)
{
  MarkPublished *mark = data;
  g_autoptr(PnlDbStatement) stmt = NULL;

  /* Never down, and nothing when the interview is gone. */
  stmt = pnl_db_prepare_cached (db,
                                "UPDATE interviews SET synced_revision = max (synced_revision, ?2)"
                                " WHERE uuid = ?1 AND revision >= ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, mark->uuid);
  pnl_db_statement_bind_int (stmt, 2, mark->revision);

  return pnl_db_statement_execute (stmt, error);
}

/**
 * pnl_store_mark_published:
 * @self: a #PnlStore
 * @uuid: the interview's UUID
 * @revision: the revision now in the panel folder
 *
 * Queues raising the interview's synced_revision to @revision: what is
 * published is in step, so a newer revision of it that arrives later is
 * a fast-forward when nothing changed here since.  Safe to call from any
 * thread.
 */
void
pnl_store_mark_published (PnlStore   *self,
                          const char *uuid,
                          gint64      revision)
{
  MarkPublished *mark;
  g_autofree char *key = NULL;

  g_return_if_fail (PNL_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  if (self->closed)
    return;

  mark = g_new0 (MarkPublished, 1);
  mark->uuid = g_strdup (uuid);
  mark->revision = revision;

  key = g_strdup_printf ("published:%s", uuid);
  pnl_writer_push_bookkeeping (self->writer, key, mark_published_job, mark, mark_published_free);
}

/* Conflicts -------------------------------------------------------------- */

void
pnl_conflict_record_free (PnlConflictRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->uuid);
  g_free (record->source);
  g_free (record->scorecard);
  g_free (record);
}

const char *
pnl_import_conflict_to_string (PnlImportConflict conflict)
{
  switch (conflict)
    {
    case PNL_IMPORT_CONFLICT_SAME_REVISION:
      return "same-revision";

    case PNL_IMPORT_CONFLICT_CHANGED_HERE:
      return "changed-here";

    case PNL_IMPORT_CONFLICT_IDENTITY:
      return "identity";

    case PNL_IMPORT_CONFLICT_NONE:
    default:
      return "";
    }
}

static PnlImportConflict
import_conflict_from_string (const char *text)
{
  if (g_strcmp0 (text, "same-revision") == 0)
    return PNL_IMPORT_CONFLICT_SAME_REVISION;
  if (g_strcmp0 (text, "changed-here") == 0)
    return PNL_IMPORT_CONFLICT_CHANGED_HERE;
  if (g_strcmp0 (text, "identity") == 0)
    return PNL_IMPORT_CONFLICT_IDENTITY;

  return PNL_IMPORT_CONFLICT_NONE;
}

char *
pnl_identity_fields_to_string (PnlIdentityFields fields)
{
  GString *text = g_string_new (NULL);
  const struct { PnlIdentityFields field; const char *name; } names[] = {
    { PNL_IDENTITY_CANDIDATE_NAME, N_("candidate name") },
    { PNL_IDENTITY_CANDIDATE_REFERENCE, N_("candidate reference") },
    { PNL_IDENTITY_INTERVIEWER, N_("interviewer") },
    { PNL_IDENTITY_ROLE, N_("role") },
    { PNL_IDENTITY_BANK, N_("question bank") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (!(fields & names[i].field))
        continue;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, _(names[i].name));
    }

  return g_string_free (text, FALSE);
}

/**
 * pnl_store_list_conflicts:
 * @self: a #PnlStore
 * @error: a location for a #GError
 *
 * Returns: (transfer container) (element-type PnlConflictRecord): the
 *   arrivals kept aside, oldest first
 */
GPtrArray *
pnl_store_list_conflicts (PnlStore  *self,
                          GError   **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GPtrArray) records = NULL;
  PnlDbStep step;

  g_return_val_if_fail (PNL_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = pnl_db_prepare (self->db,
                         "SELECT uuid, revision, reason, fields, source, arrived_at, scorecard"
                         "  FROM conflicts ORDER BY arrived_at, id",
                         error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) pnl_conflict_record_free);

  while ((step = pnl_db_statement_step (stmt, error)) == PNL_DB_STEP_ROW)
    {
      PnlConflictRecord *record = g_new0 (PnlConflictRecord, 1);

      record->uuid = g_strdup (pnl_db_statement_column_text (stmt, 0));
      record->revision = pnl_db_statement_column_int (stmt, 1);
      record->conflict = import_conflict_from_string (pnl_db_statement_column_text (stmt, 2));
      record->fields = (PnlIdentityFields) pnl_db_statement_column_int (stmt, 3);
      record->source = g_strdup (pnl_db_statement_column_text (stmt, 4));
      record->arrived_at = pnl_db_statement_column_int (stmt, 5);
      record->scorecard = g_strdup (pnl_db_statement_column_text (stmt, 6));
      g_ptr_array_add (records, record);
    }

  if (step == PNL_DB_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&records);
}

typedef struct
{
  ImportJob   import;
  const char *uuid;
  /* Theirs, or NULL to keep mine */
  ImportCard *theirs;
} ResolveJob;

static gboolean
delete_conflicts (PnlDb       *db,
                  const char  *uuid,
                  GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db, "DELETE FROM conflicts WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, uuid);

  return pnl_db_statement_execute (stmt, error);
}

/* Mine: the copy here stays, at a revision above every arrival's, so
 * that it is the newer one wherever it goes next. */
static gboolean
keep_mine (PnlDb       *db,
           const char  *uuid,
           gint64       now,
           GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "UPDATE interviews SET updated_at = ?2,"
                                "  revision = max (revision,"
                                "    (SELECT max (revision) FROM conflicts WHERE uuid = ?1)) + 1"
                                " WHERE uuid = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_text (stmt, 1, uuid);
  pnl_db_statement_bind_int (stmt, 2, now);

  return pnl_db_statement_execute (stmt, error);
}

static gboolean
resolve_job (PnlDb     *db,
             gpointer   data,
             GError   **error)
{
  ResolveJob *job = data;
  g_auto(LocalInterview) local = { 0 };
  gboolean leased = FALSE;
  gint64 candidate_id;

  if (!find_local_interview (db, job->uuid, &local, error))
    return FALSE;

  if (local.found)
    {
      if (!is_leased (db, local.id, job->import.now, &leased, error))
        return FALSE;

      if (leased)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                       _("Interview %s is open in a window: close it, then try again."),
                       job->uuid);
          return FALSE;
        }
    }

  if (job->theirs == NULL)
    {
      if (local.found && !keep_mine (db, job->uuid, job->import.now, error))
        return FALSE;
    }
  else
    {
      /* Theirs, as a new revision above the one here. */
      job->theirs->revision = MAX (job->theirs->revision, local.revision) + 1;

      if (!local.found)
        {
          if (!add_imported_interview (db, job->theirs, job->import.now, error))
            return FALSE;
        }
      else
        {
          if (!find_or_add_candidate (db, job->theirs->candidate_name,
                                      job->theirs->candidate_reference, job->theirs->role,
                                      job->import.now, &candidate_id, error) ||
              !replace_imported_interview (db, local.id, job->theirs, candidate_id,
                                           job->import.now, error))
            return FALSE;
        }
    }

  return delete_conflicts (db, job->uuid, error);
}

/* The latest arrival kept for @uuid, read back. */
static ImportCard *
load_conflict (PnlStore    *self,
               const char  *uuid,
               GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  stmt = pnl_db_prepare (self->db,
                         "SELECT scorecard FROM conflicts WHERE uuid = ?1"
                         " ORDER BY revision DESC, arrived_at DESC, id DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return NULL;

  pnl_db_statement_bind_text (stmt, 1, uuid);

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      bytes = g_bytes_new (pnl_db_statement_column_text (stmt, 0),
                           strlen (pnl_db_statement_column_text (stmt, 0)));
      break;

    case PNL_DB_STEP_DONE:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no conflict for interview %s in “%s”."),
                   uuid, self->path);
      return NULL;

    case PNL_DB_STEP_ERROR:
    default:
      return NULL;
    }

  /* Translators: what messages call a scorecard kept in the database */
  name = g_strdup_printf (_("%s (conflict %s)"), self->path, uuid);
  if (!(cards = pnl_scorecard_read (bytes, name, error)))
    return NULL;

  g_return_val_if_fail (cards->len == 1, NULL);

  return import_card_new (g_ptr_array_index (cards, 0), error);
}

/**
 * pnl_store_resolve_conflict:
 * @self: a #PnlStore
 * @uuid: the interview's UUID
 * @keep_theirs: %TRUE to take the latest arrival, %FALSE to keep the
 *   copy here
 * @error: a location for a #GError
 *
 * Ends every conflict of @uuid, in one transaction on the writer thread.
 * Keeping mine raises the revision here above the arrivals'; taking
 * theirs imports the latest arrival whole (its candidate and interviewer
 * too) as a revision above the one here.  Refused, changing nothing,
 * while a session holds the interview.
 *
 * Returns: %TRUE when resolved
 */
gboolean
pnl_store_resolve_conflict (PnlStore    *self,
                            const char  *uuid,
                            gboolean     keep_theirs,
                            GError     **error)
{
  ResolveJob job = { 0 };
  gboolean ok;

  g_return_val_if_fail (PNL_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  /* There must be one, whichever is kept. */
  if (!(job.theirs = load_conflict (self, uuid, error)))
    return FALSE;

  if (!keep_theirs)
    g_clear_pointer (&job.theirs, import_card_free);

  job.import.store = self;
  job.import.now = now_unix ();
  job.uuid = uuid;

  ok = pnl_writer_run (self->writer, resolve_job, &job, error);
  g_clear_pointer (&job.theirs, import_card_free);

  return ok;
}

/* Leases ----------------------------------------------------------------- */

typedef struct
{
  gint64  interview_id;
  char   *owner;
  char   *host;
  gint64  pid;
  gint64  now;
} LeaseJob;

static void
lease_job_free (gpointer data)
{
  LeaseJob *lease = data;

  g_free (lease->owner);
  g_free (lease->host);
  g_free (lease);
}

static LeaseJob *
lease_job_new (PnlInterview *interview,
               const char   *owner)
{
  LeaseJob *lease = g_new0 (LeaseJob, 1);

  lease->interview_id = pnl_interview_get_id (interview);
  lease->owner = g_strdup (owner);
  lease->host = g_strdup (g_get_host_name ());
  lease->pid = getpid ();
  lease->now = now_unix ();

  return lease;
}

static gboolean
hold_job (PnlDb     *db,
          gpointer   data,
          GError   **error)
{
  LeaseJob *lease = data;
  g_autoptr(PnlDbStatement) stmt = NULL;

  /* Nothing when the interview is gone (forgotten meanwhile). */
  stmt = pnl_db_prepare_cached (db,
                                "INSERT INTO leases (interview_id, owner, host, pid, heartbeat_at)"
                                " SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS"
                                "   (SELECT 1 FROM interviews WHERE id = ?1)"
                                " ON CONFLICT (interview_id, owner) DO UPDATE SET"
                                "  host = excluded.host, pid = excluded.pid,"
                                "  heartbeat_at = excluded.heartbeat_at",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, lease->interview_id);
  pnl_db_statement_bind_text (stmt, 2, lease->owner);
  pnl_db_statement_bind_text (stmt, 3, lease->host);
  pnl_db_statement_bind_int (stmt, 4, lease->pid);
  pnl_db_statement_bind_int (stmt, 5, lease->now);

  return pnl_db_statement_execute (stmt, error);
}

static gboolean
release_job (PnlDb     *db,
             gpointer   data,
             GError   **error)
{
  LeaseJob *lease = data;
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db,
                                "DELETE FROM leases WHERE interview_id = ?1 AND owner = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, lease->interview_id);
  pnl_db_statement_bind_text (stmt, 2, lease->owner);

  return pnl_db_statement_execute (stmt, error);
}

/**
 * pnl_store_hold_interview:
 * @self: a #PnlStore
 * @interview: the interview a session opens
 * @owner: the session's own name for its lease, unique to it
 * @wait: whether to wait until the lease is on disk
 * @error: a location for a #GError
 *
 * Takes or refreshes the lease of @owner on @interview: while it counts,
 * an import (here or in another process) keeps what arrives for the
 * interview aside as a conflict instead of changing it.
 *
 * Returns: %TRUE, or %FALSE with @error when @wait and it failed
 */
gboolean
pnl_store_hold_interview (PnlStore      *self,
                          PnlInterview  *interview,
                          const char    *owner,
                          gboolean       wait,
                          GError       **error)
{
  LeaseJob *lease;
  g_autofree char *key = NULL;
  gboolean ok;

  g_return_val_if_fail (PNL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);
  g_return_val_if_fail (owner != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  lease = lease_job_new (interview, owner);

  if (wait)
    {
      ok = pnl_writer_run (self->writer, hold_job, lease, error);
      lease_job_free (lease);
      return ok;
    }

  key = g_strdup_printf ("lease:%s", owner);
  pnl_writer_push_bookkeeping (self->writer, key, hold_job, lease, lease_job_free);

  return TRUE;
}

/**
 * pnl_store_release_interview:
 * @self: a #PnlStore
 * @interview: the interview a session closes
 * @owner: what it gave pnl_store_hold_interview()
 *
 * Queues the end of the lease; a refresh still waiting is replaced.
 */
void
pnl_store_release_interview (PnlStore     *self,
                             PnlInterview *interview,
                             const char   *owner)
{
  g_autofree char *key = NULL;

  g_return_if_fail (PNL_IS_STORE (self));
  g_return_if_fail (PNL_IS_INTERVIEW (interview));
  g_return_if_fail (owner != NULL);

  if (self->closed)
    return;

  key = g_strdup_printf ("lease:%s", owner);
  pnl_writer_push_bookkeeping (self->writer, key, release_job, lease_job_new (interview, owner),
                               lease_job_free);
}


/* Forgetting ------------------------------------------------------------- */

typedef struct
{
  gint64     candidate_id;
  gint64     now;
  /* The UUIDs of the interviews forgotten */
  GPtrArray *uuids;
} ForgetJob;

static gboolean
forget_delete_job (PnlDb     *db,
                   gpointer   data,
                   GError   **error)
{
  ForgetJob *job = data;
  g_autoptr(PnlDbStatement) stmt = NULL;
  PnlDbStep step;

  stmt = pnl_db_prepare_cached (db, "SELECT uuid FROM interviews WHERE candidate_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, job->candidate_id);
  while ((step = pnl_db_statement_step (stmt, error)) == PNL_DB_STEP_ROW)
    g_ptr_array_add (job->uuids, g_strdup (pnl_db_statement_column_text (stmt, 0)));
  if (step == PNL_DB_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, pnl_db_statement_unref);

  for (guint i = 0; i < job->uuids->len; i++)
    {
      stmt = pnl_db_prepare_cached (db, "INSERT OR IGNORE INTO forgotten (uuid, forgotten_at) VALUES (?1, ?2)",
                                    error);
      if (stmt == NULL)
        return FALSE;

      pnl_db_statement_bind_text (stmt, 1, g_ptr_array_index (job->uuids, i));
      pnl_db_statement_bind_int (stmt, 2, job->now);
      if (pnl_db_statement_step (stmt, error) != PNL_DB_STEP_DONE)
        return FALSE;
      g_clear_pointer (&stmt, pnl_db_statement_unref);

      /* What arrived for them and was kept aside goes too. */
      if (!delete_conflicts (db, g_ptr_array_index (job->uuids, i), error))
        return FALSE;
    }

  /* Interviews, answers and the questions typed in go with the
   * candidate (ON DELETE CASCADE); secure_delete overwrites what they
   * held instead of leaving it in free pages. */
  stmt = pnl_db_prepare_cached (db, "DELETE FROM candidates WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, job->candidate_id);

  return pnl_db_statement_step (stmt, error) == PNL_DB_STEP_DONE;
}

/* Empties the write-ahead log into the file and the log to nothing. */
static gboolean
checkpoint_truncate (PnlDb   *db,
                     GError **error)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      g_autoptr(PnlDbStatement) stmt = NULL;
      gboolean busy;

      if (!(stmt = pnl_db_prepare (db, "PRAGMA wal_checkpoint(TRUNCATE)", error)))
        return FALSE;
      if (pnl_db_statement_step (stmt, error) != PNL_DB_STEP_ROW)
        return FALSE;

      busy = pnl_db_statement_column_int (stmt, 0) != 0;
      if (!busy)
        return TRUE;

      /* A reader still holds an old snapshot: give it a moment. */
      g_usleep (50 * 1000);
    }

  g_set_error (error, PNL_DB_ERROR, SQLITE_BUSY,
               _("The erased data could not be cleared from “%s” yet: the database is busy. Try again."),
               pnl_db_get_path (db));
  return FALSE;
}

static gboolean
forget_vacuum_job (PnlDb     *db,
                   gpointer   data,
                   GError   **error)
{
  ForgetJob *job = data;
  gboolean ok;

  if (!pnl_db_exec (db, "PRAGMA secure_delete = ON", error))
    return FALSE;

  ok = pnl_db_transaction (db, forget_delete_job, job, error) &&
       checkpoint_truncate (db, error) &&
       pnl_db_exec (db, "VACUUM", error) &&
       checkpoint_truncate (db, error);

  pnl_db_exec (db, "PRAGMA secure_delete = OFF", NULL);

  return ok;
}

/**
 * pnl_store_forget_candidate:
 * @self: a #PnlStore
 * @candidate_id: the candidate's id (pnl_candidate_get_id())
 * @uuids: (out) (optional) (transfer full): the UUIDs of the interviews
 *   forgotten
 * @error: a location for a #GError
 *
 * Erases the candidate with every interview, answer, note and question
 * of theirs: deleted with secure_delete on, then the database vacuumed
 * and its write-ahead log emptied, so that none of their text is left in
 * the files.  Their interviews' UUIDs are remembered (and nothing else),
 * so that importing them again does nothing.
 *
 * It waits for the saves queued before it and for the writer; call it
 * from a thread when the database may be large.
 *
 * Returns: %TRUE when the candidate is forgotten (or was not there)
 */
gboolean
pnl_store_forget_candidate (PnlStore   *self,
                            gint64      candidate_id,
                            GStrv      *uuids,
                            GError    **error)
{
  g_autoptr(GPtrArray) forgotten = g_ptr_array_new_with_free_func (g_free);
  ForgetJob job = { candidate_id, now_unix (), forgotten };

  g_return_val_if_fail (PNL_IS_STORE (self), FALSE);

  if (!check_open (self, error))
    return FALSE;

  if (!pnl_writer_run_outside_transaction (self->writer, forget_vacuum_job, &job, error))
    return FALSE;

  /* What was read of whose the interviews were is gone with them: a save
   * of one fails now as a save that matches no row. */
  g_mutex_lock (&self->owners_lock);
  g_hash_table_remove_all (self->owners);
  g_mutex_unlock (&self->owners_lock);

  if (uuids != NULL)
    {
      g_ptr_array_add (forgotten, NULL);
      *uuids = (GStrv) g_ptr_array_steal (forgotten, NULL);
    }

  return TRUE;
}
