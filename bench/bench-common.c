/* bench-common.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the benchmarks share: making their data, and reading their
 * figures. */

#include "config.h"

#include "bench-common.h"
#include "pnl-db-statement.h"
#include "pnl-store.h"

#include <unistd.h>

static const char scale[] =
  "[{\"value\":1,\"label\":\"Strong no\",\"meaning\":\"Far below\"},"
  "{\"value\":2,\"label\":\"No\",\"meaning\":\"Below\"},"
  "{\"value\":3,\"label\":\"Yes\",\"meaning\":\"At the bar\"},"
  "{\"value\":4,\"label\":\"Strong yes\",\"meaning\":\"Above\"}]";

static const char *words[] = {
  "cache", "queue", "index", "thread", "deploy", "schema", "latency", "token",
  "shard", "replica", "retry", "timeout", "budget", "review", "rollback", "tenant",
};

void
bench_exec (PnlDb      *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!pnl_db_exec (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

PnlDbStatement *
bench_prepare (PnlDb      *db,
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

GBytes *
bench_make_bank (guint n_questions)
{
  GString *json = g_string_new (NULL);
  guint n_areas = 20;

  g_string_append (json, "{ \"format\": \"panelist-bank\", \"version\": 1, \"id\": \"big\", "
                         "\"title\": \"Big\", \"role\": \"Engineer\", \"language\": \"en\", \"areas\": [");
  for (guint i = 0; i < n_areas; i++)
    g_string_append_printf (json, "%s{ \"id\": \"area-%u\", \"title\": \"Area %u\" }", i ? ", " : "", i, i);
  g_string_append (json, "], \"questions\": [");
  for (guint i = 0; i < n_questions; i++)
    g_string_append_printf (json,
                            "%s{ \"id\": \"q-%u\", \"area\": \"area-%u\", \"kind\": \"technical\", "
                            "\"level\": \"senior\", \"minutes\": 5, \"prompt\": \"Question %u: how do the %s and the %s "
                            "behave when the %s fails under load?\", \"assesses\": \"Depth.\", "
                            "\"look_fors\": [\"One\", \"Two\"], \"red_flags\": [\"Three\"], "
                            "\"follow_ups\": [\"Four\"], \"anchors\": { \"1\": \"Low\", \"4\": \"High\" } }",
                            i ? ", " : "", i, i % n_areas, i,
                            words[i % G_N_ELEMENTS (words)],
                            words[(i / 7) % G_N_ELEMENTS (words)],
                            words[(i / 31) % G_N_ELEMENTS (words)]);
  g_string_append (json, "] }");

  return g_string_free_to_bytes (json);
}

/* The schema made by the store, then @n_candidates candidates of
 * BENCH_ROLE, each with @n_interviewers submitted interviews of
 * @n_answers scored answers over @n_areas areas, in one transaction. */
void
bench_fill_role (const char *path,
                 guint       n_candidates,
                 guint       n_interviewers,
                 guint       n_answers,
                 guint       n_areas)
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

  bench_exec (db, "BEGIN");
  candidate = bench_prepare (db, "INSERT INTO candidates (id, name, role, reference, created_at)"
                           " VALUES (?1, ?2, '" BENCH_ROLE "', ?3, 1767225600)");
  interview = bench_prepare (db, "INSERT INTO interviews (id, uuid, revision, candidate_id, role, round,"
                           " interviewer, bank_id, bank_revision, scale, state, recommendation,"
                           " summary, started_at, ended_at, updated_at)"
                           " VALUES (?1, ?2, 3, ?3, '" BENCH_ROLE "', 'Technical', ?4, 'bench', 1, ?5,"
                           " 'submitted', 'yes', 'Would hire; strong on the basics.',"
                           " 1767225600, 1767229200, 1767229200)");
  answer = bench_prepare (db, "INSERT INTO answers (interview_id, position, question_id, area_id,"
                        " area_title, kind, level, prompt, question, asked, score, notes,"
                        " flags, seconds, custom)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, 'technical', 'experienced', ?6, ?7, 1, ?8,"
                        " ?9, 0, 240, 0)");

  for (guint c = 0; c < n_candidates; c++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %04u", c);
      g_autofree char *reference = g_strdup_printf ("ATS-%05u", c);

      pnl_db_statement_bind_int (candidate, 1, c + 1);
      pnl_db_statement_bind_text (candidate, 2, name);
      pnl_db_statement_bind_text (candidate, 3, reference);
      step_done (candidate);

      for (guint i = 0; i < n_interviewers; i++)
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

          for (guint a = 0; a < n_answers; a++)
            {
              g_autofree char *question_id = g_strdup_printf ("q-%u", a);
              g_autofree char *area_id = g_strdup_printf ("area-%u", a % n_areas);
              g_autofree char *area_title = g_strdup_printf ("Area %u", a % n_areas);
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

  bench_exec (db, "COMMIT");
  bench_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_rand_free (rand);
}

void
bench_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);

  while (children != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      bench_remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

double
bench_median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

void
bench_print_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *name;

  g_print ("# pid %d\n", (int) getpid ());
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", name, "comm", NULL);
      g_autofree char *comm = NULL;

      if (g_file_get_contents (path, &comm, NULL, NULL))
        g_print ("# thread %s %s\n", name, g_strstrip (comm));
    }
}

char *
bench_make_home (const char  *name_template,
                 char       **banks,
                 char       **database)
{
  char *dir = g_dir_make_tmp (name_template, NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);

  g_assert_nonnull (dir);
  *banks = g_build_filename (data, "panelist", "banks", NULL);
  *database = g_build_filename (data, "panelist", "panelist.db", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  return dir;
}
