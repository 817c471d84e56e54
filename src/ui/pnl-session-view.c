/* pnl-session-view.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-session-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-answer.h"
#include "pnl-export.h"
#include "pnl-export-dialog.h"
#include "pnl-interview.h"
#include "pnl-navigator.h"
#include "pnl-question.h"
#include "pnl-question-page.h"
#include "pnl-scale.h"
#include "pnl-scorecard.h"
#include "pnl-session.h"
#include "pnl-session-area.h"
#include "pnl-session-view.h"
#include "pnl-toast.h"
#include "pnl-store.h"
#include "pnl-summary-page.h"

struct _PnlSessionView
{
  GtkWidget           parent_instance;

  /* Owned references */
  PnlSession         *session;
  GSettings          *settings;
  PnlAnswer          *before_summary;
  GtkEventController *shortcuts;
  /* The question to reopen at: written to the settings when the view
   * goes, not at every move.  With the keyfile backend (a Flatpak's)
   * each write is a file replaced, with an fsync, on the main thread. */
  char               *last_question;
  gboolean            last_question_saved;
  int                 drag_start_width;
  double              drag_start_x;
  /* The custom question removed last, while its toast offers Undo. */
  PnlAnswer          *removed_answer;
  AdwToast           *removed_toast;

  /* Template children */
  AdwWindowTitle     *window_title;
  GtkToggleButton    *sidebar_button;
  GtkMenuButton      *menu_button;
  GtkToggleButton    *summary_button;
  GtkMenuButton      *clock_button;
  GtkImage           *clock_paused_image;
  GtkLabel           *clock_label;
  GtkLabel           *elapsed_label;
  GtkLabel           *pacing_label;
  GtkButton          *pause_button;
  GtkRevealer        *save_revealer;
  GtkLabel           *save_label;
  GtkWidget          *foreign_banner;
  GtkLabel           *foreign_label;
  AdwFlap            *flap;
  GtkWidget          *sidebar_box;
  AdwClamp           *sidebar_clamp;
  PnlNavigator       *navigator;
  GtkStack           *content_stack;
  PnlQuestionPage    *question_page;
  PnlSummaryPage     *summary_page;
};

G_DEFINE_FINAL_TYPE (PnlSessionView, pnl_session_view, GTK_TYPE_WIDGET)

/* Every shortcut of the view.  They are captured before the focused
 * widget sees them, so they work from the notes and type nothing there. */
static const struct {
  const char *trigger;
  const char *action;
  const char *target;
} shortcuts[] = {
  { "<Alt>Down", "session.next", NULL },
  { "<Control>Page_Down", "session.next", NULL },
  { "<Alt>Up", "session.previous", NULL },
  { "<Control>Page_Up", "session.previous", NULL },
  { "<Alt>1", "session.score", "1" },
  { "<Alt>2", "session.score", "2" },
  { "<Alt>3", "session.score", "3" },
  { "<Alt>4", "session.score", "4" },
  { "<Alt>5", "session.score", "5" },
  { "<Alt>6", "session.score", "6" },
  { "<Alt>7", "session.score", "7" },
  { "<Alt>8", "session.score", "8" },
  { "<Alt>9", "session.score", "9" },
  { "<Alt>0", "session.clear-score", NULL },
  { "<Alt>u", "session.flag", "'follow-up'" },
  { "<Alt>r", "session.flag", "'red-flag'" },
  { "<Alt>h", "session.flag", "'highlight'" },
  { "<Alt>k", "session.toggle-asked", NULL },
  { "<Alt>n", "session.focus-notes", NULL },
  { "<Control>f", "session.search", NULL },
  { "F9", "session.toggle-sidebar", NULL },
  { "<Alt>s", "session.show-summary", NULL },
  { "<Alt>p", "session.pause", NULL },
  { "<Alt>e", "session.focus-recommendation", NULL },
  { "<Control>Return", "session.submit-shortcut", NULL },
  { "<Alt>a", "session.add-question", NULL },
  { "F2", "session.rename-question", NULL },
  { "<Control>e", "session.export", NULL },
  { "<Control><Shift>c", "session.copy-markdown", NULL },
};

static char *
format_duration (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, (seconds / 60) % 60, seconds % 60);

  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static void
