/* test-faults.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <sqlite3.h>
#include <string.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-db.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-session.h"
#include "pnl-store.h"

#include "pnl-fault-vfs.h"

/* The store and the session while the disk fails under them: writes,
 * syncs and truncations of the database and its log fail through a
 * test VFS (pnl-fault-vfs.c), with SQLITE_FULL or an I/O error.  Each
 * test types and scores through a PnlSession as the window does, and
 * checks that the failure is reported, that the edits wait in memory
 * and in the writer's queue, that the writer retries with a growing
 * pause, and that once the disk heals everything lands and the file is
 * sound. */

static const char bank_text[] =
  "{\n"
  "  \"format\": \"panelist-bank\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"faults-test\",\n"
  "  \"title\": \"Faults test\",\n"
  "  \"role\": \"Backend developer\",\n"
  "  \"language\": \"en\",\n"
  "  \"scale\": [\n"
  "    { \"value\": 1, \"label\": \"Strong no\", \"meaning\": \"Far below\" },\n"
  "    { \"value\": 2, \"label\": \"No\", \"meaning\": \"Below\" },\n"
  "    { \"value\": 3, \"label\": \"Yes\", \"meaning\": \"At the bar\" },\n"
  "    { \"value\": 4, \"label\": \"Strong yes\", \"meaning\": \"Well above\" }\n"
  "  ],\n"
  "  \"areas\": [\n"
  "    { \"id\": \"storage\", \"title\": \"Storage\" },\n"
  "    { \"id\": \"teams\", \"title\": \"Teams\" }\n"
  "  ],\n"
  "  \"questions\": [\n"
  "    { \"id\": \"storage.wal\", \"area\": \"storage\", \"kind\": \"technical\",\n"
  "      \"level\": \"senior\", \"prompt\": \"What does a write-ahead log buy?\", \"minutes\": 5 },\n"
  "    { \"id\": \"storage.full\", \"area\": \"storage\", \"kind\": \"situational\",\n"
  "      \"level\": \"experienced\", \"prompt\": \"The disk fills up at night.\", \"minutes\": 4 },\n"
  "    { \"id\": \"teams.review\", \"area\": \"teams\", \"kind\": \"behavioural\",\n"
  "      \"level\": \"entry\", \"prompt\": \"A review you disagreed with.\", \"minutes\": 3 }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  PnlFaultOps ops;
  int         rc;
  gboolean    torn;
} Fault;

typedef struct
{
  char         *path;
  PnlBank      *bank;
  PnlStore     *store;
  PnlInterview *interview;
  PnlSession   *session;

  guint         n_failed;
  guint         n_recovered;
  GError       *failed_error;
} Fixture;

