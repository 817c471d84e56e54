/* test-window.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pnl-answer.h"
#include "pnl-application.h"
#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-candidate.h"
#include "pnl-candidate-item.h"
#include "pnl-candidate-page.h"
#include "pnl-candidate-review.h"
#include "pnl-compare-view.h"
#include "pnl-db.h"
#include "pnl-comparison.h"
#include "pnl-export.h"
#include "pnl-export-dialog.h"
#include "pnl-interview.h"
#include "pnl-interview-row.h"
#include "pnl-navigator.h"
#include "pnl-navigator-row.h"
#include "pnl-new-interview-dialog.h"
#include "pnl-panel-folder.h"
#include "pnl-question.h"
#include "pnl-preferences-window.h"
#include "pnl-question-page.h"
#include "pnl-score-chart.h"
#include "pnl-scorecard.h"
#include "pnl-session.h"
#include "pnl-slot.h"
#include "pnl-session-area.h"
#include "pnl-session-view.h"
#include "pnl-start-page.h"
#include "pnl-store.h"
#include "pnl-summary-page.h"
#include "pnl-window.h"

/* The window, driven as a person drives it: through its actions, its
 * widgets, and real key presses sent to the X server by xdotool. */

typedef void (*Scenario) (PnlApplication *app,
                          PnlWindow      *window,
                          gpointer        data);

typedef struct
{
  Scenario scenario;
  gpointer data;
  gboolean done;
} Run;

/* Helpers -------------------------------------------------------------- */

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @cond holds, failing after a few seconds. */
#define wait_until(cond) G_STMT_START {                                        \
  gboolean timed_out_ = FALSE;                                                 \
  guint id_ = g_timeout_add (5000, timeout_cb, &timed_out_);                   \
  while (!(cond) && !timed_out_)                                               \
    g_main_context_iteration (NULL, TRUE);                                     \
  if (timed_out_)                                                              \
    g_error ("timed out waiting for %s", #cond);                               \
  g_source_remove (id_);                                                       \
} G_STMT_END

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = NULL;

      if (label == NULL)
        return root;
      if (GTK_IS_BUTTON (root))
        text = gtk_button_get_label (GTK_BUTTON (root));
      if (text == NULL && PNL_IS_INTERVIEW_ROW (root))
        text = pnl_interview_row_get_title (PNL_INTERVIEW_ROW (root));
      if (text == NULL && ADW_IS_PREFERENCES_ROW (root))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      if (text == NULL && GTK_IS_BUTTON (root) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))))
        text = gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root))));
      if (g_strcmp0 (text, label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget under @root (or @root) that @matches. */
static GtkWidget *
find_matching (GtkWidget     *root,
               gboolean     (*matches) (GtkWidget *widget, gconstpointer data),
               gconstpointer  data)
{
  if (matches (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL;
}

/* A label under @root whose text holds @needle. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *needle)
{
  return find_matching (root, is_label_containing, needle);
}

/* Enter on a start page row, or a click on it. */
static void
activate_interview_row (GtkWidget *row)
{
  GtkWidget *list_view = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  PnlInterview *interview = pnl_interview_row_get_interview (PNL_INTERVIEW_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PnlInterview) item = g_list_model_get_item (model, i);

      if (item == interview)
        {
          g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", i));
          return;
        }
    }

  g_assert_not_reached ();
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
subprocess_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *)data = TRUE;
}

/* Real key presses through the X server, to the window that has focus;
 * press_in() to another toplevel, a dialog. */
#define press_in(toplevel, command, what) press ((PnlWindow *) GTK_WINDOW (toplevel), command, what)

static void
press (PnlWindow  *window,
       const char *command,
       const char *what)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autofree char *xid = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  /* The keys may close @window: keep what outlives it. */
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  gboolean exited = FALSE;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));

  /* "key" takes several keys, "Return Return": one after the other. */
  g_strv_builder_add_many (args, "xdotool", "windowfocus", "--sync", xid,
                           command, "--delay", "30", NULL);
  if (g_str_equal (command, "key"))
    {
      g_auto(GStrv) keys = g_strsplit (what, " ", -1);

      g_strv_builder_addv (args, (const char **) keys);
    }
  else
    g_strv_builder_add (args, what);
  argv = g_strv_builder_end (args);

  process = g_subprocess_newv ((const char * const *) argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);

  g_subprocess_wait_async (process, NULL, subprocess_done_cb, &exited);
  wait_until (exited);
  g_assert_true (g_subprocess_get_successful (process));

  /* A round trip brings in every event the keys made; then let GTK
   * handle them all, however busy the machine is. */
  gdk_display_sync (display);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  spin (50);
}

/* A real drag with the first mouse button, from (@x, @y) in the window
 * by (@dx, @dy), through the X server. */
static void
drag (PnlWindow *window,
      double     x,
      double     y,
      int        dx,
      int        dy)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xid = NULL;
  g_autofree char *x0 = NULL;
  g_autofree char *y0 = NULL;
  g_autofree char *x1 = NULL;
  g_autofree char *x2 = NULL;
  g_autofree char *y2 = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gboolean exited = FALSE;
  double sx, sy;

  /* Window coordinates start inside the shadow; the surface's do not. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  x += sx;
  y += sy;
  x0 = g_strdup_printf ("%d", (int) x);
  y0 = g_strdup_printf ("%d", (int) y);
  x1 = g_strdup_printf ("%d", (int) x + dx / 2);
  x2 = g_strdup_printf ("%d", (int) x + dx);
  y2 = g_strdup_printf ("%d", (int) y + dy);
  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                              "xdotool",
                              "mousemove", "--window", xid, x0, y0, "sleep", "0.1",
                              "mousedown", "1", "sleep", "0.1",
                              "mousemove", "--window", xid, x1, y0, "sleep", "0.1",
                              "mousemove", "--window", xid, x2, y2, "sleep", "0.1",
                              "mouseup", "1", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, subprocess_done_cb, &exited);
  wait_until (exited);
  g_assert_true (g_subprocess_get_successful (process));

  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  spin (50);
}

static gboolean
run_scenario (gpointer user_data)
{
  Run *run = user_data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (PNL_IS_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  run->scenario (PNL_APPLICATION (app), PNL_WINDOW (window), run->data);
  run->done = TRUE;

  /* Unless the scenario quit, close the window as a person would. */
  if (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_close (window);

  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             Run          *run)
{
  g_idle_add (run_scenario, run);
}

/* Runs the real application until @scenario is over and the window closed. */
static void
run_app (Scenario scenario,
         gpointer data)
{
  g_autoptr(PnlApplication) app = pnl_application_new ();
  char *argv[] = { (char *)"panelist", NULL };
  Run run = { scenario, data, FALSE };

  /* No session bus under test: do not try to be a unique instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (run.done);
}

static PnlBank *
shipped_bank (PnlBankLibrary **library)
{
  *library = pnl_bank_library_new_default ();
  pnl_bank_library_load (*library);

  return pnl_bank_library_find (*library, "backend-developer");
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelist.Panelist");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    g_settings_reset (settings, keys[i]);
}

/* Makes an interview before the app starts, and has the app reopen it. */
static char *
prepare_interview (const char *candidate)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autofree char *path = pnl_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (path, &error);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelist.Panelist");

  g_assert_no_error (error);
  interview = pnl_store_create_interview (store, candidate, "", "Backend Developer", "Technical 1",
                                          "Grace", shipped_bank (&library), &error);
  g_assert_no_error (error);
  g_assert_true (pnl_store_close (store, &error));

  g_settings_set_string (settings, "last-interview", pnl_interview_get_uuid (interview));
  g_settings_set_string (settings, "last-question", "");

  return g_strdup (pnl_interview_get_uuid (interview));
}

/* What the database holds now, read with a connection of its own. */
static PnlAnswer *
stored_answer (const char *uuid,
               const char *question_id)
{
  g_autofree char *path = pnl_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (path, &error);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;

  g_assert_no_error (error);
  interview = pnl_store_find_interview (store, uuid, &error);
  g_assert_no_error (error);
  answers = pnl_store_list_answers (store, interview, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

      if (g_str_equal (pnl_question_get_id (pnl_answer_get_question (answer)), question_id))
        {
          g_assert_true (pnl_store_close (store, NULL));
          return g_steal_pointer (&answer);
        }
    }

  g_assert_not_reached ();
}

static PnlSession *
get_session (PnlWindow *window)
{
  PnlSessionView *view = pnl_window_get_session_view (window);

  g_assert_nonnull (view);
  return pnl_session_view_get_session (view);
}

static char *
notes_text (PnlWindow *window)
{
  PnlSessionView *view = pnl_window_get_session_view (window);
  GtkTextView *text_view = pnl_question_page_get_notes_view (PNL_QUESTION_PAGE (pnl_session_view_get_question_page (view)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Tests ---------------------------------------------------------------- */

/* A .ui file is only checked when it is loaded: build every template. */
static void
test_templates (void)
{
  GType types[] = {
    PNL_TYPE_COMPARE_VIEW,
    PNL_TYPE_SCORE_CHART,
    PNL_TYPE_NAVIGATOR,
    PNL_TYPE_NAVIGATOR_ROW,
    PNL_TYPE_QUESTION_PAGE,
    PNL_TYPE_SESSION_VIEW,
    PNL_TYPE_START_PAGE,
    PNL_TYPE_SUMMARY_PAGE,
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, types[i]));
      g_assert_finalize_object (widget);
    }

  dialog = g_object_new (PNL_TYPE_NEW_INTERVIEW_DIALOG, NULL);
  gtk_window_destroy (dialog);
  dialog = g_object_new (PNL_TYPE_EXPORT_DIALOG, NULL);
  gtk_window_destroy (dialog);
  dialog = g_object_new (PNL_TYPE_PREFERENCES_WINDOW, NULL);
  gtk_window_destroy (dialog);

  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, "/io/github/panelist/Panelist/ui/pnl-shortcuts-window.ui", &error);
  g_assert_no_error (error);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_builder_add_from_resource (builder, "/io/github/panelist/Panelist/gtk/menus.ui", &error);
  g_assert_no_error (error);
  g_assert_true (G_IS_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static void
scenario_new_interview (PnlApplication *app,
                        PnlWindow      *window,
                        gpointer        data)
{
  char **uuid = data;
  PnlNewInterviewDialog *dialog;
  GtkWidget *candidate, *round, *interviewer, *role, *create, *needed;
  PnlSession *session;
  PnlAnswer *first, *second;
  g_autofree char *typed = NULL;

  /* The start page, with nothing yet. */
  g_assert_null (pnl_window_get_session_view (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-interview", NULL));
  wait_until ((dialog = (PnlNewInterviewDialog *)find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG)));

  candidate = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  role = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Role");
  round = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Round (e.g. Technical 1)");
  interviewer = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your Name");
  create = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate");
  g_assert_nonnull (candidate);
  g_assert_nonnull (create);

  /* The bank's role is offered; nothing can be created yet, and the
   * dialog says what it still needs. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (role)), ==, "Backend Developer");
  g_assert_false (gtk_widget_get_sensitive (create));
  needed = find_label_containing (GTK_WIDGET (dialog), "Still needed");
  g_assert_nonnull (needed);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (needed)), ==,
                   "Still needed: the candidate’s name, the round, your name.");

  gtk_editable_set_text (GTK_EDITABLE (candidate), "Ada Lovelace");
  gtk_editable_set_text (GTK_EDITABLE (interviewer), "Grace Hopper");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_true (gtk_widget_get_visible (needed));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (needed)), ==, "Still needed: the round.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (create), ==, "Still needed: the round.");
  gtk_editable_set_text (GTK_EDITABLE (round), "Technical 1");
  g_assert_false (gtk_widget_get_visible (needed));
  gtk_editable_set_text (GTK_EDITABLE (interviewer), "");
  g_assert_false (gtk_widget_get_sensitive (create));

  /* A field emptied again is marked, inline. */
  gtk_editable_set_text (GTK_EDITABLE (interviewer), "G");
  gtk_editable_set_text (GTK_EDITABLE (interviewer), "  ");
  g_assert_true (gtk_widget_has_css_class (interviewer, "error"));
  g_assert_false (gtk_widget_get_sensitive (create));

  gtk_editable_set_text (GTK_EDITABLE (interviewer), "Grace Hopper");
  g_assert_false (gtk_widget_has_css_class (interviewer, "error"));
  g_assert_true (gtk_widget_get_sensitive (create));

  g_signal_emit_by_name (create, "clicked");
  wait_until (find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG) == NULL);

  /* The interview is open at its first question, and the name remembered. */
  session = get_session (window);
  *uuid = g_strdup (pnl_interview_get_uuid (pnl_session_get_interview (session)));
  first = pnl_session_get_current (session);
  g_assert_nonnull (first);
  g_assert_cmpstr (pnl_interview_get_interviewer (pnl_session_get_interview (session)), ==, "Grace Hopper");
  {
    g_autofree char *name = g_settings_get_string (pnl_application_get_settings (app), "interviewer-name");
    g_assert_cmpstr (name, ==, "Grace Hopper");
  }

  /* Notes, typed for real into the editor. */
  press (window, "key", "alt+n");
  press (window, "type", "Clear answer");
  typed = notes_text (window);
  g_assert_cmpstr (typed, ==, "Clear answer");
  g_assert_cmpstr (pnl_answer_get_notes (first), ==, "Clear answer");

  /* Shortcuts work from the notes and type nothing into them. */
  press (window, "key", "alt+3");
  g_assert_cmpint (pnl_answer_get_score (first), ==, 3);
  press (window, "key", "alt+r");
  g_assert_cmpint (pnl_answer_get_flags (first), ==, PNL_ANSWER_FLAGS_RED_FLAG);
  g_clear_pointer (&typed, g_free);
  typed = notes_text (window);
  g_assert_cmpstr (typed, ==, "Clear answer");

  /* Next question, with both spellings of the shortcut, and back. */
  press (window, "key", "alt+Down");
  second = pnl_session_get_current (session);
  g_assert_true (second != first);
  press (window, "key", "ctrl+Page_Down");
  g_assert_true (pnl_session_get_current (session) != second);
  press (window, "key", "ctrl+Page_Up");
  g_assert_true (pnl_session_get_current (session) == second);
  press (window, "key", "alt+Up");
  g_assert_true (pnl_session_get_current (session) == first);

  /* Each question keeps its own notes. */
  g_clear_pointer (&typed, g_free);
  typed = notes_text (window);
  g_assert_cmpstr (typed, ==, "Clear answer");

  /* Typing more is saved by itself soon after it stops. */
  press (window, "key", "alt+n");
  press (window, "key", "ctrl+End");
  press (window, "type", ", with numbers");
  spin (PNL_SESSION_SAVE_DELAY_MS + 700);
  {
    g_autoptr(PnlAnswer) stored = stored_answer (*uuid, pnl_question_get_id (pnl_answer_get_question (first)));

    g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Clear answer, with numbers");
    g_assert_cmpint (pnl_answer_get_score (stored), ==, 3);
    g_assert_cmpint (pnl_answer_get_flags (stored), ==, PNL_ANSWER_FLAGS_RED_FLAG);
    g_assert_true (pnl_answer_get_asked (stored));
  }

  /* Clear the score: not assessed is not a low score. */
  press (window, "key", "alt+0");
  g_assert_cmpint (pnl_answer_get_score (first), ==, 0);
  press (window, "key", "alt+4");
  g_assert_cmpint (pnl_answer_get_score (first), ==, 4);
}

static void
test_new_interview (void)
{
  g_autofree char *uuid = NULL;
  g_autoptr(PnlAnswer) stored = NULL;

  reset_settings ();
  run_app (scenario_new_interview, &uuid);

  /* After quitting, the last change too is in the database. */
  stored = stored_answer (uuid, "programming.sync-vs-async");
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Clear answer, with numbers");
  g_assert_cmpint (pnl_answer_get_score (stored), ==, 4);
}

static guint
count_custom (PnlSession *session)
{
  GListModel *answers = pnl_session_get_answers (session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

      n += pnl_answer_get_custom (answer);
    }

  return n;
}

static gboolean
is_clock_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Clock and Pacing") == 0;
}

static gboolean
is_asked_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Asked: you asked this question (Alt+K)") == 0;
}

