/* test-crash.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "pnl-session-private.h"
#include "pnl-store.h"

/* Killing the app while it types.
 *
 * crash-typist (a helper built for this test) types, scores, flags and
 * moves between questions through a PnlSession, as the window does, and
 * logs each change with its time just before making it.  The test kills
 * it with SIGKILL at a random moment, many times over, on the same
 * database, and after each kill opens the file itself and checks:
 *
 *  - PRAGMA integrity_check says "ok";
 *  - every field (an answer's notes, score and flags; the summary and
 *    the recommendation) holds the value of its last change made before
 *    the kill minus GUARANTEE_MS, or of a later change: never an older
 *    value, and never one that was not typed.
 *
 * GUARANTEE_MS is the product's promise, PROMISE_MS (1 s), which the
 * autosave's cap keeps (PNL_SESSION_SAVE_MAX_DELAY_MS, 1 s: however long
 * typing goes on, a change is queued on the writer at most that long
 * after it was made), plus MARGIN_MS for what the cap does not count,
 * on a loaded two-core machine:
 *
 *  - the session's timer firing late, and the helper being descheduled
 *    between logging a change and making it: scheduling delays, tens of
 *    milliseconds, rarely more;
 *  - the writer's commit: a write to the log in the page cache, no
 *    fsync with synchronous=NORMAL, except the log header's when the log
 *    starts again after a checkpoint; a checkpoint itself (after 1000
 *    pages of log) syncs twice on the writer thread and delays the next
 *    commit.  On a busy disk an fsync can take some hundreds of ms.
 *
 * 500 ms covers these with room to spare; a smaller margin would make the
 * test depend on the machine, a larger one would check less per round.
 *
 * The test also measures the loss itself: at each kill, how long before
 * it the oldest change that the file lacks was made, that is how many
 * seconds of typing the crash lost.  It prints the largest and the mean
 * over the kills, and the largest must stay within GUARANTEE_MS.  Most
 * long rounds type continuously (crash-typist's "continuous": no pause
 * that the debounce would see, no change of question), so that only
 * the cap saves and the loss is as large as the autosave allows: with
 * the cap at 2 s, as it once was, a change 1.5 s old is lost within a
 * few rounds and the test fails.
 *
 * Rounds are short (killed within 400 ms of starting: during the open,
 * the log's replay, the first saves) or long (killed 1.65 to 2.65 s after
 * the typing starts, so that the first 0.15 to 1.15 s of changes must be
 * in the file).  Every later round checks the earlier rounds' guarantees
 * again: a crash during a replay or a checkpoint must not lose them.
 *
 * The rounds come from a fixed seed (PANELIST_CRASH_SEED overrides it,
 * PANELIST_CRASH_ROUNDS the number of rounds): the script, the kinds of
 * round and the delays are the same each run, the moments the kills land
 * on are not, by nature. */

/* The product's promise (PRODUCT.md): a crash loses nothing beyond the
 * last second.  The autosave's cap must keep it. */
#define PROMISE_MS      1000
#define MARGIN_MS       500
#define GUARANTEE_MS    (PROMISE_MS + MARGIN_MS)
#define DEFAULT_SEED    20260711
#define DEFAULT_ROUNDS  40
#define SHORT_MAX_MS    400
#define LONG_MIN_MS     (GUARANTEE_MS + 150)
#define LONG_MAX_MS     (GUARANTEE_MS + 1150)

typedef struct
{
  gint64  time;
  guint   round;
  char   *value;
} Change;

typedef struct
{
  char       *dir;
  char       *path;
  char       *log;
  char       *typist;

  /* "N code.review" and so on -> GPtrArray of Change, oldest first */
  GHashTable *fields;
  GArray     *kill_times;
  goffset     log_offset;

  guint       n_guaranteed;
  guint       n_checked_fields;

  /* The loss at this round's kill, in µs: see check_field() */
  gint64      round_loss;
  /* Per round that typed: its loss */
  GArray     *losses;
} Fixture;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->value);
  g_free (change);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_build_filename (g_get_user_data_dir (), "panelist", NULL);
  f->path = g_build_filename (f->dir, "panelist.db", NULL);
  f->log = g_build_filename (g_get_user_cache_dir (), "typist.log", NULL);
  f->typist = g_test_build_filename (G_TEST_BUILT, "crash-typist", NULL);
  f->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  f->kill_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->losses = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_cache_dir (), 0700));
  g_assert_true (g_file_test (f->typist, G_FILE_TEST_IS_EXECUTABLE));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->fields, g_hash_table_unref);
  g_clear_pointer (&f->kill_times, g_array_unref);
  g_clear_pointer (&f->losses, g_array_unref);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->log);
  g_free (f->typist);
}