#define WAIT_UNTIL(cond, timeout_ms)                                           \
  G_STMT_START {                                                               \
    gint64 wait_deadline = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    while (!(cond))                                                            \
      {                                                                        \
        if (g_get_monotonic_time () > wait_deadline)                           \
          g_error ("timed out waiting for %s", #cond);                         \
        g_main_context_iteration (NULL, FALSE);                                \
        g_usleep (1000);                                                       \
      }                                                                        \
  } G_STMT_END

static void
run_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Looking at the file ---------------------------------------------------- */

/* A connection of the test's own, through the plain "unix" VFS: it sees
 * what is committed, and never fails. */
static sqlite3 *
raw_open (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, "unix"), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static char *
raw_text (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = raw_open (f);
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

static void
raw_exec (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = raw_open (f);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
stored_notes (Fixture    *f,
              const char *question_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT notes FROM answers WHERE question_id = '%s'",
                                          question_id);

  return raw_text (f, sql);
}

static char *
stored_score (Fixture    *f,
              const char *question_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT IFNULL (score, 0) FROM answers WHERE question_id = '%s'",
                                          question_id);

  return raw_text (f, sql);
}

static void
assert_sound (Fixture *f)
{
  g_autofree char *check = raw_text (f, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

/* The fixture ------------------------------------------------------------ */

static void
save_failed_cb (PnlSession   *session,
                const GError *error,
                Fixture      *f)
{
  f->n_failed++;
  g_clear_error (&f->failed_error);
  f->failed_error = g_error_copy (error);
}

static void
save_recovered_cb (PnlSession *session,
                   Fixture    *f)
{
  f->n_recovered++;
}

static void
open_session (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->session = pnl_session_new (f->store, f->interview, &error);
  g_assert_no_error (error);
  g_signal_connect (f->session, "save-failed", G_CALLBACK (save_failed_cb), f);
  g_signal_connect (f->session, "save-recovered", G_CALLBACK (save_recovered_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (bank_text, strlen (bank_text));
  g_autoptr(GError) error = NULL;

  pnl_fault_vfs_heal ();
  pnl_fault_vfs_reset_counts ();

  f->path = g_build_filename (g_get_user_data_dir (), "panelist", "panelist.db", NULL);
  f->bank = pnl_bank_new_from_bytes (bytes, "faults-test.json", &error);
  g_assert_no_error (error);

  f->store = pnl_store_new (f->path, &error);
  g_assert_no_error (error);

  f->interview = pnl_store_create_interview (f->store, "Zoë Ångström", "ATS-1",
                                             "Backend developer", "Technical 1",
                                             "Priya Raman", f->bank, &error);
  g_assert_no_error (error);

  open_session (f);
}

static void
close_all (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->session != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->session));

  if (f->store != NULL)
    {
      g_assert_true (pnl_store_close (f->store, &error));
      g_assert_no_error (error);
      g_assert_finalize_object (g_steal_pointer (&f->store));
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pnl_fault_vfs_heal ();
  close_all (f);

  g_clear_object (&f->interview);
  g_clear_object (&f->bank);
  g_clear_error (&f->failed_error);
  g_free (f->path);
}

static PnlAnswer *
find (Fixture    *f,
      const char *question_id)
{
  PnlAnswer *answer = pnl_session_find_answer (f->session, question_id);

  g_assert_nonnull (answer);

  return answer;
}

/* Types @text at the end of the current answer's notes, a key at a time. */
static void
type (Fixture    *f,
      const char *text)
{
  PnlAnswer *current = pnl_session_get_current (f->session);
  g_autoptr(GString) notes = g_string_new (pnl_answer_get_notes (current));

  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (notes, *p);
      pnl_session_set_notes (f->session, notes->str);
    }
}

/* Tests ------------------------------------------------------------------ */

/* What the writer's pause before its i-th retry is (pnl-writer.c). */
static gint64
retry_interval_ms (guint i)
{
  return MIN ((gint64) 250 << i, 5000);
}

static void
assert_backs_off (void)
{
  g_autoptr(GArray) times = pnl_fault_vfs_get_failure_times ();

  g_assert_cmpuint (times->len, >=, 3);

  /* A retry never comes before its pause is over; a busy machine can
   * only make it later.  Without the doubling the third try would come
   * 250 ms after the second, not 500. */
  for (guint i = 1; i < times->len; i++)
    {
      gint64 gap_ms = (g_array_index (times, gint64, i) - g_array_index (times, gint64, i - 1)) / 1000;

      g_test_message ("retry %u after %" G_GINT64_FORMAT " ms", i, gap_ms);
      g_assert_cmpint (gap_ms, >=, retry_interval_ms (i - 1) - 10);
    }
}

static void
assert_answer (Fixture    *f,
               const char *question_id,
               const char *notes,
               const char *score)
{
  g_autofree char *stored = stored_notes (f, question_id);
  g_autofree char *stored_value = stored_score (f, question_id);

  g_assert_cmpstr (stored, ==, notes);
  g_assert_cmpstr (stored_value, ==, score);
}

/* Reads everything again through a new store, as the next start would. */
static void
assert_after_reopen (Fixture    *f,
                     const char *wal_notes,
                     const char *full_notes,
                     const char *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;

  close_all (f);
  assert_sound (f);

  store = pnl_store_new (f->path, &error);
  g_assert_no_error (error);
  interview = pnl_store_find_interview (store, pnl_interview_get_uuid (f->interview), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_summary (interview), ==, summary);
  answers = pnl_store_list_answers (store, interview, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);
      const char *id = pnl_question_get_id (pnl_answer_get_question (answer));

      if (g_str_equal (id, "storage.wal"))
        g_assert_cmpstr (pnl_answer_get_notes (answer), ==, wal_notes);
      else if (g_str_equal (id, "storage.full"))
        g_assert_cmpstr (pnl_answer_get_notes (answer), ==, full_notes);
    }

  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);
  assert_sound (f);
}

/* Typing and scoring go on while saves fail; nothing is lost. */
static void
test_typing_through (Fixture       *f,
                     gconstpointer  data)
{
  const Fault *fault = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) more = g_string_new (NULL);
  PnlAnswer *wal = find (f, "storage.wal");
  PnlAnswer *full = find (f, "storage.full");
  g_autofree char *wal_notes = NULL;
  g_autofree char *full_notes = NULL;
  gint64 failed_at;

  pnl_session_set_current (f->session, wal);
  type (f, "Knows what a log is.");
  pnl_session_save_now (f->session);
  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);

  /* With synchronous=NORMAL a commit syncs nothing, except the header
   * of a log that starts again after a full checkpoint: make it so. */
  if (fault->ops & PNL_FAULT_SYNC)
    raw_exec (f, "PRAGMA wal_checkpoint(TRUNCATE)");

  pnl_fault_vfs_reset_counts ();
  pnl_fault_vfs_fail (fault->ops, fault->rc, 0, fault->torn);

  type (f, " Explains replay after a crash.");
  pnl_session_set_score (f->session, 3);
  pnl_session_set_current (f->session, full);
  type (f, "Would alert before it fills.");
  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_FOLLOW_UP);
  pnl_session_set_summary (f->session, "Solid on storage.");
  pnl_session_save_now (f->session);

  /* Reported once, with SQLite's reason and the file's name. */
  WAIT_UNTIL (f->n_failed == 1, 5000);
  failed_at = g_get_monotonic_time ();
  g_assert_error (f->failed_error, PNL_DB_ERROR, (fault->rc & 0xff));
  g_assert_nonnull (strstr (f->failed_error->message, f->path));
  g_test_message ("%s", f->failed_error->message);

  /* The edits are in the answers and queued; none is in the file. */
  g_assert_false (pnl_session_get_dirty (f->session));
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), >=, 1);
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), <=, 3);
  g_assert_cmpstr (pnl_answer_get_notes (wal), ==,
                   "Knows what a log is. Explains replay after a crash.");
  assert_answer (f, "storage.wal", "Knows what a log is.", "0");
  assert_answer (f, "storage.full", "", "0");

  /* Typing goes on: accepted, and the latest state of each answer
   * replaces the one waiting, so the queue does not grow. */
  for (guint i = 0; i < 30; i++)
    {
      g_string_append_printf (more, " %u", i);
      type (f, " ");
      type (f, more->str + more->len - (i < 10 ? 1 : 2));
      pnl_session_save_now (f->session);
      /* Two answers and the interview at most: each waiting
       * once, and perhaps once more in the batch the writer is trying
       * right now (a busy machine catches it there). */
      g_assert_cmpuint (pnl_store_get_n_pending (f->store), <=, 2 * 3);
      run_for (20);
    }

  /* The writer goes on trying by itself, waiting longer each time
   * (watched once: it takes a while). */
  if (fault->ops == PNL_FAULT_WRITE && fault->rc == SQLITE_FULL && !fault->torn)
    {
      run_for (MAX (0, 1900 - (g_get_monotonic_time () - failed_at) / 1000));
      g_assert_cmpuint (pnl_fault_vfs_get_n_failed (fault->ops), >=, 3);
      assert_backs_off ();

      /* A flush tries at once, says the saves still fail, drops nothing. */
      g_assert_false (pnl_store_flush (f->store, &error));
      g_assert_error (error, PNL_DB_ERROR, (fault->rc & 0xff));
      g_clear_error (&error);
      g_assert_cmpuint (pnl_store_get_n_pending (f->store), >=, 1);
    }

  g_assert_cmpuint (pnl_fault_vfs_get_n_failed (fault->ops), >=, 2);
  g_assert_cmpuint (f->n_failed, ==, 1);
  g_assert_cmpuint (f->n_recovered, ==, 0);

  /* The disk heals: the next retry, nobody asking, saves everything. */
  pnl_fault_vfs_heal ();
  WAIT_UNTIL (f->n_recovered == 1, 10000);
  g_assert_cmpuint (f->n_failed, ==, 1);
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 0);

  wal_notes = g_strdup (pnl_answer_get_notes (wal));
  full_notes = g_strdup (pnl_answer_get_notes (full));
  g_assert_true (g_str_has_suffix (full_notes, " 29"));
  assert_answer (f, "storage.wal", wal_notes, "3");
  assert_answer (f, "storage.full", full_notes, "0");
  {
    g_autofree char *flags = raw_text (f, "SELECT flags FROM answers WHERE question_id = 'storage.full'");
    g_autofree char *summary = raw_text (f, "SELECT summary FROM interviews");

    g_assert_cmpstr (flags, ==, "1");
    g_assert_cmpstr (summary, ==, "Solid on storage.");
  }
  assert_sound (f);

  assert_after_reopen (f, wal_notes, full_notes, "Solid on storage.");
}