static gboolean
is_remove_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Remove this question you added, with its notes") == 0;
}

/* The first question the navigator lists now. */
static PnlAnswer *
first_shown_answer (PnlNavigator *navigator)
{
  GListModel *rows = pnl_navigator_get_rows (navigator);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PnlSlot) slot = g_list_model_get_item (rows, i);

      if (PNL_IS_ANSWER (pnl_slot_get_item (slot)))
        return PNL_ANSWER (pnl_slot_get_item (slot));
    }

  return NULL;
}

/* The words go where the interviewer's eyes are: typing at once after
 * Create, after Add a Question, after opening a question from the
 * sidebar or the search, lands in the notes (issue 21). */
static void
scenario_focus (PnlApplication *app,
                PnlWindow      *window,
                gpointer        data)
{
  GtkWindow *dialog;
  GtkWidget *interviewer, *flap, *focus, *row;
  PnlNavigator *navigator;
  PnlSession *session;
  PnlAnswer *current, *first;
  gboolean revealed;
  g_autofree char *typed = NULL;

  /* New Interview, filled in; Enter in the last field creates it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-interview", NULL));
  wait_until ((dialog = find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG)));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")),
                         "Focus Candidate");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                    "Round (e.g. Technical 1)")),
                         "Technical 1");
  interviewer = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your Name");
  gtk_editable_set_text (GTK_EDITABLE (interviewer), "Grace Hopper");
  gtk_widget_grab_focus (interviewer);
  press_in (dialog, "key", "Return");
  wait_until (find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG) == NULL);

  /* Typing at once: into the notes, and no space presses a button. */
  session = get_session (window);
  flap = find_widget (GTK_WIDGET (pnl_window_get_session_view (window)), ADW_TYPE_FLAP, NULL);
  revealed = adw_flap_get_reveal_flap (ADW_FLAP (flap));
  press (window, "type", "Talks about queues first");
  typed = notes_text (window);
  g_assert_cmpstr (typed, ==, "Talks about queues first");
  g_assert_cmpint (adw_flap_get_reveal_flap (ADW_FLAP (flap)), ==, revealed);
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (window))));

  /* Add a Question: Enter, even twice, adds it once and closes; what is
   * typed next goes into the new question's notes. */
  press (window, "key", "alt+a");
  wait_until ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  press_in (dialog, "type", "How do you test retries?");
  press_in (dialog, "key", "Return Return");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  press (window, "type", "typed after add");
  g_assert_cmpuint (count_custom (session), ==, 1);
  current = pnl_session_get_current (session);
  g_assert_true (pnl_answer_get_custom (current));
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (current)), ==,
                   "How do you test retries?");
  g_clear_pointer (&typed, g_free);
  typed = notes_text (window);
  g_assert_true (g_str_has_suffix (typed, "typed after add"));
  g_assert_null (strstr (typed, "retries"));

  /* Enter in the search opens the first question found, cursor in notes. */
  navigator = PNL_NAVIGATOR (pnl_session_view_get_navigator (pnl_window_get_session_view (window)));
  press (window, "key", "ctrl+f");
  press (window, "type", "password");
  press (window, "key", "Return");
  first = first_shown_answer (navigator);
  g_assert_nonnull (first);
  g_assert_true (first != current);
  g_assert_true (pnl_session_get_current (session) == first);
  press (window, "type", "Mentions bcrypt");
  g_clear_pointer (&typed, g_free);
  typed = notes_text (window);
  g_assert_true (g_str_has_suffix (typed, "Mentions bcrypt"));

  /* Down from the search reaches the first question found, its focus
   * drawn; Enter opens it, cursor in its notes.  Ctrl+F selects what
   * was searched before: typing replaces it. */
  press (window, "key", "ctrl+f");
  press (window, "type", "cach");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (navigator), GTK_TYPE_SEARCH_ENTRY, NULL))),
                   ==, "cach");
  /* Let the list take its new rows before looking at them. */
  spin (400);
  first = first_shown_answer (navigator);
  g_assert_true (first != pnl_session_get_current (session));
  press (window, "key", "Down");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  row = find_widget (focus, PNL_TYPE_NAVIGATOR_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_true (pnl_navigator_row_get_item (PNL_NAVIGATOR_ROW (row)) == G_OBJECT (first));
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  press (window, "key", "Return");
  g_assert_true (pnl_session_get_current (session) == first);
  press (window, "type", "Knows invalidation");
  g_clear_pointer (&typed, g_free);
  typed = notes_text (window);
  g_assert_true (g_str_has_suffix (typed, "Knows invalidation"));

  /* Alt+K: asked, with nothing else to note, and shown on the page. */
  press (window, "key", "alt+Down");
  current = pnl_session_get_current (session);
  g_assert_false (pnl_answer_get_asked (current));
  press (window, "key", "alt+k");
  g_assert_true (pnl_answer_get_asked (current));
  {
    GtkWidget *page = pnl_session_view_get_question_page (pnl_window_get_session_view (window));
    GtkWidget *asked = find_matching (page, is_asked_button, NULL);

    g_assert_nonnull (asked);
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (asked)));
    press (window, "key", "alt+k");
    g_assert_false (pnl_answer_get_asked (current));
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (asked)));
  }
}

static void
test_focus (void)
{
  reset_settings ();
  run_app (scenario_focus, NULL);
}

static guint
count_prompts (PnlSession *session,
               const char *needle)
{
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);
  GListModel *answers = pnl_session_get_answers (session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);
      g_autofree char *folded = g_utf8_casefold (pnl_question_get_prompt (pnl_answer_get_question (answer)), -1);

      if (strstr (folded, folded_needle) != NULL)
        n++;
    }

  return n;
}

/* What the navigator's rows on screen show, top to bottom: areas and
 * answers, as someone looking at the sidebar sees them. */
static GPtrArray *
rows_on_screen (PnlNavigator *navigator)
{
  GtkWidget *list_view = find_widget (GTK_WIDGET (navigator), GTK_TYPE_LIST_VIEW, NULL);
  GtkWidget *viewport = gtk_widget_get_parent (list_view);
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (float));
  GPtrArray *items = g_ptr_array_new ();
  int height = gtk_widget_get_height (viewport);

  for (GtkWidget *child = gtk_widget_get_first_child (list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_widget (child, PNL_TYPE_NAVIGATOR_ROW, NULL);
      graphene_rect_t bounds;
      GObject *item;
      guint at;

      if (row == NULL || !gtk_widget_get_child_visible (child) ||
          !gtk_widget_compute_bounds (row, viewport, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height ||
          (item = pnl_navigator_row_get_item (PNL_NAVIGATOR_ROW (row))) == NULL)
        continue;

      /* Children are not in the order of their rows: sort by height. */
      for (at = 0; at < tops->len && g_array_index (tops, float, at) < bounds.origin.y; at++)
        ;
      g_array_insert_val (tops, at, bounds.origin.y);
      g_ptr_array_insert (items, at, item);
    }

  return items;
}

static guint
n_on_screen (PnlNavigator *navigator)
{
  g_autoptr(GPtrArray) items = rows_on_screen (navigator);

  return items->len;
}

static gpointer
first_on_screen (PnlNavigator *navigator)
{
  g_autoptr(GPtrArray) items = rows_on_screen (navigator);

  return items->len > 0 ? g_ptr_array_index (items, 0) : NULL;
}

static gboolean
is_on_screen (PnlNavigator *navigator,
              gpointer      item)
{
  g_autoptr(GPtrArray) items = rows_on_screen (navigator);

  return g_ptr_array_find (items, item, NULL);
}

static void
scenario_search (PnlApplication *app,
                 PnlWindow      *window,
                 gpointer        data)
{
  PnlSession *session = get_session (window);
  PnlNavigator *navigator = PNL_NAVIGATOR (pnl_session_view_get_navigator (pnl_window_get_session_view (window)));
  guint all = g_list_model_get_n_items (pnl_session_get_answers (session));
  guint cache = count_prompts (session, "CACHE");
  GtkWidget *empty;

  g_assert_cmpuint (pnl_navigator_get_n_shown (navigator), ==, all);
  g_assert_cmpuint (cache, >, 1);
  g_assert_cmpuint (cache, <, all);

  /* Ctrl+F goes to the search; typing filters as you type. */
  press (window, "key", "ctrl+f");
  press (window, "type", "cache");
  /* The entry waits a moment after the last key, as GtkSearchEntry does. */
  wait_until (pnl_navigator_get_n_shown (navigator) == cache);

  /* Every question row shown matches. */
  {
    GListModel *rows = pnl_navigator_get_rows (navigator);

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PnlSlot) slot = g_list_model_get_item (rows, i);
        GObject *item = pnl_slot_get_item (slot);
        g_autofree char *folded = NULL;

        g_assert_nonnull (item);
        if (!PNL_IS_ANSWER (item))
          continue;
        folded = g_utf8_casefold (pnl_question_get_prompt (pnl_answer_get_question (PNL_ANSWER (item))), -1);
        g_assert_nonnull (strstr (folded, "cache"));
      }
  }

  /* ...and so does every row on screen: they all fit. */
  {
    g_autoptr(GPtrArray) items = NULL;
    guint n_answers = 0;

    /* The list lays its rows out at the next frame. */
    wait_until (n_on_screen (navigator) == g_list_model_get_n_items (pnl_navigator_get_rows (navigator)));
    items = rows_on_screen (navigator);
    for (guint i = 0; i < items->len; i++)
      {
        GObject *item = g_ptr_array_index (items, i);
        g_autofree char *folded = NULL;

        if (i == 0)
          g_assert_true (PNL_IS_SESSION_AREA (item));
        if (!PNL_IS_ANSWER (item))
          continue;
        folded = g_utf8_casefold (pnl_question_get_prompt (pnl_answer_get_question (PNL_ANSWER (item))), -1);
        g_assert_nonnull (strstr (folded, "cache"));
        n_answers++;
      }
    g_assert_cmpuint (n_answers, ==, cache);
  }

  /* Notes are searched too. */
  pnl_session_set_notes (session, "Mentions the zanzibar consistency model");
  pnl_navigator_set_search_text (navigator, "zanzibar");
  g_assert_cmpuint (pnl_navigator_get_n_shown (navigator), ==, 1);

  /* Nothing matches: the list says so. */
  pnl_navigator_set_search_text (navigator, "no question says this");
  g_assert_cmpuint (pnl_navigator_get_n_shown (navigator), ==, 0);
  empty = find_widget (GTK_WIDGET (navigator), ADW_TYPE_STATUS_PAGE, NULL);
  wait_until (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Matching Questions");

  /* Filters by kind and level. */
  pnl_navigator_set_search_text (navigator, "");
  g_assert_cmpuint (pnl_navigator_get_n_shown (navigator), ==, all);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (navigator), "navigator.kind-technical", NULL));
  {
    GListModel *rows = pnl_navigator_get_rows (navigator);
    guint shown = pnl_navigator_get_n_shown (navigator);

    g_assert_cmpuint (shown, <, all);
    g_assert_cmpuint (shown, >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PnlSlot) slot = g_list_model_get_item (rows, i);
        GObject *item = pnl_slot_get_item (slot);

        g_assert_nonnull (item);
        if (PNL_IS_ANSWER (item))
          g_assert_cmpint (pnl_question_get_kind (pnl_answer_get_question (PNL_ANSWER (item))),
                           !=, PNL_QUESTION_KIND_TECHNICAL);
      }
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (navigator), "navigator.level-entry", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (navigator), "navigator.level-experienced", NULL));
  {
    PnlAnswer *answer = pnl_navigator_get_adjacent (navigator, NULL, 1);

    /* Only senior, non-technical questions are left, and moving on stays among them. */
    g_assert_nonnull (answer);
    while (answer != NULL)
      {
        g_assert_cmpint (pnl_question_get_level (pnl_answer_get_question (answer)), ==, PNL_QUESTION_LEVEL_SENIOR);
        answer = pnl_navigator_get_adjacent (navigator, answer, 1);
      }
  }

  /* All on again. */
  gtk_widget_activate_action (GTK_WIDGET (navigator), "navigator.kind-technical", NULL);
  gtk_widget_activate_action (GTK_WIDGET (navigator), "navigator.level-entry", NULL);
  gtk_widget_activate_action (GTK_WIDGET (navigator), "navigator.level-experienced", NULL);
  g_assert_cmpuint (pnl_navigator_get_n_shown (navigator), ==, all);

  /* Enter on an area folds it, and again unfolds it. */
  {
    GListModel *rows = pnl_navigator_get_rows (navigator);
    GtkWidget *list_view = find_widget (GTK_WIDGET (navigator), GTK_TYPE_LIST_VIEW, NULL);
    g_autoptr(PnlSlot) first = g_list_model_get_item (rows, 0);
    PnlSessionArea *area = PNL_SESSION_AREA (pnl_slot_get_item (first));
    guint n_rows = g_list_model_get_n_items (rows);
    guint n_area = pnl_session_area_get_n_questions (area);
    g_autoptr(PnlSlot) second = NULL;
    g_autoptr(PnlAnswer) inside = g_list_model_get_item (pnl_session_area_get_answers (area), 0);

    wait_until (is_on_screen (navigator, inside));
    g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows - n_area);
    second = g_list_model_get_item (rows, 1);
    g_assert_true (PNL_IS_SESSION_AREA (pnl_slot_get_item (second)));
    wait_until (!is_on_screen (navigator, inside));
    g_assert_true (is_on_screen (navigator, area));

    g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
    g_assert_true (pnl_slot_get_item (second) == G_OBJECT (inside));
    wait_until (is_on_screen (navigator, inside));
  }

  /* A search shows its results from the top; clearing it goes back to
   * the question being asked, selected. */
  {
    GListModel *answers = pnl_session_get_answers (session);
    g_autoptr(PnlAnswer) last = g_list_model_get_item (answers, all - 1);
    GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (GTK_WIDGET (navigator), GTK_TYPE_LIST_VIEW, NULL)));
    guint selected;

    pnl_session_set_current (session, last);
    wait_until (is_on_screen (navigator, last));

    /* Most questions have an "a": too many rows to fit. */
    pnl_navigator_set_search_text (navigator, "a");
    g_assert_cmpuint (pnl_navigator_get_n_shown (navigator), >, all / 2);
    {
      g_autoptr(PnlSlot) top = g_list_model_get_item (pnl_navigator_get_rows (navigator), 0);

      wait_until (first_on_screen (navigator) == pnl_slot_get_item (top));
    }

    pnl_navigator_set_search_text (navigator, "");
    wait_until (is_on_screen (navigator, last));
    selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
    {
      g_autoptr(PnlSlot) slot = g_list_model_get_item (pnl_navigator_get_rows (navigator), selected);

      g_assert_true (pnl_slot_get_item (slot) == G_OBJECT (last));
    }
  }
}

static void
test_search (void)
{
  g_autofree char *uuid = NULL;

  reset_settings ();
  uuid = prepare_interview ("Search Candidate");
  run_app (scenario_search, NULL);
}

static void
score_question (PnlSession *session,
                const char *question_id,
                int         score)
{
  pnl_session_set_current (session, pnl_session_find_answer (session, question_id));
  pnl_session_set_score (session, score);
}

