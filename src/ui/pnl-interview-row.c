/* pnl-interview-row.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-interview-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-interview.h"
#include "pnl-interview-row.h"

struct _PnlInterviewRow
{
  GtkWidget      parent_instance;

  /* Owned references */
  PnlInterview  *interview;

  /* Children */
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *date_label;
  GtkLabel      *state_label;
};

G_DEFINE_FINAL_TYPE (PnlInterviewRow, pnl_interview_row, GTK_TYPE_WIDGET)

static char *
format_when (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (when == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (when);
  now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a time today, see the strftime manual; %H:%M is
     * the hour on the 24-hour clock and the minutes */
    return g_date_time_format (local, _("Today %H:%M"));

  /* Translators: a date and time, see the strftime manual; %x is the
   * date in the locale's way */
  return g_date_time_format (local, _("%x %H:%M"));
}

/* The day the interview was held, as GNOME's lists write a day: Today,
 * Yesterday, or the date in the locale's way. */
static char *
format_day (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: the day an interview was held, in the start page's list */
    return g_strdup (_("Today"));

  if (g_date_time_get_year (local) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (yesterday))
    /* Translators: the day an interview was held, in the start page's list */
    return g_strdup (_("Yesterday"));

  return g_date_time_format (local, "%x");
}

/* Made when asked for: gtk_widget_set_tooltip_text () on every row costs
 * at creation, and the start page can list thousands. */
static gboolean
on_query_state_tooltip (PnlInterviewRow *self,
                        int              x,
                        int              y,
                        gboolean         keyboard,
                        GtkTooltip      *tooltip)
{
  g_autofree char *when = NULL;

  if (self->interview == NULL)
    return FALSE;

  when = format_when (pnl_interview_get_updated_at (self->interview));
  gtk_tooltip_set_text (tooltip, when);

  return TRUE;
}

static GtkLabel *
add_label (GtkBox     *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

GtkWidget *
pnl_interview_row_new (void)
{
  return g_object_new (PNL_TYPE_INTERVIEW_ROW, NULL);
}

void
pnl_interview_row_set_interview (PnlInterviewRow *self,
                                 PnlInterview    *interview)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  const char *state = NULL;

  g_return_if_fail (PNL_IS_INTERVIEW_ROW (self));
  g_return_if_fail (!interview || PNL_IS_INTERVIEW (interview));

  if (!g_set_object (&self->interview, interview))
    return;

  if (interview != NULL)
    {
      if (pnl_interview_get_state (interview) == PNL_INTERVIEW_STATE_SUBMITTED)
        state = _("Submitted");
      else
        state = _("In progress");

      /* Translators: role · round · interviewer, e.g. "Backend Developer · Technical 1 · Ana" */
      subtitle = g_strdup_printf (_("%s · %s · %s"),
                                  pnl_interview_get_role (interview),
                                  pnl_interview_get_round (interview),
                                  pnl_interview_get_interviewer (interview));
      day = format_day (pnl_interview_get_started_at (interview));
    }

  gtk_label_set_text (self->title_label, interview ? pnl_interview_get_candidate_name (interview) : "");
  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  gtk_label_set_text (self->date_label, day ? day : "");
  gtk_label_set_text (self->state_label, state ? state : "");
}

PnlInterview *
pnl_interview_row_get_interview (PnlInterviewRow *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW_ROW (self), NULL);

  return self->interview;
}

const char *
pnl_interview_row_get_title (PnlInterviewRow *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
pnl_interview_row_get_subtitle (PnlInterviewRow *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

const char *
pnl_interview_row_get_date (PnlInterviewRow *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW_ROW (self), NULL);

  return gtk_label_get_label (self->date_label);
}

static void
pnl_interview_row_dispose (GObject *object)
{
  PnlInterviewRow *self = (PnlInterviewRow *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->interview);

  G_OBJECT_CLASS (pnl_interview_row_parent_class)->dispose (object);
}

static void
pnl_interview_row_class_init (PnlInterviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_interview_row_dispose;

  /* "row > box.header": the style's rules for an AdwActionRow's header. */
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

/* Built in code, not from a template: this is what makes it cheap. */
static void
pnl_interview_row_init (PnlInterviewRow *self)
{
  GtkWidget *titles, *end, *image;

  gtk_widget_add_css_class (GTK_WIDGET (self), "header");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_add_css_class (titles, "title");
  gtk_widget_set_parent (titles, GTK_WIDGET (self));

  self->title_label = add_label (GTK_BOX (titles), "title");
  self->subtitle_label = add_label (GTK_BOX (titles), "subtitle");
  gtk_label_set_lines (self->subtitle_label, 2);
  gtk_label_set_ellipsize (self->subtitle_label, PANGO_ELLIPSIZE_END);

  /* The day it was held over its state, at the end. */
  end = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (end, GTK_WIDGET (self));

  self->date_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->date_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "caption");
  gtk_box_append (GTK_BOX (end), GTK_WIDGET (self->date_label));

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->state_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "caption");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->state_label), TRUE);
  g_signal_connect_object (self->state_label, "query-tooltip",
                           G_CALLBACK (on_query_state_tooltip), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (end), GTK_WIDGET (self->state_label));

  image = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_parent (image, GTK_WIDGET (self));

  /* Read as the candidate, then the rest. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->subtitle_label, self->date_label, self->state_label, NULL,
                                  -1);
}
