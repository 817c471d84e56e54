/* pnl-navigator-row.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-navigator-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pnl-answer.h"
#include "pnl-navigator-row.h"
#include "pnl-question.h"
#include "pnl-session-area.h"

struct _PnlNavigatorRow
{
  GtkWidget  parent_instance;

  /* Owned references */
  GObject   *item;
  gulong     notify_handler;

  /* Template children */
  GtkBox    *box;
  GtkImage  *expander_image;
  GtkImage  *status_image;
  GtkLabel  *title_label;
  GtkImage  *flag_image;
  GtkLabel  *detail_label;
};

G_DEFINE_FINAL_TYPE (PnlNavigatorRow, pnl_navigator_row, GTK_TYPE_WIDGET)

static void
update_area (PnlNavigatorRow *self,
             PnlSessionArea  *area)
{
  g_autofree char *detail = NULL;
  double mean = pnl_session_area_get_mean (area);
  guint n_asked = pnl_session_area_get_n_asked (area);
  guint n_questions = pnl_session_area_get_n_questions (area);

  gtk_widget_set_visible (GTK_WIDGET (self->expander_image), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->box), 0);
  gtk_widget_set_visible (GTK_WIDGET (self->status_image), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->flag_image), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_label_set_text (self->title_label, pnl_session_area_get_title (area));

  if (isnan (mean))
    /* Translators: questions asked of all in a skill area, e.g. "3/9" */
    detail = g_strdup_printf (_("%u/%u"), n_asked, n_questions);
  else
    /* Translators: questions asked of all, then the mean score, e.g. "3/9 · 2.7" */
    detail = g_strdup_printf (_("%u/%u · %.1f"), n_asked, n_questions, mean);

  gtk_label_set_text (self->detail_label, detail);

}

static void
update_answer (PnlNavigatorRow *self,
               PnlAnswer       *answer)
{
  PnlAnswerFlags flags = pnl_answer_get_flags (answer);
  int score = pnl_answer_get_score (answer);
  g_autofree char *detail = NULL;
  const char *icon_name;

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_label_set_text (self->title_label, pnl_question_get_prompt (pnl_answer_get_question (answer)));

  if (score > 0)
    {
      icon_name = "emblem-ok-symbolic";
      detail = g_strdup_printf ("%d", score);
    }
  else if (pnl_answer_get_asked (answer))
    {
      icon_name = "radio-mixed-symbolic";
    }
  else
    {
      icon_name = "radio-symbolic";
    }

  gtk_widget_set_visible (GTK_WIDGET (self->expander_image), FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->box), 22);
  gtk_widget_set_visible (GTK_WIDGET (self->status_image), TRUE);
  gtk_image_set_from_icon_name (self->status_image, icon_name);

  if (flags & PNL_ANSWER_FLAGS_RED_FLAG)
    {
      gtk_image_set_from_icon_name (self->flag_image, "emoji-flags-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->flag_image), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->flag_image), "accent");
    }
  else if (flags & PNL_ANSWER_FLAGS_FOLLOW_UP)
    {
      gtk_image_set_from_icon_name (self->flag_image, "mail-reply-sender-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->flag_image), "accent");
      gtk_widget_remove_css_class (GTK_WIDGET (self->flag_image), "error");
    }
  else if (flags & PNL_ANSWER_FLAGS_HIGHLIGHT)
    {
      gtk_image_set_from_icon_name (self->flag_image, "starred-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->flag_image), "accent");
      gtk_widget_remove_css_class (GTK_WIDGET (self->flag_image), "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flag_image), flags != 0);

  gtk_label_set_text (self->detail_label, detail ? detail : "");
}

/* Tooltips are made when asked for: setting one on every update costs a
 * round trip to the display server on X11, for each row, each keystroke. */
static gboolean
on_query_tooltip (PnlNavigatorRow *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  g_autofree char *text = NULL;

  if (PNL_IS_SESSION_AREA (self->item))
    {
      PnlSessionArea *area = PNL_SESSION_AREA (self->item);
      guint n_questions = pnl_session_area_get_n_questions (area);

      text = g_strdup_printf (ngettext ("%u of %u question asked",
                                        "%u of %u questions asked",
                                        n_questions),
                              pnl_session_area_get_n_asked (area), n_questions);
    }
  else if (PNL_IS_ANSWER (self->item))
    {
      PnlAnswer *answer = PNL_ANSWER (self->item);
      PnlAnswerFlags flags = pnl_answer_get_flags (answer);
      GString *str = g_string_new (pnl_question_get_prompt (pnl_answer_get_question (answer)));

      g_string_append_c (str, '\n');
      if (pnl_answer_get_score (answer) > 0)
        /* Translators: the state of a question in the list, with its score */
        g_string_append_printf (str, _("Scored %d"), pnl_answer_get_score (answer));
      else if (pnl_answer_get_asked (answer))
        g_string_append (str, _("Asked, not scored"));
      else
        g_string_append (str, _("Not asked"));

      if (flags & PNL_ANSWER_FLAGS_FOLLOW_UP)
        g_string_append_printf (str, " · %s", _("Follow up"));
      if (flags & PNL_ANSWER_FLAGS_RED_FLAG)
        g_string_append_printf (str, " · %s", _("Red flag"));
      if (flags & PNL_ANSWER_FLAGS_HIGHLIGHT)
        g_string_append_printf (str, " · %s", _("Highlight"));

      text = g_string_free (str, FALSE);
    }

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
update (PnlNavigatorRow *self)
{
  if (PNL_IS_SESSION_AREA (self->item))
    update_area (self, PNL_SESSION_AREA (self->item));
  else if (PNL_IS_ANSWER (self->item))
    update_answer (self, PNL_ANSWER (self->item));
}

void
pnl_navigator_row_set_item (PnlNavigatorRow *self,
                            GObject         *item)
{
  g_return_if_fail (PNL_IS_NAVIGATOR_ROW (self));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);

  g_set_object (&self->item, item);

  if (item != NULL)
    {
      self->notify_handler = g_signal_connect_object (item, "notify",
                                                      G_CALLBACK (update), self,
                                                      G_CONNECT_SWAPPED);
      update (self);
    }
}

void
pnl_navigator_row_set_expanded (PnlNavigatorRow *self,
                                gboolean         expanded)
{
  g_return_if_fail (PNL_IS_NAVIGATOR_ROW (self));

  gtk_image_set_from_icon_name (self->expander_image,
                                expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
}

GObject *
pnl_navigator_row_get_item (PnlNavigatorRow *self)
{
  g_return_val_if_fail (PNL_IS_NAVIGATOR_ROW (self), NULL);

  return self->item;
}

GtkWidget *
pnl_navigator_row_new (void)
{
  return g_object_new (PNL_TYPE_NAVIGATOR_ROW, NULL);
}

static void
pnl_navigator_row_dispose (GObject *object)
{
  PnlNavigatorRow *self = (PnlNavigatorRow *)object;
  GtkWidget *child;

  pnl_navigator_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_NAVIGATOR_ROW);
  /* The template's root has no name to be cleared by; unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pnl_navigator_row_parent_class)->dispose (object);
}

static void
pnl_navigator_row_class_init (PnlNavigatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_navigator_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-navigator-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigatorRow, box);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigatorRow, expander_image);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigatorRow, status_image);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigatorRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigatorRow, flag_image);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigatorRow, detail_label);
}

static void
pnl_navigator_row_init (PnlNavigatorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