static void
scenario_submit (PnlApplication *app,
                 PnlWindow      *window,
                 gpointer        data)
{
  PnlSessionView *view = pnl_window_get_session_view (window);
  PnlSession *session = pnl_session_view_get_session (view);
  PnlInterview *interview = pnl_session_get_interview (session);
  GtkWidget *summary = pnl_session_view_get_summary_page (view);
  GtkTextView *notes = pnl_question_page_get_notes_view (PNL_QUESTION_PAGE (pnl_session_view_get_question_page (view)));
  GtkWidget *strong_yes, *warning;
  AdwMessageDialog *dialog;
  PnlAnswer *answer;

  /* Low scores in two areas... */
  score_question (session, "programming.sync-vs-async", 1);
  score_question (session, "databases.composite-index", 2);
  answer = pnl_session_get_current (session);

  /* ...and a strong yes: the summary warns. */
  press (window, "key", "alt+s");
  g_assert_true (pnl_session_view_get_summary_shown (view));
  g_assert_false (gtk_widget_is_sensitive (find_widget (summary, GTK_TYPE_BUTTON, "_Submit Scorecard")));

  strong_yes = find_widget (summary, GTK_TYPE_TOGGLE_BUTTON, "Strong yes");
  g_assert_nonnull (strong_yes);
  g_signal_emit_by_name (strong_yes, "clicked");
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_STRONG_YES);
  warning = find_widget (summary, GTK_TYPE_REVEALER, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (warning)));

  /* No: the warning goes. */
  g_signal_emit_by_name (find_widget (summary, GTK_TYPE_TOGGLE_BUTTON, "No"), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (warning)));

  /* Submit locks the scorecard. */
  g_assert_true (gtk_widget_is_sensitive (find_widget (summary, GTK_TYPE_BUTTON, "_Submit Scorecard")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.submit", NULL));
  g_assert_true (pnl_session_get_locked (session));
  g_assert_cmpint (pnl_interview_get_state (interview), ==, PNL_INTERVIEW_STATE_SUBMITTED);
  g_assert_nonnull (pnl_interview_get_ended_at (interview));

  /* Back to a question: nothing can be changed. */
  pnl_session_set_current (session, answer);
  g_assert_false (gtk_text_view_get_editable (notes));
  press (window, "key", "alt+4");
  g_assert_cmpint (pnl_answer_get_score (answer), ==, 2);

  /* Reopening asks first; cancelling keeps it locked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.reopen", NULL));
  wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel"), "clicked");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_true (pnl_session_get_locked (session));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.reopen", NULL));
  wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Reopen"), "clicked");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_false (pnl_session_get_locked (session));
  g_assert_true (gtk_text_view_get_editable (notes));
  press (window, "key", "alt+4");
  g_assert_cmpint (pnl_answer_get_score (answer), ==, 4);
}

/* The recommendation is one Tab stop, chosen with the arrow keys; Tab
 * and typing afterwards go into the summary and change nothing else;
 * Submit says why it waits; Ctrl+Enter submits from the summary only
 * (issue 21). */
static void
scenario_recommendation (PnlApplication *app,
                         PnlWindow      *window,
                         gpointer        data)
{
  PnlSessionView *view = pnl_window_get_session_view (window);
  PnlSession *session = pnl_session_view_get_session (view);
  PnlInterview *interview = pnl_session_get_interview (session);
  GtkWidget *summary = pnl_session_view_get_summary_page (view);
  GtkWidget *hint = find_label_containing (summary, "Choose a recommendation to submit");
  GtkWidget *box, *focus;
  guint n_focusable = 0;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *typed = NULL;

  /* Ctrl+Enter in the notes only opens the summary; it locks nothing. */
  press (window, "key", "alt+n");
  press (window, "key", "ctrl+Return");
  g_assert_true (pnl_session_view_get_summary_shown (view));
  g_assert_false (pnl_session_get_locked (session));

  /* Submit waits for a recommendation, and says so. */
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_false (gtk_widget_is_sensitive (find_widget (summary, GTK_TYPE_BUTTON, "_Submit Scorecard")));

  /* One Tab stop among the four buttons, a radio group for a screen reader. */
  box = gtk_widget_get_parent (find_widget (summary, GTK_TYPE_TOGGLE_BUTTON, "Strong no"));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (box)), ==,
                   GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)), ==,
                       GTK_ACCESSIBLE_ROLE_RADIO);
      n_focusable += gtk_widget_get_focusable (child);
    }
  g_assert_cmpuint (n_focusable, ==, 1);

  /* Alt+E reaches it; the arrow keys choose. */
  press (window, "key", "alt+e");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_parent (focus) == box);
  press (window, "key", "Right Right Right");
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_YES);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == find_widget (summary, GTK_TYPE_TOGGLE_BUTTON, "Yes"));
  g_assert_false (gtk_widget_get_visible (hint));
  press (window, "key", "Left");
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_NO);
  press (window, "key", "End");
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_STRONG_YES);
  press (window, "key", "Left");
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_YES);
  n_focusable = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    n_focusable += gtk_widget_get_focusable (child);
  g_assert_cmpuint (n_focusable, ==, 1);

  /* Tab leaves the group for the summary notes: spaces typed there
   * change the recommendation no more. */
  press (window, "key", "Tab");
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (window))));
  press (window, "type", "Solid on queues, weak on SQL");
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_YES);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (window))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (typed, ==, "Solid on queues, weak on SQL");

  /* Ctrl+Enter on the summary submits. */
  press (window, "key", "ctrl+Return");
  g_assert_true (pnl_session_get_locked (session));
  g_assert_cmpint (pnl_interview_get_state (interview), ==, PNL_INTERVIEW_STATE_SUBMITTED);
  g_assert_cmpstr (pnl_interview_get_summary (interview), ==, "Solid on queues, weak on SQL");
}

static void
test_recommendation (void)
{
  g_autofree char *uuid = NULL;

  reset_settings ();
  uuid = prepare_interview ("Recommended Candidate");
  run_app (scenario_recommendation, NULL);
}

static void
test_submit_and_reopen (void)
{
  g_autofree char *uuid = NULL;

  reset_settings ();
  uuid = prepare_interview ("Submit Candidate");
  run_app (scenario_submit, NULL);
}

static void
scenario_narrow (PnlApplication *app,
                 PnlWindow      *window,
                 gpointer        data)
{
  PnlSessionView *view = pnl_window_get_session_view (window);
  PnlSession *session = pnl_session_view_get_session (view);
  AdwFlap *flap = pnl_session_view_get_flap (view);
  PnlAnswer *first = pnl_session_get_current (session);
  PnlNavigator *navigator = PNL_NAVIGATOR (pnl_session_view_get_navigator (view));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  wait_until (adw_flap_get_folded (flap) && gtk_widget_get_width (GTK_WIDGET (view)) <= 360);

  /* Folded away, and nothing wider than the window. */
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, 340);

  /* Navigation still works. */
  press (window, "key", "alt+Down");
  g_assert_true (pnl_session_get_current (session) != first);

  /* F9 brings the questions back; choosing one puts them away. */
  press (window, "key", "F9");
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_signal_emit_by_name (navigator, "question-activated", first);
  g_assert_false (adw_flap_get_reveal_flap (flap));

  /* Wide again: the sidebar is there beside the question. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  wait_until (!adw_flap_get_folded (flap));
  adw_flap_set_reveal_flap (flap, TRUE);
  g_assert_true (adw_flap_get_reveal_flap (flap));
}

static void
test_narrow (void)
{
  g_autofree char *uuid = NULL;

  reset_settings ();
  uuid = prepare_interview ("Narrow Candidate");
  run_app (scenario_narrow, NULL);
}

static void
scenario_leave_at_question (PnlApplication *app,
                            PnlWindow      *window,
                            gpointer        data)
{
  PnlSession *session = get_session (window);
  g_autofree char *written = NULL;

  pnl_session_set_current (session, pnl_session_find_answer (session, "security.password-storage"));

  /* Written when the interview closes, not at every move: with the
   * keyfile backend each write is an fsync on the main thread. */
  written = g_settings_get_string (pnl_application_get_settings (app), "last-question");
  g_assert_cmpstr (written, ==, "");

  /* A size to come back to; closing the window writes it with the
   * question, in one go. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
}

static void
scenario_check_reopened (PnlApplication *app,
                         PnlWindow      *window,
                         gpointer        data)
{
  PnlSession *session = get_session (window);
  PnlAnswer *current = pnl_session_get_current (session);

  g_assert_nonnull (current);
  g_assert_cmpstr (pnl_question_get_id (pnl_answer_get_question (current)), ==, "security.password-storage");
  {
    GSettings *settings = pnl_application_get_settings (app);
    int width, height;

    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  g_assert_cmpstr (pnl_interview_get_candidate_name (pnl_session_get_interview (session)), ==, "Restored Candidate");

  /* Closing the interview goes back to the start page, which lists it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-interview", NULL));
  g_assert_null (pnl_window_get_session_view (window));
}

static void
scenario_check_start_page (PnlApplication *app,
                           PnlWindow      *window,
                           gpointer        data)
{
  GtkWidget *row;

  /* Closed on purpose: the next start shows the start page. */
  g_assert_null (pnl_window_get_session_view (window));
  /* The Compare tab is built when first shown, not at every start. */
  g_assert_null (find_widget (GTK_WIDGET (window), PNL_TYPE_COMPARE_VIEW, NULL));
  {
    AdwViewStack *tabs = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));

    adw_view_stack_set_visible_child_name (tabs, "compare");
    g_assert_true (find_widget (GTK_WIDGET (window), PNL_TYPE_COMPARE_VIEW, NULL) ==
                   GTK_WIDGET (pnl_window_get_compare_view (window)));
    adw_view_stack_set_visible_child_name (tabs, "interviews");
  }

  row = find_widget (GTK_WIDGET (window), PNL_TYPE_INTERVIEW_ROW, "Restored Candidate");
  g_assert_nonnull (row);
  g_assert_cmpstr (pnl_interview_row_get_subtitle (PNL_INTERVIEW_ROW (row)), ==,
                   "Backend Developer · Technical 1 · Grace");
  g_assert_nonnull (find_label_containing (row, "In progress"));

  /* By keyboard: Tab from the header bar's buttons into the list, the
   * first row, Enter. */
  gtk_widget_grab_focus (GTK_WIDGET (find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL)));
  press (window, "key", "Tab");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW)));
  press (window, "key", "Return");
  wait_until (pnl_window_get_session_view (window) != NULL);
  g_assert_cmpstr (pnl_interview_get_candidate_name (pnl_session_get_interview (get_session (window))),
                   ==, "Restored Candidate");
}

static void
test_restore (void)
{
  g_autofree char *uuid = NULL;

  reset_settings ();
  uuid = prepare_interview ("Restored Candidate");
  run_app (scenario_leave_at_question, NULL);
  run_app (scenario_check_reopened, NULL);
  run_app (scenario_check_start_page, NULL);
}

static void
scenario_extras (PnlApplication *app,
                 PnlWindow      *window,
                 gpointer        data)
{
  PnlSessionView *view = pnl_window_get_session_view (window);
  PnlSession *session = pnl_session_view_get_session (view);
  PnlAnswer *before = pnl_session_get_current (session);
  const char *area_id = pnl_question_get_area_id (pnl_answer_get_question (before));
  PnlSessionArea *area = pnl_session_find_area (session, area_id);
  guint n_before = pnl_session_area_get_n_questions (area);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry, *add, *banner, *clock, *paused_image;
  PnlAnswer *added;
  guint elapsed;

  /* Alt+A: a question of one's own, in the current area. */
  press (window, "key", "alt+a");
  wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "How would you shard the orders table?");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  add = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add");
  g_signal_emit_by_name (add, "clicked");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);

  added = pnl_session_get_current (session);
  g_assert_true (added != before);
  g_assert_true (pnl_answer_get_custom (added));
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (added)), ==,
                   "How would you shard the orders table?");
  g_assert_cmpstr (pnl_question_get_area_id (pnl_answer_get_question (added)), ==, area_id);
  g_assert_cmpuint (pnl_session_area_get_n_questions (area), ==, n_before + 1);

  /* One added during a search that it matches is listed at once. */
  {
    PnlNavigator *navigator = PNL_NAVIGATOR (pnl_session_view_get_navigator (view));
    GListModel *rows = pnl_navigator_get_rows (navigator);
    PnlAnswer *second;
    gboolean listed = FALSE;

    pnl_navigator_set_search_text (navigator, "shard");
    g_assert_cmpuint (pnl_navigator_get_n_shown (navigator), ==, 1);
    press (window, "key", "alt+a");
    wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                           "Which key would you shard the users by?");
    g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add"), "clicked");
    wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
    second = pnl_session_get_current (session);
    g_assert_true (second != added);

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(PnlSlot) slot = g_list_model_get_item (rows, i);

        listed |= pnl_slot_get_item (slot) == G_OBJECT (second);
      }
    g_assert_true (listed);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
    pnl_navigator_set_search_text (navigator, "");
  }

  /* Alt+P stops the clock, and the clock shows it; Alt+P again starts it. */
  clock = find_matching (GTK_WIDGET (view), is_clock_button, NULL);
  g_assert_nonnull (clock);
  paused_image = find_widget (clock, GTK_TYPE_IMAGE, NULL);
  g_assert_false (gtk_widget_get_visible (paused_image));
  press (window, "key", "alt+p");
  g_assert_true (pnl_session_get_paused (session));
  g_assert_true (gtk_widget_get_visible (paused_image));
  g_assert_false (gtk_widget_get_visible (find_widget (clock, GTK_TYPE_LABEL, NULL)));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (clock), "Clock paused at "));
  elapsed = pnl_session_get_elapsed (session);
  spin (1300);
  g_assert_cmpuint (pnl_session_get_elapsed (session), ==, elapsed);
  press (window, "key", "alt+p");
  g_assert_false (pnl_session_get_paused (session));
  g_assert_false (gtk_widget_get_visible (paused_image));
  g_assert_true (gtk_widget_get_visible (find_widget (clock, GTK_TYPE_LABEL, NULL)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (clock), ==, "Clock and Pacing");
  wait_until (pnl_session_get_elapsed (session) > elapsed);

  /* A failed save is said plainly, and the notice goes once saving works. */
  banner = find_widget (GTK_WIDGET (view), GTK_TYPE_REVEALER, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "database or disk is full");
  g_signal_emit_by_name (session, "save-failed", error);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_widget (banner, GTK_TYPE_LABEL, NULL))),
                            "disk is full"));
  g_signal_emit_by_name (session, "save-recovered");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
}

static void
test_extras (void)
{
  g_autofree char *uuid = NULL;

  reset_settings ();
  uuid = prepare_interview ("Extras Candidate");
  run_app (scenario_extras, NULL);
}

static void
scenario_quit (PnlApplication *app,
               PnlWindow      *window,
               gpointer        data)
{
  PnlSession *session = get_session (window);

  pnl_session_set_current (session, pnl_session_find_answer (session, "security.password-storage"));
  press (window, "key", "alt+n");
  press (window, "type", "Bcrypt, with a cost");

  /* Ctrl+Q right after typing: no time for the autosave delay. */
  press (window, "key", "ctrl+q");
}

static void
test_quit_saves (void)
{
  g_autofree char *uuid = NULL;
  g_autoptr(PnlAnswer) stored = NULL;

  reset_settings ();
  uuid = prepare_interview ("Quitting Candidate");
  run_app (scenario_quit, NULL);

  stored = stored_answer (uuid, "security.password-storage");
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Bcrypt, with a cost");
}

static void
clipboard_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
scenario_export (PnlApplication *app,
                 PnlWindow      *window,
                 gpointer        data)
{
  PnlSessionView *view = pnl_window_get_session_view (window);
  PnlSession *session = pnl_session_view_get_session (view);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "export.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *name = NULL;
  g_autofree char *copied = NULL;
  PnlExportDialog *dialog;
  GStatBuf st;

  pnl_session_set_notes (session, "Knows <b>indexes</b> & joins");
  pnl_session_set_score (session, 3);

  /* Ctrl+E: choose HTML of every interview of this candidate. */
  press (window, "key", "ctrl+e");
  wait_until ((dialog = (PnlExportDialog *)find_toplevel (PNL_TYPE_EXPORT_DIALOG)));
  pnl_export_dialog_set_format (dialog, PNL_EXPORT_FORMAT_HTML);
  pnl_export_dialog_set_scope (dialog, PNL_EXPORT_SCOPE_CANDIDATE);
  name = pnl_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "Export Candidate.html");

  /* What the file chooser's answer does. */
  g_assert_true (g_mkdir_with_parents (g_get_user_cache_dir (), 0700) == 0);
  g_assert_true (pnl_export_dialog_export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "Knows &lt;b&gt;indexes&lt;/b&gt; &amp; joins"));
  g_assert_null (strstr (html, "<b>indexes"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Copy as Markdown: on the clipboard at once. */
  press (window, "key", "ctrl+shift+c");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, clipboard_cb, &copied);
  wait_until (copied != NULL);
  g_assert_true (g_str_has_prefix (copied, "# "));
  g_assert_nonnull (strstr (copied, "Export Candidate"));
  g_assert_nonnull (strstr (copied, "Knows \\<b\\>indexes"));
}

