/* bench-startup.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Start-up, from starting the process to the first frame painted: the
 * real app with a 1,000-question bank of the user's and 10,000 interviews
 * in its database, beside a bare libadwaita window (a header bar and a
 * status page), measured in the same run.  Both are this binary, run
 * again as a child, so that both load the same libraries.  Under Xvfb:
 *
 *   xvfb-run -a meson test -C _build --benchmark --verbose startup
 */

#include "config.h"

#include "bench-common.h"
#include "bench-window.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pnl-application.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-store.h"

#define N_INTERVIEWS 10000
#define N_QUESTIONS  1000
#define N_RUNS       7

/* The child ------------------------------------------------------------ */

/* Out at once: quitting would add the app's shutdown to the figure. */
G_NORETURN static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  g_print ("painted\n");
  exit (0);
}

static void
on_realize (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), app);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
}


static int
run_child (const char *what,
           const char *database)
{
  g_autoptr(GApplication) app = NULL;
  char *argv[] = { (char *) "bench-startup", NULL };

  if (g_str_equal (what, "bare"))
    {
      app = G_APPLICATION (adw_application_new ("io.github.panelist.Bare", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bench_bare_activate), NULL);
    }
  else
    {
      g_autofree char *option = g_strdup_printf ("--database=%s", database);
      char *app_argv[] = { (char *) "panelist", option, NULL };

      app = G_APPLICATION (pnl_application_new ());
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

      return g_application_run (app, 2, app_argv);
    }

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  return g_application_run (app, 1, argv);
}

/* The parent ----------------------------------------------------------- */


static void
write_bank (const char *dir)
{
  g_autoptr(GBytes) json = bench_make_bank (N_QUESTIONS);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (json, NULL), g_bytes_get_size (json), &error);
  g_assert_no_error (error);
}

/* 10,000 interviews of 12 answers each, in one transaction. */
static void
fill (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (path, &error);
  g_autoptr(PnlDb) db = NULL;
  g_autoptr(PnlDbStatement) interview = NULL;
  g_autoptr(PnlDbStatement) answer = NULL;

  g_assert_no_error (error);
  g_assert_true (pnl_store_close (store, &error));
  db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  bench_exec (db, "BEGIN");
  for (guint c = 0; c < N_INTERVIEWS / 2; c++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO candidates (id, name, reference, created_at)"
                                              " VALUES (%u, 'Candidate %u', 'ATS-%u', 1767225600)",
                                              c + 1, c, c);
      bench_exec (db, sql);
    }

  interview = pnl_db_prepare (db, "INSERT INTO interviews (id, uuid, candidate_id, role, round, interviewer,"
                                  " bank_id, scale, state, started_at, updated_at)"
                                  " VALUES (?1, ?2, ?3, 'Engineer', 'Technical', 'Me', 'big',"
                                  " '[{\"value\":1,\"label\":\"No\"},{\"value\":4,\"label\":\"Yes\"}]',"
                                  " 'submitted', 1767225600, 1767225600 + ?1)", &error);
  g_assert_no_error (error);
  answer = pnl_db_prepare (db, "INSERT INTO answers (interview_id, position, question_id, area_id,"
                               " area_title, kind, level, prompt, question, asked, score, notes)"
                               " VALUES (?1, ?2, 'q-' || ?2, 'area-' || (?2 % 20), 'Area', 'technical',"
                               " 'senior', 'A question', '{\"id\":\"q\",\"area\":\"area-0\",\"kind\":\"technical\","
                               "\"level\":\"senior\",\"prompt\":\"A question\"}', 1, 3, 'Fine.')", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_INTERVIEWS; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      pnl_db_statement_bind_int (interview, 1, i + 1);
      pnl_db_statement_bind_text (interview, 2, uuid);
      pnl_db_statement_bind_int (interview, 3, i / 2 + 1);
      g_assert_cmpint (pnl_db_statement_step (interview, &error), ==, PNL_DB_STEP_DONE);
      pnl_db_statement_reset (interview);

      for (guint a = 0; a < 12; a++)
        {
          pnl_db_statement_bind_int (answer, 1, i + 1);
          pnl_db_statement_bind_int (answer, 2, a);
          g_assert_cmpint (pnl_db_statement_step (answer, &error), ==, PNL_DB_STEP_DONE);
          pnl_db_statement_reset (answer);
        }
    }
  bench_exec (db, "COMMIT");
  bench_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
}

/* From spawning the child to its first frame, in milliseconds. */
static double
time_child (const char *self_path,
            const char *what,
            const char *database)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start = g_get_monotonic_time ();

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--child", what, database, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (g_strstr_len (out, -1, "painted") == NULL)
    g_error ("the %s window never painted: %s", what, out);

  return (g_get_monotonic_time () - start) / 1000.0;
}




int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *banks = NULL;
  g_autofree char *database = NULL;
  g_autofree char *self_path = NULL;
  double bare[N_RUNS];
  double app[N_RUNS];
  gint64 start;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  setlocale (LC_ALL, "");

  dir = bench_make_home ("panelist-startup-XXXXXX", &banks, &database);

  start = g_get_monotonic_time ();
  write_bank (banks);
  fill (database);
  g_print ("# a %u-question bank and %u interviews, made in %.1f s\n", N_QUESTIONS, N_INTERVIEWS,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  self_path = g_canonicalize_filename (argv[0], NULL);

  /* Warm the disk cache and the font cache for both. */
  time_child (self_path, "bare", database);
  time_child (self_path, "panelist", database);

  /* Interleaved, so that whatever else the machine does hits both. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      bare[i] = time_child (self_path, "bare", database);
      app[i] = time_child (self_path, "panelist", database);
    }

  {
    double b = bench_median (bare, N_RUNS);
    double a = bench_median (app, N_RUNS);

    g_print ("start-up to first frame (median of %u)   Panelist %7.1f ms   bare libadwaita window %7.1f ms"
             "   ratio %.2f   goal ≤ 1.5\n", N_RUNS, a, b, a / b);
  }

  {
    g_autoptr(GFile) top = g_file_new_for_path (dir);

    bench_remove_tree (top);
  }

  return 0;
}