pnl_session_view_actions_update (PnlSessionView *self)
{
  PnlAnswer *current = pnl_session_get_current (self->session);
  PnlInterview *interview = pnl_session_get_interview (self->session);
  gboolean locked = pnl_session_get_locked (self->session);
  gboolean editable = current != NULL && !locked;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.score", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.clear-score", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.flag", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.toggle-asked", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-question", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.rename-question",
                                 editable && pnl_answer_get_custom (current));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.remove-question",
                                 editable && pnl_answer_get_custom (current));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.undo-remove-question",
                                 !locked && self->removed_answer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.pause", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.submit",
                                 !locked && pnl_interview_get_recommendation (interview) != PNL_RECOMMENDATION_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.submit-shortcut", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.focus-recommendation", !locked);
  /* Another interviewer's scorecard is never theirs to reopen here. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.reopen",
                                 locked && !pnl_session_get_foreign (self->session));
}

/* Whose scorecard it is, when it is not this installation's. */
static void
update_foreign (PnlSessionView *self)
{
  PnlInterview *interview = pnl_session_get_interview (self->session);
  const char *interviewer = pnl_interview_get_interviewer (interview);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->foreign_banner, pnl_session_get_foreign (self->session));
  if (!pnl_session_get_foreign (self->session))
    return;

  if (interviewer[0] != '\0')
    /* Translators: the banner over another interviewer's scorecard; %s is
     * their name.  Say it as your language says whose a thing is. */
    text = g_strdup_printf (_("%s’s scorecard: read only"), interviewer);
  else
    text = g_strdup (_("Another interviewer’s scorecard: read only"));
  gtk_label_set_text (self->foreign_label, text);
}

static void
update_clock (PnlSessionView *self)
{
  g_autofree char *elapsed = format_duration (pnl_session_get_elapsed (self->session));
  g_autofree char *elapsed_text = NULL;
  g_autofree char *pacing = NULL;
  g_autofree char *clock_name = NULL;
  guint suggested, used;
  gboolean behind, paused;

  pnl_session_get_pacing (self->session, &suggested, &used);
  behind = used > suggested + 60;

  gtk_label_set_text (self->clock_label, elapsed);
  if (behind)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "warning");

  /* Translators: the total time of the interview so far */
  elapsed_text = g_strdup_printf (_("%s elapsed"), elapsed);
  gtk_label_set_text (self->elapsed_label, elapsed_text);

  if (suggested == 0 && used == 0)
    pacing = g_strdup (_("Pacing starts with the first question."));
  else if (behind)
    pacing = g_strdup_printf (ngettext ("%u minute behind: the questions asked suggest %u, they took %u.",
                                        "%u minutes behind: the questions asked suggest %u, they took %u.",
                                        (used - suggested) / 60),
                              (used - suggested) / 60, suggested / 60, used / 60);
  else
    pacing = g_strdup_printf (_("On pace: the questions asked suggest %u min, they took %u."),
                              suggested / 60, used / 60);
  gtk_label_set_text (self->pacing_label, pacing);

  gtk_button_set_label (self->pause_button,
                        pnl_session_get_paused (self->session) ? _("_Resume Clock") : _("_Pause Clock"));

  /* Paused is seen at a glance, and heard: the pause symbol stands in
   * for the time (no wider, so the header still fits 360 px; the time
   * is in the tooltip and the popover), and the button says so. */
  paused = pnl_session_get_paused (self->session) && !pnl_session_get_locked (self->session);
  gtk_widget_set_visible (GTK_WIDGET (self->clock_paused_image), paused);
  gtk_widget_set_visible (GTK_WIDGET (self->clock_label), !paused);
  if (paused)
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the clock's tooltip while it is paused; %s is the time */
      tooltip = g_strdup_printf (_("Clock paused at %s: Alt+P resumes it"), elapsed);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->clock_button), tooltip);
      /* Translators: what a screen reader says of the paused clock; %s is the time */
      clock_name = g_strdup_printf (_("Clock, paused at %s"), elapsed);
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->clock_button), _("Clock and Pacing"));
      /* Translators: what a screen reader says of the clock; %s is the time */
      clock_name = g_strdup_printf (_("Clock, %s"), elapsed);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clock_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, clock_name, -1);
}

static void
on_current_changed (PnlSessionView *self)
{
  PnlAnswer *current = pnl_session_get_current (self->session);

  if (current != NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "question");
      gtk_toggle_button_set_active (self->summary_button, FALSE);
      g_free (self->last_question);
      self->last_question = g_strdup (pnl_question_get_id (pnl_answer_get_question (current)));
      self->last_question_saved = FALSE;
    }

  pnl_session_view_actions_update (self);
}