static void
test_export (void)
{
  g_autofree char *uuid = NULL;

  reset_settings ();
  uuid = prepare_interview ("Export Candidate");
  run_app (scenario_export, NULL);
}

static void
count_changed_cb (PnlApplication *app,
                  guint          *n)
{
  (*n)++;
}

static void
scenario_import (PnlApplication *app,
                 PnlWindow      *window,
                 gpointer        data)
{
  GListStore *files = data;
  AdwMessageDialog *dialog;
  const char *body;
  guint n_changed = 0;

  g_assert_null (pnl_window_get_session_view (window));
  g_signal_connect (app, "scorecards-changed", G_CALLBACK (count_changed_cb), &n_changed);
  pnl_window_import_files (window, G_LIST_MODEL (files));
  wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  /* Other views hear of it. */
  g_assert_cmpuint (n_changed, ==, 1);
  g_signal_handlers_disconnect_by_data (app, &n_changed);

  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "Added 1, updated 0, unchanged 0, refused 1."));
  g_assert_nonnull (strstr (body, "broken.json"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Some Scorecards Were Not Imported");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The start page lists what came in. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), PNL_TYPE_INTERVIEW_ROW, "Imported Candidate"));
}

static void
test_import (void)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *good_path = g_build_filename (g_get_user_cache_dir (), "good.json", NULL);
  g_autofree char *broken_path = g_build_filename (g_get_user_cache_dir (), "broken.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autofree char *db = pnl_store_get_default_path ();
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* A scorecard from another machine: made here, written out, then the
   * database is started afresh. */
  reset_settings ();
  uuid = prepare_interview ("Imported Candidate");
  {
    g_autoptr(PnlStore) store = pnl_store_new (db, &error);
    g_autoptr(PnlInterview) interview = pnl_store_find_interview (store, uuid, &error);
    g_autoptr(GListModel) answers = pnl_store_list_answers (store, interview, &error);

    g_assert_no_error (error);
    text = pnl_scorecard_write (interview, answers, &error);
    g_assert_no_error (error);
    g_assert_true (pnl_store_close (store, NULL));
  }
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (good_path, text, -1, NULL));
  g_assert_true (g_file_set_contents (broken_path, "{ \"format\": \"panelist-scorecard\",", -1, NULL));
  g_assert_cmpint (g_remove (db), ==, 0);
  reset_settings ();

  g_list_store_append (files, good);
  g_list_store_append (files, broken);
  run_app (scenario_import, files);
}

/* Another interviewer's submitted interview, scored, in the database
 * at @db_path.  Returns its UUID; its scorecard text in @text. */
static char *
add_submitted (const char  *db_path,
               const char  *candidate,
               const char  *interviewer,
               int          score,
               char       **text)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (db_path, &error);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PnlAnswer) answer = NULL;
  g_autoptr(PnlScorecard) card = NULL;
  char *uuid;

  g_assert_no_error (error);
  interview = pnl_store_create_interview (store, candidate, "", "Backend Developer", "Technical 2",
                                          interviewer, shipped_bank (&library), &error);
  g_assert_no_error (error);
  answers = pnl_store_list_answers (store, interview, &error);
  g_assert_no_error (error);
  answer = g_list_model_get_item (answers, 0);
  pnl_answer_set_asked (answer, TRUE);
  pnl_answer_set_score (answer, score);
  pnl_store_save_answer (store, answer);
  pnl_interview_set_recommendation (interview, PNL_RECOMMENDATION_YES);
  pnl_interview_set_state (interview, PNL_INTERVIEW_STATE_SUBMITTED);
  pnl_store_save_interview (store, interview);
  g_assert_true (pnl_store_flush (store, &error));

  uuid = g_strdup (pnl_interview_get_uuid (interview));
  if (text != NULL)
    {
      card = pnl_store_load_scorecard (store, uuid, &error);
      g_assert_no_error (error);
      *text = pnl_scorecard_to_string (card, &error);
      g_assert_no_error (error);
    }

  g_assert_true (pnl_store_close (store, &error));

  return uuid;
}

/* The toast on screen whose title holds @needle, or NULL. */
static GtkWidget *
find_toast (PnlWindow  *window,
            const char *needle)
{
  GtkWidget *overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget") &&
          find_label_containing (child, needle) != NULL)
        return child;
    }

  return NULL;
}

/* Closes a toast with its close button, as a person would: once it is
 * fully shown (libadwaita 1.2 can crash when a toast is closed while it
 * still slides in). */
static void
dismiss_toast (PnlWindow  *window,
               const char *needle)
{
  GtkWidget *toast;
  GtkWidget *close = NULL;

  spin (600);
  toast = find_toast (window, needle);
  g_assert_nonnull (toast);
  for (GtkWidget *child = gtk_widget_get_first_child (toast);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (child))))
        close = child;
    }

  g_assert_nonnull (close);
  g_signal_emit_by_name (close, "clicked");
  wait_until (find_toast (window, needle) == NULL);
}

static gboolean
navigator_lists (PnlNavigator *navigator,
                 gpointer      item)
{
  GListModel *rows = pnl_navigator_get_rows (navigator);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PnlSlot) slot = g_list_model_get_item (rows, i);

      if (pnl_slot_get_item (slot) == item)
        return TRUE;
    }

  return FALSE;
}

/* The custom questions as the file holds them: "id=prompt;..." */
static char *
stored_custom (PnlSession *session)
{
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GError) error = NULL;
  GString *str = g_string_new (NULL);

  g_assert_true (pnl_store_flush (pnl_session_get_store (session), &error));
  answers = pnl_store_list_answers (pnl_session_get_store (session), pnl_session_get_interview (session), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);
      PnlQuestion *question = pnl_answer_get_question (answer);

      if (pnl_answer_get_custom (answer))
        g_string_append_printf (str, "%s=%s|%s;", pnl_question_get_id (question),
                                pnl_question_get_prompt (question), pnl_answer_get_notes (answer));
    }

  return g_string_free (str, FALSE);
}

/* A custom question with a typo: F2 renames it (Enter twice renames
 * once), the Remove button takes it away, Undo puts it back, notes and
 * all; the sidebar and the file follow each step (issue 21). */
static void
scenario_custom_question (PnlApplication *app,
                          PnlWindow      *window,
                          gpointer        data)
{
  PnlSessionView *view;
  PnlSession *session;
  PnlNavigator *navigator;
  GtkWidget *page;
  g_autoptr(PnlAnswer) answer = NULL;
  g_autofree char *stored = NULL;
  PnlSessionArea *area;
  GtkWindow *dialog;
  GtkWidget *remove, *toast, *undo;
  guint n_area;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-interview", NULL));
  wait_until ((dialog = find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG)));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")),
                         "Custom Candidate");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                    "Round (e.g. Technical 1)")),
                         "Technical 1");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your Name")),
                         "Grace Hopper");
  gtk_widget_grab_focus (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your Name"));
  press_in (dialog, "key", "Return");
  wait_until (find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG) == NULL);

  view = pnl_window_get_session_view (window);
  session = get_session (window);
  navigator = PNL_NAVIGATOR (pnl_session_view_get_navigator (view));
  page = pnl_session_view_get_question_page (view);

  press (window, "key", "alt+a");
  wait_until ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  press_in (dialog, "type", "How do you test retries?typo");
  press_in (dialog, "key", "Return");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  press (window, "type", "Uses fakes");
  answer = g_object_ref (pnl_session_get_current (session));
  g_assert_true (pnl_answer_get_custom (answer));
  area = pnl_session_find_area (session, pnl_question_get_area_id (pnl_answer_get_question (answer)));
  n_area = pnl_session_area_get_n_questions (area);
  g_assert_true (navigator_lists (navigator, answer));

  /* F2: the text is there to fix; Enter, even twice, renames once. */
  press (window, "key", "F2");
  wait_until ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)))),
                   ==, "How do you test retries?typo");
  press_in (dialog, "key", "End BackSpace BackSpace BackSpace BackSpace");
  press_in (dialog, "key", "Return Return");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  /* The second Enter went where the words go: the notes. */
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (answer)), ==, "How do you test retries?");
  g_assert_nonnull (find_label_containing (page, "How do you test retries?"));
  g_assert_null (find_label_containing (page, "retries?typo"));
  g_assert_null (find_label_containing (GTK_WIDGET (navigator), "retries?typo"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (navigator), "How do you test retries?"));
  press (window, "type", ", mocks");
  g_assert_cmpuint (count_custom (session), ==, 1);
  pnl_session_save_now (session);
  stored = stored_custom (session);
  g_assert_cmpstr (stored, ==, "custom-1=How do you test retries?|Uses fakes\n, mocks;");

  /* Remove, from its button by keyboard. */
  remove = find_matching (page, is_remove_button, NULL);
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_is_sensitive (remove));
  g_assert_true (gtk_widget_grab_focus (remove));
  press (window, "key", "space");
  g_assert_null (pnl_session_find_answer (session, "custom-1"));
  g_assert_true (pnl_session_get_current (session) != answer);
  g_assert_false (navigator_lists (navigator, answer));
  g_assert_null (find_label_containing (GTK_WIDGET (navigator), "How do you test retries?"));
  if (pnl_session_find_area (session, pnl_session_area_get_id (area)) != NULL)
    g_assert_cmpuint (pnl_session_area_get_n_questions (area), ==, n_area - 1);
  g_clear_pointer (&stored, g_free);
  stored = stored_custom (session);
  g_assert_cmpstr (stored, ==, "");
  /* The cursor is back in the notes. */
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (GTK_WINDOW (window))));
  /* The summary counts the questions left. */
  {
    g_autofree char *coverage = g_strdup_printf (" of %u questions asked",
                                                 g_list_model_get_n_items (pnl_session_get_answers (session)));

    g_assert_nonnull (find_label_containing (pnl_session_view_get_summary_page (view), coverage));
  }

  /* Undo, on the toast. */
  spin (600);
  toast = find_toast (window, "Question removed");
  g_assert_nonnull (toast);
  undo = find_widget (toast, GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  wait_until (pnl_session_find_answer (session, "custom-1") == answer);
  g_assert_true (pnl_session_get_current (session) == answer);
  g_assert_true (navigator_lists (navigator, answer));
  g_assert_cmpuint (pnl_session_area_get_n_questions (pnl_session_find_area (session, pnl_session_area_get_id (area))),
                    ==, n_area);
  g_clear_pointer (&stored, g_free);
  stored = stored_custom (session);
  g_assert_cmpstr (stored, ==, "custom-1=How do you test retries?|Uses fakes\n, mocks;");

  /* Submitted, neither can be done. */
  pnl_session_set_recommendation (session, PNL_RECOMMENDATION_YES);
  pnl_session_submit (session);
  g_assert_false (gtk_widget_is_sensitive (remove));
  press (window, "key", "F2");
  spin (200);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_custom_question (void)
{
  reset_settings ();
  run_app (scenario_custom_question, NULL);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n)
{
  (*n)++;
}

/* The revision and state of the one scorecard in @path. */
static gint64
file_revision (const char        *path,
               PnlInterviewState *state)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = pnl_scorecard_read_file (file, NULL, &error);
  PnlInterview *interview;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  interview = pnl_scorecard_get_interview (g_ptr_array_index (cards, 0));
  *state = pnl_interview_get_state (interview);

  return pnl_interview_get_revision (interview);
}