static guint64
env_number (const char *name,
            guint64     fallback)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    return fallback;

  return g_ascii_strtoull (value, NULL, 10);
}

/* The log ------------------------------------------------------------------ */

static char *
read_log (Fixture *f,
          gsize   *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (f->log, &contents, len, &error))
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      *len = 0;
      return g_strdup ("");
    }

  return contents;
}

/* Whether the round's "typing starts" line is there yet. */
static gboolean
log_has_begun (Fixture *f)
{
  g_autofree char *contents = NULL;
  gsize len;

  contents = read_log (f, &len);

  return (goffset) len > f->log_offset && strstr (contents + f->log_offset, " B - -\n") != NULL;
}

/* Takes the round's lines in.  A line the kill cut short (no newline)
 * was never followed by its change: it is cut off the file too, so that
 * the next round starts on a line of its own. */
static guint
read_round (Fixture *f,
            guint    round)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  char *end;
  gsize len;
  guint n = 0;

  contents = read_log (f, &len);
  if ((goffset) len <= f->log_offset)
    return 0;

  end = strrchr (contents, '\n');
  if (end == NULL || end < contents + f->log_offset)
    end = contents + f->log_offset - 1;
  if ((gsize) (end + 1 - contents) != len)
    {
      g_test_message ("round %u: a log line cut short by the kill", round);
      g_assert_no_errno (truncate (f->log, end + 1 - contents));
    }
  end[1] = '\0';

  lines = g_strsplit (contents + f->log_offset, "\n", -1);
  f->log_offset = end + 1 - contents;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      GPtrArray *changes;
      Change *change;
      char *name;

      if (lines[i][0] == '\0')
        continue;

      parts = g_strsplit (lines[i], " ", 4);
      g_assert_cmpuint (g_strv_length (parts), ==, 4);

      if (g_str_equal (parts[1], "B"))
        continue;

      name = g_strdup_printf ("%s %s", parts[1], parts[2]);
      if (!(changes = g_hash_table_lookup (f->fields, name)))
        {
          changes = g_ptr_array_new_with_free_func (change_free);
          g_hash_table_insert (f->fields, g_strdup (name), changes);
        }
      g_free (name);

      change = g_new0 (Change, 1);
      change->time = g_ascii_strtoll (parts[0], NULL, 10);
      change->round = round;
      change->value = g_strdup (parts[3]);
      g_ptr_array_add (changes, change);
      n++;
    }

  return n;
}

/* The database ------------------------------------------------------------- */

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

