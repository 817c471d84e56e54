/* pnl-summary-page.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-summary-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pnl-interview.h"
#include "pnl-session.h"
#include "pnl-session-area.h"
#include "pnl-summary-page.h"

struct _PnlSummaryPage
{
  GtkWidget        parent_instance;

  /* Owned references */
  PnlSession      *session;
  GtkTextBuffer   *summary_buffer;
  GPtrArray       *session_handlers;

  /* Template children */
  GtkLabel        *coverage_label;
  GtkListBox      *areas_list;
  GtkBox          *recommendation_box;
  GtkRevealer     *warning_revealer;
  GtkLabel        *warning_label;
  GtkTextView     *summary_view;
  GtkButton       *submit_button;
  GtkLabel        *submit_hint_label;
  GtkBox          *submitted_box;
  GtkLabel        *submitted_label;

  guint            syncing : 1;
};

G_DEFINE_FINAL_TYPE (PnlSummaryPage, pnl_summary_page, GTK_TYPE_WIDGET)

static void
update_area_row (AdwActionRow   *row,
                 GParamSpec     *pspec,
                 PnlSessionArea *area)
{
  GtkLabel *mean_label = g_object_get_data (G_OBJECT (row), "mean-label");
  g_autofree char *subtitle = NULL;
  g_autofree char *mean_text = NULL;
  double mean = pnl_session_area_get_mean (area);
  guint n_questions = pnl_session_area_get_n_questions (area);

  subtitle = g_strdup_printf (ngettext ("%u of %u question asked, %u scored",
                                        "%u of %u questions asked, %u scored",
                                        n_questions),
                              pnl_session_area_get_n_asked (area), n_questions,
                              pnl_session_area_get_n_scored (area));
  adw_action_row_set_subtitle (row, subtitle);

  if (isnan (mean))
    mean_text = g_strdup ("—");
  else
    mean_text = g_strdup_printf ("%.1f", mean);
  gtk_label_set_text (mean_label, mean_text);
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  PnlSessionArea *area = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mean_label = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pnl_session_area_get_title (area));
  gtk_widget_add_css_class (mean_label, "title-4");
  gtk_widget_add_css_class (mean_label, "numeric");
  gtk_widget_set_tooltip_text (mean_label, _("Mean score"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mean_label);
  g_object_set_data (G_OBJECT (row), "mean-label", mean_label);

  g_signal_connect_object (area, "notify", G_CALLBACK (update_area_row), row, G_CONNECT_SWAPPED);
  update_area_row (ADW_ACTION_ROW (row), NULL, area);

  return row;
}

static void
update (PnlSummaryPage *self)
{
  PnlInterview *interview;
  g_autofree char *coverage = NULL;
  g_autofree char *warning = NULL;
  PnlRecommendation recommendation;
  gboolean locked;
  guint n_asked, n_questions;
  GtkWidget *child;

  if (self->session == NULL)
    return;

  self->syncing = TRUE;

  interview = pnl_session_get_interview (self->session);
  locked = pnl_session_get_locked (self->session);

  pnl_session_get_coverage (self->session, &n_asked, &n_questions);
  coverage = g_strdup_printf (ngettext ("%u of %u question asked (%u%%)",
                                        "%u of %u questions asked (%u%%)",
                                        n_questions),
                              n_asked, n_questions,
                              n_questions ? (n_asked * 100 + n_questions / 2) / n_questions : 0);
  gtk_label_set_text (self->coverage_label, coverage);

  recommendation = pnl_interview_get_recommendation (interview);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->recommendation_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PnlRecommendation value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "value"));
      gboolean chosen = value == recommendation;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), chosen);
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_CHECKED, chosen, -1);
      /* One Tab stop for the four: the one chosen, or the first. */
      gtk_widget_set_focusable (child, recommendation == PNL_RECOMMENDATION_NONE
                                       ? value == PNL_RECOMMENDATION_STRONG_NO
                                       : chosen);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->recommendation_box), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_hint_label),
                          !locked && recommendation == PNL_RECOMMENDATION_NONE);

  warning = pnl_session_check_recommendation (self->session);
  if (warning != NULL)
    gtk_label_set_text (self->warning_label, warning);
  gtk_revealer_set_reveal_child (self->warning_revealer, warning != NULL);

  gtk_text_view_set_editable (self->summary_view, !locked);

  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), !locked);
  /* Reopening is for one's own: another interviewer's is read only. */
  gtk_widget_set_visible (GTK_WIDGET (self->submitted_box),
                          locked && !pnl_session_get_foreign (self->session));
  if (locked && pnl_interview_get_ended_at (interview) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (pnl_interview_get_ended_at (interview));
      /* Translators: when a scorecard was submitted, see the strftime
       * manual; %x is the date in the locale's way, %H:%M the time */
      g_autofree char *when = g_date_time_format (local, _("Submitted on %x at %H:%M."));

      gtk_label_set_text (self->submitted_label, when);
    }

  self->syncing = FALSE;
}

