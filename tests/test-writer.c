/* test-writer.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <sqlite3.h>
#include <string.h>

#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-writer.h"

typedef struct
{
  char      *path;
  PnlWriter *writer;
  PnlDb     *reader;

  /* A job that holds the writer thread until the test opens it. */
  GMutex     gate_mutex;
  GCond      gate_cond;
  gboolean   gate_entered;
  gboolean   gate_open;

  /* Makes fail_job fail while set. */
  gint       failing;
  gint       n_destroyed;

  guint      n_failed;
  guint      n_recovered;
  GError    *failed_error;
} Fixture;

static gboolean
create_table_job (PnlDb     *db,
                  gpointer   data,
                  GError   **error)
{
  return pnl_db_exec (db,
                      "CREATE TABLE log (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, pad BLOB);"
                      "CREATE TABLE state (k TEXT PRIMARY KEY, v INTEGER NOT NULL);",
                      error);
}

static void
failed_cb (PnlWriter    *writer,
           const GError *error,
           Fixture      *f)
{
  /* Emitted on the main context, never on the writer thread. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));

  f->n_failed++;
  g_clear_error (&f->failed_error);
  f->failed_error = g_error_copy (error);
}

static void
recovered_cb (PnlWriter *writer,
              Fixture   *f)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));

  f->n_recovered++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = g_build_filename (g_get_user_data_dir (), "panelist", "panelist.db", NULL);
  g_mutex_init (&f->gate_mutex);
  g_cond_init (&f->gate_cond);

  f->writer = pnl_writer_new (f->path, &error);
  g_assert_no_error (error);
  pnl_writer_set_retry_interval (f->writer, 10, 40);

  g_signal_connect (f->writer, "failed", G_CALLBACK (failed_cb), f);
  g_signal_connect (f->writer, "recovered", G_CALLBACK (recovered_cb), f);

  g_assert_true (pnl_writer_run (f->writer, create_table_job, NULL, &error));
  g_assert_no_error (error);

  f->reader = pnl_db_open (f->path, PNL_DB_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->reader);
  if (f->writer != NULL)
    g_assert_finalize_object (f->writer);
  g_clear_error (&f->failed_error);
  g_mutex_clear (&f->gate_mutex);
  g_cond_clear (&f->gate_cond);
  g_free (f->path);
}

/* Jobs ------------------------------------------------------------------- */

typedef struct
{
  Fixture *f;
  gint64   n;
  char    *key;
  gint64   pad;
} Insert;

static Insert *
insert_new (Fixture    *f,
            gint64      n,
            const char *key)
{
  Insert *insert = g_new0 (Insert, 1);

  insert->f = f;
  insert->n = n;
  insert->key = g_strdup (key);

  return insert;
}

static void
insert_free (gpointer data)
{
  Insert *insert = data;

  g_atomic_int_inc (&insert->f->n_destroyed);
  g_free (insert->key);
  g_free (insert);
}

static gboolean
insert_job (PnlDb     *db,
            gpointer   data,
            GError   **error)
{
  Insert *insert = data;
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare_cached (db, "INSERT INTO log (n, pad) VALUES (?1, zeroblob (?2))", error);
  if (stmt == NULL)
    return FALSE;

  pnl_db_statement_bind_int (stmt, 1, insert->n);
  pnl_db_statement_bind_int (stmt, 2, insert->pad);

  return pnl_db_statement_execute (stmt, error);
}

static void
push_insert (Fixture    *f,
             gint64      n,
             const char *key)
{
  pnl_writer_push (f->writer, key, insert_job, insert_new (f, n, key), insert_free);
}

static gboolean
gate_job (PnlDb     *db,
          gpointer   data,
          GError   **error)
{
  Fixture *f = data;

  g_mutex_lock (&f->gate_mutex);
  f->gate_entered = TRUE;
  g_cond_broadcast (&f->gate_cond);
  while (!f->gate_open)
    g_cond_wait (&f->gate_cond, &f->gate_mutex);
  g_mutex_unlock (&f->gate_mutex);

  return TRUE;
}

/* Holds the writer thread inside a job: what is pushed meanwhile waits. */
static void
close_gate (Fixture *f)
{
  f->gate_entered = FALSE;
  f->gate_open = FALSE;

  pnl_writer_push (f->writer, NULL, gate_job, f, NULL);

  g_mutex_lock (&f->gate_mutex);
  while (!f->gate_entered)
    g_cond_wait (&f->gate_cond, &f->gate_mutex);
  g_mutex_unlock (&f->gate_mutex);
}

static void
open_gate (Fixture *f)
{
  g_mutex_lock (&f->gate_mutex);
  f->gate_open = TRUE;
  g_cond_broadcast (&f->gate_cond);
  g_mutex_unlock (&f->gate_mutex);
}

static gboolean
fail_job (PnlDb     *db,
          gpointer   data,
          GError   **error)
{
  Fixture *f = data;

  if (g_atomic_int_get (&f->failing))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "no room on the test disk");
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_job (PnlDb     *db,
          gpointer   data,
          GError   **error)
{
  return pnl_db_exec (db, data, error);
}

/* Reading ---------------------------------------------------------------- */

static GArray *
read_log (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDbStatement) stmt = NULL;
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = pnl_db_prepare (f->reader, "SELECT n FROM log ORDER BY id", &error);
  g_assert_no_error (error);

  while (pnl_db_statement_step (stmt, &error) == PNL_DB_STEP_ROW)
    {
      gint64 n = pnl_db_statement_column_int (stmt, 0);
      g_array_append_val (values, n);
    }
  g_assert_no_error (error);

  return values;
}