/* What every field holds now, by the names the log uses. */
static GHashTable *
read_database (Fixture *f,
               guint    round)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *check = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *n_interviews = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  /* Killed before the file was made. */
  if (!g_file_test (f->path, G_FILE_TEST_EXISTS))
    return values;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* Leave the log as the kill left it, for the next round to replay;
   * or, every other round, copy it in as closing does, so that the next
   * round starts a new log (its header is synced on the first commit). */
  if (round % 2 == 0)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (db, 5000);

  check = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");

  /* Killed before the schema was there (each step is whole or not). */
  schema = query_text (db, "SELECT COUNT (*) FROM sqlite_schema WHERE name = 'interviews'");
  if (g_str_equal (schema, "0"))
    {
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      return values;
    }

  /* Made by the first round, whole or not at all. */
  n_interviews = query_text (db, "SELECT COUNT (*) FROM interviews");
  g_assert_true (g_str_equal (n_interviews, "0") || g_str_equal (n_interviews, "1"));

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT question_id, IFNULL (notes, ''), IFNULL (score, 0), flags"
                                       " FROM answers",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      g_hash_table_insert (values, g_strdup_printf ("N %s", id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_hash_table_insert (values, g_strdup_printf ("S %s", id),
                           g_strdup_printf ("%d", sqlite3_column_int (stmt, 2)));
      g_hash_table_insert (values, g_strdup_printf ("F %s", id),
                           g_strdup_printf ("%d", sqlite3_column_int (stmt, 3)));
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT IFNULL (summary, ''), IFNULL (recommendation, '')"
                                       " FROM interviews",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_hash_table_insert (values, g_strdup ("U -"),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_hash_table_insert (values, g_strdup ("R -"),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return values;
}

static const char *
initial_value (const char *name)
{
  switch (name[0])
    {
    case 'S':
    case 'F':
      return "0";

    default:
      return "";
    }
}

/* What the kill of @round lost of the field: how long before that kill
 * the oldest change of the round after the one the file holds was made
 * (0 when it holds the last).  The file holds the latest change of its
 * value.  A round types on from what the file held at its start, so
 * changes an earlier kill lost may lie between: they were counted then. */
static gint64
field_loss (Fixture    *f,
            guint       round,
            const char *name,
            GPtrArray  *changes,
            const char *stored)
{
  int held = -1;
  Change *lost;

  for (guint i = changes->len; i-- > 0;)
    {
      if (g_strcmp0 (stored, ((Change *) g_ptr_array_index (changes, i))->value) == 0)
        {
          held = i;
          break;
        }
    }

  if (held < 0 && g_strcmp0 (stored, initial_value (name)) != 0)
    return 0;   /* a value never typed: check_field() fails it */

  for (guint i = held + 1; i < changes->len; i++)
    {
      lost = g_ptr_array_index (changes, i);

      if (lost->round == round)
        return g_array_index (f->kill_times, gint64, round) - lost->time;
    }

  return 0;
}

/* The field must hold the value of its last guaranteed change, or of a
 * later one; with no guaranteed change, its first value or any later. */
static void
check_field (Fixture    *f,
             guint       round,
             const char *name,
             GPtrArray  *changes,
             const char *stored)
{
  gint64 kill_time;
  int guaranteed = -1;

  f->round_loss = MAX (f->round_loss, field_loss (f, round, name, changes, stored));

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);

      kill_time = g_array_index (f->kill_times, gint64, change->round);
      if (change->time <= kill_time - GUARANTEE_MS * 1000)
        guaranteed = i;
    }

  if (guaranteed < 0 && g_strcmp0 (stored, initial_value (name)) == 0)
    return;

  if (guaranteed >= 0)
    {
      f->n_checked_fields++;
      f->n_guaranteed += guaranteed + 1;
    }

  for (guint i = MAX (guaranteed, 0); i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (stored, change->value) == 0)
        return;
    }

  /* What went wrong, in the terms of the test (the values are made up). */
  if (guaranteed >= 0)
    {
      Change *change = g_ptr_array_index (changes, guaranteed);

      kill_time = g_array_index (f->kill_times, gint64, change->round);
      g_test_message ("%s: “%s”, made in round %u, %" G_GINT64_FORMAT " ms before its kill, is lost",
                      name, change->value, change->round, (kill_time - change->time) / 1000);
    }
  g_test_message ("%s holds “%s”", name, stored ? stored : "(no row)");
  g_test_fail ();
}

static void
check_database (Fixture *f,
                guint    round)
{
  g_autoptr(GHashTable) values = read_database (f, round);
  GHashTableIter iter;
  gpointer name, changes;

  if (g_hash_table_size (values) == 0)
    {
      /* No interview yet: nothing can have been typed. */
      g_assert_cmpuint (g_hash_table_size (f->fields), ==, 0);
      return;
    }

  f->n_guaranteed = 0;
  f->n_checked_fields = 0;

  g_hash_table_iter_init (&iter, f->fields);
  while (g_hash_table_iter_next (&iter, &name, &changes))
    {
      const char *stored = g_hash_table_lookup (values, name);

      g_assert_nonnull (stored);
      check_field (f, round, name, changes, stored);
    }

  g_test_message ("round %u: %u fields with a change that must be there (%u such changes), "
                  "%" G_GINT64_FORMAT " ms of typing lost",
                  round, f->n_checked_fields, f->n_guaranteed, f->round_loss / 1000);
}

/* The rounds --------------------------------------------------------------- */

static void
sleep_until (gint64 deadline)
{
  gint64 now;

  while ((now = g_get_monotonic_time ()) < deadline)
    g_usleep (MIN (deadline - now, 5000));
}