static void
on_recommendation_toggled (PnlSummaryPage  *self,
                           GtkToggleButton *button)
{
  if (self->syncing || self->session == NULL || !gtk_toggle_button_get_active (button))
    return;

  pnl_session_set_recommendation (self->session,
                                  GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value")));
}

static GtkWidget *
recommendation_button (PnlSummaryPage    *self,
                       PnlRecommendation  value)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->recommendation_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "value")) == (int) value)
      return child;

  return NULL;
}

/* The four buttons are one radio group: the arrow keys choose the one
 * before or after, Home and End the ends, and Tab leaves the group, so
 * that a space typed after Tab can no longer change the choice. */
static gboolean
on_recommendation_key_pressed (PnlSummaryPage        *self,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               GtkEventControllerKey *controller)
{
  PnlRecommendation current, next;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *button;

  if (self->session == NULL || pnl_session_get_locked (self->session) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  current = pnl_interview_get_recommendation (pnl_session_get_interview (self->session));

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      next = rtl ? current + 1 : current - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      next = rtl ? current - 1 : current + 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      next = current - 1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      next = current + 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      next = PNL_RECOMMENDATION_STRONG_NO;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      next = PNL_RECOMMENDATION_STRONG_YES;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* From none, any arrow starts at the button that has the focus. */
  if (current == PNL_RECOMMENDATION_NONE &&
      keyval != GDK_KEY_Home && keyval != GDK_KEY_KP_Home &&
      keyval != GDK_KEY_End && keyval != GDK_KEY_KP_End)
    next = PNL_RECOMMENDATION_STRONG_NO;

  next = CLAMP (next, PNL_RECOMMENDATION_STRONG_NO, PNL_RECOMMENDATION_STRONG_YES);
  if (next != current)
    pnl_session_set_recommendation (self->session, next);
  if ((button = recommendation_button (self, next)))
    gtk_widget_grab_focus (button);

  return GDK_EVENT_STOP;
}

/* Scrolls the recommendation into sight once the page has its size: a
 * page just shown has none yet, and its viewport cannot follow the focus. */
static gboolean
scroll_to_recommendation (GtkWidget     *widget,
                          GdkFrameClock *frame_clock,
                          gpointer       user_data)
{
  PnlSummaryPage *self = PNL_SUMMARY_PAGE (widget);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->recommendation_box),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, bottom, page;

  if (scrolled == NULL || (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))) == NULL)
    return G_SOURCE_REMOVE;

  if (!gtk_widget_compute_bounds (gtk_widget_get_parent (GTK_WIDGET (self->recommendation_box)),
                                  content, &bounds))
    return G_SOURCE_CONTINUE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  if (page <= 0)
    return G_SOURCE_CONTINUE;

  top = bounds.origin.y;
  bottom = bounds.origin.y + bounds.size.height;
  if (top < gtk_adjustment_get_value (adjustment))
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > gtk_adjustment_get_value (adjustment) + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));

  return G_SOURCE_REMOVE;
}

void
pnl_summary_page_focus_recommendation (PnlSummaryPage *self)
{
  PnlRecommendation current;
  GtkWidget *button;

  g_return_if_fail (PNL_IS_SUMMARY_PAGE (self));

  if (self->session == NULL)
    return;

  current = pnl_interview_get_recommendation (pnl_session_get_interview (self->session));
  button = recommendation_button (self, current == PNL_RECOMMENDATION_NONE
                                          ? PNL_RECOMMENDATION_STRONG_NO : current);
  if (button != NULL)
    gtk_widget_grab_focus (button);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_recommendation, NULL, NULL);
}

static void
on_summary_changed (PnlSummaryPage *self,
                    GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->session == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pnl_session_set_summary (self->session, text);
}

