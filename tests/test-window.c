/* test-window.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "pnl-application.h"
#include "pnl-store.h"
#include "pnl-window.h"

typedef struct
{
  PnlApplication *app;
  GtkWindow      *window;
  gboolean        mapped;
} Run;

static gboolean
quit_when_shown (gpointer data)
{
  Run *run = data;

  if (!gtk_widget_get_mapped (GTK_WIDGET (run->window)))
    return G_SOURCE_CONTINUE;

  run->mapped = TRUE;
  gtk_window_close (run->window);

  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             Run          *run)
{
  run->window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (PNL_IS_WINDOW (run->window));
  g_timeout_add (50, quit_when_shown, run);
}

static void
test_window_opens (void)
{
  g_autofree char *db = pnl_store_get_default_path ();
  char *argv[] = { (char *)"panelist", NULL };
  g_autoptr(PnlApplication) app = pnl_application_new ();
  Run run = { app, NULL, FALSE };
  int status;

  /* No session bus under test: do not try to be a unique instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.mapped);
  g_assert_nonnull (pnl_application_get_store (app));

  /* The default database, inside this test's own isolated data folder. */
  g_assert_true (g_str_has_prefix (db, g_get_user_data_dir ()));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add_func ("/ui/window/opens", test_window_opens);

  return g_test_run ();
}