/* The file holds what the database holds now. */
static void
assert_published (PnlStore   *store,
                  const char *uuid,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlScorecard) card = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_true (pnl_store_flush (store, &error));
  card = pnl_store_load_scorecard (store, uuid, &error);
  g_assert_no_error (error);
  expected = pnl_scorecard_to_string (card, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static gboolean
is_chosen (GtkFileChooser *chooser,
           GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

  return chosen != NULL && g_file_equal (chosen, file);
}

typedef struct
{
  char *folder;
  char *uuid;
  char *other_text;
} FolderTest;

static void
scenario_panel_folder (PnlApplication *app,
                       PnlWindow      *window,
                       gpointer        data)
{
  FolderTest *t = data;
  PnlSessionView *view = pnl_window_get_session_view (window);
  PnlSession *session = pnl_session_view_get_session (view);
  PnlStore *store = pnl_application_get_store (app);
  PnlPanelFolder *folder = pnl_application_get_panel_folder (app);
  g_autofree char *name = g_strconcat (t->uuid, PNL_PANEL_FOLDER_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (t->folder, name, NULL);
  g_autofree char *other_path = g_build_filename (t->folder, "other" PNL_PANEL_FOLDER_SUFFIX, NULL);
  g_autofree char *broken_name = g_strconcat ("7d1e0c55-9a4b-4f1e-8c2d-3b6a5e4f7a90", PNL_PANEL_FOLDER_SUFFIX, NULL);
  g_autofree char *broken_path = g_build_filename (t->folder, broken_name, NULL);
  g_autofree char *setting = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (t->folder);
  g_autoptr(GError) error = NULL;
  PnlInterviewState state;
  AdwMessageDialog *dialog;
  GtkWindow *chooser;
  const char *body;
  gint64 revision;
  guint n_changed = 0;
  guint n_notify = 0;

  g_assert_nonnull (folder);
  g_assert_true (g_file_equal (pnl_panel_folder_get_folder (folder), folder_file));
  g_assert_true (pnl_panel_folder_get_online (folder));
  g_signal_connect (app, "scorecards-changed", G_CALLBACK (count_changed_cb), &n_changed);
  g_signal_connect (app, "notify::panel-folder", G_CALLBACK (count_notify_cb), &n_notify);

  /* Submitting writes the submitted scorecard there, for the panel. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  pnl_session_set_current (session, pnl_session_find_answer (session, "programming.sync-vs-async"));
  pnl_session_set_score (session, 3);
  pnl_session_set_recommendation (session, PNL_RECOMMENDATION_YES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.submit", NULL));
  wait_until (g_file_test (path, G_FILE_TEST_EXISTS));
  revision = file_revision (path, &state);
  g_assert_cmpint (state, ==, PNL_INTERVIEW_STATE_SUBMITTED);
  assert_published (store, t->uuid, path);

  /* Reopened, changed, submitted again: the file follows, at a higher
   * revision. */
  pnl_session_reopen (session);
  pnl_session_set_score (session, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.submit", NULL));
  wait_until (file_revision (path, &state) > revision);
  g_assert_cmpint (state, ==, PNL_INTERVIEW_STATE_SUBMITTED);
  assert_published (store, t->uuid, path);
  g_assert_null (find_toast (window, "panel folder"));

  /* Submitting, reopening and closing told the views too (independent
   * scoring); from here on only what arrives counts. */
  g_assert_cmpuint (n_changed, >=, 3);
  n_changed = 0;

  /* Another interviewer's scorecard arrives: imported, listed, told. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-interview", NULL));
  g_assert_cmpuint (n_changed, ==, 1);
  n_changed = 0;
  g_assert_null (find_widget (GTK_WIDGET (window), PNL_TYPE_INTERVIEW_ROW, "Shared Candidate"));
  g_assert_true (g_file_set_contents (other_path, t->other_text, -1, NULL));
  wait_until (find_widget (GTK_WIDGET (window), PNL_TYPE_INTERVIEW_ROW, "Shared Candidate") != NULL);
  g_assert_cmpuint (n_changed, ==, 1);
  wait_until (find_toast (window, "1 scorecard received from the panel folder") != NULL);
  dismiss_toast (window, "received from the panel folder");

  /* A broken file: said once, naming the file, not at every scan. */
  g_assert_true (g_file_set_contents (broken_path, "{ \"format\": \"panelist-scorecard\",", -1, NULL));
  wait_until (find_toast (window, "was not imported") != NULL);
  g_assert_nonnull (find_toast (window, broken_name));
  dismiss_toast (window, "was not imported");
  pnl_panel_folder_rescan (folder);
  g_assert_true (g_file_set_contents (other_path, t->other_text, -1, NULL));
  /* The rescan, and the one the change asks for after 300 ms, run on
   * threads: both must be over before nothing new can be said. */
  spin (800);
  wait_until (!pnl_panel_folder_get_scanning (folder));
  g_assert_null (find_toast (window, "was not imported"));
  g_assert_null (find_toast (window, "received from the panel folder"));
  g_assert_cmpuint (n_changed, ==, 1);

  /* Panel Folder… says which folder and what it does; Stop Sharing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.panel-folder", NULL));
  wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, t->folder));
  g_assert_nonnull (strstr (body, "can be reached now"));
  g_assert_nonnull (strstr (body, "No scorecard waits to be written."));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Stop Sharing"), "clicked");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  wait_until (pnl_application_get_panel_folder (app) == NULL);
  g_assert_cmpuint (n_notify, ==, 1);
  setting = g_settings_get_string (pnl_application_get_settings (app), "panel-folder");
  g_assert_cmpstr (setting, ==, "");

  /* With none, it asks for a folder. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.panel-folder", NULL));
  wait_until ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), folder_file, &error);
  g_assert_no_error (error);
  wait_until (is_chosen (GTK_FILE_CHOOSER (chooser), folder_file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_until (pnl_application_get_panel_folder (app) != NULL);
  g_assert_cmpuint (n_notify, ==, 2);
  g_clear_pointer (&setting, g_free);
  setting = g_settings_get_string (pnl_application_get_settings (app), "panel-folder");
  g_assert_cmpstr (setting, ==, t->folder);

  g_signal_handlers_disconnect_by_data (app, &n_changed);
  g_signal_handlers_disconnect_by_data (app, &n_notify);
}

static void
test_panel_folder (void)
{
  g_autofree char *other_db = NULL;
  g_autofree char *other_uuid = NULL;
  g_autoptr(GSettings) settings = NULL;
  FolderTest t = { NULL, };

  reset_settings ();
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  other_db = g_build_filename (g_get_user_cache_dir (), "other.db", NULL);
  other_uuid = add_submitted (other_db, "Shared Candidate", "Priya", 2, &t.other_text);

  t.folder = g_build_filename (g_get_user_cache_dir (), "panel", NULL);
  g_assert_cmpint (g_mkdir_with_parents (t.folder, 0700), ==, 0);
  t.uuid = prepare_interview ("Folder Candidate");
  settings = g_settings_new ("io.github.panelist.Panelist");
  g_settings_set_string (settings, "panel-folder", t.folder);

  run_app (scenario_panel_folder, &t);

  g_free (t.folder);
  g_free (t.uuid);
  g_free (t.other_text);
}

/* A newer revision of the interview being typed into arrives through the
 * panel folder: the window says it was kept aside, and every word typed,
 * before and after, is saved in the question it was typed into. */
typedef struct
{
  char *folder;
  char *uuid;
  char *newer_text;
  char *typed;
} ArrivalTest;

static void
scenario_arrival_while_typing (PnlApplication *app,
                               PnlWindow      *window,
                               gpointer        data)
{
  ArrivalTest *t = data;
  PnlSession *session = get_session (window);
  PnlAnswer *answer = pnl_session_find_answer (session, "programming.sync-vs-async");
  g_autofree char *name = g_strconcat (t->uuid, PNL_PANEL_FOLDER_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (t->folder, name, NULL);
  g_autofree char *last = NULL;
  gint64 deadline;
  guint word = 0;

  pnl_session_set_current (session, answer);
  press (window, "key", "alt+n");
  for (; word < 5; word++)
    {
      g_autofree char *w = g_strdup_printf ("before%u ", word);

      press (window, "type", w);
    }

  g_assert_true (g_file_set_contents (path, t->newer_text, -1, NULL));

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (find_toast (window, "was changed here") == NULL && g_get_monotonic_time () < deadline)
    {
      g_autofree char *w = g_strdup_printf ("during%u ", word++);

      press (window, "type", w);
    }
  g_assert_nonnull (find_toast (window, "was changed here"));
  g_assert_nonnull (find_toast (window, name));

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *w = g_strdup_printf ("after%u ", word++);

      press (window, "type", w);
    }

  t->typed = g_strdup (pnl_answer_get_notes (answer));
  last = g_strdup_printf ("after%u ", word - 1);
  g_assert_true (g_str_has_prefix (t->typed, "before0 "));
  g_assert_true (g_str_has_suffix (t->typed, last));
}

static void
test_arrival_while_typing (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PnlAnswer) typed = NULL;
  g_autoptr(PnlAnswer) beside = NULL;
  g_autofree char *db_path = pnl_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  ArrivalTest t = { NULL, };

  reset_settings ();
  t.uuid = prepare_interview ("Typing Candidate");
  t.folder = g_build_filename (g_get_user_cache_dir (), "arrival-panel", NULL);
  g_assert_cmpint (g_mkdir_with_parents (t.folder, 0700), ==, 0);

  /* The same interview, further on elsewhere. */
  {
    g_autoptr(PnlStore) store = pnl_store_new (db_path, &error);
    g_autoptr(PnlScorecard) card = NULL;
    g_autofree char *text = NULL;
    g_auto(GStrv) parts = NULL;

    g_assert_no_error (error);
    card = pnl_store_load_scorecard (store, t.uuid, &error);
    g_assert_no_error (error);
    text = pnl_scorecard_to_string (card, &error);
    g_assert_no_error (error);
    g_assert_true (pnl_store_close (store, &error));
    parts = g_strsplit (text, "\"revision\": 1,", 2);
    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_free (text);
    text = g_strjoinv ("\"revision\": 50,", parts);
    g_strfreev (g_steal_pointer (&parts));
    parts = g_strsplit (text, "\"notes\": \"\"", -1);
    t.newer_text = g_strjoinv ("\"notes\": \"Written elsewhere\"", parts);
  }

  settings = g_settings_new ("io.github.panelist.Panelist");
  g_settings_set_string (settings, "panel-folder", t.folder);

  run_app (scenario_arrival_while_typing, &t);

  typed = stored_answer (t.uuid, "programming.sync-vs-async");
  g_assert_cmpstr (pnl_answer_get_notes (typed), ==, t.typed);
  beside = stored_answer (t.uuid, "candidate-questions.growth-path");
  g_assert_cmpstr (pnl_answer_get_notes (beside), ==, "");

  g_settings_set_string (settings, "panel-folder", "");
  g_free (t.folder);
  g_free (t.uuid);
  g_free (t.newer_text);
  g_free (t.typed);
}

/* Independent scoring in the export dialog: Grace, the local
 * interviewer, has not submitted hers, so Priya's scores of the same
 * candidate stay out of the role comparison. */
static void
scenario_export_independent (PnlApplication *app,
                             PnlWindow      *window,
                             gpointer        data)
{
  PnlStore *store = pnl_application_get_store (app);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "role.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *plain = NULL;
  PnlExportDialog *dialog;

  press (window, "key", "ctrl+e");
  wait_until ((dialog = (PnlExportDialog *)find_toplevel (PNL_TYPE_EXPORT_DIALOG)));
  pnl_export_dialog_set_format (dialog, PNL_EXPORT_FORMAT_CSV);
  pnl_export_dialog_set_scope (dialog, PNL_EXPORT_SCOPE_ROLE);
  g_assert_true (pnl_export_dialog_export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));

  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_ROLE, "Backend Developer", &error);
  g_assert_no_error (error);
  hidden = pnl_export_to_string_for (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, items, "Grace", &error);
  g_assert_no_error (error);
  plain = pnl_export_to_string (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, items, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (hidden, !=, plain);
  g_assert_cmpstr (csv, ==, hidden);
  g_assert_nonnull (strstr (csv, "\r\nHidden Candidate,,"));

  /* Nor does Priya's scorecard open in the window while Grace is still
   * interviewing the candidate: Grace's stays open. */
  {
    const char *other = data;
    PnlInterview *mine = pnl_session_get_interview (get_session (window));
    g_autoptr(PnlInterview) theirs = pnl_store_find_interview (store, other, &error);

    g_assert_no_error (error);
    g_assert_false (pnl_window_open_interview (window, theirs, NULL));
    g_assert_true (pnl_session_get_interview (get_session (window)) == mine);
    g_assert_cmpstr (pnl_interview_get_interviewer (mine), ==, "Grace");
  }
}

static void
test_export_independent (void)
{
  g_autofree char *db = pnl_store_get_default_path ();
  g_autofree char *uuid = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GSettings) settings = NULL;

  reset_settings ();
  uuid = prepare_interview ("Hidden Candidate");
  other = add_submitted (db, "Hidden Candidate", "Priya", 1, NULL);
  settings = g_settings_new ("io.github.panelist.Panelist");
  g_settings_set_string (settings, "interviewer-name", "Grace");
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);

  run_app (scenario_export_independent, other);
}

static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/panelist/Panelist/ui/pnl-shortcuts-window.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GtkWidget *view = g_object_ref_sink (g_object_new (PNL_TYPE_SESSION_VIEW, NULL));
  GListModel *shortcuts = G_LIST_MODEL (pnl_session_view_get_shortcuts (PNL_SESSION_VIEW (view)));
  g_autoptr(GString) listed = g_string_new (" ");

  /* Every accelerator in the shortcuts window... */
  for (GtkWidget *w = find_widget (overlay, GTK_TYPE_SHORTCUTS_SHORTCUT, NULL); w != NULL; )
    {
      g_autofree char *accel = NULL;

      g_object_get (w, "accelerator", &accel, NULL);
      g_string_append_printf (listed, "%s ", accel);
      /* next shortcut in document order */
      {
        GtkWidget *next = NULL;
        GtkWidget *parent = gtk_widget_get_parent (w);

        for (GtkWidget *s = gtk_widget_get_next_sibling (w); s && !next; s = gtk_widget_get_next_sibling (s))
          if (GTK_IS_SHORTCUTS_SHORTCUT (s))
            next = s;
        if (next == NULL && parent != NULL)
          {
            for (GtkWidget *g = gtk_widget_get_next_sibling (parent); g && !next; g = gtk_widget_get_next_sibling (g))
              next = find_widget (g, GTK_TYPE_SHORTCUTS_SHORTCUT, NULL);
          }
        w = next;
      }
    }

  /* ...and every shortcut of the view with a fixed key is among them. */
  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
      g_autofree char *needle = g_strdup_printf (" %s ", trigger);
      const char *action = gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));

      /* Alt+5 to Alt+9 serve longer scales; the window lists the usual four. */
      if (g_str_has_prefix (trigger, "<Alt>") && trigger[5] >= '5' && trigger[5] <= '9' && trigger[6] == '\0')
        continue;

      if (strstr (listed->str, needle) == NULL)
        g_error ("%s (%s) is missing from the shortcuts window", trigger, action);
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
  g_object_unref (view);
}

/* Another interviewer's scorecard ---------------------------------------- */

#define FOREIGN_NOTES "Ana's own notes"

/* Ana Souza's interview in progress, made in a database of her own and
 * imported here, read only: opened from the start page and typed into
 * as a person would, nothing changes, no Reopen is offered, the clock
 * stands still, and a banner says whose it is (issue 21, defect 1). */
static void
scenario_foreign (PnlApplication *app,
                  PnlWindow      *window,
                  gpointer        data)
{
  PnlSessionView *view;
  PnlSession *session;
  GtkTextView *notes;
  GtkWidget *row, *banner, *summary, *reopen;
  PnlAnswer *answer;
  g_autofree char *typed = NULL;

  wait_until ((row = find_widget (GTK_WIDGET (window), PNL_TYPE_INTERVIEW_ROW, "Foreign Candidate")) != NULL);
  activate_interview_row (row);
  wait_until ((view = pnl_window_get_session_view (window)) != NULL);
  session = pnl_session_view_get_session (view);
  g_assert_true (pnl_session_get_foreign (session));
  g_assert_true (pnl_session_get_locked (session));

  banner = find_label_containing (GTK_WIDGET (view), "Ana Souza’s scorecard: read only");
  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_is_visible (banner));
  /* Not the Submit lock's words: it is not submitted, nor to reopen. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
    find_label_containing (GTK_WIDGET (view), "This scorecard is submitted"), GTK_TYPE_REVEALER))));
  summary = pnl_session_view_get_summary_page (view);
  reopen = find_widget (summary, GTK_TYPE_BUTTON, "_Reopen Scorecard…");
  g_assert_nonnull (reopen);
  g_assert_false (gtk_widget_is_visible (reopen));

  /* To the first question, and type, score, flag there. */
  press (window, "key", "alt+Down");
  answer = pnl_session_get_current (session);
  g_assert_nonnull (answer);
  notes = pnl_question_page_get_notes_view (PNL_QUESTION_PAGE (pnl_session_view_get_question_page (view)));
  g_assert_false (gtk_text_view_get_editable (notes));
  press (window, "key", "alt+n");
  press (window, "type", "Grace was here");
  press (window, "key", "alt+2 alt+r alt+k");
  typed = notes_text (window);
  g_assert_null (strstr (typed, "Grace was here"));
  g_assert_cmpint (pnl_answer_get_score (answer), ==, 0);
  g_assert_cmpint (pnl_answer_get_flags (answer), ==, 0);
  g_assert_false (pnl_answer_get_asked (answer));

  /* The clock does not move, however long it is open. */
  spin (2200);
  g_assert_cmpuint (pnl_session_get_elapsed (session), ==, 0);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (view), "0:00 elapsed"));

  /* Nor does the summary take words. */
  press (window, "key", "alt+s");
  g_assert_true (pnl_session_view_get_summary_shown (view));
  press (window, "type", "Grace's summary");
  g_assert_cmpstr (pnl_interview_get_summary (pnl_session_get_interview (session)), ==, "");
  g_assert_false (gtk_widget_is_visible (reopen));
  g_assert_cmpuint (pnl_store_get_n_pending (pnl_session_get_store (session)), ==, 0);
}

static void
test_foreign (void)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autofree char *path = pnl_store_get_default_path ();
  g_autofree char *ana_path = g_build_filename (g_get_user_data_dir (), "ana", "panelist.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) ana = pnl_store_new (ana_path, &error);
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) after = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PnlAnswer) answer = NULL;
  g_autoptr(PnlAnswer) stored = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) outcomes = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *question_id = NULL;
  gint64 revision;

  reset_settings ();
  g_assert_no_error (error);
  interview = pnl_store_create_interview (ana, "Foreign Candidate", "", "Backend Developer",
                                          "Technical 1", "Ana Souza", shipped_bank (&library), &error);
  g_assert_no_error (error);
  uuid = g_strdup (pnl_interview_get_uuid (interview));
  answers = pnl_store_list_answers (ana, interview, &error);
  g_assert_no_error (error);
  answer = g_list_model_get_item (answers, 0);
  question_id = g_strdup (pnl_question_get_id (pnl_answer_get_question (answer)));
  pnl_answer_set_notes (answer, FOREIGN_NOTES);
  g_assert_true (pnl_store_save_answer (ana, answer));
  g_assert_true (pnl_store_flush (ana, &error));
  g_ptr_array_add (cards, pnl_store_load_scorecard (ana, uuid, &error));
  g_assert_no_error (error);
  g_assert_true (pnl_store_close (ana, &error));

  store = pnl_store_new (path, &error);
  g_assert_no_error (error);
  outcomes = pnl_store_import_scorecards (store, cards, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (outcomes, PnlImportOutcome, 0), ==, PNL_IMPORT_OUTCOME_ADDED);
  g_clear_object (&interview);
  interview = pnl_store_find_interview (store, uuid, &error);
  g_assert_no_error (error);
  revision = pnl_interview_get_revision (interview);
  g_assert_true (pnl_store_close (store, &error));
  g_clear_object (&store);

  run_app (scenario_foreign, NULL);

  stored = stored_answer (uuid, question_id);
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, FOREIGN_NOTES);
  g_assert_cmpint (pnl_answer_get_score (stored), ==, 0);
  store = pnl_store_new (path, &error);
  g_assert_no_error (error);
  after = pnl_store_find_interview (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_interview_get_revision (after), ==, revision);
  g_assert_cmpstr (pnl_interview_get_interviewer (after), ==, "Ana Souza");
  g_assert_true (pnl_store_close (store, &error));
}

