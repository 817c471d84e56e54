/* pnl-question-page.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-question-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-answer.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-question-page.h"
#include "pnl-scale.h"
#include "pnl-session.h"

struct _PnlQuestionPage
{
  GtkWidget        parent_instance;

  /* Owned references */
  PnlSession      *session;
  PnlAnswer       *answer;
  GHashTable      *buffers;
  GPtrArray       *score_buttons;
  gulong           current_handler;
  gulong           locked_handler;
  gulong           answer_handler;
  gulong           question_handler;

  /* Template children */
  GtkLabel        *area_label;
  GtkLabel        *prompt_label;
  GtkWidget       *custom_box;
  GtkLabel        *details_label;
  AdwExpanderRow  *assesses_row;
  GtkLabel        *assesses_label;
  AdwExpanderRow  *look_fors_row;
  GtkLabel        *look_fors_label;
  AdwExpanderRow  *red_flags_row;
  GtkLabel        *red_flags_label;
  AdwExpanderRow  *follow_ups_row;
  GtkLabel        *follow_ups_label;
  AdwExpanderRow  *rubric_row;
  GtkLabel        *rubric_label;
  GtkTextView     *notes_view;
  GtkBox          *score_box;
  GtkButton       *clear_score_button;
  GtkLabel        *meaning_label;
  GtkToggleButton *asked_button;
  GtkToggleButton *follow_up_button;
  GtkToggleButton *red_flag_button;
  GtkToggleButton *highlight_button;
  GtkLabel        *time_label;
  GtkRevealer     *locked_revealer;

  guint            syncing : 1;
};

G_DEFINE_FINAL_TYPE (PnlQuestionPage, pnl_question_page, GTK_TYPE_WIDGET)

static PnlScale *
get_scale (PnlQuestionPage *self)
{
  return pnl_interview_get_scale (pnl_session_get_interview (self->session));
}

static char *
format_list (const char * const *items)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i]; i++)
    {
      if (i > 0)
        g_string_append_c (str, '\n');
      /* Translators: a bullet before each item of a list */
      g_string_append_printf (str, _("• %s"), items[i]);
    }

  return g_string_free (str, FALSE);
}

static char *
format_duration (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, (seconds / 60) % 60, seconds % 60);

  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static void
set_guidance (AdwExpanderRow *row,
              GtkLabel       *label,
              const char     *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), has_text);
}

static char *
build_rubric (PnlQuestionPage *self)
{
  PnlQuestion *question = pnl_answer_get_question (self->answer);
  PnlScale *scale = get_scale (self);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < pnl_scale_get_n_levels (scale); i++)
    {
      int value = pnl_scale_get_value (scale, i);
      const char *anchor = pnl_question_get_anchor (question, value);

      if (str->len > 0)
        g_string_append_c (str, '\n');

      /* Translators: a rubric line: value, label, and what it means */
      g_string_append_printf (str, _("%d %s: %s"), value, pnl_scale_get_label (scale, i),
                              anchor ? anchor : pnl_scale_get_meaning (scale, i));
    }

  return g_string_free (str, FALSE);
}

static void
update_state (PnlQuestionPage *self)
{
  g_autofree char *spent = NULL;
  g_autofree char *time = NULL;
  PnlAnswerFlags flags;
  PnlQuestion *question;
  PnlScale *scale;
  int score;
  int position;

  if (self->answer == NULL)
    return;

  self->syncing = TRUE;

  question = pnl_answer_get_question (self->answer);
  scale = get_scale (self);
  score = pnl_answer_get_score (self->answer);
  position = score > 0 ? pnl_scale_find (scale, score) : -1;

  for (guint i = 0; i < self->score_buttons->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->score_buttons, i), (int)i == position);

  if (position >= 0)
    {
      const char *anchor = pnl_question_get_anchor (question, score);
      g_autofree char *meaning = NULL;

      /* Translators: the chosen score's label and what it means here */
      meaning = g_strdup_printf (_("%s: %s"), pnl_scale_get_label (scale, position),
                                 anchor ? anchor : pnl_scale_get_meaning (scale, position));
      gtk_label_set_text (self->meaning_label, meaning);
      gtk_widget_remove_css_class (GTK_WIDGET (self->meaning_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->meaning_label, _("Not assessed: no score yet."));
      gtk_widget_add_css_class (GTK_WIDGET (self->meaning_label), "dim-label");
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_score_button),
                            position >= 0 && !pnl_session_get_locked (self->session));

  gtk_toggle_button_set_active (self->asked_button, pnl_answer_get_asked (self->answer));
  flags = pnl_answer_get_flags (self->answer);
  gtk_toggle_button_set_active (self->follow_up_button, flags & PNL_ANSWER_FLAGS_FOLLOW_UP);
  gtk_toggle_button_set_active (self->red_flag_button, flags & PNL_ANSWER_FLAGS_RED_FLAG);
  gtk_toggle_button_set_active (self->highlight_button, flags & PNL_ANSWER_FLAGS_HIGHLIGHT);

  spent = format_duration (pnl_answer_get_seconds (self->answer));
  if (pnl_question_get_minutes (question) > 0)
    /* Translators: time spent on a question, then its suggested minutes */
    time = g_strdup_printf (ngettext ("%s on this question, %u minute suggested",
                                      "%s on this question, %u minutes suggested",
                                      pnl_question_get_minutes (question)),
                            spent, pnl_question_get_minutes (question));
  else
    /* Translators: time spent on a question */
    time = g_strdup_printf (_("%s on this question"), spent);
  gtk_label_set_text (self->time_label, time);

  self->syncing = FALSE;
}