static void
on_save_failed (PnlSessionView *self,
                const GError   *error)
{
  g_autofree char *text = NULL;

  /* Translators: %s is the reason, as the system gives it */
  text = g_strdup_printf (_("Changes could not be saved: %s. They are kept, and saving is tried again."),
                          error->message);
  gtk_label_set_text (self->save_label, text);
  gtk_revealer_set_reveal_child (self->save_revealer, TRUE);
}

static void
on_save_recovered (PnlSessionView *self)
{
  gtk_revealer_set_reveal_child (self->save_revealer, FALSE);
}

static void
on_question_activated (PnlSessionView *self)
{
  /* When narrow, the list gives way to the question once one is chosen. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  /* The question chosen is the one being asked: what comes next is notes. */
  pnl_question_page_focus_notes (self->question_page);
}

static void
show_summary (PnlSessionView *self,
              gboolean        shown)
{
  if (shown == pnl_session_view_get_summary_shown (self))
    return;

  if (shown)
    {
      /* No question is being asked while the summary is open. */
      g_set_object (&self->before_summary, pnl_session_get_current (self->session));
      pnl_session_set_current (self->session, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "summary");
    }
  else
    {
      PnlAnswer *back = self->before_summary;

      if (back == NULL)
        back = pnl_navigator_get_adjacent (self->navigator, NULL, 1);

      gtk_stack_set_visible_child_name (self->content_stack, "question");
      if (back != NULL)
        pnl_session_set_current (self->session, back);
      g_clear_object (&self->before_summary);
    }

  gtk_toggle_button_set_active (self->summary_button, shown);
  pnl_session_view_actions_update (self);
}

static void
on_summary_toggled (PnlSessionView  *self,
                    GtkToggleButton *button)
{
  show_summary (self, gtk_toggle_button_get_active (button));
}

/* Actions -------------------------------------------------------------- */

static void
move (PnlSessionView *self,
      int             delta)
{
  PnlAnswer *from = pnl_session_get_current (self->session);
  PnlAnswer *to;

  if (from == NULL)
    from = self->before_summary;

  to = pnl_navigator_get_adjacent (self->navigator, from, delta);
  if (to == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  g_clear_object (&self->before_summary);
  pnl_session_set_current (self->session, to);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  move (PNL_SESSION_VIEW (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  move (PNL_SESSION_VIEW (widget), -1);
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  PnlScale *scale = pnl_interview_get_scale (pnl_session_get_interview (self->session));
  int n = g_variant_get_int32 (param);

  /* Alt+N picks the Nth level of the scale, whatever its values. */
  if (n < 1 || (guint)n > pnl_scale_get_n_levels (scale))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  pnl_session_set_score (self->session, pnl_scale_get_value (scale, n - 1));
}

static void
clear_score_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  pnl_session_set_score (PNL_SESSION_VIEW (widget)->session, 0);
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  const char *name = g_variant_get_string (param, NULL);
  PnlAnswerFlags flag;

  if (g_str_equal (name, "follow-up"))
    flag = PNL_ANSWER_FLAGS_FOLLOW_UP;
  else if (g_str_equal (name, "red-flag"))
    flag = PNL_ANSWER_FLAGS_RED_FLAG;
  else if (g_str_equal (name, "highlight"))
    flag = PNL_ANSWER_FLAGS_HIGHLIGHT;
  else
    return;

  pnl_session_toggle_flag (self->session, flag);
}

/* Alt+K: asked, or not, when there is nothing else to record. */
static void
toggle_asked_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  PnlAnswer *current = pnl_session_get_current (self->session);

  if (current != NULL)
    pnl_session_set_asked (self->session, !pnl_answer_get_asked (current));
}

static void
focus_notes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);

  if (pnl_session_view_get_summary_shown (self))
    show_summary (self, FALSE);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  pnl_question_page_focus_notes (self->question_page);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  pnl_navigator_focus_search (self->navigator);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);

  show_summary (self, !pnl_session_view_get_summary_shown (self));
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);

  pnl_session_set_paused (self->session, !pnl_session_get_paused (self->session));
}

static void show_toast (PnlSessionView *self,
                        const char     *title);

