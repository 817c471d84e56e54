/* bench-start-page.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The start page's Show All with 10,000 interviews, from the click to
 * the frame painted: its GtkListView, which builds rows for what is near
 * the screen, beside the same rows in a GtkListBox (what the start page
 * used, which builds one for each interview), measured in the same run.
 * Under Xvfb:
 *
 *   xvfb-run -a meson test -C _build --benchmark --verbose start-page
 */

#include "config.h"

#include "bench-common.h"
#include "bench-window.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pnl-interview.h"
#include "pnl-interview-row.h"
#include "pnl-start-page.h"
#include "pnl-store.h"

#define N_CANDIDATES   2000
#define N_INTERVIEWERS 5

static GtkWidget *
present_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  bench_wait_for_frame (window);

  return window;
}

static double
measure_start_page (PnlStore *store)
{
  PnlStartPage *page = g_object_new (PNL_TYPE_START_PAGE, NULL);
  GtkWidget *window;
  gint64 start;
  double ms;

  pnl_start_page_set_store (page, store);
  window = present_window (GTK_WIDGET (page));

  start = g_get_monotonic_time ();
  pnl_start_page_show_all (page);
  bench_wait_for_frame (window);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  gtk_window_destroy (GTK_WINDOW (window));

  return ms;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *inside = pnl_interview_row_new ();

  pnl_interview_row_set_interview (PNL_INTERVIEW_ROW (inside), item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), inside);

  return row;
}

static double
measure_list_box (PnlStore *store)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list_box = gtk_list_box_new ();
  g_autoptr(GListModel) interviews = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  gint64 start;
  double ms;

  gtk_widget_add_css_class (list_box, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list_box);
  window = present_window (scroller);

  start = g_get_monotonic_time ();
  interviews = pnl_store_list_interviews (store, &error);
  g_assert_no_error (error);
  gtk_list_box_bind_model (GTK_LIST_BOX (list_box), interviews, create_row, NULL, NULL);
  bench_wait_for_frame (window);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  gtk_window_destroy (GTK_WINDOW (window));

  return ms;
}

static void
on_activate (GApplication *app)
{
  g_autofree char *dir = g_dir_make_tmp ("panelist-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double list_view, list_box;

  g_application_hold (app);

  bench_fill_role (path, N_CANDIDATES, N_INTERVIEWERS, 1, 1);
  store = pnl_store_new (path, &error);
  g_assert_no_error (error);

  /* Warm up fonts, icons and styles. */
  measure_start_page (store);

  list_view = measure_start_page (store);
  list_box = measure_list_box (store);

  g_print ("start page Show All (%u interviews), click to frame   GtkListView %7.1f ms"
           "   baseline: the same rows in a GtkListBox %7.1f ms\n",
           N_CANDIDATES * N_INTERVIEWERS, list_view, list_box);

  g_assert_true (pnl_store_close (store, NULL));
  {
    g_autoptr(GFile) top = g_file_new_for_path (dir);

    bench_remove_tree (top);
  }

  g_application_release (app);
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.panelist.BenchStartPage", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
