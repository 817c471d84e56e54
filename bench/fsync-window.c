/* fsync-window.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real window, typed into, for check-fsync.sh to watch under
 * strace: it starts Panelist on a database of its own, opens an
 * interview, types notes into the question page's text view a key every
 * 3 ms with pauses, moves to the next question a few times (Alt+Down's
 * action), and closes the window, which quits.  Each phase begins with
 * a failing access() of a path naming it ("/nonexistent/panelist-fsync/
 * PHASE"), so that each fsync in the trace can be put in its phase.
 * Prints its pid and its threads ("# thread TID NAME").
 *
 * The settings backend is whatever GSETTINGS_BACKEND says: check-fsync.sh
 * runs it with "keyfile", the backend a Flatpak without dconf uses. */

#include "config.h"

#include "bench-common.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "pnl-application.h"
#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-interview.h"
#include "pnl-question-page.h"
#include "pnl-session-view.h"
#include "pnl-store.h"
#include "pnl-window.h"

#define N_MOVES     4
#define BURST       250
#define KEY_MS      3
#define PAUSE_MS    800

static const char paragraph[] =
  "Clear on the trade-offs of the queue; a good example from production. "
  "Unsure about the replica lag, got there with a hint. ";

typedef struct
{
  PnlApplication *app;
  PnlWindow      *window;
  char           *uuid;
  GtkTextView    *notes;
  guint           step;
  guint           keys;
  guint           moves;
} Driver;

static void
mark (const char *phase)
{
  g_autofree char *path = g_strconcat ("/nonexistent/panelist-fsync/", phase, NULL);

  /* Fails, and shows in strace -e trace=access,faccessat,faccessat2. */
  (void) !access (path, F_OK);
}

static GtkTextView *
notes_view (Driver *driver)
{
  PnlSessionView *view = pnl_window_get_session_view (driver->window);

  return pnl_question_page_get_notes_view (PNL_QUESTION_PAGE (pnl_session_view_get_question_page (view)));
}

static gboolean type_cb (gpointer data);

static gboolean
after_pause_cb (gpointer data)
{
  Driver *driver = data;

  if (driver->moves == N_MOVES)
    {
      bench_print_threads ();
      mark ("closing");
      gtk_window_close (GTK_WINDOW (driver->window));
      return G_SOURCE_REMOVE;
    }

  mark ("moving");
  driver->moves++;
  gtk_widget_activate_action (GTK_WIDGET (pnl_window_get_session_view (driver->window)),
                              "session.next", NULL);
  driver->notes = notes_view (driver);

  mark ("typing");
  driver->keys = 0;
  g_timeout_add (KEY_MS, type_cb, driver);

  return G_SOURCE_REMOVE;
}

static gboolean
type_cb (gpointer data)
{
  Driver *driver = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (driver->notes);
  char key[2] = { paragraph[driver->step++ % (sizeof paragraph - 1)], 0 };

  gtk_text_buffer_insert_at_cursor (buffer, key, 1);

  if (++driver->keys < BURST)
    return G_SOURCE_CONTINUE;

  /* A pause: the debounce saves. */
  g_timeout_add (PAUSE_MS, after_pause_cb, driver);

  return G_SOURCE_REMOVE;
}

static gboolean
start_cb (gpointer data)
{
  Driver *driver = data;
  PnlStore *store = pnl_application_get_store (driver->app);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GError) error = NULL;

  mark ("opening");
  interview = pnl_store_find_interview (store, driver->uuid, &error);
  g_assert_no_error (error);
  if (!pnl_window_open_interview (driver->window, interview, NULL))
    g_error ("the interview did not open");
  driver->notes = notes_view (driver);
  gtk_widget_grab_focus (GTK_WIDGET (driver->notes));

  mark ("typing");
  g_timeout_add (KEY_MS, type_cb, driver);

  return G_SOURCE_REMOVE;
}

static void
on_map (GtkWidget *window,
        Driver    *driver)
{
  g_signal_handlers_disconnect_by_func (window, on_map, driver);
  driver->window = PNL_WINDOW (window);
  g_timeout_add (300, start_cb, driver);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Driver         *driver)
{
  if (PNL_IS_WINDOW (window) && driver->window == NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_map), driver);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("panelist-fsync-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *database = g_build_filename (data, "panelist", "panelist.db", NULL);
  g_autofree char *option = g_strdup_printf ("--database=%s", database);
  char *app_argv[] = { (char *) "panelist", option, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) top = NULL;
  Driver driver = { 0 };
  int status;

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  mark ("setup");
  {
    g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
    g_autoptr(PnlStore) store = NULL;
    g_autoptr(PnlInterview) interview = NULL;
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    pnl_bank_library_load (library);
    store = pnl_store_new (database, &error);
    g_assert_no_error (error);
    interview = pnl_store_create_interview (store, "Fsync", "ATS-1", "Backend developer", "Technical",
                                            "Me", pnl_bank_library_find (library, "backend-developer"),
                                            &error);
    g_assert_no_error (error);
    driver.uuid = g_strdup (pnl_interview_get_uuid (interview));
    g_assert_true (pnl_store_close (store, &error));

    /* Settings someone has used before: the file exists. */
    g_settings_set_string (settings, "interviewer-name", "Me");
    g_settings_sync ();
  }

  mark ("starting");
  driver.app = pnl_application_new ();
  g_application_set_flags (G_APPLICATION (driver.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (driver.app, "window-added", G_CALLBACK (on_window_added), &driver);
  status = g_application_run (G_APPLICATION (driver.app), 2, app_argv);
  mark ("ended");

  if (driver.moves != N_MOVES)
    g_error ("the window closed before the typing was done");

  g_clear_object (&driver.app);
  g_free (driver.uuid);

  top = g_file_new_for_path (dir);
  bench_remove_tree (top);

  return status;
}