/* A fault at each write of a save in turn: before the log's header,
 * between its frames, at the commit frame, some of them cut in half. */
static void
test_every_write (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  PnlAnswer *wal = find (f, "storage.wal");
  guint n_writes;

  pnl_session_set_current (f->session, wal);

  /* How many writes a save makes when the log starts again. */
  raw_exec (f, "PRAGMA wal_checkpoint(TRUNCATE)");
  pnl_fault_vfs_reset_counts ();
  type (f, "a");
  pnl_session_save_now (f->session);
  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);
  n_writes = pnl_fault_vfs_get_n_calls (PNL_FAULT_WRITE);
  g_test_message ("a save writes %u times", n_writes);
  g_assert_cmpuint (n_writes, >=, 3);

  for (guint round = 0; round < 2 * (n_writes + 1); round++)
    {
      guint n_ok = round / 2;
      int rc = round % 4 < 2 ? SQLITE_FULL : SQLITE_IOERR_WRITE;
      g_autofree char *expected = NULL;

      /* Every other round starts a new log, so its header is written. */
      if (round % 2 == 0)
        raw_exec (f, "PRAGMA wal_checkpoint(TRUNCATE)");

      pnl_fault_vfs_fail (PNL_FAULT_WRITE, rc, n_ok, TRUE);
      type (f, " b");
      pnl_session_set_score (f->session, 1 + round % 4);
      pnl_session_save_now (f->session);

      /* Either it went through before the fault, or it waits. */
      if (!pnl_store_flush (f->store, &error))
        {
          g_assert_error (error, PNL_DB_ERROR, (rc & 0xff));
          g_clear_error (&error);
          g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 1);
        }

      pnl_fault_vfs_heal ();
      g_assert_true (pnl_store_flush (f->store, &error));
      g_assert_no_error (error);

      expected = g_strdup_printf ("%d", 1 + round % 4);
      assert_answer (f, "storage.wal", pnl_answer_get_notes (wal), expected);
      assert_sound (f);
    }

  g_string_append (notes, pnl_answer_get_notes (wal));
  assert_after_reopen (f, notes->str, "", "");
}

