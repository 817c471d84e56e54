/* pnl-window.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-answer.h"
#include "pnl-bank-library.h"
#include "pnl-candidate-page.h"
#include "pnl-candidate-review.h"
#include "pnl-comparison.h"
#include "pnl-compare-view.h"
#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-new-interview-dialog.h"
#include "pnl-panel-folder.h"
#include "pnl-session.h"
#include "pnl-session-view.h"
#include "pnl-start-page.h"
#include "pnl-store.h"
#include "pnl-toast.h"
#include "pnl-visibility.h"
#include "pnl-window.h"

struct _PnlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Borrowed references */
  PnlSessionView       *session_view;
  PnlCandidatePage     *candidate_page;

  /* Owned references */
  PnlPanelFolder       *panel_folder;
  /* A damaged database kept aside at start: said once the window shows */
  char                 *set_aside_path;

  /* Template children */
  AdwViewStack         *view_stack;
  /* Built when first shown: most starts never need it. */
  PnlCompareView       *compare_view;
  AdwBin               *compare_bin;
  GtkStack             *main_stack;
  GtkMenuButton        *menu_button;
  PnlStartPage         *start_page;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (PnlWindow, pnl_window, ADW_TYPE_APPLICATION_WINDOW)

static PnlApplication *
get_app (PnlWindow *self)
{
  return PNL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
pnl_window_actions_update (PnlWindow *self)
{
  gboolean has_store = pnl_application_get_store (get_app (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-interview", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.panel-folder", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-interview", self->session_view != NULL);
}

/* A toast's title is Pango markup in libadwaita 1.2: file names and
 * messages are not. */
void
pnl_window_show_toast (PnlWindow  *self,
                       const char *text)
{
  g_return_if_fail (PNL_IS_WINDOW (self));

  pnl_toast_show (GTK_WIDGET (self->toast_overlay), text);
}

static void
show_toast (PnlWindow  *self,
            const char *text)
{
  pnl_window_show_toast (self, text);
}

static void
show_error (PnlWindow  *self,
            const char *message)
{
  show_toast (self, message);
}

/* Panel folder ------------------------------------------------------------ */

static void
on_published (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PnlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (pnl_application_publish_finish (PNL_APPLICATION (object), result, &error))
    return;

  /* Translators: %s is the reason */
  text = g_strdup_printf (_("The submitted scorecard could not be written to the panel folder: %s"),
                          error->message);
  show_error (self, text);
}

/* The scorecard just submitted goes to the panel folder: everything is
 * queued on the store by now, and publishing waits for it. */
static void
on_submitted (PnlWindow  *self,
              PnlSession *session)
{
  PnlApplication *app = get_app (self);

  if (app == NULL || pnl_application_get_panel_folder (app) == NULL)
    return;

  pnl_application_publish_async (app, pnl_session_get_interview (session), NULL,
                                 on_published, g_object_ref (self));
}

static void
on_panel_folder_problem (PnlWindow      *self,
                         const GError   *error,
                         PnlPanelFolder *folder)
{
  g_autofree char *text = NULL;

  /* The messages name files and the folder, never a candidate. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    text = g_strdup (error->message);
  else if (g_error_matches (error, PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT))
    /* Translators: %s names the file and says that the copy here was kept */
    text = g_strdup_printf (_("Conflict in the panel folder: %s"), error->message);
  else
    /* Translators: %s names the file and says what is wrong with it */
    text = g_strdup_printf (_("A file in the panel folder was not imported: %s"), error->message);

  show_toast (self, text);
}

static void
on_panel_folder_imported (PnlWindow      *self,
                          PnlImporter    *importer,
                          PnlPanelFolder *folder)
{
  guint n = pnl_importer_get_n_added (importer) + pnl_importer_get_n_updated (importer);
  g_autofree char *text = NULL;

  if (n == 0)
    return;

  text = g_strdup_printf (ngettext ("%u scorecard received from the panel folder",
                                    "%u scorecards received from the panel folder", n),
                          n);
  show_toast (self, text);
}

static void
watch_panel_folder (PnlWindow *self)
{
  PnlApplication *app = get_app (self);
  PnlPanelFolder *folder = app ? pnl_application_get_panel_folder (app) : NULL;

  if (self->panel_folder == folder)
    return;

  if (self->panel_folder != NULL)
    g_signal_handlers_disconnect_by_data (self->panel_folder, self);
  g_set_object (&self->panel_folder, folder);

  if (folder == NULL)
    return;

  g_signal_connect_object (folder, "problem", G_CALLBACK (on_panel_folder_problem), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (folder, "imported", G_CALLBACK (on_panel_folder_imported), self,
                           G_CONNECT_SWAPPED);
}

static void
on_panel_folder_changed (PnlWindow      *self,
                         GParamSpec     *pspec,
                         PnlApplication *app)
{
  watch_panel_folder (self);
}

static void close_candidate (PnlWindow *self);

/* The candidate page open shows what just arrived too, or goes back to
 * the role when the candidate is gone from it (forgotten, say). */
static void
refresh_candidate (PnlWindow *self)
{
  PnlCandidateReview *shown = pnl_candidate_page_get_review (self->candidate_page);
  PnlComparison *comparison = pnl_candidate_review_get_comparison (shown);
  guint candidate = pnl_candidate_review_get_candidate (shown);
  g_autofree char *name = g_strdup (pnl_comparison_get_candidate_name (comparison, candidate));
  g_autofree char *reference = g_strdup (pnl_comparison_get_candidate_reference (comparison, candidate));
  g_autoptr(PnlCandidateReview) review = NULL;
  g_autoptr(GError) error = NULL;

  pnl_compare_view_reload (self->compare_view);
  review = pnl_compare_view_review_candidate (self->compare_view, name, reference, &error);
  if (review != NULL)
    {
      pnl_candidate_page_set_review (self->candidate_page, review);
      return;
    }

  close_candidate (self);
  show_toast (self, error->message);
}

static void
on_scorecards_changed (PnlWindow      *self,
                       PnlApplication *app)
{
  pnl_start_page_reload (self->start_page);

  if (self->candidate_page != NULL && self->compare_view != NULL)
    refresh_candidate (self);
  /* Hidden, it reloads when it is shown again: after an interview
   * opened from the Compare tab is closed, say. */
  else if (self->compare_view != NULL)
    pnl_compare_view_queue_reload (self->compare_view);
}

/* Independent scoring: what the local interviewer may see changes the
 * moment their interview starts, is submitted or reopened.  Every view
 * learns of it as of scorecards that arrive, from what the database
 * holds: the state is written first. */
static void
tell_views (PnlWindow *self,
            PnlStore  *store)
{
  PnlApplication *app = get_app (self);
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    return;

  if (store != NULL && !pnl_store_flush (store, &error))
    g_debug ("Views read the database before the last saves: %s", error->message);

  pnl_application_emit_scorecards_changed (app);
}

static void
on_locked_changed (PnlWindow  *self,
                   GParamSpec *pspec,
                   PnlSession *session)
{
  tell_views (self, pnl_session_get_store (session));
}

static void
on_panel_folder_chosen (PnlWindow            *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *text = NULL;

      pnl_application_choose_panel_folder (get_app (self), file);

      /* Translators: %s is the folder */
      text = g_strdup_printf (_("Submitted scorecards are now shared in “%s”"), name);
      show_toast (self, text);
    }

  g_object_unref (chooser);
}

static void
choose_panel_folder (PnlWindow *self)
{
  PnlPanelFolder *folder = pnl_application_get_panel_folder (get_app (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Panel Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Choose"), _("_Cancel"));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser),
                                         pnl_panel_folder_get_folder (folder), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_panel_folder_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_panel_folder_response (PnlWindow        *self,
                          const char       *response,
                          AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "stop"))
    {
      pnl_application_choose_panel_folder (get_app (self), NULL);
      show_toast (self, _("Scorecards are no longer shared through a panel folder"));
    }
  else if (g_str_equal (response, "choose"))
    {
      choose_panel_folder (self);
    }
}

static char *
describe_panel_folder (PnlPanelFolder *folder)
{
  g_autofree char *name = g_file_get_parse_name (pnl_panel_folder_get_folder (folder));
  guint n_pending = pnl_panel_folder_get_n_pending (folder);
  GString *body = g_string_new (NULL);

  /* Translators: %s is the folder */
  g_string_append_printf (body, _("Your submitted scorecards are written to “%s”, and the "
                                  "scorecards other interviewers write there are imported. A "
                                  "sync tool such as a network share, Nextcloud or Syncthing "
                                  "keeps the folder in step between the panel’s machines."),
                          name);
  g_string_append (body, "\n\n");

  if (pnl_panel_folder_get_online (folder))
    g_string_append (body, _("The folder can be reached now."));
  else
    g_string_append (body, _("The folder cannot be reached now; Panelist keeps looking for it."));
  g_string_append_c (body, ' ');

  if (n_pending == 0)
    g_string_append (body, _("No scorecard waits to be written."));
  else
    g_string_append_printf (body, ngettext ("%u scorecard waits to be written.",
                                            "%u scorecards wait to be written.", n_pending),
                            n_pending);

  return g_string_free (body, FALSE);
}

static void
panel_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PnlWindow *self = PNL_WINDOW (widget);
  PnlPanelFolder *folder = pnl_application_get_panel_folder (get_app (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (folder == NULL)
    {
      choose_panel_folder (self);
      return;
    }

  body = describe_panel_folder (folder);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Panel Folder"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "stop", _("_Stop Sharing"),
                                    "choose", _("C_hoose Another…"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_panel_folder_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
pnl_window_open_interview (PnlWindow    *self,
                           PnlInterview *interview,
                           const char   *question_id)
{
  PnlApplication *app = get_app (self);
  g_autoptr(PnlSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PnlAnswer *answer = NULL;

  g_return_val_if_fail (PNL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);

  /* Independent scoring: another interviewer's scorecard of a candidate
   * the local interviewer is still interviewing stays closed, as it
   * stays out of every export. */
  {
    g_autofree char *me = g_settings_get_string (pnl_application_get_settings (app),
                                                 "interviewer-name");

    if (!pnl_visibility_check_interview (pnl_application_get_store (app), interview, me, &error))
      {
        show_error (self, error->message);
        return FALSE;
      }
  }

  pnl_window_close_interview (self);
  close_candidate (self);

  if (!(session = pnl_session_new (pnl_application_get_store (app), interview, &error)))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (question_id != NULL && question_id[0] != '\0')
    answer = pnl_session_find_answer (session, question_id);
  if (answer != NULL)
    pnl_session_set_current (session, answer);

  g_signal_connect_object (session, "submitted", G_CALLBACK (on_submitted), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::locked", G_CALLBACK (on_locked_changed), self,
                           G_CONNECT_SWAPPED);

  self->session_view = pnl_session_view_new (session, pnl_application_get_settings (app));
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->session_view), "session");
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->session_view));
  /* The interviewer starts typing as the candidate starts answering: the
   * cursor waits in the notes, never on a header button that a space
   * would press. */
  gtk_widget_activate_action (GTK_WIDGET (self->session_view), "session.focus-notes", NULL);

  /* Translators: the window title: candidate and round */
  title = g_strdup_printf (_("%s – %s"), pnl_interview_get_candidate_name (interview),
                           pnl_interview_get_round (interview));
  gtk_window_set_title (GTK_WINDOW (self), title);

  g_settings_set_string (pnl_application_get_settings (app), "last-interview",
                         pnl_interview_get_uuid (interview));

  pnl_window_actions_update (self);

  return TRUE;
}

void
pnl_window_close_interview (PnlWindow *self)
{
  GtkWidget *view;

  g_return_if_fail (PNL_IS_WINDOW (self));

  if (self->session_view == NULL)
    return;

  view = GTK_WIDGET (g_steal_pointer (&self->session_view));
  pnl_session_save_now (pnl_session_view_get_session (PNL_SESSION_VIEW (view)));

  /* The start page reloads, and the Compare tab as it comes back on
   * screen. */
  tell_views (self, NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "start");
  gtk_stack_remove (self->main_stack, view);
  gtk_window_set_title (GTK_WINDOW (self), _("Panelist"));

  pnl_window_actions_update (self);
}

static void on_show_candidate (PnlWindow          *self,
                               PnlCandidateReview *review,
                               PnlCompareView     *view);

/**
 * pnl_window_get_compare_view:
 *
 * The Compare tab's view, built now if it was not yet.
 *
 * Returns: (transfer none): the compare view
 */
PnlCompareView *
pnl_window_get_compare_view (PnlWindow *self)
{
  PnlApplication *app;
  PnlStore *store;

  g_return_val_if_fail (PNL_IS_WINDOW (self), NULL);

  if (self->compare_view != NULL)
    return self->compare_view;

  self->compare_view = g_object_new (PNL_TYPE_COMPARE_VIEW, NULL);
  g_signal_connect_object (self->compare_view, "show-candidate",
                           G_CALLBACK (on_show_candidate), self, G_CONNECT_SWAPPED);

  app = get_app (self);
  if (app != NULL && (store = pnl_application_get_store (app)) != NULL)
    {
      g_settings_bind (pnl_application_get_settings (app), "interviewer-name",
                       self->compare_view, "local-interviewer", G_SETTINGS_BIND_GET);
      pnl_compare_view_set_store (self->compare_view, store);
    }

  adw_bin_set_child (self->compare_bin, GTK_WIDGET (self->compare_view));

  return self->compare_view;
}

PnlCandidatePage *
pnl_window_get_candidate_page (PnlWindow *self)
{
  g_return_val_if_fail (PNL_IS_WINDOW (self), NULL);

  return self->candidate_page;
}

static void
close_candidate (PnlWindow *self)
{
  GtkWidget *page;

  if (self->candidate_page == NULL)
    return;

  page = GTK_WIDGET (g_steal_pointer (&self->candidate_page));
  gtk_stack_set_transition_type (self->main_stack, GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  gtk_stack_set_transition_type (self->main_stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_remove (self->main_stack, page);
  gtk_widget_grab_focus (GTK_WIDGET (pnl_window_get_compare_view (self)));
}

static void
on_candidate_back (PnlWindow        *self,
                   PnlCandidatePage *page)
{
  close_candidate (self);
}

static void
on_show_candidate (PnlWindow          *self,
                   PnlCandidateReview *review,
                   PnlCompareView     *view)
{
  close_candidate (self);

  self->candidate_page = pnl_candidate_page_new (pnl_application_get_store (get_app (self)), review);
  g_signal_connect_object (self->candidate_page, "back", G_CALLBACK (on_candidate_back), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->candidate_page), "candidate");
  gtk_stack_set_transition_type (self->main_stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT);
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->candidate_page));
  gtk_stack_set_transition_type (self->main_stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_widget_grab_focus (GTK_WIDGET (self->candidate_page));
}

static void
on_view_changed (PnlWindow    *self,
                 GParamSpec   *pspec,
                 AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);
  PnlApplication *app = get_app (self);

  /* Scorecards arrive and get submitted while the view is away. */
  if (g_strcmp0 (name, "compare") == 0)
    pnl_compare_view_reload (pnl_window_get_compare_view (self));

  if (app != NULL && name != NULL)
    g_settings_set_string (pnl_application_get_settings (app), "last-view", name);
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PnlWindow *self = PNL_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  /* Built the first time, not with the window: it costs a start-up
   * about 20 ms. */
  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/panelist/Panelist/ui/pnl-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (GTK_WINDOW (overlay), GTK_WINDOW (self));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PnlWindow *self = PNL_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  pnl_window_close_interview (self);
  close_candidate (self);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

PnlSessionView *
pnl_window_get_session_view (PnlWindow *self)
{
  g_return_val_if_fail (PNL_IS_WINDOW (self), NULL);

  return self->session_view;
}

static void
on_created (PnlWindow             *self,
            PnlInterview          *interview,
            PnlNewInterviewDialog *dialog)
{
  /* In the database already: pnl_store_create_interview() waits. */
  if (pnl_window_open_interview (self, interview, NULL))
    tell_views (self, NULL);
}

static void
new_interview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PnlWindow *self = PNL_WINDOW (widget);
  PnlApplication *app = get_app (self);
  PnlNewInterviewDialog *dialog;

  dialog = pnl_new_interview_dialog_new (GTK_WINDOW (self),
                                         pnl_application_get_store (app),
                                         pnl_application_get_bank_library (app),
                                         pnl_application_get_settings (app));
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_interview_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PnlWindow *self = PNL_WINDOW (widget);

  pnl_window_close_interview (self);
  g_settings_set_string (pnl_application_get_settings (get_app (self)), "last-interview", "");
}

static void
on_import_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PnlImporter *importer = PNL_IMPORTER (object);
  g_autoptr(PnlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GPtrArray *problems;
  GtkWidget *dialog;
  const char *heading;

  if (!pnl_importer_import_files_finish (importer, result, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* Translators: what an import did, in counts of scorecards */
  g_string_append_printf (body, _("Added %u, updated %u, unchanged %u, refused %u."),
                          pnl_importer_get_n_added (importer),
                          pnl_importer_get_n_updated (importer),
                          pnl_importer_get_n_unchanged (importer),
                          pnl_importer_get_n_failed (importer));

  problems = pnl_importer_get_errors (importer);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (body, "\n\n%s", ((GError *)g_ptr_array_index (problems, i))->message);

  problems = pnl_importer_get_conflicts (importer);
  if (problems->len > 0)
    g_string_append_printf (body, "\n\n%s",
                            ngettext ("One scorecard differs from the copy here at the same revision; the copy here was kept.",
                                      "Some scorecards differ from the copies here at the same revision; the copies here were kept.",
                                      problems->len));
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (body, "\n%s", ((GError *)g_ptr_array_index (problems, i))->message);

  if (pnl_importer_get_n_failed (importer) > 0 || pnl_importer_get_n_conflicts (importer) > 0)
    heading = _("Some Scorecards Were Not Imported");
  else
    heading = _("Scorecards Imported");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  /* The start page, and any view of the others' scorecards, reload. */
  if (pnl_importer_get_n_added (importer) + pnl_importer_get_n_updated (importer) > 0 &&
      get_app (self) != NULL)
    pnl_application_emit_scorecards_changed (get_app (self));
}

void
pnl_window_import_files (PnlWindow  *self,
                         GListModel *files)
{
  g_autoptr(PnlImporter) importer = NULL;
  PnlStore *store;

  g_return_if_fail (PNL_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (!(store = pnl_application_get_store (get_app (self))))
    return;

  /* Parsing runs on a thread; the window stays responsive. */
  importer = pnl_importer_new (store);
  pnl_importer_import_files_async (importer, files, NULL, on_import_done, g_object_ref (self));
}

static void
on_import_response (PnlWindow            *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      pnl_window_import_files (self, files);
    }

  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnlWindow *self = PNL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Scorecards"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Panelist scorecards"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open (PnlWindow    *self,
         PnlInterview *interview,
         PnlStartPage *page)
{
  pnl_window_open_interview (self, interview, NULL);
}

static gboolean
pnl_window_close_request (GtkWindow *window)
{
  PnlWindow *self = PNL_WINDOW (window);
  GSettings *settings = pnl_application_get_settings (get_app (self));
  g_autoptr(GSettings) batch = NULL;
  g_autofree char *schema_id = NULL;
  int width, height;

  /* Saved at once; the application waits for the writer when it quits.
   * When saves fail, the person is asked first: closing would lose them. */
  if (self->session_view != NULL)
    pnl_session_save_now (pnl_session_view_get_session (self->session_view));

  if (!pnl_application_confirm_quit (get_app (self), window))
    return TRUE;

  /* One change of four keys: one write (and fsync) with the keyfile
   * backend, where each key on its own would be one.  On an object of
   * its own: delay-apply mode cannot be left. */
  g_object_get (settings, "schema-id", &schema_id, NULL);
  batch = g_settings_new (schema_id);
  g_settings_delay (batch);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (batch, "window-width", width);
  g_settings_set_int (batch, "window-height", height);
  g_settings_set_boolean (batch, "window-maximized", gtk_window_is_maximized (window));
  if (self->session_view != NULL)
    pnl_session_view_save_state (self->session_view, batch);
  g_settings_apply (batch);

  return GTK_WINDOW_CLASS (pnl_window_parent_class)->close_request (window);
}

/* The database was damaged: say what was done with it, once the window
 * is up to hold the dialog. */
static void
pnl_window_map (GtkWidget *widget)
{
  PnlWindow *self = PNL_WINDOW (widget);
  g_autofree char *kept = g_steal_pointer (&self->set_aside_path);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  GtkWidget *dialog;

  GTK_WIDGET_CLASS (pnl_window_parent_class)->map (widget);

  if (kept == NULL)
    return;

  name = g_path_get_basename (kept);
  folder = g_path_get_dirname (kept);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Database Could Not Be Read"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: the first %s is a file name, the second its folder */
                                  _("It is damaged, or it is not a Panelist database. "
                                    "It was kept as it was, as “%s” in “%s”, "
                                    "and a new database was started. Nothing was deleted."),
                                  name, folder);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pnl_window_dispose (GObject *object)
{
  PnlWindow *self = (PnlWindow *)object;

  if (self->panel_folder != NULL)
    g_signal_handlers_disconnect_by_data (self->panel_folder, self);
  g_clear_object (&self->panel_folder);
  g_clear_pointer (&self->set_aside_path, g_free);
  /* Not a reference: the page's bin holds it, and drops it with the rest. */
  self->compare_view = NULL;

  G_OBJECT_CLASS (pnl_window_parent_class)->dispose (object);
}

static void
pnl_window_class_init (PnlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pnl_window_dispose;

  widget_class->map = pnl_window_map;

  window_class->close_request = pnl_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PnlWindow, compare_bin);
  gtk_widget_class_bind_template_child (widget_class, PnlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PnlWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PnlWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, PnlWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_open);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "win.new-interview", NULL, new_interview_action);
  gtk_widget_class_install_action (widget_class, "win.close-interview", NULL, close_interview_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_install_action (widget_class, "win.panel-folder", NULL, panel_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-interview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close-interview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);

  g_type_ensure (PNL_TYPE_START_PAGE);
}

static void
pnl_window_init (PnlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
restore (PnlWindow *self)
{
  PnlApplication *app = get_app (self);
  GSettings *settings = pnl_application_get_settings (app);
  PnlStore *store = pnl_application_get_store (app);
  g_autofree char *uuid = g_settings_get_string (settings, "last-interview");
  g_autofree char *question = g_settings_get_string (settings, "last-question");
  g_autoptr(PnlInterview) interview = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_menu_button_set_menu_model (self->menu_button,
                                  G_MENU_MODEL (gtk_application_get_menu_by_id (GTK_APPLICATION (app), "primary_menu")));

  if (store == NULL)
    {
      const GError *error = pnl_application_get_store_error (app);

      show_error (self, error->message);
      return;
    }

  self->set_aside_path = g_strdup (pnl_application_get_set_aside_path (app));

  pnl_start_page_set_store (self->start_page, store);

  {
    g_autofree char *view = g_settings_get_string (settings, "last-view");

    adw_view_stack_set_visible_child_name (self->view_stack, view);
  }

  /* Back where the interviewer was, if that interview is still there. */
  if (g_settings_get_boolean (settings, "restore-last-interview") &&
      uuid[0] != '\0' && (interview = pnl_store_find_interview (store, uuid, NULL)))
    pnl_window_open_interview (self, interview, question);
}

PnlWindow *
pnl_window_new (PnlApplication *application)
{
  PnlWindow *self;

  g_return_val_if_fail (PNL_IS_APPLICATION (application), NULL);

  self = g_object_new (PNL_TYPE_WINDOW,
                       "application", application,
                       NULL);
  restore (self);
  pnl_window_actions_update (self);

  g_signal_connect_object (application, "notify::panel-folder",
                           G_CALLBACK (on_panel_folder_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "scorecards-changed",
                           G_CALLBACK (on_scorecards_changed), self, G_CONNECT_SWAPPED);
  watch_panel_folder (self);

  return self;
}