static void
assert_log (Fixture      *f,
            const gint64 *expected,
            guint         n_expected)
{
  g_autoptr(GArray) values = read_log (f);

  g_assert_cmpmem (values->data, values->len * sizeof (gint64),
                   expected, n_expected * sizeof (gint64));
}

static void
iterate_until (gboolean (*done) (Fixture *f),
               Fixture  *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!done (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets the writer retry (and emit, if it would) for a while. */
static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
has_failed (Fixture *f)
{
  return f->n_failed > 0;
}

static gboolean
has_recovered (Fixture *f)
{
  return f->n_recovered > 0;
}

/* Tests ------------------------------------------------------------------ */

static void
test_order_kept (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 expected[300];

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *key = NULL;

      /* Keys that never repeat do not change the order. */
      if (i % 3 == 0)
        key = g_strdup_printf ("row:%u", i);

      expected[i] = i;
      push_insert (f, i, key);

      if (i % 50 == 0)
        g_usleep (2000);
    }

  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), ==, 0);
  assert_log (f, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (f->n_destroyed, ==, G_N_ELEMENTS (expected));
}

static void
test_coalesce (Fixture       *f,
               gconstpointer  data)
{
  static const gint64 expected[] = { 99, 1000, 2, 2000 };
  g_autoptr(GError) error = NULL;

  close_gate (f);

  push_insert (f, 0, "answer:1");
  push_insert (f, 1000, NULL);
  for (guint i = 1; i < 100; i++)
    push_insert (f, i, "answer:1");
  push_insert (f, 2, "answer:2");
  push_insert (f, 2000, NULL);

  /* 99 states of answer 1 were replaced, and let go of at once. */
  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), ==, 1 + 4);
  g_assert_cmpint (f->n_destroyed, ==, 99);

  open_gate (f);

  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);

  /* One write for answer 1, its latest state, where it was first queued. */
  assert_log (f, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (f->n_destroyed, ==, 99 + 4);

  /* Once written, the key queues afresh. */
  push_insert (f, 100, "answer:1");
  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);
  {
    static const gint64 more[] = { 99, 1000, 2, 2000, 100 };
    assert_log (f, more, G_N_ELEMENTS (more));
  }
}

static gboolean
slow_insert_job (PnlDb     *db,
                 gpointer   data,
                 GError   **error)
{
  g_usleep (2000);
  return insert_job (db, data, error);
}

static void
test_flush_waits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 expected[50];

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      expected[i] = i;
      pnl_writer_push (f->writer, NULL, slow_insert_job, insert_new (f, i, NULL), insert_free);
    }

  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), >, 0);
  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);

  /* Committed: another connection sees every row. */
  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), ==, 0);
  assert_log (f, expected, G_N_ELEMENTS (expected));

  /* Nothing queued: returns at once. */
  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);
}

