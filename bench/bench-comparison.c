/* bench-comparison.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The panel lead's comparison of a big role: 1,000 candidates, each
 * interviewed by 5 interviewers with 60 answers (300,000 answers), read
 * from the database and compared as the Compare view does (from the
 * area_scores summary), beside two baselines measured in the same run:
 * summing the answers in SQL, and reading every answer as an export
 * does.  No display:
 *
 *   meson test -C _build --benchmark --verbose comparison
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "pnl-comparison.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-export.h"
#include "pnl-store.h"

#define N_CANDIDATES   1000
#define N_INTERVIEWERS 5
#define N_ANSWERS      60
#define N_AREAS        10
#define N_RUNS         3
#define ROLE           "Backend developer"

static const char scale[] =
  "[{\"value\":1,\"label\":\"Strong no\",\"meaning\":\"Far below\"},"
  "{\"value\":2,\"label\":\"No\",\"meaning\":\"Below\"},"
  "{\"value\":3,\"label\":\"Yes\",\"meaning\":\"At the bar\"},"
  "{\"value\":4,\"label\":\"Strong yes\",\"meaning\":\"Above\"}]";

static void
exec (PnlDb      *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!pnl_db_exec (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

static PnlDbStatement *
prepare (PnlDb      *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  PnlDbStatement *stmt = pnl_db_prepare (db, sql, &error);

  if (stmt == NULL)
    g_error ("%s: %s", sql, error->message);

  return stmt;
}

static void
step_done (PnlDbStatement *stmt)
{
  g_autoptr(GError) error = NULL;

  if (pnl_db_statement_step (stmt, &error) != PNL_DB_STEP_DONE)
    g_error ("insert: %s", error ? error->message : "a row");
  pnl_db_statement_reset (stmt);
}

/* The schema made by the store, filled in one transaction. */
static void
fill (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (path, &error);
  g_autoptr(PnlDb) db = NULL;
  g_autoptr(PnlDbStatement) candidate = NULL;
  g_autoptr(PnlDbStatement) interview = NULL;
  g_autoptr(PnlDbStatement) answer = NULL;
  GRand *rand = g_rand_new_with_seed (7);
  gint64 interview_id = 0;

  g_assert_no_error (error);
  g_assert_true (pnl_store_close (store, &error));

  db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  exec (db, "BEGIN");
  candidate = prepare (db, "INSERT INTO candidates (id, name, role, reference, created_at)"
                           " VALUES (?1, ?2, '" ROLE "', ?3, 1767225600)");
  interview = prepare (db, "INSERT INTO interviews (id, uuid, revision, candidate_id, role, round,"
                           " interviewer, bank_id, bank_revision, scale, state, recommendation,"
                           " summary, started_at, ended_at, updated_at)"
                           " VALUES (?1, ?2, 3, ?3, '" ROLE "', 'Technical', ?4, 'bench', 1, ?5,"
                           " 'submitted', 'yes', 'Would hire; strong on the basics.',"
                           " 1767225600, 1767229200, 1767229200)");
  answer = prepare (db, "INSERT INTO answers (interview_id, position, question_id, area_id,"
                        " area_title, kind, level, prompt, question, asked, score, notes,"
                        " flags, seconds, custom)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, 'technical', 'experienced', ?6, ?7, 1, ?8,"
                        " ?9, 0, 240, 0)");

  for (guint c = 0; c < N_CANDIDATES; c++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %04u", c);
      g_autofree char *reference = g_strdup_printf ("ATS-%05u", c);

      pnl_db_statement_bind_int (candidate, 1, c + 1);
      pnl_db_statement_bind_text (candidate, 2, name);
      pnl_db_statement_bind_text (candidate, 3, reference);
      step_done (candidate);

      for (guint i = 0; i < N_INTERVIEWERS; i++)
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *interviewer = g_strdup_printf ("Interviewer %u", i);

          interview_id++;
          pnl_db_statement_bind_int (interview, 1, interview_id);
          pnl_db_statement_bind_text (interview, 2, uuid);
          pnl_db_statement_bind_int (interview, 3, c + 1);
          pnl_db_statement_bind_text (interview, 4, interviewer);
          pnl_db_statement_bind_text (interview, 5, scale);
          step_done (interview);

          for (guint a = 0; a < N_ANSWERS; a++)
            {
              g_autofree char *question_id = g_strdup_printf ("q-%u", a);
              g_autofree char *area_id = g_strdup_printf ("area-%u", a % N_AREAS);
              g_autofree char *area_title = g_strdup_printf ("Area %u", a % N_AREAS);
              g_autofree char *prompt = g_strdup_printf ("Question %u: how does the cache behave when"
                                                         " the queue backs up under load?", a);
              g_autofree char *question = NULL;

              question = g_strdup_printf ("{\"id\":\"%s\",\"area\":\"%s\",\"kind\":\"technical\","
                                          "\"level\":\"experienced\",\"prompt\":\"%s\","
                                          "\"assesses\":\"Depth of understanding.\","
                                          "\"look_fors\":[\"Names the trade-off\",\"Gives an example\"],"
                                          "\"red_flags\":[\"Hand-waves\"],\"follow_ups\":[\"And then?\"],"
                                          "\"minutes\":5,\"anchors\":{\"1\":\"Lost\",\"4\":\"Teaches it\"}}",
                                          question_id, area_id, prompt);

              pnl_db_statement_bind_int (answer, 1, interview_id);
              pnl_db_statement_bind_int (answer, 2, a);
              pnl_db_statement_bind_text (answer, 3, question_id);
              pnl_db_statement_bind_text (answer, 4, area_id);
              pnl_db_statement_bind_text (answer, 5, area_title);
              pnl_db_statement_bind_text (answer, 6, prompt);
              pnl_db_statement_bind_text (answer, 7, question);
              pnl_db_statement_bind_int (answer, 8, g_rand_int_range (rand, 1, 5));
              pnl_db_statement_bind_text (answer, 9, "Walked through it clearly; missed one edge case.");
              step_done (answer);
            }
        }
    }

  exec (db, "COMMIT");
  exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_rand_free (rand);
}