/* Checkpoints (after commits, and the last one when the store closes)
 * copy the log into the database file, sync it and cut it to size.
 * One failing half way leaves the log in place: nothing is lost. */
static void
test_checkpoint (Fixture       *f,
                 gconstpointer  data)
{
  const Fault *fault = data;
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint n_ok = 0; n_ok < 6; n_ok++)
    {
      g_autoptr(GError) error = NULL;

      if (f->session == NULL)
        {
          f->store = pnl_store_new (f->path, &error);
          g_assert_no_error (error);
          open_session (f);
        }

      pnl_session_set_current (f->session, find (f, "storage.wal"));
      type (f, n_ok % 2 ? " odd" : " even");
      pnl_session_set_score (f->session, 1 + n_ok % 4);
      g_string_assign (notes, pnl_answer_get_notes (find (f, "storage.wal")));
      /* The session goes first, with the end of its lease. */
      pnl_session_save_now (f->session);
      g_assert_finalize_object (g_steal_pointer (&f->session));
      g_assert_true (pnl_store_flush (f->store, &error));
      g_assert_no_error (error);

      /* Everything is saved: the fault hits only the last checkpoint. */
      pnl_fault_vfs_reset_counts ();
      pnl_fault_vfs_fail (fault->ops, fault->rc, n_ok, fault->torn);
      close_all (f);
      g_test_message ("closing with %u good calls: %u failed",
                      n_ok, pnl_fault_vfs_get_n_failed (fault->ops));
      pnl_fault_vfs_heal ();

      {
        g_autofree char *score = g_strdup_printf ("%u", 1 + n_ok % 4);

        assert_answer (f, "storage.wal", notes->str, score);
        assert_sound (f);
      }
    }

  assert_after_reopen (f, notes->str, "", "");
}

/* Quitting while saves fail: closing says so and keeps everything, so
 * the caller can try again; once the disk heals, closing works. */