/* Sidebar width -------------------------------------------------------- */

static void
scenario_sidebar_drag (PnlApplication *app,
                       PnlWindow      *window,
                       gpointer        data)
{
  PnlSessionView *view = pnl_window_get_session_view (window);
  GtkWidget *navigator = pnl_session_view_get_navigator (view);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelist.Panelist");
  GtkWidget *sidebar;
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  wait_until (gtk_widget_get_width (GTK_WIDGET (view)) >= 1100 &&
              !adw_flap_get_folded (pnl_session_view_get_flap (view)));
  g_assert_cmpint (pnl_session_view_get_sidebar_width (view), ==, 300);

  /* The sidebar's right edge, half way down: grab it and pull. */
  sidebar = gtk_widget_get_ancestor (navigator, GTK_TYPE_BOX);
  g_assert_true (gtk_widget_translate_coordinates (sidebar, GTK_WIDGET (window),
                                                   gtk_widget_get_width (sidebar) + 3,
                                                   gtk_widget_get_height (sidebar) / 2, &x, &y));
  drag (window, x, y, 120, 0);
  g_assert_cmpint (pnl_session_view_get_sidebar_width (view), ==, 420);
  wait_until (gtk_widget_get_width (navigator) >= 400);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 420);

  /* Not wider than the setting allows. */
  drag (window, x + 120, y, 300, 0);
  g_assert_cmpint (pnl_session_view_get_sidebar_width (view), ==, 560);
  g_settings_set_int (settings, "sidebar-width", 420);
}

static void
scenario_sidebar_kept (PnlApplication *app,
                       PnlWindow      *window,
                       gpointer        data)
{
  g_assert_cmpint (pnl_session_view_get_sidebar_width (pnl_window_get_session_view (window)), ==, 420);
}

static void
scenario_not_reopened (PnlApplication *app,
                       PnlWindow      *window,
                       gpointer        data)
{
  g_assert_null (pnl_window_get_session_view (window));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), PNL_TYPE_INTERVIEW_ROW, "Sidebar Candidate"));
}

static void
test_sidebar_width (void)
{
  g_autofree char *uuid = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelist.Panelist");

  reset_settings ();
  uuid = prepare_interview ("Sidebar Candidate");
  run_app (scenario_sidebar_drag, NULL);
  run_app (scenario_sidebar_kept, NULL);

  /* Without "reopen the last interview", the start page comes first. */
  g_settings_set_boolean (settings, "restore-last-interview", FALSE);
  run_app (scenario_not_reopened, NULL);
}

/* The shortcuts window, built when first asked for. */
static void
scenario_shortcuts_window (PnlApplication *app,
                           PnlWindow      *window,
                           gpointer        data)
{
  GtkWindow *overlay;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  press (window, "key", "ctrl+question");
  wait_until ((overlay = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 GTK_SHORTCUTS_WINDOW (overlay));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);

  /* From the menu's action, the same window again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_until (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == overlay);
}

static void
test_shortcuts_window (void)
{
  reset_settings ();
  run_app (scenario_shortcuts_window, NULL);
}

/* Start page ----------------------------------------------------------- */

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  interview)
{
  return PNL_IS_INTERVIEW_ROW (widget) && pnl_interview_row_get_interview (PNL_INTERVIEW_ROW (widget)) == interview;
}

/* The row showing @interview, if the list has built one. */
static GtkWidget *
find_interview_row (GtkWidget    *root,
                    PnlInterview *interview)
{
  return find_matching (root, is_row_of, interview);
}

static guint
count_rows (GtkWidget *root)
{
  guint n = PNL_IS_INTERVIEW_ROW (root) && pnl_interview_row_get_interview (PNL_INTERVIEW_ROW (root)) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

static void
scenario_many_interviews (PnlApplication *app,
                          PnlWindow      *window,
                          gpointer        data)
{
  GtkWidget *button;

  /* The 20 most recent, and a way to the rest. */
  wait_until (count_rows (GTK_WIDGET (window)) > 0);
  g_assert_cmpuint (count_rows (GTK_WIDGET (window)), ==, 20);
  button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Show All 625 Interviews");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), PNL_TYPE_INTERVIEW_ROW, "Candidate 24"));
  g_assert_null (find_widget (GTK_WIDGET (window), PNL_TYPE_INTERVIEW_ROW, "Candidate 0"));

  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Recent Interviews"));

  /* All of them: a list that builds rows for what is near the screen
   * only (GTK 4.8 keeps about 200 of the 625). */
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "All Interviews"));
  g_assert_cmpuint (count_rows (GTK_WIDGET (window)), >=, 20);
  g_assert_cmpuint (count_rows (GTK_WIDGET (window)), <=, 250);
  {
    GtkWidget *list_view = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
    guint n = g_list_model_get_n_items (model);
    g_autoptr(PnlInterview) oldest = g_list_model_get_item (model, n - 1);
    GtkWidget *row;

    g_assert_cmpuint (n, ==, 625);
    g_assert_cmpstr (pnl_interview_get_round (oldest), ==, "Older");

    /* Scrolled to the end, the oldest is there to open. */
    g_assert_null (find_interview_row (list_view, oldest));
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", n - 1);
    wait_until ((row = find_interview_row (list_view, oldest)) != NULL);
    g_assert_cmpstr (pnl_interview_row_get_subtitle (PNL_INTERVIEW_ROW (row)), ==,
                     "Backend Developer · Older · Grace");
    activate_interview_row (row);
    g_assert_nonnull (pnl_window_get_session_view (window));
    g_assert_cmpstr (pnl_interview_get_uuid (pnl_session_get_interview (get_session (window))),
                     ==, pnl_interview_get_uuid (oldest));
  }
}

static void
test_many_interviews (void)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autofree char *path = pnl_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = NULL;
  PnlBank *bank;

  reset_settings ();
  g_remove (path);
  store = pnl_store_new (path, &error);
  g_assert_no_error (error);
  bank = shipped_bank (&library);
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %u", i);
      g_autoptr(PnlInterview) interview = pnl_store_create_interview (store, name, "", "Backend Developer",
                                                                      "Technical 1", "Grace", bank, &error);

      g_assert_no_error (error);
      /* Each a second later than the one before: a clear order. */
      pnl_interview_set_summary (interview, name);
      pnl_store_save_interview (store, interview);
      g_assert_true (pnl_store_flush (store, NULL));
      {
        g_autoptr(PnlDb) db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
        g_autofree char *sql = g_strdup_printf ("UPDATE interviews SET started_at = %u WHERE uuid = '%s'",
                                                1767225600 + i, pnl_interview_get_uuid (interview));

        g_assert_true (pnl_db_exec (db, sql, &error));
        g_assert_no_error (error);
      }
    }
  g_assert_true (pnl_store_close (store, &error));

  /* And 600 older ones, as SQL can make them: the start page reads
   * interviews, not their answers. */
  {
    g_autoptr(PnlDb) db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);

    g_assert_no_error (error);
    g_assert_true (pnl_db_exec (db,
                                "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)"
                                " INSERT INTO interviews (uuid, candidate_id, role, round, interviewer, bank_id,"
                                "                         scale, state, started_at, updated_at)"
                                " SELECT lower (hex (randomblob (16))), i.candidate_id, i.role, 'Older',"
                                "        i.interviewer, i.bank_id, i.scale, 'submitted', 1700000000, 1700000000 + n.i"
                                "   FROM n, (SELECT * FROM interviews WHERE summary = 'Candidate 7') i",
                                &error));
    g_assert_no_error (error);
  }

  run_app (scenario_many_interviews, NULL);
}

/* Held today, yesterday (at noon) and on 2 January 2026; the oldest
 * changed last, as an import of it would. */
static const char *dated_names[] = { "Held Today", "Held Yesterday", "Held Long Ago" };

static gint64
dated_started_at (guint i)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) yesterday = NULL;

  if (i == 0)
    return g_date_time_to_unix (now);
  if (i == 1)
    {
      noon = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 12, 0, 0);
      yesterday = g_date_time_add_days (noon, -1);
      return g_date_time_to_unix (yesterday);
    }
  return 1767348000;
}

static void
scenario_start_page_dates (PnlApplication *app,
                           PnlWindow      *window,
                           gpointer        data)
{
  GtkWidget *list_view;
  GListModel *model;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (1767348000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *long_ago = g_date_time_format (local, "%x");
  const char *days[] = { "Today", "Yesterday", long_ago };

  wait_until (count_rows (GTK_WIDGET (window)) == 3);
  list_view = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* By the day each was held, most recent first, each with its day. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PnlInterview) interview = g_list_model_get_item (model, i);
      GtkWidget *row;

      g_assert_cmpstr (pnl_interview_get_candidate_name (interview), ==, dated_names[i]);
      row = find_interview_row (list_view, interview);
      g_assert_nonnull (row);
      g_assert_cmpstr (pnl_interview_row_get_date (PNL_INTERVIEW_ROW (row)), ==, days[i]);
      g_assert_nonnull (find_label_containing (row, days[i]));
    }
}

static void
test_start_page_dates (void)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autofree char *path = pnl_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = NULL;
  PnlBank *bank;

  reset_settings ();
  g_remove (path);
  store = pnl_store_new (path, &error);
  g_assert_no_error (error);
  bank = shipped_bank (&library);
  for (guint i = 0; i < G_N_ELEMENTS (dated_names); i++)
    {
      g_autoptr(PnlInterview) interview = pnl_store_create_interview (store, dated_names[i], "",
                                                                      "Backend Developer", "Technical 1",
                                                                      "Grace", bank, &error);
      g_autoptr(PnlDb) db = NULL;
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      g_assert_true (pnl_store_flush (store, NULL));
      db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      sql = g_strdup_printf ("UPDATE interviews SET started_at = %" G_GINT64_FORMAT ","
                             " updated_at = %u WHERE uuid = '%s'",
                             dated_started_at (i), 1900000000 + i, pnl_interview_get_uuid (interview));
      g_assert_true (pnl_db_exec (db, sql, &error));
      g_assert_no_error (error);
    }
  g_assert_true (pnl_store_close (store, &error));

  run_app (scenario_start_page_dates, NULL);
}

/* Preferences and About ------------------------------------------------ */

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
scenario_preferences (PnlApplication *app,
                      PnlWindow      *window,
                      gpointer        data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelist.Panelist");
  GtkWindow *preferences;
  GtkWidget *row;
  GtkWindow *about;
  AdwComboRow *bank_row;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  wait_until ((preferences = find_toplevel (PNL_TYPE_PREFERENCES_WINDOW)));
  /* The user's banks are read on a thread; the list fills when it is done. */
  wait_until (!pnl_bank_library_get_loading (pnl_application_get_bank_library (app)));

  /* The name, typed in. */
  row = find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Your Name");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Margaret");
  assert_setting (settings, "interviewer-name", "Margaret");

  /* The bank for new interviews: the only one there is. */
  bank_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW,
                                         "Question Bank for New Interviews"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (bank_row)), ==, 1);
  g_settings_set_string (settings, "default-bank", "");
  adw_combo_row_set_selected (bank_row, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (bank_row, 0);
  assert_setting (settings, "default-bank", "backend-developer");

  /* Reopening the last interview, switched off. */
  g_assert_true (g_settings_get_boolean (settings, "restore-last-interview"));
  gtk_switch_set_active (GTK_SWITCH (find_widget (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, NULL)), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "restore-last-interview"));

  /* The banks: the shipped one, and the broken one of the user's. */
  g_assert_nonnull (find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW,
                                 pnl_bank_get_title (pnl_bank_library_find (pnl_application_get_bank_library (app),
                                                                            "backend-developer"))));
  row = find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "A Bank Could Not Be Loaded");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "broken.json"));

  /* The panel folder, set elsewhere, shows; Stop Sharing clears it. */
  row = find_widget (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, "_Stop Sharing");
  g_assert_false (gtk_widget_get_visible (row));
  g_settings_set_string (settings, "panel-folder", g_get_user_cache_dir ());
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Folder"))),
                   ==, g_get_user_cache_dir ());
  g_signal_emit_by_name (row, "clicked");
  assert_setting (settings, "panel-folder", "");
  g_assert_false (gtk_widget_get_visible (row));

  gtk_window_destroy (preferences);

  /* About: the version, the licence. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  wait_until ((about = find_toplevel (ADW_TYPE_ABOUT_WINDOW)));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)));
  gtk_window_destroy (about);
}

static void
test_preferences (void)
{
  g_autofree char *banks = g_build_filename (g_get_user_data_dir (), "panelist", "banks", NULL);
  g_autofree char *broken = g_build_filename (banks, "broken.json", NULL);

  reset_settings ();
  g_assert_cmpint (g_mkdir_with_parents (banks, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "{ \"format\": ", -1, NULL));
  run_app (scenario_preferences, NULL);
  g_assert_cmpint (g_remove (broken), ==, 0);
}

/* A pipe with a bank's name in the user's folder: New Interview opens at
 * once with the shipped bank, the user's own bank joins the list when the
 * folder has been read on a thread, and the pipe is reported. */
static void
scenario_banks_folder_pipe (PnlApplication *app,
                            PnlWindow      *window,
                            gpointer        data)
{
  PnlBankLibrary *library = pnl_application_get_bank_library (app);
  PnlNewInterviewDialog *dialog;
  AdwComboRow *bank_row;
  const GPtrArray *errors;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-interview", NULL));
  wait_until ((dialog = (PnlNewInterviewDialog *)find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG)));
  bank_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Question Bank"));
  g_assert_nonnull (bank_row);

  wait_until (!pnl_bank_library_get_loading (library));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (bank_row)), ==, 2);
  g_assert_nonnull (pnl_bank_library_find (library, "mine"));
  /* The default bank stays chosen when the list fills. */
  g_assert_cmpstr (pnl_bank_get_id (adw_combo_row_get_selected_item (bank_row)), ==, "backend-developer");

  errors = pnl_bank_library_get_errors (library);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (((const GError *) g_ptr_array_index (errors, 0))->message, "pipe.json"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_banks_folder_pipe (void)
{
  g_autofree char *banks = g_build_filename (g_get_user_data_dir (), "panelist", "banks", NULL);
  g_autofree char *pipe = g_build_filename (banks, "pipe.json", NULL);
  g_autofree char *mine = g_build_filename (banks, "mine.json", NULL);
  const char *text =
    "{ \"format\": \"panelist-bank\", \"version\": 1, \"id\": \"mine\", \"title\": \"Mine\",\n"
    "  \"role\": \"Tester\", \"language\": \"en\", \"areas\": [ { \"id\": \"a\", \"title\": \"A\" } ],\n"
    "  \"questions\": [ { \"id\": \"a.1\", \"area\": \"a\", \"kind\": \"technical\",\n"
    "                   \"level\": \"entry\", \"prompt\": \"Why?\" } ] }\n";

  reset_settings ();
  g_assert_cmpint (g_mkdir_with_parents (banks, 0700), ==, 0);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  g_assert_true (g_file_set_contents (mine, text, -1, NULL));

  /* A window frozen in open() fails the test instead of hanging it. */
  alarm (60);
  run_app (scenario_banks_folder_pipe, NULL);
  alarm (0);

  g_assert_cmpint (g_remove (pipe), ==, 0);
  g_assert_cmpint (g_remove (mine), ==, 0);
}

/* Compare view --------------------------------------------------------- */

/* One interview, scored on one question, submitted or not. */
static void
add_panel_interview (PnlStore       *store,
                     PnlBank        *bank,
                     const char     *candidate,
                     const char     *role,
                     const char     *interviewer,
                     int             score,
                     gboolean        submit)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlSession) session = NULL;
  g_autoptr(GError) error = NULL;

  interview = pnl_store_create_interview (store, candidate, "", role, "Technical 1",
                                          interviewer, bank, &error);
  g_assert_no_error (error);
  session = pnl_session_new (store, interview, &error);
  g_assert_no_error (error);

  score_question (session, "programming.sync-vs-async", score);
  pnl_session_set_recommendation (session, score >= 3 ? PNL_RECOMMENDATION_YES : PNL_RECOMMENDATION_NO);
  if (submit)
    pnl_session_submit (session);
  pnl_session_save_now (session);
}