static void
build_recommendation_buttons (PnlSummaryPage *self)
{
  GtkToggleButton *group = NULL;

  for (PnlRecommendation r = PNL_RECOMMENDATION_STRONG_NO; r <= PNL_RECOMMENDATION_STRONG_YES; r++)
    {
      GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "label", pnl_recommendation_get_title (r),
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        NULL);

      GtkLabel *label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)));

      gtk_widget_set_hexpand (button, TRUE);
      /* At 360 px four buttons side by side have no room for "Strong no"
       * or longer translations on one line: wrap rather than cut, and
       * split a word too long for a quarter of the width rather than
       * widen the page. */
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
      gtk_widget_set_tooltip_text (button, pnl_recommendation_get_title (r));
      g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (r));

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);

      g_signal_connect_object (button, "toggled", G_CALLBACK (on_recommendation_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->recommendation_box, button);
    }
}

static void
disconnect_session (PnlSummaryPage *self)
{
  for (guint i = 0; i < self->session_handlers->len; i++)
    {
      gulong id = GPOINTER_TO_SIZE (g_ptr_array_index (self->session_handlers, i));
      g_signal_handler_disconnect (self->session, id);
    }
  g_ptr_array_set_size (self->session_handlers, 0);
}

void
pnl_summary_page_set_session (PnlSummaryPage *self,
                              PnlSession     *session)
{
  PnlInterview *interview;
  static const char *interview_props[] = { "recommendation", "state", "ended-at" };

  g_return_if_fail (PNL_IS_SUMMARY_PAGE (self));
  g_return_if_fail (!session || PNL_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    disconnect_session (self);

  gtk_list_box_bind_model (self->areas_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->session, session);

  if (session == NULL)
    return;

  interview = pnl_session_get_interview (session);

  gtk_list_box_bind_model (self->areas_list, pnl_session_get_areas (session),
                           create_area_row, self, NULL);

  self->syncing = TRUE;
  gtk_text_buffer_begin_irreversible_action (self->summary_buffer);
  gtk_text_buffer_set_text (self->summary_buffer, pnl_interview_get_summary (interview), -1);
  gtk_text_buffer_end_irreversible_action (self->summary_buffer);
  self->syncing = FALSE;

  g_ptr_array_add (self->session_handlers,
                   GSIZE_TO_POINTER (g_signal_connect_object (session, "notify::locked",
                                                              G_CALLBACK (update), self,
                                                              G_CONNECT_SWAPPED)));
  for (guint i = 0; i < G_N_ELEMENTS (interview_props); i++)
    {
      g_autofree char *signal = g_strdup_printf ("notify::%s", interview_props[i]);

      g_signal_connect_object (interview, signal, G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  /* And every question added, removed or put back. */
  g_signal_connect_object (pnl_session_get_answers (session), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  /* Coverage and the warning follow every score. */
  {
    GListModel *areas = pnl_session_get_areas (session);

    for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
      {
        g_autoptr(PnlSessionArea) area = g_list_model_get_item (areas, i);

        g_signal_connect_object (area, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      }
  }

  update (self);
}

static void
pnl_summary_page_dispose (GObject *object)
{
  PnlSummaryPage *self = (PnlSummaryPage *)object;
  GtkWidget *child;

  pnl_summary_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_SUMMARY_PAGE);
  /* The template's root has no name to be cleared by; unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->summary_buffer);
  g_clear_pointer (&self->session_handlers, g_ptr_array_unref);

  G_OBJECT_CLASS (pnl_summary_page_parent_class)->dispose (object);
}

static void
pnl_summary_page_class_init (PnlSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_summary_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-summary-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, areas_list);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, recommendation_box);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, submit_hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_recommendation_key_pressed);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, submitted_box);
  gtk_widget_class_bind_template_child (widget_class, PnlSummaryPage, submitted_label);
}

static void
pnl_summary_page_init (PnlSummaryPage *self)
{
  self->session_handlers = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->summary_buffer = g_object_ref (gtk_text_view_get_buffer (self->summary_view));
  gtk_text_buffer_set_enable_undo (self->summary_buffer, TRUE);
  g_signal_connect_object (self->summary_buffer, "changed", G_CALLBACK (on_summary_changed),
                           self, G_CONNECT_SWAPPED);

  build_recommendation_buttons (self);
}
