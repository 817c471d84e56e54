/* bench-save.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What saving costs the main thread while someone types notes: a
 * PnlSession is typed into a character at a time (a keystroke every
 * 2 ms, in bursts, some long enough for the 1 s cap to fire), and its
 * debounce and cap timers fire from the main loop as in the app.  The
 * figure is the main thread's time inside those timers' callbacks (the
 * save path: copying the answer and queueing it on the writer) per
 * save.  The baseline, in the same run, is the same saves done
 * synchronously on the main thread, as a naive app would: a plain
 * SQLite connection (rollback journal, synchronous=FULL) running the
 * same UPDATEs in a transaction per save, each after the same 500 ms
 * pause as the app's saves come after.  A comment line gives the save
 * path warm, one save after another: the difference is what a pause
 * costs in caches (on a virtual machine, a lot).  No display:
 *
 *   meson test -C _build --benchmark --verbose save
 *
 * With --check it types a shorter while and does only five of the
 * baseline's saves, for check-fsync.sh to run under strace; each phase
 * begins with a failing access() of a path that names it
 * ("/nonexistent/panelist-fsync/PHASE").  Either way it prints the ids
 * of its threads ("# thread TID NAME"). */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-interview.h"
#include "pnl-session.h"
#include "pnl-store.h"

#define KEY_INTERVAL_US 2000
#define SHORT_BURST     100    /* keystrokes: 0.2 s, then a pause */
#define LONG_BURST      1100   /* 2.2 s: the 1 s cap fires twice within it */
#define N_WARM          200


static const char paragraph[] =
  "Walked through the cache invalidation clearly, named the trade-off between "
  "write-through and write-behind, and gave an example from the payments queue. "
  "Missed what happens when the replica lags; with a hint got there. ";

typedef struct
{
  PnlSession *session;
  GString    *text;
  GPtrArray  *saved;         /* the notes as each save queued them */
  gboolean    saved_now;     /* set by the dirty handler */
  guint       n_keys;
  double      key_us;        /* main thread in pnl_session_set_notes () */
  double      save_us;       /* main thread in the timers' callbacks */
  double      save_cpu_us;
  guint       n_dispatches;
} Typing;

static double
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void
mark (const char *phase)
{
  g_autofree char *path = g_strconcat ("/nonexistent/panelist-fsync/", phase, NULL);

  /* Fails, and shows in strace -e trace=access,faccessat,faccessat2. */
  (void) !access (path, F_OK);
}

static void
on_dirty (PnlSession *session,
          GParamSpec *pspec,
          Typing     *typing)
{
  if (!pnl_session_get_dirty (session))
    typing->saved_now = TRUE;
}

/* One turn of the main loop without waiting; only the dispatch, where
 * the timers' callbacks run, is timed.  TRUE when something ran. */
static gboolean
iterate (Typing *typing)
{
  GMainContext *context = g_main_context_default ();
  GPollFD fds[64];
  gboolean ran = FALSE;
  gint max_priority;
  gint timeout;
  gint n_fds;

  if (!g_main_context_acquire (context))
    g_error ("the main context is taken");

  g_main_context_prepare (context, &max_priority);
  n_fds = g_main_context_query (context, max_priority, &timeout, fds, G_N_ELEMENTS (fds));
  g_assert_cmpint (n_fds, <=, G_N_ELEMENTS (fds));
  g_poll (fds, n_fds, 0);

  if (g_main_context_check (context, max_priority, fds, n_fds))
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = thread_cpu_us ();

      g_main_context_dispatch (context);

      typing->save_us += g_get_monotonic_time () - start;
      typing->save_cpu_us += thread_cpu_us () - cpu;
      typing->n_dispatches++;
      ran = TRUE;
    }

  g_main_context_release (context);

  return ran;
}

/* Runs whatever is due. */
static void
pump (Typing *typing)
{
  while (iterate (typing))
    {
      if (typing->saved_now)
        {
          typing->saved_now = FALSE;
          g_ptr_array_add (typing->saved, g_strdup (typing->text->str));
        }
    }
}