/* The panel, worked by hand (local interviewer: Linus):
 *   Ada   Grace 1, Linus 4 (submitted)  -> mean 2.5, 3.0 apart: a disagreement
 *   Bob   Grace 3, Linus 3              -> mean 3.0
 *   Cy    Grace 2; Linus in progress    -> hidden from Linus: nothing counts
 *   Dee   Grace 4, the only one for "Frontend Developer"
 */
static void
prepare_panel (void)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autofree char *path = pnl_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (path, &error);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelist.Panelist");
  PnlBank *bank = shipped_bank (&library);

  g_assert_no_error (error);
  add_panel_interview (store, bank, "Dee", "Frontend Developer", "Grace", 4, TRUE);
  add_panel_interview (store, bank, "Ada", "Backend Developer", "Grace", 1, TRUE);
  add_panel_interview (store, bank, "Ada", "Backend Developer", "Linus", 4, TRUE);
  add_panel_interview (store, bank, "Bob", "Backend Developer", "Grace", 3, TRUE);
  add_panel_interview (store, bank, "Bob", "Backend Developer", "Linus", 3, TRUE);
  add_panel_interview (store, bank, "Cy", "Backend Developer", "Grace", 2, TRUE);
  add_panel_interview (store, bank, "Cy", "Backend Developer", "Linus", 2, FALSE);
  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);

  g_settings_set_string (settings, "interviewer-name", "Linus");
}

static const char *
row_name (PnlCompareView *view,
          guint           position)
{
  g_autoptr(PnlCandidateItem) item = g_list_model_get_item (pnl_compare_view_get_rows (view), position);

  g_assert_nonnull (item);

  return pnl_comparison_get_candidate_name (pnl_candidate_item_get_comparison (item),
                                            pnl_candidate_item_get_candidate (item));
}

static GtkColumnViewColumn *
find_column (PnlCompareView *view,
             const char     *title)
{
  GListModel *columns = gtk_column_view_get_columns (pnl_compare_view_get_column_view (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

static gboolean
status_page_shown (GtkWidget  *root,
                   const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_STATUS_PAGE (child) &&
          g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (child)), title) == 0)
        return gtk_widget_get_mapped (child);

      if (status_page_shown (child, title))
        return TRUE;
    }

  return FALSE;
}

static void
scenario_compare (PnlApplication *app,
                  PnlWindow      *window,
                  gpointer        data)
{
  PnlCompareView *view = pnl_window_get_compare_view (window);
  PnlComparison *comparison;
  PnlCandidatePage *page;
  PnlCandidateReview *review;
  PnlExportDialog *dialog;
  int cy;

  /* The Compare tab, as the view switcher opens it. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "compare"));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* The most recent role comes first; choose the other. */
  g_assert_cmpstr (pnl_compare_view_get_role (view), ==, "Backend Developer");
  g_assert_true (pnl_compare_view_select_role (view, "Frontend Developer"));
  comparison = pnl_compare_view_get_comparison (view);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_compare_view_get_rows (view)), ==, 1);
  g_assert_cmpstr (row_name (view, 0), ==, "Dee");
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, 0), 4.0, 1e-9);

  g_assert_true (pnl_compare_view_select_role (view, "Backend Developer"));
  comparison = pnl_compare_view_get_comparison (view);
  g_assert_cmpstr (pnl_comparison_get_local_interviewer (comparison), ==, "Linus");
  g_assert_cmpuint (g_list_model_get_n_items (pnl_compare_view_get_rows (view)), ==, 3);

  /* Disagreements first: Ada's 1 against 4. */
  g_assert_cmpstr (row_name (view, 0), ==, "Ada");
  g_assert_cmpuint (pnl_comparison_get_n_disagreements (comparison, 0), ==, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Ada"));

  /* Linus is still interviewing Cy: Grace's scores stay hidden. */
  cy = pnl_comparison_find_candidate (comparison, "Cy", "");
  g_assert_cmpint (cy, >=, 0);
  g_assert_true (pnl_comparison_is_hidden (comparison, cy));
  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, cy), ==, 0);

  /* Sorted by mean, highest first; nothing scored comes last. */
  gtk_column_view_sort_by_column (pnl_compare_view_get_column_view (view),
                                  find_column (view, "Mean"), GTK_SORT_DESCENDING);
  g_assert_cmpstr (row_name (view, 0), ==, "Bob");
  g_assert_cmpstr (row_name (view, 1), ==, "Ada");
  g_assert_cmpstr (row_name (view, 2), ==, "Cy");
  gtk_column_view_sort_by_column (pnl_compare_view_get_column_view (view),
                                  find_column (view, "Mean"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (row_name (view, 0), ==, "Cy");
  g_assert_cmpstr (row_name (view, 2), ==, "Bob");

  /* The sort stays when the view reloads. */
  pnl_compare_view_reload (view);
  g_assert_cmpstr (row_name (view, 0), ==, "Cy");

  /* Ctrl+E exports the comparison as the local interviewer may see it:
   * Cy's scores stay out.  From the header bar too, where the focus is
   * after choosing the tab. */
  gtk_widget_grab_focus (find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (view)));
  press (window, "key", "ctrl+e");
  wait_until ((dialog = (PnlExportDialog *)find_toplevel (PNL_TYPE_EXPORT_DIALOG)));
  {
    g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "comparison.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GPtrArray) items = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *written = NULL;
    g_autofree char *name = pnl_export_dialog_suggest_name (dialog);
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (name, ==, "Backend Developer – comparison.csv");
    g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "What")));
    g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
    g_assert_true (pnl_export_dialog_export_to_file (dialog, file, &error));
    g_assert_no_error (error);
    gtk_window_destroy (GTK_WINDOW (dialog));

    items = pnl_export_collect (pnl_application_get_store (app), PNL_EXPORT_SCOPE_ROLE,
                                "Backend Developer", &error);
    g_assert_no_error (error);
    expected = pnl_export_to_string_for (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, items, "Linus", &error);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, expected);
  }

  /* Into Bob's scorecards with the keyboard: Enter on his row. */
  gtk_widget_grab_focus (GTK_WIDGET (pnl_compare_view_get_column_view (view)));
  press (window, "key", "Down");
  press (window, "key", "Down");
  press (window, "key", "Up");
  press (window, "key", "Up");
  press (window, "key", "Down");
  press (window, "key", "Down");
  g_assert_null (pnl_window_get_candidate_page (window));
  press (window, "key", "Return");
  wait_until ((page = pnl_window_get_candidate_page (window)) != NULL);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)));
  review = pnl_candidate_page_get_review (page);
  g_assert_cmpstr (pnl_comparison_get_candidate_name (pnl_candidate_review_get_comparison (review),
                                                      pnl_candidate_review_get_candidate (review)), ==, "Bob");
  g_assert_cmpuint (pnl_candidate_review_get_n_interviews (review), ==, 2);
  /* One question asked; the rest of the bank nobody asked. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_EXPANDER, NULL));

  /* A scorecard for Bob arrives while his page is open: it shows it,
   * still open. */
  {
    PnlStore *store = pnl_application_get_store (app);
    g_autofree char *uuid = add_submitted (pnl_store_get_path (store), "Bob", "Zoe Quist", 2, NULL);

    g_assert_null (find_label_containing (GTK_WIDGET (page), "Zoe Quist"));
    g_signal_emit_by_name (app, "scorecards-changed");
    g_assert_true (pnl_window_get_candidate_page (window) == page);
    review = pnl_candidate_page_get_review (page);
    g_assert_cmpuint (pnl_candidate_review_get_n_interviews (review), ==, 3);
    {
      gboolean found = FALSE;

      for (guint i = 0; i < 3; i++)
        found |= g_str_equal (pnl_interview_get_uuid (pnl_candidate_review_get_interview (review, i)), uuid);
      g_assert_true (found);
    }
    g_assert_nonnull (find_label_containing (GTK_WIDGET (page), "Zoe Quist"));
  }

  /* Ctrl+E there offers the candidate, or the role. */
  press (window, "key", "ctrl+e");
  wait_until ((dialog = (PnlExportDialog *)find_toplevel (PNL_TYPE_EXPORT_DIALOG)));
  {
    g_autofree char *name = NULL;

    g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "What")));
    pnl_export_dialog_set_scope (dialog, PNL_EXPORT_SCOPE_CANDIDATE);
    pnl_export_dialog_set_format (dialog, PNL_EXPORT_FORMAT_MARKDOWN);
    name = pnl_export_dialog_suggest_name (dialog);
    g_assert_cmpstr (name, ==, "Bob.md");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* And back, where we were. */
  press (window, "key", "alt+Left");
  g_assert_null (pnl_window_get_candidate_page (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpstr (row_name (view, 0), ==, "Cy");

  /* Cy's page says why it is empty. */
  pnl_compare_view_show_candidate (view, cy);
  wait_until ((page = pnl_window_get_candidate_page (window)) != NULL);
  g_assert_cmpuint (pnl_candidate_review_get_n_interviews (pnl_candidate_page_get_review (page)), ==, 0);
  press (window, "key", "Escape");
  g_assert_null (pnl_window_get_candidate_page (window));

  /* Cy forgotten while their page is open: back to the role, which says
   * why. */
  pnl_compare_view_show_candidate (view, cy);
  wait_until ((page = pnl_window_get_candidate_page (window)) != NULL);
  {
    g_autoptr(GListModel) interviews = NULL;
    g_autoptr(PnlInterview) first = NULL;
    g_autoptr(GError) error = NULL;

    interviews = pnl_store_list_candidate_interviews (pnl_application_get_store (app), "Cy", "", NULL, &error);
    g_assert_no_error (error);
    first = g_list_model_get_item (interviews, 0);
    pnl_application_forget_candidate_async (app, pnl_interview_get_candidate_id (first), NULL, NULL);
  }
  wait_until (pnl_window_get_candidate_page (window) == NULL);
  wait_until (find_toast (window, "no scorecards for the role any more") != NULL);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpint (pnl_comparison_find_candidate (pnl_compare_view_get_comparison (view), "Cy", ""), ==, -1);

  /* Narrow: nothing wider than the window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  wait_until (gtk_widget_get_width (GTK_WIDGET (window)) <= 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
}

static void
test_compare (void)
{
  reset_settings ();
  prepare_panel ();
  run_app (scenario_compare, NULL);
}

/* Independent scoring, live ------------------------------------------- */

/* Eve's row on the Compare tab, as the table shows it now (the table
 * holds it). */
static PnlCandidateItem *
eve_row (PnlCompareView *view)
{
  GListModel *rows = pnl_compare_view_get_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PnlCandidateItem) item = g_list_model_get_item (rows, i);

      if (g_str_equal (row_name (view, i), "Eve"))
        return item;
    }

  g_assert_not_reached ();
}

/* Grace's and Linus's submitted scorecards of Eve show on the Compare
 * tab.  Ravi starts a New Interview with Eve from there: the moment he
 * is back (Ctrl+W), her row shows none of theirs and the banner counts
 * her; once he submits, theirs are back, with his. */
static void
scenario_compare_live (PnlApplication *app,
                       PnlWindow      *window,
                       gpointer        data)
{
  PnlCompareView *view = pnl_window_get_compare_view (window);
  const char *banner = "You are still interviewing 1 candidate";
  g_autoptr(PnlInterview) interview = NULL;
  PnlNewInterviewDialog *dialog;
  PnlCandidateItem *row;
  PnlComparison *comparison;
  PnlSessionView *session_view;
  guint eve;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "compare"));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (view)));
  row = eve_row (view);
  comparison = pnl_candidate_item_get_comparison (row);
  eve = pnl_candidate_item_get_candidate (row);
  g_assert_false (pnl_comparison_is_hidden (comparison, eve));
  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, eve), ==, 2);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, eve), 2.5, 1e-9);
  g_assert_null (find_label_containing (GTK_WIDGET (view), banner));

  /* A New Interview with Eve, from the Compare tab. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-interview", NULL));
  wait_until ((dialog = (PnlNewInterviewDialog *)find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG)));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")), "Eve");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Round (e.g. Technical 1)")),
                         "Technical 2");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your Name")), "Ravi");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate"), "clicked");
  wait_until (find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG) == NULL);
  session_view = pnl_window_get_session_view (window);
  g_assert_nonnull (session_view);
  interview = g_object_ref (pnl_session_get_interview (pnl_session_view_get_session (session_view)));

  /* Back with Ctrl+W: Eve's row holds nothing of Grace's or Linus's. */
  press (window, "key", "ctrl+w");
  g_assert_null (pnl_window_get_session_view (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (view)));
  row = eve_row (view);
  comparison = pnl_candidate_item_get_comparison (row);
  eve = pnl_candidate_item_get_candidate (row);
  g_assert_true (pnl_comparison_is_hidden (comparison, eve));
  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, eve), ==, 0);
  g_assert_cmpuint (pnl_comparison_get_n_interviewers (comparison, eve), ==, 0);
  g_assert_true (isnan (pnl_comparison_get_mean (comparison, eve)));
  for (guint rec = PNL_RECOMMENDATION_NONE; rec <= PNL_RECOMMENDATION_STRONG_YES; rec++)
    g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, eve, rec), ==, 0);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (view), banner));
  g_assert_true (gtk_widget_get_mapped (find_label_containing (GTK_WIDGET (view), banner)));

  /* Her page shows none of theirs and says why; Ctrl+E there, This
   * candidate, writes none of theirs either. */
  pnl_compare_view_show_candidate (view, eve);
  {
    g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "eve.md", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *written = NULL;
    PnlCandidatePage *page;
    PnlExportDialog *export;

    wait_until ((page = pnl_window_get_candidate_page (window)) != NULL);
    wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)));
    g_assert_cmpuint (pnl_candidate_review_get_n_interviews (pnl_candidate_page_get_review (page)), ==, 0);
    g_assert_nonnull (find_label_containing (GTK_WIDGET (page), "Hidden until you submit"));
    g_assert_null (find_label_containing (GTK_WIDGET (page), "Grace"));

    press (window, "key", "ctrl+e");
    wait_until ((export = (PnlExportDialog *)find_toplevel (PNL_TYPE_EXPORT_DIALOG)));
    pnl_export_dialog_set_scope (export, PNL_EXPORT_SCOPE_CANDIDATE);
    pnl_export_dialog_set_format (export, PNL_EXPORT_FORMAT_MARKDOWN);
    g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
    g_assert_true (pnl_export_dialog_export_to_file (export, file, &error));
    g_assert_no_error (error);
    gtk_window_destroy (GTK_WINDOW (export));
    g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
    g_assert_null (strstr (written, "Grace"));
    g_assert_null (strstr (written, "Linus"));
    g_assert_nonnull (strstr (written, "Ravi"));
    g_assert_nonnull (strstr (written, "left out until you submit your own"));

    press (window, "key", "Escape");
    g_assert_null (pnl_window_get_candidate_page (window));
  }

  /* Ravi goes back to it, gives his recommendation and submits. */
  g_assert_true (pnl_window_open_interview (window, interview, NULL));
  session_view = pnl_window_get_session_view (window);
  press (window, "key", "alt+s");
  g_signal_emit_by_name (find_widget (pnl_session_view_get_summary_page (session_view),
                                      GTK_TYPE_TOGGLE_BUTTON, "Yes"), "clicked");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session_view), "session.submit", NULL));
  g_assert_true (pnl_session_get_locked (pnl_session_view_get_session (session_view)));
  press (window, "key", "ctrl+w");
  g_assert_null (pnl_window_get_session_view (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* Theirs are back, and his with them. */
  row = eve_row (view);
  comparison = pnl_candidate_item_get_comparison (row);
  eve = pnl_candidate_item_get_candidate (row);
  g_assert_false (pnl_comparison_is_hidden (comparison, eve));
  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, eve), ==, 3);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, eve, PNL_RECOMMENDATION_YES), ==, 2);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, eve), 2.5, 1e-9);
  g_assert_null (find_label_containing (GTK_WIDGET (view), banner));
}

