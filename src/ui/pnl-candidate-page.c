/* pnl-candidate-page.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-candidate-page"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "pnl-answer.h"
#include "pnl-candidate-page.h"
#include "pnl-candidate-review.h"
#include "pnl-comparison.h"
#include "pnl-export-dialog.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-store.h"

struct _PnlCandidatePage
{
  GtkWidget           parent_instance;

  /* Owned references */
  PnlStore           *store;
  PnlCandidateReview *review;
  /* One name per interview, as its cells are headed */
  GPtrArray          *column_names;

  /* Template children */
  AdwWindowTitle     *window_title;
  GtkScrolledWindow  *scroller;
  GtkBox             *content;
};

G_DEFINE_FINAL_TYPE (PnlCandidatePage, pnl_candidate_page, GTK_TYPE_WIDGET)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Cards of about this width fit side by side in a wide window. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return label;
}

/* Cards in a row that wraps: side by side when there is room, one under
 * the other on a narrow window. */
static GtkFlowBox *
add_flow_box (GtkBox *box,
              guint   n_children)
{
  GtkWidget *flow_box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow_box), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow_box), MAX (n_children, 1));
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow_box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow_box), 12);
  gtk_box_append (box, flow_box);

  return GTK_FLOW_BOX (flow_box);
}

static GtkBox *
add_card (GtkFlowBox *flow_box)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "review-cell");
  gtk_flow_box_append (flow_box, card);
  /* Reading, not choosing: the cards need no focus of their own. */
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);

  return GTK_BOX (card);
}

static char *
format_score (PnlInterview *interview,
              int           score)
{
  PnlScale *scale = pnl_interview_get_scale (interview);
  int position = scale != NULL ? pnl_scale_find (scale, score) : -1;

  if (score <= 0)
    return g_strdup (_("Not scored"));

  if (position < 0)
    return g_strdup_printf ("%d", score);

  /* Translators: a score and its level's label, e.g. "3 · Meets the bar" */
  return g_strdup_printf (_("%d · %s"), score, pnl_scale_get_label (scale, position));
}

static const char *
recommendation_class (PnlRecommendation rec)
{
  switch (rec)
    {
    case PNL_RECOMMENDATION_STRONG_YES:
    case PNL_RECOMMENDATION_YES:
      return "success";

    case PNL_RECOMMENDATION_STRONG_NO:
    case PNL_RECOMMENDATION_NO:
      return "error";

    case PNL_RECOMMENDATION_NONE:
    default:
      return "dim-label";
    }
}

/* Interviewer names, with the round where one interviewer has several. */
static void
name_columns (PnlCandidatePage *self)
{
  guint n = pnl_candidate_review_get_n_interviews (self->review);

  for (guint i = 0; i < n; i++)
    {
      PnlInterview *interview = pnl_candidate_review_get_interview (self->review, i);
      const char *name = pnl_interview_get_interviewer (interview);
      gboolean repeated = FALSE;

      for (guint j = 0; j < n && !repeated; j++)
        repeated = j != i && g_strcmp0 (name, pnl_interview_get_interviewer (pnl_candidate_review_get_interview (self->review, j))) == 0;

      if (repeated)
        /* Translators: an interviewer and the round, e.g. "Ana · Technical" */
        g_ptr_array_add (self->column_names, g_strdup_printf (_("%s · %s"), name, pnl_interview_get_round (interview)));
      else
        g_ptr_array_add (self->column_names, g_strdup (name));
    }
}

static void
add_verdicts (PnlCandidatePage *self)
{
  guint n = pnl_candidate_review_get_n_interviews (self->review);
  GtkFlowBox *flow_box;

  add_label (self->content, ngettext ("Scorecard", "Scorecards", n), "title-4");
  flow_box = add_flow_box (self->content, n);

  for (guint i = 0; i < n; i++)
    {
      PnlInterview *interview = pnl_candidate_review_get_interview (self->review, i);
      PnlRecommendation rec = pnl_interview_get_recommendation (interview);
      GDateTime *ended = pnl_interview_get_ended_at (interview);
      double mean = pnl_candidate_review_get_interview_mean (self->review, i);
      const char *summary = pnl_interview_get_summary (interview);
      GtkBox *card = add_card (flow_box);
      g_autofree char *when = NULL;
      g_autofree char *line = NULL;
      g_autofree char *figure = NULL;

      add_label (card, g_ptr_array_index (self->column_names, i), "heading");

      if (ended != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (ended);

          /* Translators: when a scorecard was submitted, see the strftime
           * manual; %x is the date in the locale's way */
          /* xgettext:no-c-format */
          when = g_date_time_format (local, _("%x"));
        }
      /* Translators: the round and when it was submitted, e.g. "Technical · 24/11/2026" */
      line = when != NULL ? g_strdup_printf (_("%s · %s"), pnl_interview_get_round (interview), when)
                          : g_strdup (pnl_interview_get_round (interview));
      add_label (card, line, "dim-label");

      add_label (card, rec != PNL_RECOMMENDATION_NONE ? pnl_recommendation_get_title (rec)
                                                      : _("No recommendation"),
                 recommendation_class (rec));

      if (!isnan (mean))
        {
          /* Translators: an interviewer's mean score over the whole interview */
          figure = g_strdup_printf (_("Mean score %.1f"), mean);
          add_label (card, figure, "numeric");
        }

      if (summary != NULL && summary[0] != '\0')
        gtk_label_set_selectable (GTK_LABEL (add_label (card, summary, NULL)), TRUE);
    }
}

