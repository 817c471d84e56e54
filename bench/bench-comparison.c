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
 * does.  Then what else the view reads: its roles, and the interviews
 * of the candidate it opens, beside reading every interview to find
 * them.  No display:
 *
 *   meson test -C _build --benchmark --verbose comparison
 */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "pnl-comparison.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-store.h"

#define N_CANDIDATES   1000
#define N_INTERVIEWERS 5
#define N_ANSWERS      60
#define N_AREAS        10
#define N_RUNS         3
#define ROLE           BENCH_ROLE




/* The schema made by the store, filled in one transaction. */

/* Other roles beside the one compared, as a real database has: 9 roles
 * of 1,000 interviews, summed up in area_scores (their answers are not
 * needed for the comparison of another role, so there are none). */
#define N_OTHER_ROLES           9
#define N_OTHER_ROLE_INTERVIEWS 1000

static void
add_other_roles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  sql = g_strdup_printf ("BEGIN;"
                         "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                         " INSERT INTO interviews (uuid, candidate_id, role, round, interviewer, bank_id, scale,"
                         "                         state, started_at, updated_at)"
                         " SELECT lower (hex (randomblob (16))), 1 + i %% 1000, 'Other role ' || (i %% %u),"
                         "        'Technical', 'Interviewer', 'bench', (SELECT scale FROM interviews LIMIT 1),"
                         "        'submitted', 1767225600, 1767229200"
                         "   FROM n;"
                         "WITH RECURSIVE a (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM a WHERE k < %u)"
                         " INSERT INTO area_scores (interview_id, area_id, area_title, first_position,"
                         "                          score_sum, score_count)"
                         " SELECT i.id, 'area-' || a.k, 'Area ' || a.k, a.k, 18, 6"
                         "   FROM interviews i, a WHERE i.role <> '" ROLE "';"
                         "COMMIT;",
                         N_OTHER_ROLES * N_OTHER_ROLE_INTERVIEWS - 1, N_OTHER_ROLES, N_AREAS - 1);
  g_assert_true (pnl_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The same database without the indexes the comparison reads through:
 * no index on the interviews' role, and area_scores as a plain table
 * without its key. */
static void
drop_indexes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  g_assert_true (pnl_db_exec (db,
                              "BEGIN;"
                              "DROP INDEX interviews_role;"
                              /* They name area_scores, which the renaming checks. */
                              "DROP TRIGGER answers_scores_insert;"
                              "DROP TRIGGER answers_scores_update;"
                              "DROP TRIGGER answers_scores_delete;"
                              "CREATE TABLE plain_scores AS SELECT * FROM area_scores;"
                              "DROP TABLE area_scores;"
                              "ALTER TABLE plain_scores RENAME TO area_scores;"
                              "COMMIT;",
                              &error));
  g_assert_no_error (error);
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
  g_autoptr(PnlDbStatement) stmt = bench_prepare (db,
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

/* What the Compare view reads besides the comparison, in milliseconds
 * (best of a few runs): the roles for its drop-down, and the interviews
 * of the candidate it opens, by the store's queries or (@filter) by
 * reading every interview and keeping the matching ones, as it did. */
typedef struct
{
  double roles_ms;
  double candidate_ms;
} Lookups;

static Lookups
measure_lookups (const char *path,
                 gboolean    filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (path, &error);
  Lookups best = { G_MAXDOUBLE, G_MAXDOUBLE };

  g_assert_no_error (error);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GListModel) interviews = NULL;
      g_auto(GStrv) roles = NULL;
      guint n_found = 0;
      gint64 start;

      start = g_get_monotonic_time ();
      if (filter)
        {
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          interviews = pnl_store_list_interviews (store, &error);
          for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
            {
              g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);
              const char *role = pnl_interview_get_role (interview);

              if (g_hash_table_add (seen, (gpointer) role))
                g_strv_builder_add (builder, role);
            }
          roles = g_strv_builder_end (builder);
        }
      else
        {
          roles = pnl_store_list_roles (store, &error);
        }
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (roles), ==, 1 + N_OTHER_ROLES);
      best.roles_ms = MIN (best.roles_ms, (g_get_monotonic_time () - start) / 1000.0);
      g_clear_object (&interviews);

      start = g_get_monotonic_time ();
      if (filter)
        {
          interviews = pnl_store_list_interviews (store, &error);
          for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
            {
              g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);

              if (g_strcmp0 (pnl_interview_get_role (interview), ROLE) == 0 &&
                  g_strcmp0 (pnl_interview_get_candidate_name (interview), "Candidate 0500") == 0 &&
                  g_strcmp0 (pnl_interview_get_candidate_reference (interview), "ATS-00500") == 0)
                n_found++;
            }
        }
      else
        {
          interviews = pnl_store_list_candidate_interviews (store, "Candidate 0500", "ATS-00500", ROLE, &error);
          n_found = g_list_model_get_n_items (interviews);
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n_found, ==, N_INTERVIEWERS);
      best.candidate_ms = MIN (best.candidate_ms, (g_get_monotonic_time () - start) / 1000.0);
    }

  g_assert_true (pnl_store_close (store, &error));

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
  double no_indexes;
  Lookups queried, filtered;
  gint64 start;

  setlocale (LC_ALL, "");

  start = g_get_monotonic_time ();
  bench_fill_role (path, N_CANDIDATES, N_INTERVIEWERS, N_ANSWERS, N_AREAS);
  add_other_roles (path);
  g_print ("# filled %u candidates × %u interviewers × %u answers, and %u interviews of %u other roles, in %.1f s\n",
           N_CANDIDATES, N_INTERVIEWERS, N_ANSWERS, N_OTHER_ROLES * N_OTHER_ROLE_INTERVIEWS, N_OTHER_ROLES,
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

  queried = measure_lookups (path, FALSE);
  filtered = measure_lookups (path, TRUE);

  /* Last: this one changes the file. */
  drop_indexes (path);
  no_indexes = measure (path, WAY_SUMMARY);

  g_print ("role comparison (%u × %u × %u)   summary table %7.1f ms   baseline: summing the answers %7.1f ms,"
           " reading every answer %7.1f ms   goal < 50 ms\n",
           N_CANDIDATES, N_INTERVIEWERS, N_ANSWERS, summary, sum_sql, items);
  g_print ("role comparison without its indexes   summary table %7.1f ms with the role index and area_scores' key,"
           " %7.1f ms without\n", summary, no_indexes);

  g_print ("compare view lookups (%u interviews)   roles %7.2f ms   one candidate's interviews %7.2f ms"
           "   baseline: reading every interview %7.2f ms and %7.2f ms\n",
           N_CANDIDATES * N_INTERVIEWERS + N_OTHER_ROLES * N_OTHER_ROLE_INTERVIEWS, queried.roles_ms, queried.candidate_ms,
           filtered.roles_ms, filtered.candidate_ms);

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