static void
run_round (Fixture *f,
           GRand   *rand,
           guint    round)
{
  g_autoptr(GSubprocess) typist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (rand));
  gboolean is_long = g_rand_double (rand) < 0.55;
  /* Three long rounds in four type without a pause. */
  gboolean continuous = is_long && g_rand_double (rand) < 0.75;
  gint64 delay_ms;
  gint64 start;
  gint64 kill_time;
  guint n;

  if (is_long)
    delay_ms = g_rand_int_range (rand, LONG_MIN_MS, LONG_MAX_MS + 1);
  else
    delay_ms = g_rand_int_range (rand, 0, SHORT_MAX_MS + 1);

  /* Its output would break the TAP stream; its errors go to ours. */
  typist = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                             f->typist, f->path, f->log, seed,
                             continuous ? "continuous" : NULL, NULL);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();

  if (is_long)
    {
      /* Counted from when it types: opening may take a while on a
       * loaded machine. */
      while (!log_has_begun (f))
        {
          g_assert_nonnull (g_subprocess_get_identifier (typist));
          g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
          g_usleep (2000);
        }
      start = g_get_monotonic_time ();
    }

  sleep_until (start + delay_ms * 1000);

  /* Before the signal: a change the kill could still see is later. */
  kill_time = g_get_monotonic_time ();
  g_subprocess_send_signal (typist, SIGKILL);
  g_subprocess_wait (typist, NULL, &error);
  g_assert_no_error (error);

  /* It must have been running: not ended on its own. */
  g_assert_true (g_subprocess_get_if_signaled (typist));
  g_assert_cmpint (g_subprocess_get_term_sig (typist), ==, SIGKILL);

  g_array_append_val (f->kill_times, kill_time);
  n = read_round (f, round);
  g_test_message ("round %u: %s, killed after %" G_GINT64_FORMAT " ms, %u changes",
                  round, is_long ? (continuous ? "long, continuous" : "long") : "short", delay_ms, n);

  f->round_loss = 0;
  check_database (f, round);
  if (n > 0)
    g_array_append_val (f->losses, f->round_loss);
}

static void
test_kill_while_typing (Fixture       *f,
                        gconstpointer  data)
{
  guint64 seed = env_number ("PANELIST_CRASH_SEED", DEFAULT_SEED);
  guint n_rounds = (guint) env_number ("PANELIST_CRASH_ROUNDS", DEFAULT_ROUNDS);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed);
  gint64 start = g_get_monotonic_time ();
  guint n_guaranteed_total = 0;

  g_test_message ("seed %" G_GUINT64_FORMAT " (PANELIST_CRASH_SEED), %u rounds, "
                  "changes older than %d ms at the kill must be saved",
                  seed, n_rounds, GUARANTEE_MS);

  for (guint round = 0; round < n_rounds && !g_test_failed (); round++)
    {
      run_round (f, rand, round);
      n_guaranteed_total = MAX (n_guaranteed_total, f->n_guaranteed);
    }

  g_test_message ("%u rounds in %" G_GINT64_FORMAT " ms",
                  n_rounds, (g_get_monotonic_time () - start) / 1000);

  /* How much typing the kills lost: within the cap and the margin. */
  {
    gint64 max_loss = 0;
    gint64 sum = 0;

    for (guint i = 0; i < f->losses->len; i++)
      {
        gint64 loss = g_array_index (f->losses, gint64, i);

        max_loss = MAX (max_loss, loss);
        sum += loss;
      }

    g_test_message ("typing lost over %u kills while typing: max %.3f s, mean %.3f s "
                    "(cap %.3f s + margin %.3f s)",
                    f->losses->len, max_loss / 1e6,
                    f->losses->len > 0 ? sum / 1e6 / f->losses->len : 0.0,
                    PNL_SESSION_SAVE_MAX_DELAY_MS / 1e3, MARGIN_MS / 1e3);
    g_assert_cmpint (max_loss, <=, (gint64) GUARANTEE_MS * 1000);
    /* The rounds typed long enough to show the cap: some lost most of it. */
    if (n_rounds >= DEFAULT_ROUNDS && !g_test_failed ())
      g_assert_cmpint (max_loss, >=, (gint64) PROMISE_MS * 1000 / 2);
  }

  /* The test checked something. */
  if (n_rounds >= DEFAULT_ROUNDS)
    g_assert_cmpuint (n_guaranteed_total, >=, 20);

  /* And the app opens what the crashes left, as at any start. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PnlStore) store = pnl_store_new (f->path, &error);
    g_autoptr(GListModel) interviews = NULL;

    g_assert_no_error (error);
    interviews = pnl_store_list_interviews (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (interviews), ==, 1);
    g_assert_true (pnl_store_close (store, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/crash/kill-while-typing", Fixture, NULL,
              fixture_set_up, test_kill_while_typing, fixture_tear_down);

  return g_test_run ();
}