static gboolean
is_asked (PnlCandidatePage *self,
          guint             area,
          guint             question,
          guint             interview)
{
  PnlAnswer *answer = pnl_candidate_review_get_answer (self->review, area, question, interview);

  return answer != NULL && pnl_answer_get_asked (answer);
}

static void
add_answer_cell (PnlCandidatePage *self,
                 GtkFlowBox       *flow_box,
                 guint             area,
                 guint             question,
                 guint             interview)
{
  PnlAnswer *answer = pnl_candidate_review_get_answer (self->review, area, question, interview);
  PnlInterview *in = pnl_candidate_review_get_interview (self->review, interview);
  GtkBox *card = add_card (flow_box);
  const char *notes;
  PnlAnswerFlags flags;

  add_label (card, g_ptr_array_index (self->column_names, interview), "caption-heading");

  {
    g_autofree char *score = format_score (in, pnl_answer_get_score (answer));
    GtkWidget *label = add_label (card, score, pnl_answer_get_score (answer) > 0 ? "heading" : "dim-label");

    gtk_widget_add_css_class (label, "numeric");
  }

  flags = pnl_answer_get_flags (answer);
  if (flags != PNL_ANSWER_FLAGS_NONE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      static const struct {
        PnlAnswerFlags  flag;
        const char     *icon_name;
        const char     *label;
        const char     *css_class;
      } kinds[] = {
        { PNL_ANSWER_FLAGS_RED_FLAG, "emoji-flags-symbolic", N_("Red flag"), "error" },
        { PNL_ANSWER_FLAGS_HIGHLIGHT, "starred-symbolic", N_("Highlight"), "accent" },
        { PNL_ANSWER_FLAGS_FOLLOW_UP, "mail-reply-sender-symbolic", N_("Follow up"), NULL },
      };

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          GtkWidget *flag;

          if (!(flags & kinds[i].flag))
            continue;

          flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          gtk_box_append (GTK_BOX (flag), gtk_image_new_from_icon_name (kinds[i].icon_name));
          gtk_box_append (GTK_BOX (flag), gtk_label_new (_(kinds[i].label)));
          if (kinds[i].css_class != NULL)
            gtk_widget_add_css_class (flag, kinds[i].css_class);
          gtk_box_append (GTK_BOX (box), flag);
        }

      gtk_box_append (card, box);
    }

  notes = pnl_answer_get_notes (answer);
  if (notes != NULL && notes[0] != '\0')
    gtk_label_set_selectable (GTK_LABEL (add_label (card, notes, NULL)), TRUE);
  else
    add_label (card, _("No notes"), "dim-label");
}