static void
test_compare_live (void)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autofree char *path = pnl_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  PnlBank *bank = shipped_bank (&library);

  reset_settings ();
  store = pnl_store_new (path, &error);
  g_assert_no_error (error);
  add_panel_interview (store, bank, "Eve", "Backend Developer", "Grace", 2, TRUE);
  add_panel_interview (store, bank, "Eve", "Backend Developer", "Linus", 3, TRUE);
  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);

  settings = g_settings_new ("io.github.panelist.Panelist");
  g_settings_set_string (settings, "interviewer-name", "Ravi");
  run_app (scenario_compare_live, NULL);
}

static void
scenario_compare_empty (PnlApplication *app,
                        PnlWindow      *window,
                        gpointer        data)
{
  PnlCompareView *view = pnl_window_get_compare_view (window);

  /* The tab comes back where it was left. */
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (status_page_shown (GTK_WIDGET (view), "No Roles Yet"));
  g_assert_null (pnl_compare_view_get_comparison (view));

  /* An interview in progress: a role, but nothing submitted. */
  {
    g_autofree char *uuid = prepare_interview ("Open Candidate");
    (void) uuid;
  }
  pnl_compare_view_reload (view);
  g_assert_cmpstr (pnl_compare_view_get_role (view), ==, "Backend Developer");
  g_assert_true (status_page_shown (GTK_WIDGET (view), "No Submitted Scorecards"));
  g_assert_false (status_page_shown (GTK_WIDGET (view), "No Roles Yet"));
}

/* Forgetting ------------------------------------------------------------ */

static gboolean
has_candidate (PnlApplication *app,
               const char     *name)
{
  g_autoptr(GListModel) candidates = pnl_store_list_candidates (pnl_application_get_store (app), NULL);

  for (guint i = 0; candidates != NULL && i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(PnlCandidate) candidate = g_list_model_get_item (candidates, i);

      if (g_str_equal (pnl_candidate_get_name (candidate), name))
        return TRUE;
    }

  return FALSE;
}

static void
answer_dialog (const char *response_label)
{
  AdwMessageDialog *dialog;

  wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, response_label), "clicked");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static void
scenario_forget (PnlApplication *app,
                 PnlWindow      *window,
                 gpointer        data)
{
  PnlCompareView *view = pnl_window_get_compare_view (window);
  GtkWindow *preferences;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "compare"));
  g_assert_true (pnl_compare_view_select_role (view, "Backend Developer"));
  g_assert_cmpuint (g_list_model_get_n_items (pnl_compare_view_get_rows (view)), ==, 3);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  wait_until ((preferences = find_toplevel (PNL_TYPE_PREFERENCES_WINDOW)));
  row = find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Ada");
  g_assert_nonnull (row);

  /* Cancelling keeps her. */
  g_signal_emit_by_name (find_widget (row, GTK_TYPE_BUTTON, "_Forget…"), "clicked");
  answer_dialog ("_Cancel");
  spin (200);
  g_assert_true (has_candidate (app, "Ada"));

  /* Forgetting erases her; the comparison and the list follow. */
  g_signal_emit_by_name (find_widget (row, GTK_TYPE_BUTTON, "_Forget…"), "clicked");
  answer_dialog ("_Forget");
  wait_until (!has_candidate (app, "Ada"));
  wait_until (find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Ada") == NULL);
  g_assert_true (has_candidate (app, "Bob"));
  wait_until (g_list_model_get_n_items (pnl_compare_view_get_rows (view)) == 2);
  g_assert_cmpint (pnl_comparison_find_candidate (pnl_compare_view_get_comparison (view), "Ada", ""), ==, -1);

  gtk_window_destroy (preferences);
}

static void
test_forget (void)
{
  reset_settings ();
  prepare_panel ();
  run_app (scenario_forget, NULL);
}

static void
scenario_retention (PnlApplication *app,
                    PnlWindow      *window,
                    gpointer        data)
{
  AdwMessageDialog *dialog;

  /* Asked at start, naming who goes. */
  wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Forget 1 Candidate?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Dee"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "Bob"));
  answer_dialog ("_Forget");

  wait_until (!has_candidate (app, "Dee"));
  g_assert_true (has_candidate (app, "Ada"));
  g_assert_true (has_candidate (app, "Bob"));
}

static void
test_retention (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelist.Panelist");
  g_autofree char *path = pnl_store_get_default_path ();

  reset_settings ();
  prepare_panel ();

  /* Dee was last interviewed 400 days ago. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PnlDb) db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
    g_autofree char *sql = g_strdup_printf ("UPDATE interviews SET updated_at = %" G_GINT64_FORMAT
                                            " WHERE candidate_id = (SELECT id FROM candidates WHERE name = 'Dee')",
                                            g_get_real_time () / G_USEC_PER_SEC - 400 * 24 * 3600);

    g_assert_no_error (error);
    g_assert_true (pnl_db_exec (db, sql, &error));
    g_assert_no_error (error);
  }

  g_settings_set_boolean (settings, "retention-enabled", TRUE);
  g_settings_set_int (settings, "retention-days", 180);
  run_app (scenario_retention, NULL);
}

static void
test_compare_empty (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.panelist.Panelist");
  g_autofree char *db = pnl_store_get_default_path ();

  reset_settings ();
  g_remove (db);
  g_settings_set_string (settings, "last-view", "compare");
  run_app (scenario_compare_empty, NULL);
}

static void
scenario_icon (PnlApplication *app,
               PnlWindow      *window,
               gpointer        data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  const char * const names[] = { APP_ID, APP_ID "-symbolic" };

  /* Windows take the application's icon, which is there even when the
   * app runs from the build folder: GtkApplication finds it in the
   * resources. */
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *uri = NULL;

      g_assert_true (gtk_icon_theme_has_icon (theme, names[i]));
      icon = gtk_icon_theme_lookup_icon (theme, names[i], NULL, 128, 1, GTK_TEXT_DIR_LTR, 0);
      file = gtk_icon_paintable_get_file (icon);
      g_assert_nonnull (file);
      uri = g_file_get_uri (file);
      g_assert_true (g_str_has_prefix (uri, "resource:///io/github/panelist/Panelist/icons/"));
      g_assert_true (g_str_has_suffix (uri, ".svg"));
    }
}

static void
test_icon (void)
{
  reset_settings ();
  run_app (scenario_icon, NULL);
}

/* Saves fail while the app is up: a trigger of the test's own refuses
 * every change to an answer, as a full disk would refuse it. */
static void
refuse_saves (gboolean refuse)
{
  g_autofree char *path = pnl_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  if (refuse)
    pnl_db_exec (db,
                 "CREATE TRIGGER refuse_saves BEFORE UPDATE ON answers"
                 " BEGIN SELECT RAISE (ABORT, 'no room left'); END;",
                 &error);
  else
    pnl_db_exec (db, "DROP TRIGGER refuse_saves", &error);
  g_assert_no_error (error);
}

static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static void
scenario_quit_while_failing (PnlApplication *app,
                             PnlWindow      *window,
                             gpointer        data)
{
  const char *how = data;
  PnlSessionView *view = pnl_window_get_session_view (window);
  PnlSession *session = pnl_session_view_get_session (view);
  GtkWidget *banner = find_widget (GTK_WIDGET (view), GTK_TYPE_REVEALER, NULL);
  AdwMessageDialog *dialog;

  /* No clock: its seconds would ride along with a save that the cap
   * makes while a slow machine types, one more change to count. */
  pnl_session_set_paused (session, TRUE);
  refuse_saves (TRUE);
  pnl_session_set_current (session, pnl_session_find_answer (session, "security.password-storage"));
  press (window, "key", "alt+n");
  press (window, "type", "Salted and slow");
  wait_until (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* Ctrl+Q, then closing the window: each time asked, kept open. */
  for (guint i = 0; i < 2; i++)
    {
      if (i == 0)
        press (window, "key", "ctrl+q");
      else
        gtk_window_close (GTK_WINDOW (window));

      wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changes Not Saved");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no room left"));
      g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
      click_response (dialog, "_Keep Open");
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
      g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL);
    }

  if (g_str_equal (how, "anyway"))
    {
      /* Said plainly, and only because the person chose it. */
      g_test_expect_message ("pnl-application", G_LOG_LEVEL_WARNING, "Quitting with 1 changes not saved*");
      g_test_expect_message ("pnl-writer", G_LOG_LEVEL_WARNING, "1 changes to*were lost*");
      press (window, "key", "ctrl+q");
      wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
      click_response (dialog, "_Quit Anyway");
      return;
    }

  /* The disk heals: quitting asks nothing, and everything is saved. */
  refuse_saves (FALSE);
  press (window, "key", "ctrl+q");
}

static void
test_quit_while_failing (void)
{
  g_autofree char *uuid = NULL;

  reset_settings ();
  uuid = prepare_interview ("Failing Candidate");
  run_app (scenario_quit_while_failing, (gpointer) "healed");

  {
    g_autoptr(PnlAnswer) stored = stored_answer (uuid, "security.password-storage");

    g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Salted and slow");
  }

  reset_settings ();
  g_clear_pointer (&uuid, g_free);
  uuid = prepare_interview ("Abandoned Candidate");
  run_app (scenario_quit_while_failing, (gpointer) "anyway");
  g_test_assert_expected_messages ();

  {
    g_autoptr(PnlAnswer) stored = stored_answer (uuid, "security.password-storage");

    g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "");
  }
}

typedef struct
{
  char *kept;
  char *uuid;
} Damaged;

static void
scenario_damaged (PnlApplication *app,
                  PnlWindow      *window,
                  gpointer        data)
{
  Damaged *damaged = data;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  PnlNewInterviewDialog *new_dialog;
  GtkWidget *close, *start_page, *start_stack;
  PnlSession *session;

  /* Said once, plainly: what happened, where the file is, what now. */
  damaged->kept = g_strdup (pnl_application_get_set_aside_path (app));
  g_assert_nonnull (damaged->kept);
  name = g_path_get_basename (damaged->kept);
  wait_until ((dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Database Could Not Be Read");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), name));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "a new database was started"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was deleted"));
  close = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Close");
  g_assert_nonnull (close);
  g_signal_emit_by_name (close, "clicked");
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);

  /* The app works, on the new database: the start page lists nothing
   * (no error), and a new interview can be made and typed into. */
  g_assert_nonnull (pnl_application_get_store (app));
  g_assert_null (pnl_application_get_store_error (app));
  start_page = find_widget (GTK_WIDGET (window), PNL_TYPE_START_PAGE, NULL);
  start_stack = find_widget (start_page, GTK_TYPE_STACK, NULL);
  g_assert_nonnull (start_stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (start_stack)), !=, "error");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-interview", NULL));
  wait_until ((new_dialog = (PnlNewInterviewDialog *)find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG)));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (new_dialog), ADW_TYPE_ENTRY_ROW, "Name")),
                         "After Damage");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (new_dialog), ADW_TYPE_ENTRY_ROW,
                                                    "Round (e.g. Technical 1)")),
                         "Technical 1");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (new_dialog), ADW_TYPE_ENTRY_ROW, "Your Name")),
                         "Grace Hopper");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (new_dialog), GTK_TYPE_BUTTON, "C_reate"), "clicked");
  wait_until (find_toplevel (PNL_TYPE_NEW_INTERVIEW_DIALOG) == NULL);

  session = get_session (window);
  damaged->uuid = g_strdup (pnl_interview_get_uuid (pnl_session_get_interview (session)));
  press (window, "key", "alt+n");
  press (window, "type", "Typed after the damage");
}

/* A damaged database at start: kept aside untouched, said so, and the
 * app goes on with a new one. */
static void
test_damaged_database (void)
{
  g_autofree char *path = pnl_store_get_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GError) error = NULL;
  g_autofree char *noise = g_malloc (64 * 1024);
  g_autofree char *kept_contents = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  Damaged damaged = { NULL, NULL };
  gsize len;
  GStatBuf st;

  reset_settings ();
  for (guint i = 0; i < 64 * 1024; i++)
    noise[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_assert_true (g_file_set_contents_full (path, noise, 64 * 1024, G_FILE_SET_CONTENTS_NONE,
                                           0600, &error));
  g_assert_no_error (error);

  run_app (scenario_damaged, &damaged);

  /* The damaged file, byte for byte, private still. */
  g_assert_true (g_file_get_contents (damaged.kept, &kept_contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (kept_contents, len, noise, 64 * 1024);
  g_assert_no_errno (g_stat (damaged.kept, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* And what was typed after, in the new one. */
  store = pnl_store_new (path, &error);
  g_assert_no_error (error);
  interview = pnl_store_find_interview (store, damaged.uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_candidate_name (interview), ==, "After Damage");
  {
    g_autoptr(GListModel) answers = pnl_store_list_answers (store, interview, &error);
    g_autoptr(PnlAnswer) stored = NULL;

    g_assert_no_error (error);
    stored = g_list_model_get_item (answers, 0);
    g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Typed after the damage");
  }
  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);

  g_free (damaged.kept);
  g_free (damaged.uuid);
}

int
main (int   argc,
      char *argv[])
{
  /* gtk_test_init() passes no option on to g_test_init(), so its tests
   * would share the real home folder: do its work here instead, with
   * folders of their own for each test.  The system's MIME database
   * stays in use (GTK needs it to load its icons). */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "en_US.UTF-8");
  gtk_init ();
  adw_init ();

  /* GNOME's own title bar layout: a close button only. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);

  g_test_add_func ("/ui/templates", test_templates);
  g_test_add_func ("/ui/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/ui/window/icon", test_icon);
  g_test_add_func ("/ui/window/new-interview", test_new_interview);
  g_test_add_func ("/ui/window/search", test_search);
  g_test_add_func ("/ui/window/focus", test_focus);
  g_test_add_func ("/ui/window/custom-question", test_custom_question);
  g_test_add_func ("/ui/window/submit-and-reopen", test_submit_and_reopen);
  g_test_add_func ("/ui/window/foreign-scorecard", test_foreign);
  g_test_add_func ("/ui/window/recommendation", test_recommendation);
  g_test_add_func ("/ui/window/narrow", test_narrow);
  g_test_add_func ("/ui/window/restore", test_restore);
  g_test_add_func ("/ui/window/add-question-clock-banner", test_extras);
  g_test_add_func ("/ui/window/quit-saves", test_quit_saves);
  g_test_add_func ("/ui/window/export-and-copy", test_export);
  g_test_add_func ("/ui/window/import", test_import);
  g_test_add_func ("/ui/window/sidebar-width", test_sidebar_width);
  g_test_add_func ("/ui/window/many-interviews", test_many_interviews);
  g_test_add_func ("/ui/window/start-page-dates", test_start_page_dates);
  g_test_add_func ("/ui/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/window/preferences-and-about", test_preferences);
  g_test_add_func ("/ui/window/banks-folder-pipe", test_banks_folder_pipe);
  g_test_add_func ("/ui/window/compare", test_compare);
  g_test_add_func ("/ui/window/compare-empty", test_compare_empty);
  g_test_add_func ("/ui/window/compare-live", test_compare_live);
  g_test_add_func ("/ui/window/forget", test_forget);
  g_test_add_func ("/ui/window/retention", test_retention);
  g_test_add_func ("/ui/window/export-independent", test_export_independent);
  g_test_add_func ("/ui/window/damaged-database", test_damaged_database);
  g_test_add_func ("/ui/window/quit-while-failing", test_quit_while_failing);
  /* Last: its file chooser leaves the recent files to be written a
   * moment later, into its own test folder, gone by then. */
  /* Before panel-folder: the file chooser there leaves GTK's list of
   * recent files to be written, later, into that test's folder. */
  g_test_add_func ("/ui/window/arrival-while-typing", test_arrival_while_typing);
  g_test_add_func ("/ui/window/panel-folder", test_panel_folder);

  return g_test_run ();
}