static void
forget_removed (PnlSessionView *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->removed_toast);

  g_clear_object (&self->removed_answer);

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }

  if (self->session != NULL)
    pnl_session_view_actions_update (self);
}

static void
on_add_question_response (AdwMessageDialog *dialog,
                          const char       *response,
                          PnlSessionView   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *area_id = g_object_get_data (G_OBJECT (dialog), "area-id");
  g_autofree char *prompt = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || prompt[0] == '\0')
    return;

  /* A new question may take a removed one's place: no undo after it. */
  forget_removed (self);

  if (!pnl_session_add_question (self->session, area_id, prompt, &error))
    {
      on_save_failed (self, error);
      return;
    }

  show_summary (self, FALSE);
  pnl_question_page_focus_notes (self->question_page);
}

static void
on_add_question_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", text[0] != '\0');
}

static void
on_add_question_activate (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  /* Enter adds the question once, as the Add button does, and closes the
   * dialog, so that what is typed next goes into the notes. */
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    {
      adw_message_dialog_response (dialog, "add");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
add_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  PnlAnswer *current = pnl_session_get_current (self->session);
  g_autoptr(PnlSessionArea) first_area = NULL;
  const char *area_title;
  const char *area_id;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (current == NULL)
    current = self->before_summary;

  if (current != NULL)
    {
      area_id = pnl_question_get_area_id (pnl_answer_get_question (current));
      area_title = pnl_answer_get_area_title (current);
    }
  else
    {
      first_area = g_list_model_get_item (pnl_session_get_areas (self->session), 0);
      if (first_area == NULL)
        return;
      area_id = pnl_session_area_get_id (first_area);
      area_title = pnl_session_area_get_title (first_area);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Add a Question"), NULL);
  /* Translators: %s is a skill area, e.g. "Databases" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Your own question, asked now, in “%s”."), area_title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("The question, as you ask it"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_add_question_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_add_question_activate), dialog);

  g_object_set_data_full (G_OBJECT (dialog), "area-id", g_strdup (area_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_question_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_rename_question_response (AdwMessageDialog *dialog,
                             const char       *response,
                             PnlSessionView   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  PnlAnswer *answer = g_object_get_data (G_OBJECT (dialog), "answer");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename"))
    return;

  if (!pnl_session_rename_question (self->session, answer, gtk_editable_get_text (entry), &error))
    {
      show_toast (self, error->message);
      return;
    }

  pnl_question_page_focus_notes (self->question_page);
}

static void
on_rename_question_changed (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", text[0] != '\0');
}

static void
on_rename_question_activate (GtkEntry         *entry,
                             AdwMessageDialog *dialog)
{
  /* Enter renames once, as the Rename button does, and closes. */
  if (adw_message_dialog_get_response_enabled (dialog, "rename"))
    {
      adw_message_dialog_response (dialog, "rename");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
rename_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  PnlAnswer *current = pnl_session_get_current (self->session);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (current == NULL || !pnl_answer_get_custom (current) || pnl_session_get_locked (self->session))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Rename Question"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Your own question, as you asked it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), pnl_question_get_prompt (pnl_answer_get_question (current)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Question"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_question_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_rename_question_activate), dialog);

  g_object_set_data_full (G_OBJECT (dialog), "answer", g_object_ref (current), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_question_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_removed_toast_dismissed (PnlSessionView *self,
                            AdwToast       *toast)
{
  if (self->removed_toast != toast)
    return;

  /* The removal was saved at once: only the chance to undo it goes. */
  g_clear_object (&self->removed_toast);
  g_clear_object (&self->removed_answer);
  pnl_session_view_actions_update (self);
}

static void
on_removed_toast_undo (PnlSessionView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "session.undo-remove-question", NULL);
}

static void
remove_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  PnlAnswer *current = pnl_session_get_current (self->session);
  g_autoptr(PnlAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  if (current == NULL)
    return;

  answer = g_object_ref (current);

  if (!pnl_session_remove_question (self->session, answer, &error))
    {
      show_toast (self, error->message);
      return;
    }

  forget_removed (self);
  self->removed_answer = g_steal_pointer (&answer);

  toast = adw_toast_new (_("Question removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  self->removed_toast = g_object_ref (toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_removed_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  /* The overlay is outside the view: its button cannot reach the
   * view's actions by name. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_removed_toast_undo), self,
                           G_CONNECT_SWAPPED);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);

  pnl_session_view_actions_update (self);

  if (pnl_session_get_current (self->session) != NULL)
    pnl_question_page_focus_notes (self->question_page);
}

static void
undo_remove_question_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  g_autoptr(PnlAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (self->removed_answer == NULL)
    return;

  answer = g_object_ref (self->removed_answer);
  forget_removed (self);

  if (!pnl_session_restore_question (self->session, answer, &error))
    {
      show_toast (self, error->message);
      return;
    }

  show_summary (self, FALSE);
  pnl_question_page_focus_notes (self->question_page);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);

  pnl_session_submit (self->session);
}

/* Ctrl+Enter submits from the summary, where the recommendation and
 * the Submit button are in sight; anywhere else it only opens the
 * summary, so that a stray Ctrl+Enter in the notes locks nothing. */
static void
submit_shortcut_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);

  if (!pnl_session_view_get_summary_shown (self))
    {
      show_summary (self, TRUE);
      pnl_summary_page_focus_recommendation (self->summary_page);
      return;
    }

  if (pnl_interview_get_recommendation (pnl_session_get_interview (self->session)) ==
      PNL_RECOMMENDATION_NONE)
    {
      gtk_widget_error_bell (widget);
      pnl_summary_page_focus_recommendation (self->summary_page);
      return;
    }

  pnl_session_submit (self->session);
}