static void
add_area (PnlCandidatePage *self,
          guint             area)
{
  PnlComparison *comparison = pnl_candidate_review_get_comparison (self->review);
  guint candidate = pnl_candidate_review_get_candidate (self->review);
  guint comparison_area = pnl_candidate_review_get_area (self->review, area);
  guint n_interviews = pnl_candidate_review_get_n_interviews (self->review);
  guint n_questions = pnl_candidate_review_get_n_questions (self->review, area);
  guint n_unasked = pnl_candidate_review_get_n_unasked (self->review, area);
  guint n_scored = pnl_comparison_get_area_n_interviewers (comparison, candidate, comparison_area);
  g_autoptr(GString) means = g_string_new (NULL);
  g_autofree char *figures = NULL;
  GtkWidget *section;
  GtkWidget *label;

  section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (section, 18);
  gtk_box_append (self->content, section);

  add_label (GTK_BOX (section), pnl_candidate_review_get_area_title (self->review, area), "title-4");

  if (n_scored > 0)
    /* Translators: an area's score and how many interviewers scored it */
    figures = g_strdup_printf (ngettext ("Area score %.1f from %u interviewer",
                                         "Area score %.1f from %u interviewers", n_scored),
                               pnl_comparison_get_area_score (comparison, candidate, comparison_area),
                               n_scored);
  else
    figures = g_strdup (_("Nobody scored this area"));

  for (guint i = 0; i < n_interviews; i++)
    {
      double mean = pnl_candidate_review_get_area_mean (self->review, area, i);

      if (isnan (mean))
        continue;

      /* Translators: an interviewer and their mean in one area */
      g_string_append_printf (means, _(" · %s %.1f"), (const char *) g_ptr_array_index (self->column_names, i), mean);
    }

  {
    g_autofree char *text = g_strconcat (figures, means->str, NULL);

    label = add_label (GTK_BOX (section), text, "dim-label");
    gtk_widget_add_css_class (label, "numeric");
  }

  if (pnl_comparison_is_disagreement (comparison, candidate, comparison_area))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *text = NULL;

      /* Translators: how far apart the interviewers' means are in an area */
      text = g_strdup_printf (_("The interviewers are %.1f levels apart here: worth talking through."),
                              pnl_comparison_get_area_spread (comparison, candidate, comparison_area));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      add_label (GTK_BOX (box), text, NULL);
      gtk_widget_add_css_class (box, "warning");
      gtk_box_append (GTK_BOX (section), box);
    }

  for (guint q = 0; q < n_questions; q++)
    {
      PnlQuestion *question = pnl_candidate_review_get_question (self->review, area, q);
      GtkFlowBox *flow_box;

      if (!pnl_candidate_review_get_asked (self->review, area, q))
        continue;

      label = add_label (GTK_BOX (section),
                         question != NULL ? pnl_question_get_prompt (question) : "",
                         "heading");
      gtk_widget_set_margin_top (label, 12);

      {
        g_autoptr(GString) unasked = g_string_new (NULL);
        guint n_asked = 0;

        for (guint i = 0; i < n_interviews; i++)
          if (is_asked (self, area, q, i))
            n_asked++;

        flow_box = add_flow_box (GTK_BOX (section), n_asked);

        for (guint i = 0; i < n_interviews; i++)
          {
            if (is_asked (self, area, q, i))
              {
                add_answer_cell (self, flow_box, area, q, i);
                continue;
              }

            if (unasked->len > 0)
              /* Translators: between interviewers' names */
              g_string_append (unasked, _(", "));
            g_string_append (unasked, g_ptr_array_index (self->column_names, i));
          }

        if (unasked->len > 0)
          {
            /* Translators: the interviewers who did not ask a question */
            g_autofree char *text = g_strdup_printf (_("Not asked by %s"), unasked->str);

            add_label (GTK_BOX (section), text, "dim-label");
          }
      }
    }

  if (n_unasked > 0)
    {
      g_autofree char *title = NULL;
      GtkWidget *expander;
      GtkWidget *box;

      title = g_strdup_printf (ngettext ("%u question nobody asked", "%u questions nobody asked", n_unasked),
                               n_unasked);
      expander = gtk_expander_new (title);
      gtk_widget_set_margin_top (expander, 12);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_start (box, 18);

      for (guint q = 0; q < n_questions; q++)
        {
          PnlQuestion *question = pnl_candidate_review_get_question (self->review, area, q);

          if (!pnl_candidate_review_get_asked (self->review, area, q) && question != NULL)
            add_label (GTK_BOX (box), pnl_question_get_prompt (question), "dim-label");
        }

      gtk_expander_set_child (GTK_EXPANDER (expander), box);
      gtk_box_append (GTK_BOX (section), expander);
    }
}