static void
test_close_flushes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) db = NULL;
  guint n = 1000;

  for (guint i = 0; i < n; i++)
    push_insert (f, i, NULL);

  g_assert_true (pnl_writer_close (f->writer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), ==, 0);

  /* Closed: later jobs are refused and let go of. */
  g_test_expect_message ("pnl-writer", G_LOG_LEVEL_WARNING, "*closed*");
  push_insert (f, 42, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpint (f->n_destroyed, ==, n + 1);

  g_assert_false (pnl_writer_run (f->writer, create_table_job, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);

  g_assert_finalize_object (g_steal_pointer (&f->writer));
  g_clear_object (&f->reader);

  /* Everything is in the file. */
  db = pnl_db_open (f->path, PNL_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PnlDbStatement) stmt = pnl_db_prepare (db, "SELECT COUNT (*), SUM (n) FROM log", &error);

    g_assert_no_error (error);
    g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
    g_assert_cmpint (pnl_db_statement_column_int (stmt, 0), ==, n);
    g_assert_cmpint (pnl_db_statement_column_int (stmt, 1), ==, (gint64) n * (n - 1) / 2);
  }
}

static void
test_dispose_closes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) values = NULL;

  for (guint i = 0; i < 200; i++)
    push_insert (f, i, NULL);

  g_assert_finalize_object (g_steal_pointer (&f->writer));

  values = read_log (f);
  g_assert_cmpuint (values->len, ==, 200);
  g_assert_cmpint (f->n_destroyed, ==, 200);
}

static void
test_failure_keeps_everything (Fixture       *f,
                               gconstpointer  data)
{
  static const gint64 expected[] = { 1, 2, 3, 4 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = NULL;

  g_atomic_int_set (&f->failing, TRUE);

  /* One batch: 1, 2, the failing job, 3. */
  close_gate (f);
  push_insert (f, 1, NULL);
  push_insert (f, 2, "answer:2");
  pnl_writer_push (f->writer, "fail", fail_job, f, NULL);
  push_insert (f, 3, NULL);
  open_gate (f);

  g_assert_false (pnl_writer_flush (f->writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  /* Rolled back as a whole; every job still queued. */
  values = read_log (f);
  g_assert_cmpuint (values->len, ==, 0);
  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), ==, 4);

  /* "failed" once, however many retries fail. */
  iterate_until (has_failed, f);
  g_assert_error (f->failed_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  iterate_for (200);
  g_assert_cmpuint (f->n_failed, ==, 1);
  g_assert_cmpuint (f->n_recovered, ==, 0);

  /* Still failing: flush says so again. */
  push_insert (f, 4, NULL);
  g_assert_false (pnl_writer_flush (f->writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), ==, 5);

  /* The trouble passes: everything lands, in order. */
  g_atomic_int_set (&f->failing, FALSE);
  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), ==, 0);
  assert_log (f, expected, G_N_ELEMENTS (expected));

  iterate_until (has_recovered, f);
  g_assert_cmpuint (f->n_failed, ==, 1);
  g_assert_cmpuint (f->n_recovered, ==, 1);
}

static void
push_big_insert (Fixture    *f,
                 gint64      n,
                 const char *key)
{
  Insert *insert = insert_new (f, n, key);

  insert->pad = 64 * 1024;
  pnl_writer_push (f->writer, key, insert_job, insert, insert_free);
}

static void
test_failure_disk_full (Fixture       *f,
                        gconstpointer  data)
{
  static const gint64 expected[] = { 10, 20, 30 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = NULL;

  /* No retry of its own while the test pushes: only flush retries. */
  pnl_writer_set_retry_interval (f->writer, 60 * 1000, 60 * 1000);

  /* The file may not grow any more: as good as a full disk. */
  g_assert_true (pnl_writer_run (f->writer, exec_job, (gpointer) "PRAGMA max_page_count = 1", &error));
  g_assert_no_error (error);

  push_big_insert (f, 10, NULL);
  push_big_insert (f, 20, "k");
  g_assert_false (pnl_writer_flush (f->writer, &error));
  g_assert_error (error, PNL_DB_ERROR, SQLITE_FULL);
  g_assert_nonnull (strstr (error->message, f->path));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  iterate_until (has_failed, f);
  g_assert_error (f->failed_error, PNL_DB_ERROR, SQLITE_FULL);

  /* Newer states of a failed job replace it where it waits. */
  push_big_insert (f, 30, NULL);
  push_big_insert (f, 21, "k");
  push_big_insert (f, 20, "k");
  g_assert_cmpuint (pnl_writer_get_n_pending (f->writer), ==, 3);
  values = read_log (f);
  g_assert_cmpuint (values->len, ==, 0);

  /* A run job does not wait behind the failing saves. */
  g_assert_true (pnl_writer_run (f->writer, exec_job, (gpointer) "PRAGMA max_page_count = 1000000", &error));
  g_assert_no_error (error);

  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);
  assert_log (f, expected, G_N_ELEMENTS (expected));

  iterate_until (has_recovered, f);
  g_assert_cmpuint (f->n_failed, ==, 1);
}

