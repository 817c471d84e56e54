/* bench-navigator.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the interviewer's window copes with a very large bank: opening an
 * interview of 10,000 questions and filtering the navigator as someone
 * types, beside the same with the shipped bank (119 questions), measured
 * in the same run.  Run it under Xvfb:
 *
 *   xvfb-run -a meson test -C _build --benchmark --verbose
 */

#include "config.h"

#include "bench-common.h"
#include "bench-window.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pnl-application.h"
#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-interview.h"
#include "pnl-navigator.h"
#include "pnl-session.h"
#include "pnl-session-view.h"
#include "pnl-store.h"


typedef struct
{
  double open_ms;
  double filter_ms;
  double keystroke_ms;
  double keystroke_max_ms;
} Figures;

static Figures
measure (PnlApplication *app,
         PnlStore       *store,
         PnlBank        *bank)
{
  static const char *typed[] = { "c", "ca", "cac", "cach", "cache", "cach", "cac", "ca", "c", "" };
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  PnlSessionView *view;
  GtkWidget *window;
  PnlNavigator *navigator;
  Figures f = { 0 };

  interview = pnl_store_create_interview (store, "Bench", "", "Engineer", "R1", "Me", bank, &error);
  g_assert_no_error (error);

  /* Opening: reading the answers, building the view, first frame. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_timer_start (timer);
  session = pnl_session_new (store, interview, &error);
  g_assert_no_error (error);
  view = pnl_session_view_new (session, pnl_application_get_settings (app));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  bench_wait_for_frame (window);
  f.open_ms = g_timer_elapsed (timer, NULL) * 1000;

  /* Nobody types within a fifth of a second of the page appearing: the
   * navigator uses the idle time to prepare its search. */
  {
    gint64 until = g_get_monotonic_time () + 200 * 1000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }

  /* Typing into the search, one keystroke at a time. */
  navigator = PNL_NAVIGATOR (pnl_session_view_get_navigator (view));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      double ms;

      g_timer_start (timer);
      pnl_navigator_set_search_text (navigator, typed[i]);
      f.filter_ms += g_timer_elapsed (timer, NULL) * 1000 / G_N_ELEMENTS (typed);
      if (g_getenv ("BENCH_EACH"))
        g_printerr ("# keystroke to \"%s\": filtering %.2f ms\n", typed[i], g_timer_elapsed (timer, NULL) * 1000);
      bench_wait_for_frame (window);
      ms = g_timer_elapsed (timer, NULL) * 1000;

      f.keystroke_ms += ms / G_N_ELEMENTS (typed);
      f.keystroke_max_ms = MAX (f.keystroke_max_ms, ms);
    }

  gtk_window_destroy (GTK_WINDOW (window));

  return f;
}

static void
on_activate (GApplication *gapp)
{
  PnlApplication *app = PNL_APPLICATION (gapp);
  g_autofree char *dir = g_dir_make_tmp ("panelist-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  g_autoptr(GBytes) bytes = bench_make_bank (10000);
  g_autoptr(PnlBank) big = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PnlBank *shipped;
  Figures base, large;

  g_application_hold (gapp);

  pnl_bank_library_load (library);
  shipped = pnl_bank_library_find (library, "backend-developer");
  big = pnl_bank_new_from_bytes (bytes, "big.json", &error);
  g_assert_no_error (error);
  store = pnl_store_new (path, &error);
  g_assert_no_error (error);

  /* Warm up fonts, icons and styles so neither run pays for them alone. */
  measure (app, store, shipped);

  base = measure (app, store, shipped);
  large = measure (app, store, big);

  g_print ("%-38s %14s %16s\n", "navigator (cairo renderer, Xvfb)", "119 questions", "10,000 questions");
  g_print ("%-38s %11.1f ms %11.1f ms\n", "open interview to first frame", base.open_ms, large.open_ms);
  g_print ("%-38s %11.2f ms %11.2f ms\n", "search keystroke: filtering, mean", base.filter_ms, large.filter_ms);
  g_print ("%-38s %11.2f ms %11.2f ms\n", "search keystroke to frame, mean", base.keystroke_ms, large.keystroke_ms);
  g_print ("%-38s %11.2f ms %11.2f ms\n", "search keystroke to frame, slowest", base.keystroke_max_ms, large.keystroke_max_ms);

  pnl_store_close (store, NULL);
  g_application_release (gapp);
  g_application_quit (gapp);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PnlApplication) app = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  app = pnl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