/* Alt+E: the recommendation, from anywhere in the interview. */
static void
focus_recommendation_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);

  show_summary (self, TRUE);
  pnl_summary_page_focus_recommendation (self->summary_page);
}

static void
on_reopen_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PnlSessionView   *self)
{
  if (g_str_equal (response, "reopen"))
    pnl_session_reopen (self->session);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Reopen the Scorecard?"),
                                   _("Its scores, notes and recommendation can be changed again. "
                                     "It will need to be submitted again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (PnlSessionView *self,
            const char     *title)
{
  pnl_toast_show (GTK_WIDGET (self), title);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  g_autofree char *interviewer = g_settings_get_string (self->settings, "interviewer-name");
  PnlExportDialog *dialog;

  /* What is on screen goes out, not what was saved a moment ago. */
  pnl_session_save_now (self->session);
  pnl_store_flush (pnl_session_get_store (self->session), NULL);

  dialog = pnl_export_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                  pnl_session_get_store (self->session),
                                  pnl_session_get_interview (self->session));
  pnl_export_dialog_set_local_interviewer (dialog, interviewer);
  pnl_export_dialog_present_from (dialog, widget);
}

static void
copy_markdown_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PnlSessionView *self = PNL_SESSION_VIEW (widget);
  PnlInterview *interview = pnl_session_get_interview (self->session);
  g_autoptr(PnlScorecard) item = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Straight from what the session holds: no disk in the way. */
  item = pnl_scorecard_new (interview, pnl_session_get_answers (self->session));
  g_ptr_array_add (items, item);

  if (!(text = pnl_export_to_string (PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_INTERVIEW,
                                     items, &error)))
    {
      show_toast (self, error->message);
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Scorecard copied as Markdown"));
}

/* Object --------------------------------------------------------------- */

static void
setup_shortcuts (PnlSessionView *self)
{
  self->shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (self->shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (self->shortcuts),
                                     GTK_SHORTCUT_SCOPE_LOCAL);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                   gtk_named_action_new (shortcuts[i].action));
      if (shortcuts[i].target != NULL)
        {
          /* g_variant_parse() gives a full reference, not a floating one:
           * the shortcut takes its own. */
          g_autoptr(GVariant) arguments = g_variant_parse (NULL, shortcuts[i].target,
                                                           NULL, NULL, NULL);

          gtk_shortcut_set_arguments (shortcut, arguments);
        }
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (self->shortcuts), shortcut);
    }

  gtk_widget_add_controller (GTK_WIDGET (self), g_object_ref (self->shortcuts));
}