static void
build (PnlCandidatePage *self)
{
  PnlComparison *comparison = pnl_candidate_review_get_comparison (self->review);
  guint candidate = pnl_candidate_review_get_candidate (self->review);
  const char *reference = pnl_comparison_get_candidate_reference (comparison, candidate);
  g_autofree char *subtitle = NULL;
  g_autoptr(GArray) order = NULL;
  guint n_areas;

  adw_window_title_set_title (self->window_title, pnl_comparison_get_candidate_name (comparison, candidate));
  if (reference != NULL && reference[0] != '\0')
    /* Translators: the role and the candidate's reference */
    subtitle = g_strdup_printf (_("%s · %s"), pnl_comparison_get_role (comparison), reference);
  else
    subtitle = g_strdup (pnl_comparison_get_role (comparison));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (pnl_comparison_is_hidden (comparison, candidate))
    {
      GtkWidget *note = add_label (self->content, pnl_comparison_get_hidden_reason (comparison, candidate),
                                   "compare-note");

      gtk_widget_set_margin_bottom (note, 6);
    }

  if (pnl_candidate_review_get_n_interviews (self->review) == 0)
    {
      add_label (self->content,
                 _("No scorecard to show yet: the other interviewers’ appear once you have submitted yours."),
                 "dim-label");
      return;
    }

  name_columns (self);
  add_verdicts (self);

  /* The disagreements first, widest first: the debrief starts there. */
  n_areas = pnl_candidate_review_get_n_areas (self->review);
  order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < pnl_comparison_get_n_disagreements (comparison, candidate); i++)
    {
      guint area = pnl_comparison_get_disagreement_area (comparison, candidate, i);

      for (guint j = 0; j < n_areas; j++)
        if (pnl_candidate_review_get_area (self->review, j) == area)
          g_array_append_val (order, j);
    }
  for (guint j = 0; j < n_areas; j++)
    if (!pnl_comparison_is_disagreement (comparison, candidate, pnl_candidate_review_get_area (self->review, j)))
      g_array_append_val (order, j);

  for (guint i = 0; i < order->len; i++)
    add_area (self, g_array_index (order, guint, i));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnlCandidatePage *self = PNL_CANDIDATE_PAGE (widget);
  PnlComparison *comparison = pnl_candidate_review_get_comparison (self->review);
  guint candidate = pnl_candidate_review_get_candidate (self->review);
  PnlExportDialog *dialog;

  dialog = pnl_export_dialog_new_for_candidate (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                                pnl_comparison_get_candidate_name (comparison, candidate),
                                                pnl_comparison_get_candidate_reference (comparison, candidate),
                                                pnl_comparison_get_role (comparison));
  pnl_export_dialog_set_local_interviewer (dialog, pnl_comparison_get_local_interviewer (comparison));
  pnl_export_dialog_present_from (dialog, widget);
}

static void
pnl_candidate_page_dispose (GObject *object)
{
  PnlCandidatePage *self = (PnlCandidatePage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_CANDIDATE_PAGE);
  /* The template's root has no name to be cleared by; unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->review);
  g_clear_object (&self->store);
  g_clear_pointer (&self->column_names, g_ptr_array_unref);

  G_OBJECT_CLASS (pnl_candidate_page_parent_class)->dispose (object);
}

static void
pnl_candidate_page_class_init (PnlCandidatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_candidate_page_dispose;

  signals[BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-candidate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnlCandidatePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, PnlCandidatePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PnlCandidatePage, content);

  gtk_widget_class_install_action (widget_class, "candidate.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "candidate.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "candidate.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "candidate.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "candidate.back", NULL);
}

static void
pnl_candidate_page_init (PnlCandidatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_names = g_ptr_array_new_with_free_func (g_free);
}

PnlCandidatePage *
pnl_candidate_page_new (PnlStore           *store,
                        PnlCandidateReview *review)
{
  PnlCandidatePage *self;

  g_return_val_if_fail (PNL_IS_STORE (store), NULL);
  g_return_val_if_fail (PNL_IS_CANDIDATE_REVIEW (review), NULL);

  self = g_object_new (PNL_TYPE_CANDIDATE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->review = g_object_ref (review);
  build (self);

  return self;
}

/**
 * pnl_candidate_page_set_review:
 *
 * Shows @review instead, where the reader was: scorecards arrived or
 * changed while the page was open.
 */
void
pnl_candidate_page_set_review (PnlCandidatePage   *self,
                               PnlCandidateReview *review)
{
  GtkAdjustment *vadjustment;
  GtkWidget *child;
  double value;

  g_return_if_fail (PNL_IS_CANDIDATE_PAGE (self));
  g_return_if_fail (PNL_IS_CANDIDATE_REVIEW (review));

  if (!g_set_object (&self->review, review))
    return;

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  value = gtk_adjustment_get_value (vadjustment);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))))
    gtk_box_remove (self->content, child);
  g_ptr_array_set_size (self->column_names, 0);
  build (self);

  gtk_adjustment_set_value (vadjustment, value);
}

PnlCandidateReview *
pnl_candidate_page_get_review (PnlCandidatePage *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_PAGE (self), NULL);

  return self->review;
}