static void
update_locked (PnlQuestionPage *self)
{
  gboolean locked = self->session != NULL && pnl_session_get_locked (self->session);

  gtk_text_view_set_editable (self->notes_view, !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->score_box), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->asked_button), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_up_button), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->red_flag_button), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->highlight_button), !locked);
  /* Submitted, that is; another interviewer's says so above the page. */
  gtk_revealer_set_reveal_child (self->locked_revealer,
                                 locked && !pnl_session_get_foreign (self->session));
  update_state (self);
}

static void
on_buffer_changed (PnlQuestionPage *self,
                   GtkTextBuffer   *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->answer == NULL ||
      g_hash_table_lookup (self->buffers, self->answer) != buffer)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pnl_session_set_notes (self->session, text);
}

static GtkTextBuffer *
get_buffer (PnlQuestionPage *self,
            PnlAnswer       *answer)
{
  GtkTextBuffer *buffer = g_hash_table_lookup (self->buffers, answer);

  if (buffer == NULL)
    {
      buffer = gtk_text_buffer_new (NULL);
      gtk_text_buffer_set_enable_undo (buffer, TRUE);

      /* What was there before is not something to undo. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, pnl_answer_get_notes (answer), -1);
      gtk_text_buffer_end_irreversible_action (buffer);

      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self,
                               G_CONNECT_SWAPPED);
      g_hash_table_insert (self->buffers, g_object_ref (answer), buffer);
    }

  return buffer;
}

/* A custom question renamed. */
static void
update_prompt (PnlQuestionPage *self)
{
  gtk_label_set_text (self->prompt_label, pnl_question_get_prompt (pnl_answer_get_question (self->answer)));
}

static void
show_answer (PnlQuestionPage *self,
             PnlAnswer       *answer)
{
  g_autofree char *look_fors = NULL;
  g_autofree char *red_flags = NULL;
  g_autofree char *follow_ups = NULL;
  g_autofree char *rubric = NULL;
  g_autofree char *details = NULL;
  PnlQuestion *question;

  if (self->answer != NULL)
    {
      g_clear_signal_handler (&self->answer_handler, self->answer);
      g_clear_signal_handler (&self->question_handler, self->answer);
    }

  g_set_object (&self->answer, answer);

  if (answer == NULL)
    return;

  question = pnl_answer_get_question (answer);

  gtk_label_set_text (self->area_label, pnl_answer_get_area_title (answer));
  gtk_label_set_text (self->prompt_label, pnl_question_get_prompt (question));

  gtk_widget_set_visible (self->custom_box, pnl_answer_get_custom (answer));

  if (pnl_answer_get_custom (answer))
    details = g_strdup (_("Your own question"));
  else if (pnl_question_get_minutes (question) > 0)
    /* Translators: kind · level · suggested minutes, e.g. "Technical · Senior · 5 min" */
    details = g_strdup_printf (_("%s · %s · %u min"),
                               pnl_question_kind_get_title (pnl_question_get_kind (question)),
                               pnl_question_level_get_title (pnl_question_get_level (question)),
                               pnl_question_get_minutes (question));
  else
    /* Translators: kind · level, e.g. "Technical · Senior" */
    details = g_strdup_printf (_("%s · %s"),
                               pnl_question_kind_get_title (pnl_question_get_kind (question)),
                               pnl_question_level_get_title (pnl_question_get_level (question)));
  gtk_label_set_text (self->details_label, details);

  look_fors = format_list (pnl_question_get_look_fors (question));
  red_flags = format_list (pnl_question_get_red_flags (question));
  follow_ups = format_list (pnl_question_get_follow_ups (question));
  rubric = build_rubric (self);

  set_guidance (self->assesses_row, self->assesses_label, pnl_question_get_assesses (question));
  set_guidance (self->look_fors_row, self->look_fors_label, look_fors);
  set_guidance (self->red_flags_row, self->red_flags_label, red_flags);
  set_guidance (self->follow_ups_row, self->follow_ups_label, follow_ups);
  set_guidance (self->rubric_row, self->rubric_label, rubric);

  self->syncing = TRUE;
  gtk_text_view_set_buffer (self->notes_view, get_buffer (self, answer));
  self->syncing = FALSE;

  self->question_handler = g_signal_connect_object (answer, "notify::question",
                                                    G_CALLBACK (update_prompt), self,
                                                    G_CONNECT_SWAPPED);
  self->answer_handler = g_signal_connect_object (answer, "notify",
                                                  G_CALLBACK (update_state), self,
                                                  G_CONNECT_SWAPPED);
  update_state (self);
}

static void
on_current_changed (PnlQuestionPage *self)
{
  PnlAnswer *current = pnl_session_get_current (self->session);

  if (current != NULL)
    show_answer (self, current);
}

static void
on_score_toggled (PnlQuestionPage *self,
                  GtkToggleButton *button)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"));

  if (self->syncing || self->session == NULL)
    return;

  if (gtk_toggle_button_get_active (button))
    pnl_session_set_score (self->session, value);
  else if (self->answer != NULL && pnl_answer_get_score (self->answer) == value)
    /* A toggle button cannot be left without one active: keep it. */
    update_state (self);
}

static void
build_score_buttons (PnlQuestionPage *self)
{
  PnlScale *scale = get_scale (self);
  GtkToggleButton *group = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->score_box))))
    gtk_box_remove (self->score_box, child);
  g_ptr_array_set_size (self->score_buttons, 0);

  for (guint i = 0; i < pnl_scale_get_n_levels (scale); i++)
    {
      int value = pnl_scale_get_value (scale, i);
      g_autofree char *number = g_strdup_printf ("%d", value);
      g_autofree char *tooltip = NULL;
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *number_label = gtk_label_new (number);
      GtkWidget *text_label = gtk_label_new (pnl_scale_get_label (scale, i));

      gtk_widget_add_css_class (number_label, "heading");
      gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (text_label, "caption");
      gtk_box_append (GTK_BOX (box), number_label);
      gtk_box_append (GTK_BOX (box), text_label);
      gtk_button_set_child (GTK_BUTTON (button), box);

      /* Translators: tooltip of a score button: its label and shortcut */
      tooltip = g_strdup_printf (_("%s (Alt+%d)"), pnl_scale_get_label (scale, i), (int)i + 1);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_hexpand (button, TRUE);

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);

      g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (value));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_score_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->score_box, button);
      g_ptr_array_add (self->score_buttons, button);
    }
}