typedef enum
{
  WAY_SUMMARY,   /* what the app does: the area_scores table */
  WAY_SUM_SQL,   /* summing the answers in SQL, no summary table */
  WAY_ITEMS,     /* reading every answer, as an export does */
} Way;

/* The answers summed up in SQL, without the summary table: the
 * baseline the summary is measured against. */
static guint
sum_in_sql (PnlDb *db)
{
  g_autoptr(PnlDbStatement) stmt = prepare (db,
    "SELECT a.interview_id, a.area_id, a.area_title, min (a.position),"
    "       total (CASE WHEN a.score > 0 THEN a.score END), count (CASE WHEN a.score > 0 THEN 1 END)"
    "  FROM answers a JOIN interviews i ON i.id = a.interview_id"
    " WHERE i.role = '" ROLE "'"
    " GROUP BY a.interview_id, a.area_id");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  while (pnl_db_statement_step (stmt, &error) == PNL_DB_STEP_ROW)
    n++;
  g_assert_no_error (error);

  return n;
}

/* What showing a role costs, in milliseconds: the best of a few runs. */
static double
measure (const char *path,
         Way         way)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PnlStore) store = pnl_store_new (path, &error);
      g_autoptr(PnlComparison) comparison = NULL;
      g_autoptr(PnlDb) db = NULL;
      gint64 start;
      double ms;

      g_assert_no_error (error);
      if (way == WAY_SUM_SQL)
        {
          db = pnl_db_open (path, PNL_DB_OPEN_READ_ONLY, &error);
          g_assert_no_error (error);
        }

      start = g_get_monotonic_time ();
      switch (way)
        {
        case WAY_SUMMARY:
          comparison = pnl_comparison_new_for_role (store, ROLE, &error);
          break;

        case WAY_SUM_SQL:
          g_assert_cmpuint (sum_in_sql (db), ==, N_CANDIDATES * N_INTERVIEWERS * N_AREAS);
          break;

        case WAY_ITEMS:
        default:
          {
            g_autoptr(GPtrArray) items = pnl_export_collect (store, PNL_EXPORT_SCOPE_ROLE, ROLE, &error);

            g_assert_nonnull (items);
            pnl_export_sort_items (items);
            comparison = pnl_comparison_new_for_items (ROLE, items);
          }
          break;
        }
      g_assert_no_error (error);
      if (comparison != NULL)
        {
          g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, N_CANDIDATES);
          (void) pnl_comparison_get_n_disagreements (comparison, 0);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;

      best = MIN (best, ms);
      g_clear_object (&db);
      g_assert_true (pnl_store_close (store, &error));

      /* Reading every answer takes seconds: once is enough. */
      if (way == WAY_ITEMS)
        break;
    }

  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("panelist-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "panelist.db", NULL);
  double summary;
  double sum_sql;
  double items;
  gint64 start;

  setlocale (LC_ALL, "");

  start = g_get_monotonic_time ();
  fill (path);
  g_print ("# filled %u candidates × %u interviewers × %u answers in %.1f s\n",
           N_CANDIDATES, N_INTERVIEWERS, N_ANSWERS,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  summary = measure (path, WAY_SUMMARY);

  /* To look at the plan: BENCH_KEEP=copy.db keeps a copy. */
  if (g_getenv ("BENCH_KEEP"))
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL))
        g_file_set_contents (g_getenv ("BENCH_KEEP"), contents, length, NULL);
    }

  sum_sql = measure (path, WAY_SUM_SQL);
  items = measure (path, WAY_ITEMS);

  g_print ("role comparison (%u × %u × %u)   summary table %7.1f ms   baseline: summing the answers %7.1f ms,"
           " reading every answer %7.1f ms   goal < 50 ms\n",
           N_CANDIDATES, N_INTERVIEWERS, N_ANSWERS, summary, sum_sql, items);

  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}