static void
pnl_session_view_dispose (GObject *object)
{
  PnlSessionView *self = (PnlSessionView *)object;
  GtkWidget *child;

  /* Nothing typed may wait for a timer that will never fire. */
  if (self->session != NULL)
    pnl_session_save_now (self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_SESSION_VIEW);
  /* The template's root has no name to be cleared by; unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->before_summary);
  if (self->removed_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->removed_toast, self);
  g_clear_object (&self->removed_toast);
  g_clear_object (&self->removed_answer);
  g_clear_object (&self->shortcuts);
  g_clear_object (&self->session);
  pnl_session_view_save_state (self, NULL);
  g_clear_pointer (&self->last_question, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pnl_session_view_parent_class)->dispose (object);
}

void
pnl_session_view_save_state (PnlSessionView *self,
                             GSettings      *settings)
{
  g_return_if_fail (PNL_IS_SESSION_VIEW (self));
  g_return_if_fail (!settings || G_IS_SETTINGS (settings));

  if (settings == NULL)
    settings = self->settings;

  /* Once per question: each write is a file and an fsync with the
   * keyfile backend (a Flatpak without dconf). */
  if (settings == NULL || self->last_question == NULL || self->last_question_saved)
    return;

  g_settings_set_string (settings, "last-question", self->last_question);
  self->last_question_saved = TRUE;
}

/* The sidebar's width, within what the setting allows. */
#define SIDEBAR_MIN_WIDTH 240
#define SIDEBAR_MAX_WIDTH 560

void
pnl_session_view_set_sidebar_width (PnlSessionView *self,
                                    int             width)
{
  g_return_if_fail (PNL_IS_SESSION_VIEW (self));

  width = CLAMP (width, SIDEBAR_MIN_WIDTH, SIDEBAR_MAX_WIDTH);
  gtk_widget_set_size_request (self->sidebar_box, width, -1);
  adw_clamp_set_maximum_size (self->sidebar_clamp, width);
  adw_clamp_set_tightening_threshold (self->sidebar_clamp, width);
}

int
pnl_session_view_get_sidebar_width (PnlSessionView *self)
{
  int width;

  g_return_val_if_fail (PNL_IS_SESSION_VIEW (self), 0);

  gtk_widget_get_size_request (self->sidebar_box, &width, NULL);

  return width;
}

/* Where the pointer is, in the view: the handle itself moves as the
 * sidebar grows, so its own coordinates would give the offset only in
 * part. */
static double
pointer_x (PnlSessionView *self,
           GtkGesture     *gesture)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  double x = 0, y = 0;
  double view_x = 0, view_y = 0;

  gtk_gesture_get_point (gesture, sequence, &x, &y);
  gtk_widget_translate_coordinates (handle, GTK_WIDGET (self), x, y, &view_x, &view_y);

  return view_x;
}

static void
on_sidebar_drag_begin (PnlSessionView *self,
                       double          x,
                       double          y,
                       GtkGestureDrag *gesture)
{
  self->drag_start_width = pnl_session_view_get_sidebar_width (self);
  self->drag_start_x = pointer_x (self, GTK_GESTURE (gesture));
}

