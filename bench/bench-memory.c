/* bench-memory.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Peak memory of the window with a very large bank: the real app, whose
 * user has a bank of 10,000 questions among their banks, with the bank
 * library loaded (as after New Interview) and an interview of that bank
 * open, beside a bare libadwaita window (a header bar and a status
 * page), measured in the same run.  Also the app on its start page (the
 * library is loaded only when a dialog needs it), and with the interview
 * reopened at start, the library not loaded.  Each is this binary, run
 * again as a child; it paints, settles for a moment, and reports its
 * peak resident size (VmHWM in /proc/self/status).  Under Xvfb:
 *
 *   xvfb-run -a meson test -C _build --benchmark --verbose memory
 */

#include "config.h"

#include "bench-common.h"
#include "bench-window.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pnl-application.h"
#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-interview.h"
#include "pnl-store.h"
#include "pnl-window.h"

#define N_QUESTIONS 10000
#define N_RUNS      3
#define SETTLE_MS   500

/* The child ------------------------------------------------------------ */

typedef struct
{
  GtkWindow *window;
  char      *uuid;
  gboolean   library;
} Child;

/* A line from /proc/self/status, in kB. */
static guint64
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, key)))
    return 0;

  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

static gboolean
report_cb (gpointer data)
{
  g_print ("peak %" G_GUINT64_FORMAT " rss %" G_GUINT64_FORMAT "\n",
           status_kb ("VmHWM:"), status_kb ("VmRSS:"));
  exit (0);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Child         *child)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, child);
  g_timeout_add (SETTLE_MS, report_cb, child);
}

static gboolean
open_cb (gpointer data)
{
  Child *child = data;
  PnlApplication *app = PNL_APPLICATION (gtk_window_get_application (child->window));
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GError) error = NULL;

  /* What New Interview does: every bank, the big one too, is read. */
  if (child->library)
    {
      PnlBankLibrary *library = pnl_application_get_bank_library (app);

      /* The user's folder is read on a thread. */
      while (pnl_bank_library_get_loading (library))
        g_main_context_iteration (NULL, TRUE);
      g_assert_nonnull (pnl_bank_library_find (library, "big"));
    }

  interview = pnl_store_find_interview (pnl_application_get_store (app), child->uuid, &error);
  g_assert_no_error (error);
  if (!pnl_window_open_interview (PNL_WINDOW (child->window), interview, NULL))
    g_error ("the interview did not open");

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (child->window)), "after-paint",
                    G_CALLBACK (on_after_paint), child);
  gtk_widget_queue_draw (GTK_WIDGET (child->window));

  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                Child         *child)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, child);

  if (child->uuid != NULL)
    g_idle_add (open_cb, child);
  else
    g_timeout_add (SETTLE_MS, report_cb, child);
}

static void
on_realize (GtkWidget *window,
            Child     *child)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_paint), child);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Child          *child)
{
  if (child->window != NULL)
    return;

  child->window = window;
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), child);
}


static int
run_child (const char *what,
           const char *database,
           const char *uuid)
{
  g_autoptr(GApplication) app = NULL;
  Child child = { NULL, NULL, FALSE };

  if (g_str_equal (what, "bare"))
    {
      char *argv[] = { (char *) "bench-memory", NULL };

      app = G_APPLICATION (adw_application_new ("io.github.panelist.Bare", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bench_bare_activate), NULL);
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &child);

      return g_application_run (app, 1, argv);
    }
  else
    {
      g_autofree char *option = g_strdup_printf ("--database=%s", database);
      char *argv[] = { (char *) "panelist", option, NULL };

      if (g_str_equal (what, "interview") || g_str_equal (what, "created"))
        child.uuid = (char *) uuid;
      child.library = g_str_equal (what, "created");

      app = G_APPLICATION (pnl_application_new ());
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &child);

      return g_application_run (app, 2, argv);
    }
}

/* The parent ----------------------------------------------------------- */


/* The bank among the user's banks, and an interview of it. */
static char *
prepare (const char *banks,
         const char *database)
{
  g_autoptr(GBytes) bytes = bench_make_bank (N_QUESTIONS);
  g_autofree char *path = g_build_filename (banks, "big.json", NULL);
  g_autoptr(PnlBank) bank = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (banks, 0700), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  bank = pnl_bank_new_from_bytes (bytes, "big.json", &error);
  g_assert_no_error (error);
  store = pnl_store_new (database, &error);
  g_assert_no_error (error);
  interview = pnl_store_create_interview (store, "Bench", "ATS-1", "Engineer", "Technical", "Me",
                                          bank, &error);
  g_assert_no_error (error);
  g_assert_true (pnl_store_close (store, &error));

  return g_strdup (pnl_interview_get_uuid (interview));
}

/* The child's peak resident size, in MB. */
static double
peak_of_child (const char *self_path,
               const char *what,
               const char *database,
               const char *uuid)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--child", what, database, uuid, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!(line = g_strstr_len (out, -1, "peak ")))
    g_error ("the %s window reported nothing: %s", what, out);

  return g_ascii_strtoull (line + strlen ("peak "), NULL, 10) / 1024.0;
}




int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *banks = NULL;
  g_autofree char *database = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *uuid = NULL;
  double bare[N_RUNS], start[N_RUNS], reopened[N_RUNS], created[N_RUNS];

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argv[4]);

  setlocale (LC_ALL, "");

  dir = bench_make_home ("panelist-memory-XXXXXX", &banks, &database);

  uuid = prepare (banks, database);
  self_path = g_canonicalize_filename (argv[0], NULL);

  /* Interleaved, so that whatever else the machine does hits all. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      bare[i] = peak_of_child (self_path, "bare", database, uuid);
      start[i] = peak_of_child (self_path, "start", database, uuid);
      reopened[i] = peak_of_child (self_path, "interview", database, uuid);
      created[i] = peak_of_child (self_path, "created", database, uuid);
    }

  {
    double b = bench_median (bare, N_RUNS);
    double s = bench_median (start, N_RUNS);
    double r = bench_median (reopened, N_RUNS);
    double c = bench_median (created, N_RUNS);

    g_print ("# Panelist on its start page: %.1f MB; the interview reopened at start,"
             " the bank library not loaded: %.1f MB\n", s, r);
    g_print ("peak memory (VmHWM, median of %u)   Panelist, %u-question bank loaded and an interview of it open %6.1f MB"
             "   baseline: bare libadwaita window %6.1f MB   ratio %.1f\n",
             N_RUNS, N_QUESTIONS, c, b, c / b);
  }

  {
    g_autoptr(GFile) top = g_file_new_for_path (dir);

    bench_remove_tree (top);
  }

  return 0;
}