typedef struct
{
  gint64  expect_rows;
  gboolean fail;
} RunCheck;

static gboolean
run_check_job (PnlDb     *db,
               gpointer   data,
               GError   **error)
{
  RunCheck *check = data;
  g_autoptr(PnlDbStatement) stmt = NULL;

  if (!pnl_db_exec (db, "INSERT INTO state VALUES ('run', 1)", error))
    return FALSE;

  if (!(stmt = pnl_db_prepare (db, "SELECT COUNT (*) FROM log", error)) ||
      pnl_db_statement_step (stmt, error) != PNL_DB_STEP_ROW)
    return FALSE;

  /* What was pushed before is written before. */
  if (pnl_db_statement_column_int (stmt, 0) != check->expect_rows)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "saw %" G_GINT64_FORMAT " rows",
                   pnl_db_statement_column_int (stmt, 0));
      return FALSE;
    }

  if (check->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "not today");
      return FALSE;
    }

  return TRUE;
}

static void
test_run_returns_error (Fixture       *f,
                        gconstpointer  data)
{
  static const gint64 expected[] = { 1, 2, 3 };
  g_autoptr(GError) error = NULL;
  RunCheck check = { 2, TRUE };
  g_autoptr(PnlDbStatement) stmt = NULL;

  push_insert (f, 1, NULL);
  push_insert (f, 2, NULL);

  g_assert_false (pnl_writer_run (f->writer, run_check_job, &check, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (error->message, ==, "not today");
  g_clear_error (&error);

  /* Its own transaction was rolled back... */
  stmt = pnl_db_prepare (f->reader, "SELECT COUNT (*) FROM state", &error);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (stmt, 0), ==, 0);
  pnl_db_statement_reset (stmt);

  /* ...and neither retried nor in the way of the queue. */
  push_insert (f, 3, NULL);
  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);
  assert_log (f, expected, G_N_ELEMENTS (expected));
  iterate_for (50);
  g_assert_cmpuint (f->n_failed, ==, 0);

  check.expect_rows = 3;
  check.fail = FALSE;
  g_assert_true (pnl_writer_run (f->writer, run_check_job, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (stmt, 0), ==, 1);
}

static void
test_run_while_failing (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RunCheck check = { 0, FALSE };
  gint64 start;

  /* Saves fail and the next try is far away. */
  pnl_writer_set_retry_interval (f->writer, 60 * 1000, 60 * 1000);
  g_atomic_int_set (&f->failing, TRUE);
  pnl_writer_push (f->writer, NULL, fail_job, f, NULL);
  push_insert (f, 1, NULL);
  iterate_until (has_failed, f);

  start = g_get_monotonic_time ();
  g_assert_true (pnl_writer_run (f->writer, run_check_job, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);

  /* Flush retries at once instead of waiting a minute. */
  g_atomic_int_set (&f->failing, FALSE);
  start = g_get_monotonic_time ();
  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);
}

static void
test_exec_in_batch (Fixture       *f,
                    gconstpointer  data)
{
  static const gint64 expected[] = { 7 };
  g_autoptr(GError) error = NULL;

  pnl_writer_push (f->writer, NULL, exec_job, (gpointer) "INSERT INTO log (n) VALUES (7)", NULL);
  g_assert_true (pnl_writer_flush (f->writer, &error));
  g_assert_no_error (error);
  assert_log (f, expected, G_N_ELEMENTS (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/writer/order-kept", test_order_kept);
  ADD ("/core/writer/coalesce", test_coalesce);
  ADD ("/core/writer/flush-waits", test_flush_waits);
  ADD ("/core/writer/close-flushes", test_close_flushes);
  ADD ("/core/writer/dispose-closes", test_dispose_closes);
  ADD ("/core/writer/failure-keeps-everything", test_failure_keeps_everything);
  ADD ("/core/writer/failure-disk-full", test_failure_disk_full);
  ADD ("/core/writer/run-returns-error", test_run_returns_error);
  ADD ("/core/writer/run-while-failing", test_run_while_failing);
  ADD ("/core/writer/exec-in-batch", test_exec_in_batch);

#undef ADD

  return g_test_run ();
}