static void
type_burst (Typing *typing,
            guint   n_keys)
{
  for (guint i = 0; i < n_keys; i++)
    {
      gint64 start;

      g_string_append_c (typing->text, paragraph[typing->text->len % (sizeof paragraph - 1)]);

      start = g_get_monotonic_time ();
      pnl_session_set_notes (typing->session, typing->text->str);
      typing->key_us += g_get_monotonic_time () - start;
      typing->n_keys++;

      g_usleep (KEY_INTERVAL_US);
      pump (typing);
    }

  /* The pause: until the debounce has saved. */
  while (pnl_session_get_dirty (typing->session))
    {
      g_usleep (1000);
      pump (typing);
    }
}

/* The baseline --------------------------------------------------------- */

static void
sql (sqlite3    *db,
     const char *text)
{
  char *message = NULL;

  if (sqlite3_exec (db, text, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", text, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *text)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, text, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", text, sqlite3_errmsg (db));

  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("step: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

/* What a naive app does on each save, on the main thread: the same two
 * UPDATEs as the writer's job, in one transaction, waiting for the
 * disk, each after a pause of @pause_us as typing makes them.
 * Microseconds per save. */
static double
synchronous_saves (const char *path,
                   const char *journal,
                   const char *synchronous,
                   GPtrArray  *texts,
                   gint64      answer_id,
                   gint64      interview_id,
                   gulong      pause_us)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA journal_mode = %s; PRAGMA synchronous = %s;",
                                              journal, synchronous);
  sqlite3 *db = NULL;
  sqlite3_stmt *begin, *answer, *revision, *commit;
  double us = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sql (db, pragmas);
  sql (db, "PRAGMA foreign_keys = ON");

  begin = prepare (db, "BEGIN IMMEDIATE");
  answer = prepare (db, "UPDATE answers SET asked = ?1, score = ?2, notes = ?3,"
                        "  flags = ?4, seconds = ?5 WHERE id = ?6");
  revision = prepare (db, "UPDATE interviews SET revision = revision + 1, updated_at = ?1"
                          " WHERE id = ?2");
  commit = prepare (db, "COMMIT");

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      gint64 start;

      /* As in the app, a save comes after a pause in the typing. */
      g_usleep (pause_us);

      start = g_get_monotonic_time ();
      step (begin);
      sqlite3_bind_int (answer, 1, 1);
      sqlite3_bind_null (answer, 2);
      sqlite3_bind_text (answer, 3, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (answer, 4, 0);
      sqlite3_bind_int (answer, 5, 0);
      sqlite3_bind_int64 (answer, 6, answer_id);
      step (answer);
      sqlite3_bind_int64 (revision, 1, g_get_real_time () / G_USEC_PER_SEC);
      sqlite3_bind_int64 (revision, 2, interview_id);
      step (revision);
      step (commit);
      us += g_get_monotonic_time () - start;
    }
  us /= texts->len;

  sqlite3_finalize (begin);
  sqlite3_finalize (answer);
  sqlite3_finalize (revision);
  sqlite3_finalize (commit);
  sqlite3_close (db);

  return us;
}

/* ---------------------------------------------------------------------- */

static void
remove_database (const char *dir,
                 const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("panelist-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "panelist.db", NULL);
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) reread = NULL;
  g_autoptr(PnlAnswer) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uuid = NULL;
  gboolean check = argc > 1 && g_str_equal (argv[1], "--check");
  guint n_rounds = check ? 4 : 12;
  Typing typing = { 0 };
  gint64 revision_before;
  gint64 answer_id;
  gint64 interview_id;
  guint n_landed;
  double full_us, wal_us;
  double warm_us = 0;
  PnlBank *bank;

  setlocale (LC_ALL, "");

  mark ("setup");
  library = pnl_bank_library_new_default ();
  pnl_bank_library_load (library);
  bank = pnl_bank_library_find (library, "backend-developer");
  g_assert_nonnull (bank);

  store = pnl_store_new (path, &error);
  g_assert_no_error (error);
  interview = pnl_store_create_interview (store, "Bench", "ATS-1", "Backend developer", "Technical",
                                          "Me", bank, &error);
  g_assert_no_error (error);
  uuid = g_strdup (pnl_interview_get_uuid (interview));
  interview_id = pnl_interview_get_id (interview);

  typing.text = text;
  typing.saved = saved;
  typing.session = pnl_session_new (store, interview, &error);
  g_assert_no_error (error);
  pnl_session_set_paused (typing.session, TRUE);
  first = g_list_model_get_item (pnl_session_get_answers (typing.session), 0);
  answer_id = pnl_answer_get_id (first);
  pnl_session_set_current (typing.session, first);
  g_signal_connect (typing.session, "notify::dirty", G_CALLBACK (on_dirty), &typing);

  /* Let what opening queued land, then count saves from here. */
  pump (&typing);
  g_assert_true (pnl_store_flush (store, &error));
  reread = pnl_store_find_interview (store, uuid, &error);
  g_assert_no_error (error);
  revision_before = pnl_interview_get_revision (reread);
  g_clear_object (&reread);
  typing.save_us = typing.save_cpu_us = 0;
  typing.n_dispatches = 0;
  g_ptr_array_set_size (saved, 0);

  mark ("typing");
  for (guint round = 0; round < n_rounds; round++)
    type_burst (&typing, round % 4 == 3 ? LONG_BURST : SHORT_BURST);
  mark ("flushing");

  g_assert_true (pnl_store_flush (store, &error));
  reread = pnl_store_find_interview (store, uuid, &error);
  g_assert_no_error (error);
  n_landed = (guint) (pnl_interview_get_revision (reread) - revision_before);

  /* The same save path warm: saves one after the other, no pause. */
  mark ("warm");
  {
    gint64 start;

    for (guint i = 0; i < N_WARM; i++)
      {
        g_string_append_c (text, 'x');
        pnl_session_set_notes (typing.session, text->str);
        start = g_get_monotonic_time ();
        pnl_session_save_now (typing.session);
        warm_us += g_get_monotonic_time () - start;
      }
    warm_us /= N_WARM;
    g_assert_true (pnl_store_flush (store, &error));
  }

  bench_print_threads ();

  mark ("closing");
  g_clear_object (&typing.session);
  g_assert_true (pnl_store_close (store, &error));
  g_clear_object (&store);

  if (saved->len == 0)
    g_error ("no save fired while typing");

  g_print ("# %u keystrokes every %.0f ms in %u bursts: %u saves queued, %u landed; "
           "%u timer callbacks\n",
           typing.n_keys, KEY_INTERVAL_US / 1000.0, n_rounds, saved->len, n_landed,
           typing.n_dispatches);
  g_print ("# main thread per keystroke (pnl_session_set_notes: notify, restart the debounce) %.1f µs\n",
           typing.key_us / typing.n_keys);
  g_print ("# main thread CPU per save %.1f µs; the same save path warm (%u saves in a row) %.1f µs\n",
           typing.save_cpu_us / saved->len, N_WARM, warm_us);

  if (check)
    {
      /* What check-fsync.sh compares with: synchronous saves. */
      g_ptr_array_set_size (saved, MIN (saved->len, 5));
      mark ("baseline");
      full_us = synchronous_saves (path, "DELETE", "FULL", saved, answer_id, interview_id, 0);
      mark ("ended");
      g_print ("# baseline saves %u\n", saved->len);
      remove_database (dir, path);
      return 0;
    }

  /* The same saves, waiting for the disk on the main thread. */
  full_us = synchronous_saves (path, "DELETE", "FULL", saved, answer_id, interview_id,
                               PNL_SESSION_SAVE_DELAY_MS * 1000);
  wal_us = synchronous_saves (path, "WAL", "NORMAL", saved, answer_id, interview_id,
                              PNL_SESSION_SAVE_DELAY_MS * 1000);
  g_print ("# the same on the main thread with the app's settings (WAL, synchronous=NORMAL) %.1f µs\n",
           wal_us);

  g_print ("save while typing (%u saves)   main thread per save %7.1f µs   baseline: synchronous UPDATE"
           " on the main thread (synchronous=FULL) %7.1f µs   goal: no fsync on the main thread\n",
           saved->len, typing.save_us / saved->len, full_us);

  remove_database (dir, path);

  return 0;
}