static void
test_close_while_failing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;

  pnl_session_set_current (f->session, find (f, "teams.review"));
  pnl_fault_vfs_fail (PNL_FAULT_WRITE, SQLITE_FULL, 0, FALSE);
  type (f, "Took the feedback well.");
  notes = g_strdup (pnl_answer_get_notes (find (f, "teams.review")));

  /* The session goes (the window closes): it queues what it holds.
   * The end of its lease, queued too, is no change of anyone's. */
  g_assert_finalize_object (g_steal_pointer (&f->session));
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 1);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (pnl_store_close (f->store, &error));
      g_assert_error (error, PNL_DB_ERROR, SQLITE_FULL);
      g_clear_error (&error);
      g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 1);
    }

  /* Still open: it reads, and takes more. */
  {
    g_autoptr(GListModel) list = pnl_store_list_interviews (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  }

  pnl_fault_vfs_heal ();
  g_assert_true (pnl_store_close (f->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  {
    g_autofree char *stored = stored_notes (f, "teams.review");

    g_assert_cmpstr (stored, ==, notes);
  }
  assert_sound (f);
}

/* Work that waits for its answer (a new interview) fails at once, is
 * rolled back whole, and is not retried: the caller tells the person. */
static void
test_create_while_failing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autofree char *count = NULL;

  pnl_fault_vfs_fail (PNL_FAULT_WRITE, SQLITE_FULL, 0, TRUE);
  interview = pnl_store_create_interview (f->store, "Ada Byron", "", "Backend developer",
                                          "Technical 2", "Priya Raman", f->bank, &error);
  g_assert_null (interview);
  g_assert_error (error, PNL_DB_ERROR, SQLITE_FULL);
  g_clear_error (&error);
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 0);

  pnl_fault_vfs_heal ();
  count = raw_text (f, "SELECT COUNT (*) FROM interviews");
  g_assert_cmpstr (count, ==, "1");
  assert_sound (f);

  interview = pnl_store_create_interview (f->store, "Ada Byron", "", "Backend developer",
                                          "Technical 2", "Priya Raman", f->bank, &error);
  g_assert_no_error (error);
  g_assert_nonnull (interview);
  g_clear_pointer (&count, g_free);
  count = raw_text (f, "SELECT COUNT (*) FROM interviews");
  g_assert_cmpstr (count, ==, "2");
}

/* A new database on a disk that fails: the store cannot be made, says
 * why, and the next try, once the disk heals, makes it whole. */
static void
test_open_while_failing (Fixture       *f,
                         gconstpointer  data)
{
  const Fault *fault = data;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "other", "panelist.db", NULL);

  for (guint n_ok = 0; n_ok < 12; n_ok++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PnlStore) store = NULL;

      pnl_fault_vfs_fail (fault->ops, fault->rc, n_ok, fault->torn);
      store = pnl_store_new (path, &error);
      pnl_fault_vfs_heal ();

      if (store == NULL)
        {
          g_test_message ("%u good calls: %s", n_ok, error->message);
          /* A migration that fails says which, and why. */
          if (!g_error_matches (error, PNL_DB_ERROR, PNL_DB_ERROR_MIGRATE))
            g_assert_error (error, PNL_DB_ERROR, (fault->rc & 0xff));
          continue;
        }

      g_assert_no_error (error);
      g_assert_true (pnl_store_close (store, &error));
      g_assert_no_error (error);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PnlStore) store = pnl_store_new (path, &error);
    g_autoptr(PnlInterview) interview = NULL;

    g_assert_no_error (error);
    interview = pnl_store_create_interview (store, "Ada Byron", "", "Backend developer",
                                            "Technical 2", "Priya Raman", f->bank, &error);
    g_assert_no_error (error);
    g_assert_true (pnl_store_close (store, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  static const Fault disk_full = { PNL_FAULT_WRITE, SQLITE_FULL, FALSE };
  static const Fault disk_full_torn = { PNL_FAULT_WRITE, SQLITE_FULL, TRUE };
  static const Fault write_error = { PNL_FAULT_WRITE, SQLITE_IOERR_WRITE, FALSE };
  static const Fault fsync_error = { PNL_FAULT_SYNC, SQLITE_IOERR_FSYNC, FALSE };
  static const Fault truncate_error = { PNL_FAULT_TRUNCATE, SQLITE_IOERR_TRUNCATE, FALSE };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  pnl_fault_vfs_register ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/faults/typing/disk-full", test_typing_through, &disk_full);
  ADD ("/faults/typing/disk-full-torn", test_typing_through, &disk_full_torn);
  ADD ("/faults/typing/write-error", test_typing_through, &write_error);
  ADD ("/faults/typing/fsync", test_typing_through, &fsync_error);
  ADD ("/faults/every-write", test_every_write, NULL);
  ADD ("/faults/checkpoint/write", test_checkpoint, &disk_full_torn);
  ADD ("/faults/checkpoint/fsync", test_checkpoint, &fsync_error);
  ADD ("/faults/checkpoint/truncate", test_checkpoint, &truncate_error);
  ADD ("/faults/close-while-failing", test_close_while_failing, NULL);
  ADD ("/faults/create-while-failing", test_create_while_failing, NULL);
  ADD ("/faults/open-while-failing/disk-full", test_open_while_failing, &disk_full_torn);
  ADD ("/faults/open-while-failing/fsync", test_open_while_failing, &fsync_error);

#undef ADD

  return g_test_run ();
}