static void
on_sidebar_drag_update (PnlSessionView *self,
                        double          offset_x,
                        double          offset_y,
                        GtkGestureDrag *gesture)
{
  double moved = pointer_x (self, GTK_GESTURE (gesture)) - self->drag_start_x;

  /* Right to left, the sidebar is on the right and grows leftwards. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    moved = -moved;

  pnl_session_view_set_sidebar_width (self, self->drag_start_width + (int) moved);
}

static void
on_sidebar_drag_end (PnlSessionView *self,
                     double          offset_x,
                     double          offset_y,
                     GtkGestureDrag *gesture)
{
  g_settings_set_int (self->settings, "sidebar-width", pnl_session_view_get_sidebar_width (self));
}

static void
pnl_session_view_class_init (PnlSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_session_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-session-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, window_title);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, summary_button);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, clock_button);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, clock_paused_image);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, clock_label);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, pacing_label);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, save_label);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, foreign_banner);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, foreign_label);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, flap);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, navigator);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, question_page);
  gtk_widget_class_bind_template_child (widget_class, PnlSessionView, summary_page);
  gtk_widget_class_bind_template_callback (widget_class, on_question_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_drag_begin);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_drag_update);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_drag_end);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_toggled);

  gtk_widget_class_install_action (widget_class, "session.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "session.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "session.score", "i", score_action);
  gtk_widget_class_install_action (widget_class, "session.clear-score", NULL, clear_score_action);
  gtk_widget_class_install_action (widget_class, "session.flag", "s", flag_action);
  gtk_widget_class_install_action (widget_class, "session.focus-notes", NULL, focus_notes_action);
  gtk_widget_class_install_action (widget_class, "session.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "session.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "session.show-summary", NULL, show_summary_action);
  gtk_widget_class_install_action (widget_class, "session.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "session.add-question", NULL, add_question_action);
  gtk_widget_class_install_action (widget_class, "session.rename-question", NULL, rename_question_action);
  gtk_widget_class_install_action (widget_class, "session.remove-question", NULL, remove_question_action);
  gtk_widget_class_install_action (widget_class, "session.undo-remove-question", NULL,
                                   undo_remove_question_action);
  gtk_widget_class_install_action (widget_class, "session.submit-shortcut", NULL, submit_shortcut_action);
  gtk_widget_class_install_action (widget_class, "session.toggle-asked", NULL, toggle_asked_action);
  gtk_widget_class_install_action (widget_class, "session.focus-recommendation", NULL,
                                   focus_recommendation_action);
  gtk_widget_class_install_action (widget_class, "session.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "session.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "session.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "session.copy-markdown", NULL, copy_markdown_action);

  g_type_ensure (PNL_TYPE_NAVIGATOR);
  g_type_ensure (PNL_TYPE_QUESTION_PAGE);
  g_type_ensure (PNL_TYPE_SUMMARY_PAGE);
}

static void
pnl_session_view_init (PnlSessionView *self)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_shortcuts (self);

  if (app != NULL)
    gtk_menu_button_set_menu_model (self->menu_button,
                                    G_MENU_MODEL (gtk_application_get_menu_by_id (app, "primary_menu")));
}

PnlSessionView *
pnl_session_view_new (PnlSession *session,
                      GSettings  *settings)
{
  PnlSessionView *self;
  PnlInterview *interview;

  g_return_val_if_fail (PNL_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PNL_TYPE_SESSION_VIEW, NULL);
  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  pnl_session_view_set_sidebar_width (self, g_settings_get_int (settings, "sidebar-width"));

  interview = pnl_session_get_interview (session);
  adw_window_title_set_title (self->window_title, pnl_interview_get_candidate_name (interview));
  adw_window_title_set_subtitle (self->window_title, pnl_interview_get_round (interview));

  pnl_navigator_set_session (self->navigator, session);
  pnl_question_page_set_session (self->question_page, session);
  pnl_summary_page_set_session (self->summary_page, session);

  g_signal_connect_object (session, "notify::current", G_CALLBACK (on_current_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::locked",
                           G_CALLBACK (pnl_session_view_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (interview, "notify::recommendation",
                           G_CALLBACK (pnl_session_view_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::elapsed", G_CALLBACK (update_clock), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::paused", G_CALLBACK (update_clock), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "save-failed", G_CALLBACK (on_save_failed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "save-recovered", G_CALLBACK (on_save_recovered), self,
                           G_CONNECT_SWAPPED);

  if (pnl_session_get_current (session) == NULL)
    {
      PnlAnswer *first = pnl_navigator_get_adjacent (self->navigator, NULL, 1);

      if (first != NULL && !pnl_session_get_locked (session))
        pnl_session_set_current (session, first);
    }

  if (pnl_session_get_locked (session) && pnl_session_get_current (session) == NULL)
    show_summary (self, TRUE);

  on_current_changed (self);
  update_clock (self);
  update_foreign (self);

  return self;
}

PnlSession *
pnl_session_view_get_session (PnlSessionView *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_VIEW (self), NULL);

  return self->session;
}

gboolean
pnl_session_view_get_summary_shown (PnlSessionView *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "summary") == 0;
}

GtkWidget *
pnl_session_view_get_navigator (PnlSessionView *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_VIEW (self), NULL);

  return GTK_WIDGET (self->navigator);
}

GtkWidget *
pnl_session_view_get_question_page (PnlSessionView *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_VIEW (self), NULL);

  return GTK_WIDGET (self->question_page);
}

GtkWidget *
pnl_session_view_get_summary_page (PnlSessionView *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_VIEW (self), NULL);

  return GTK_WIDGET (self->summary_page);
}

AdwFlap *
pnl_session_view_get_flap (PnlSessionView *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_VIEW (self), NULL);

  return self->flap;
}

GtkEventController *
pnl_session_view_get_shortcuts (PnlSessionView *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_VIEW (self), NULL);

  return self->shortcuts;
}