static void
on_asked_toggled (PnlQuestionPage *self,
                  GtkToggleButton *button)
{
  if (self->syncing || self->session == NULL)
    return;

  pnl_session_set_asked (self->session, gtk_toggle_button_get_active (button));
}

static void
on_flag_toggled (PnlQuestionPage *self,
                 GtkToggleButton *button)
{
  PnlAnswerFlags flag;

  if (self->syncing || self->session == NULL)
    return;

  if (button == self->follow_up_button)
    flag = PNL_ANSWER_FLAGS_FOLLOW_UP;
  else if (button == self->red_flag_button)
    flag = PNL_ANSWER_FLAGS_RED_FLAG;
  else
    flag = PNL_ANSWER_FLAGS_HIGHLIGHT;

  pnl_session_toggle_flag (self->session, flag);
}

void
pnl_question_page_set_session (PnlQuestionPage *self,
                               PnlSession      *session)
{
  g_return_if_fail (PNL_IS_QUESTION_PAGE (self));
  g_return_if_fail (!session || PNL_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->current_handler, self->session);
      g_clear_signal_handler (&self->locked_handler, self->session);
    }

  show_answer (self, NULL);
  gtk_text_view_set_buffer (self->notes_view, NULL);
  g_hash_table_remove_all (self->buffers);
  g_set_object (&self->session, session);

  if (session == NULL)
    return;

  build_score_buttons (self);

  self->current_handler = g_signal_connect_object (session, "notify::current",
                                                   G_CALLBACK (on_current_changed), self,
                                                   G_CONNECT_SWAPPED);
  self->locked_handler = g_signal_connect_object (session, "notify::locked",
                                                  G_CALLBACK (update_locked), self,
                                                  G_CONNECT_SWAPPED);
  on_current_changed (self);
  update_locked (self);
}

void
pnl_question_page_focus_notes (PnlQuestionPage *self)
{
  g_return_if_fail (PNL_IS_QUESTION_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

GtkTextView *
pnl_question_page_get_notes_view (PnlQuestionPage *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION_PAGE (self), NULL);

  return self->notes_view;
}

static void
pnl_question_page_dispose (GObject *object)
{
  PnlQuestionPage *self = (PnlQuestionPage *)object;
  GtkWidget *child;

  pnl_question_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_QUESTION_PAGE);
  /* The template's root has no name to be cleared by; unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->buffers, g_hash_table_unref);
  g_clear_pointer (&self->score_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (pnl_question_page_parent_class)->dispose (object);
}

static void
pnl_question_page_class_init (PnlQuestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_question_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-question-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, area_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, assesses_row);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, assesses_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, look_fors_row);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, look_fors_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, red_flags_row);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, red_flags_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, follow_ups_row);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, follow_ups_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, rubric_row);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, rubric_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, score_box);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, clear_score_button);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, asked_button);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, follow_up_button);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, red_flag_button);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, highlight_button);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, time_label);
  gtk_widget_class_bind_template_child (widget_class, PnlQuestionPage, locked_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_asked_toggled);
}

static void
pnl_question_page_init (PnlQuestionPage *self)
{
  self->buffers = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->score_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
