/* pnl-compare-view.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-compare-view"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "pnl-candidate-item.h"
#include "pnl-candidate-review.h"
#include "pnl-compare-view.h"
#include "pnl-comparison.h"
#include "pnl-export.h"
#include "pnl-export-dialog.h"
#include "pnl-interview.h"
#include "pnl-scale.h"
#include "pnl-score-chart.h"
#include "pnl-store.h"
#include "pnl-toast.h"

/* How many rows the chart starts with. */
#define N_CHARTED_AT_FIRST 3

/* Tables with more rows than this scroll on their own. */
#define MAX_ROWS_UNSCROLLED 12

/* An interviewer this far from the panel, or nearer, is "in line". */
#define CALIBRATION_IN_LINE 0.25

typedef enum
{
  COLUMN_CANDIDATE,
  COLUMN_INTERVIEWS,
  COLUMN_RECOMMENDATIONS,
  COLUMN_MEAN,
  COLUMN_DISAGREEMENTS,
  COLUMN_AREA,
} ColumnKind;

/* What a column shows; shared by its factory and its sorter. */
typedef struct
{
  ColumnKind  kind;
  guint       area;
  char       *key;
} ColumnInfo;

struct _PnlCompareView
{
  GtkWidget          parent_instance;

  /* Owned references */
  PnlStore          *store;
  char              *local_interviewer;
  char              *role;
  char              *columns_signature;
  GtkStringList     *roles;
  PnlComparison     *comparison;
  /* The comparison's areas anybody scored, see scored_areas() */
  GArray            *areas;
  GListStore        *rows;
  GtkSortListModel  *sort_model;
  GtkMultiSelection *selection;

  guint              loading : 1;
  guint              stale : 1;

  /* Template children */
  GtkStack          *stack;
  GtkDropDown       *role_dropdown;
  GtkStack          *role_stack;
  GtkLabel          *note_label;
  GtkScrolledWindow *table_scroller;
  GtkColumnView     *column_view;
  GtkStack          *chart_stack;
  PnlScoreChart     *chart;
  GtkLabel          *disagreements_label;
  GtkListBox        *disagreements_list;
  GtkLabel          *calibration_label;
  GtkListBox        *calibration_list;
};

G_DEFINE_FINAL_TYPE (PnlCompareView, pnl_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOCAL_INTERVIEWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_CANDIDATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
column_info_clear (gpointer data)
{
  ColumnInfo *info = data;

  g_free (info->key);
}

static ColumnInfo *
column_info_new (ColumnKind  kind,
                 guint       area,
                 const char *key)
{
  ColumnInfo *info = g_rc_box_new0 (ColumnInfo);

  info->kind = kind;
  info->area = area;
  info->key = g_strdup (key);

  return info;
}

static void
column_info_release (gpointer data)
{
  g_rc_box_release_full (data, column_info_clear);
}

static void
column_info_closure_notify (gpointer  data,
                            GClosure *closure)
{
  column_info_release (data);
}

/* Figures */

static char *
format_score (double value)
{
  if (isnan (value))
    /* Translators: in place of a score when nothing was scored */
    return g_strdup (_("—"));

  return g_strdup_printf ("%.1f", value);
}

/* From -2 (every interview a strong no) to +2 (every one a strong yes),
 * NAN when nobody recommended anything. */
static double
net_recommendation (PnlComparison *comparison,
                    guint          candidate)
{
  static const struct {
    PnlRecommendation rec;
    int               weight;
  } weights[] = {
    { PNL_RECOMMENDATION_STRONG_NO, -2 },
    { PNL_RECOMMENDATION_NO, -1 },
    { PNL_RECOMMENDATION_YES, 1 },
    { PNL_RECOMMENDATION_STRONG_YES, 2 },
  };
  int sum = 0;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      guint count = pnl_comparison_get_n_recommendations (comparison, candidate, weights[i].rec);

      sum += weights[i].weight * (int) count;
      n += count;
    }

  return n > 0 ? (double) sum / n : NAN;
}

static char *
format_recommendations (PnlComparison *comparison,
                        guint          candidate)
{
  static const PnlRecommendation order[] = {
    PNL_RECOMMENDATION_STRONG_YES,
    PNL_RECOMMENDATION_YES,
    PNL_RECOMMENDATION_NO,
    PNL_RECOMMENDATION_STRONG_NO,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint count = pnl_comparison_get_n_recommendations (comparison, candidate, order[i]);

      if (count == 0)
        continue;

      if (text->len > 0)
        /* Translators: between the counts of recommendations */
        g_string_append (text, _(" · "));
      /* Translators: a count and a recommendation, e.g. "2 Strong yes" */
      g_string_append_printf (text, _("%u %s"), count, pnl_recommendation_get_title (order[i]));
    }

  if (text->len == 0)
    /* Translators: no interviewer made a recommendation */
    g_string_append (text, _("None yet"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_disagreement (PnlComparison *comparison,
                     guint          candidate,
                     guint          area)
{
  /* Translators: a spread between interviewers' means in one area */
  return g_strdup_printf (_("Interviewers are %.1f levels apart"),
                          pnl_comparison_get_area_spread (comparison, candidate, area));
}

/* The areas anybody scored, in the comparison's order: the others would
 * be empty columns and empty rows of the chart. */
static GArray *
scored_areas (PnlComparison *comparison)
{
  GArray *areas = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint area = 0; area < pnl_comparison_get_n_areas (comparison); area++)
    for (guint i = 0; i < pnl_comparison_get_n_candidates (comparison); i++)
      if (pnl_comparison_get_area_n_interviewers (comparison, i, area) > 0)
        {
          g_array_append_val (areas, area);
          break;
        }

  return areas;
}

/* Sorting: NAN counts as lowest, ties fall back on the name. */

static int
compare_doubles (double a,
                 double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b) ? 0 : isnan (a) ? -1 : 1;

  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  PnlCandidateItem *item_a = (PnlCandidateItem *)a;
  PnlCandidateItem *item_b = (PnlCandidateItem *)b;
  PnlComparison *comparison = pnl_candidate_item_get_comparison (item_a);
  guint ca = pnl_candidate_item_get_candidate (item_a);
  guint cb = pnl_candidate_item_get_candidate (item_b);
  const ColumnInfo *info = user_data;
  int result = 0;

  switch (info->kind)
    {
    case COLUMN_CANDIDATE:
      break;

    case COLUMN_INTERVIEWS:
      result = (int) pnl_comparison_get_n_interviews (comparison, ca) -
               (int) pnl_comparison_get_n_interviews (comparison, cb);
      break;

    case COLUMN_RECOMMENDATIONS:
      result = compare_doubles (net_recommendation (comparison, ca),
                                net_recommendation (comparison, cb));
      break;

    case COLUMN_MEAN:
      result = compare_doubles (pnl_comparison_get_mean (comparison, ca),
                                pnl_comparison_get_mean (comparison, cb));
      break;

    case COLUMN_DISAGREEMENTS:
      result = (int) pnl_comparison_get_n_disagreements (comparison, ca) -
               (int) pnl_comparison_get_n_disagreements (comparison, cb);
      if (result == 0 && pnl_comparison_has_disagreements (comparison, ca))
        result = compare_doubles (pnl_comparison_get_disagreement_spread (comparison, ca, 0),
                                  pnl_comparison_get_disagreement_spread (comparison, cb, 0));
      break;

    case COLUMN_AREA:
      result = compare_doubles (pnl_comparison_get_area_score (comparison, ca, info->area),
                                pnl_comparison_get_area_score (comparison, cb, info->area));
      break;

    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    result = g_utf8_collate (pnl_comparison_get_candidate_name (comparison, ca),
                             pnl_comparison_get_candidate_name (comparison, cb));
  if (result == 0)
    result = (int) ca - (int) cb;

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Cells */

typedef struct
{
  GtkWidget *box;
  GtkLabel  *title;
  GtkLabel  *caption;
  GtkImage  *icon;
  GtkWidget *open;
} Cell;

static void
cell_free (gpointer data)
{
  g_free (data);
}

static void
on_open_clicked (GtkButton   *button,
                 GtkListItem *list_item)
{
  PnlCandidateItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *view;

  if (item == NULL)
    return;

  view = gtk_widget_get_ancestor (GTK_WIDGET (button), PNL_TYPE_COMPARE_VIEW);
  pnl_compare_view_show_candidate (PNL_COMPARE_VIEW (view), pnl_candidate_item_get_candidate (item));
}

/* Every cell: a figure or a name over a caption,
 * with an icon before them for what needs attention. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ColumnInfo               *info)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *labels;
  gboolean numeric = info->kind != COLUMN_CANDIDATE && info->kind != COLUMN_RECOMMENDATIONS;

  cell->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  cell->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_visible (GTK_WIDGET (cell->icon), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (cell->icon), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->icon));

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (cell->box), labels);

  cell->title = GTK_LABEL (gtk_label_new (NULL));
  cell->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (cell->title, numeric ? 1.0 : 0.0);
  gtk_label_set_xalign (cell->caption, numeric ? 1.0 : 0.0);
  /* Only the candidate column has a fixed width; the others are as wide
   * as what they show (the table scrolls), so that no figure, tally or
   * caption is cut short in a language with longer words. */
  if (info->kind == COLUMN_CANDIDATE)
    {
      gtk_label_set_ellipsize (cell->title, PANGO_ELLIPSIZE_END);
      gtk_label_set_ellipsize (cell->caption, PANGO_ELLIPSIZE_END);
    }
  gtk_widget_add_css_class (GTK_WIDGET (cell->caption), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (cell->caption), "dim-label");
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (cell->title), "numeric");
  if (info->kind == COLUMN_CANDIDATE)
    gtk_widget_add_css_class (GTK_WIDGET (cell->title), "heading");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (cell->title));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (cell->caption));

  /* The way into the candidate's scorecards, besides Enter and a double
   * click on the row. */
  if (info->kind == COLUMN_CANDIDATE)
    {
      cell->open = gtk_button_new_from_icon_name ("go-next-symbolic");
      gtk_widget_set_tooltip_text (cell->open, _("Every Scorecard Side by Side"));
      gtk_widget_set_valign (cell->open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (cell->open, "flat");
      gtk_widget_add_css_class (cell->open, "circular");
      g_signal_connect (cell->open, "clicked", G_CALLBACK (on_open_clicked), list_item);
      gtk_box_append (GTK_BOX (cell->box), cell->open);
    }

  g_object_set_data_full (G_OBJECT (list_item), "pnl-cell", cell, cell_free);
  gtk_list_item_set_child (list_item, cell->box);
}

static void
set_icon (Cell       *cell,
          const char *icon_name,
          const char *tooltip)
{
  gtk_widget_set_visible (GTK_WIDGET (cell->icon), icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (cell->icon, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell->icon), tooltip);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnInfo               *info)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "pnl-cell");
  PnlCandidateItem *item = gtk_list_item_get_item (list_item);
  PnlComparison *comparison = pnl_candidate_item_get_comparison (item);
  guint candidate = pnl_candidate_item_get_candidate (item);
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon_name = NULL;
  gboolean warning = FALSE;

  switch (info->kind)
    {
    case COLUMN_CANDIDATE:
      title = g_strdup (pnl_comparison_get_candidate_name (comparison, candidate));
      caption = g_strdup (pnl_comparison_get_candidate_reference (comparison, candidate));
      if (pnl_comparison_is_hidden (comparison, candidate))
        {
          icon_name = "view-conceal-symbolic";
          tooltip = g_strdup (pnl_comparison_get_hidden_reason (comparison, candidate));
          g_free (caption);
          /* Translators: a candidate whose panel scores are hidden, short */
          caption = g_strdup (_("Hidden until you submit"));
        }
      break;

    case COLUMN_INTERVIEWS:
      title = g_strdup_printf ("%u", pnl_comparison_get_n_interviews (comparison, candidate));
      caption = g_strdup_printf (ngettext ("%u interviewer", "%u interviewers",
                                           pnl_comparison_get_n_interviewers (comparison, candidate)),
                                 pnl_comparison_get_n_interviewers (comparison, candidate));
      break;

    case COLUMN_RECOMMENDATIONS:
      title = format_recommendations (comparison, candidate);
      tooltip = g_strdup (title);
      break;

    case COLUMN_MEAN:
      title = format_score (pnl_comparison_get_mean (comparison, candidate));
      break;

    case COLUMN_DISAGREEMENTS:
      {
        guint n = pnl_comparison_get_n_disagreements (comparison, candidate);

        title = g_strdup_printf ("%u", n);
        if (n > 0)
          {
            icon_name = "dialog-warning-symbolic";
            warning = TRUE;
            caption = g_strdup_printf (_("Up to %.1f apart"),
                                       pnl_comparison_get_disagreement_spread (comparison, candidate, 0));
          }
      }
      break;

    case COLUMN_AREA:
      {
        guint n = pnl_comparison_get_area_n_interviewers (comparison, candidate, info->area);

        title = format_score (pnl_comparison_get_area_score (comparison, candidate, info->area));
        if (n > 0)
          caption = g_strdup_printf (ngettext ("%u interviewer", "%u interviewers", n), n);
        if (pnl_comparison_is_disagreement (comparison, candidate, info->area))
          {
            icon_name = "dialog-warning-symbolic";
            warning = TRUE;
            tooltip = format_disagreement (comparison, candidate, info->area);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (cell->open != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: the accessible name of a row's open button */
      label = g_strdup_printf (_("Every scorecard of %s"),
                               pnl_comparison_get_candidate_name (comparison, candidate));
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->open),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  gtk_label_set_text (cell->title, title);
  gtk_label_set_text (cell->caption, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (cell->caption), caption != NULL && caption[0] != '\0');
  set_icon (cell, icon_name, tooltip);
  gtk_widget_set_tooltip_text (cell->box, tooltip);

  if (warning)
    gtk_widget_add_css_class (cell->box, "warning");
  else
    gtk_widget_remove_css_class (cell->box, "warning");
}

static GtkColumnViewColumn *
add_column (PnlCompareView *self,
            ColumnKind      kind,
            guint           area,
            const char     *key,
            const char     *title)
{
  ColumnInfo *info = column_info_new (kind, area, key);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *column;

  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell),
                         g_rc_box_acquire (info), column_info_closure_notify, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell),
                         g_rc_box_acquire (info), column_info_closure_notify, 0);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, g_rc_box_acquire (info), column_info_release));
  gtk_column_view_column_set_sorter (column, sorter);

  if (kind == COLUMN_CANDIDATE)
    gtk_column_view_column_set_fixed_width (column, 230);

  g_object_set_data_full (G_OBJECT (column), "pnl-column-key", g_strdup (key), g_free);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  column_info_release (info);

  return column;
}

static GtkColumnViewColumn *
find_column (PnlCompareView *self,
             const char     *key)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "pnl-column-key"), key) == 0)
        return column;
    }

  return NULL;
}

/* The columns of the comparison's areas.  GTK 4.8 cannot tell which
 * column sorts, so the columns stay (and with them the user's sort)
 * while the areas stay the same. */
static void
rebuild_columns (PnlCompareView *self)
{
  g_autoptr(GString) signature = g_string_new (self->role);
  GListModel *columns;

  for (guint i = 0; i < self->areas->len; i++)
    g_string_append_printf (signature, "\n%s",
                            pnl_comparison_get_area_id (self->comparison, g_array_index (self->areas, guint, i)));

  if (g_strcmp0 (signature->str, self->columns_signature) == 0)
    return;

  g_free (self->columns_signature);
  self->columns_signature = g_string_free (g_steal_pointer (&signature), FALSE);

  columns = gtk_column_view_get_columns (self->column_view);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, first);
    }

  add_column (self, COLUMN_CANDIDATE, 0, "candidate", _("Candidate"));
  add_column (self, COLUMN_INTERVIEWS, 0, "interviews", _("Interviews"));
  add_column (self, COLUMN_RECOMMENDATIONS, 0, "recommendations", _("Recommendations"));
  add_column (self, COLUMN_MEAN, 0, "mean", _("Mean"));
  add_column (self, COLUMN_DISAGREEMENTS, 0, "disagreements", _("Disagreements"));

  for (guint i = 0; i < self->areas->len; i++)
    {
      guint area = g_array_index (self->areas, guint, i);
      g_autofree char *key = g_strconcat ("area:", pnl_comparison_get_area_id (self->comparison, area), NULL);

      add_column (self, COLUMN_AREA, area, key, pnl_comparison_get_area_title (self->comparison, area));
    }

  /* Candidates with disagreements first: the debrief starts there. */
  gtk_column_view_sort_by_column (self->column_view, find_column (self, "disagreements"),
                                  GTK_SORT_DESCENDING);
}

/* Chart */

static void
update_chart (PnlCompareView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  GArray *areas = self->areas;
  GtkBitsetIter iter;
  guint n_areas;
  guint position;
  double min = 1.0;
  double max = 4.0;

  pnl_score_chart_clear_series (self->chart);

  if (self->comparison == NULL)
    {
      gtk_stack_set_visible_child_name (self->chart_stack, "hint");
      return;
    }

  titles = g_ptr_array_new ();
  for (guint i = 0; i < areas->len; i++)
    g_ptr_array_add (titles, (gpointer) pnl_comparison_get_area_title (self->comparison,
                                                                       g_array_index (areas, guint, i)));
  g_ptr_array_add (titles, NULL);
  n_areas = areas->len;
  pnl_score_chart_set_areas (self->chart, (const char * const *) titles->pdata);

  {
    int scale_min, scale_max;

    pnl_comparison_get_scale_range (self->comparison, &scale_min, &scale_max);
    min = scale_min;
    max = scale_max;
  }
  pnl_score_chart_set_range (self->chart, min, max);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(PnlCandidateItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      guint candidate = pnl_candidate_item_get_candidate (item);
      g_autofree double *values = g_new0 (double, MAX (n_areas, 1));
      g_autofree gboolean *marked = g_new0 (gboolean, MAX (n_areas, 1));

      for (guint i = 0; i < n_areas; i++)
        {
          guint area = g_array_index (areas, guint, i);

          values[i] = pnl_comparison_get_area_score (self->comparison, candidate, area);
          marked[i] = pnl_comparison_is_disagreement (self->comparison, candidate, area);
        }

      pnl_score_chart_add_series (self->chart,
                                  pnl_comparison_get_candidate_name (self->comparison, candidate),
                                  values, marked);
    }

  gtk_stack_set_visible_child_name (self->chart_stack,
                                    pnl_score_chart_get_n_series (self->chart) > 0 ? "chart" : "hint");
}

static void
on_selection_changed (PnlCompareView    *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  if (!self->loading)
    update_chart (self);
}

/* Disagreements and calibration */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* Most disagreements first, then the widest, then the table's order. */
static int
compare_disagreements (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  PnlComparison *comparison = user_data;
  guint ca = *(const guint *) a;
  guint cb = *(const guint *) b;
  guint na = pnl_comparison_get_n_disagreements (comparison, ca);
  guint nb = pnl_comparison_get_n_disagreements (comparison, cb);
  int ret;

  if (na != nb)
    return na > nb ? -1 : 1;
  if ((ret = compare_doubles (pnl_comparison_get_disagreement_spread (comparison, cb, 0),
                              pnl_comparison_get_disagreement_spread (comparison, ca, 0))) != 0)
    return ret;

  return ca < cb ? -1 : ca > cb;
}

static void
update_disagreements (PnlCompareView *self)
{
  PnlComparison *comparison = self->comparison;
  guint n_candidates = pnl_comparison_get_n_candidates (comparison);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  clear_list (self->disagreements_list);

  for (guint i = 0; i < n_candidates; i++)
    if (pnl_comparison_has_disagreements (comparison, i))
      g_array_append_val (order, i);

  g_array_sort_with_data (order, compare_disagreements, comparison);

  for (guint i = 0; i < order->len; i++)
    {
      guint candidate = g_array_index (order, guint, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      for (guint j = 0; j < pnl_comparison_get_n_disagreements (comparison, candidate); j++)
        {
          guint area = pnl_comparison_get_disagreement_area (comparison, candidate, j);

          if (j > 0)
            /* Translators: between the areas of one candidate's disagreements */
            g_string_append (subtitle, _(", "));
          /* Translators: an area and how far apart interviewers are in it */
          g_string_append_printf (subtitle, _("%s (%.1f apart)"),
                                  pnl_comparison_get_area_title (comparison, area),
                                  pnl_comparison_get_disagreement_spread (comparison, candidate, j));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pnl_comparison_get_candidate_name (comparison, candidate));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "pnl-candidate", GUINT_TO_POINTER (candidate));
      gtk_list_box_append (self->disagreements_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->disagreements_list), order->len > 0);

  if (order->len > 0)
    gtk_label_set_text (self->disagreements_label,
                        _("Where interviewers are two levels apart or more: a place to start the debrief."));
  else
    gtk_label_set_text (self->disagreements_label,
                        _("None: in every area, the interviewers are less than two levels apart."));
}

static void
on_disagreement_activated (PnlCompareView *self,
                           GtkListBoxRow  *row,
                           GtkListBox     *list)
{
  pnl_compare_view_show_candidate (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pnl-candidate")));
}

static void
update_calibration (PnlCompareView *self)
{
  PnlComparison *comparison = self->comparison;
  guint n = pnl_comparison_get_n_calibrations (comparison);
  guint n_scoring = 0;

  clear_list (self->calibration_list);

  for (guint i = 0; i < n; i++)
    {
      guint n_candidates = pnl_comparison_get_calibration_n_candidates (comparison, i);
      double difference = pnl_comparison_get_calibration_difference (comparison, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *figure = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;
      const char *verdict;

      if (n_candidates == 0)
        {
          subtitle = g_strdup (_("Scored nothing yet"));
          figure = g_strdup ("");
          verdict = NULL;
        }
      else
        {
          n_scoring++;
          /* Translators: an interviewer's mean, the panel's mean for the same candidates, how many candidates */
          subtitle = g_strdup_printf (ngettext ("Gives %.1f where the panel gives %.1f, over %u candidate",
                                                "Gives %.1f where the panel gives %.1f, over %u candidates",
                                                n_candidates),
                                      pnl_comparison_get_calibration_mean (comparison, i),
                                      pnl_comparison_get_calibration_panel_mean (comparison, i),
                                      n_candidates);
          /* Translators: a signed difference of means, e.g. "+0.4" or "−0.4" */
          figure = g_strdup_printf (difference < 0 ? _("−%.1f") : _("+%.1f"), fabs (difference));

          if (difference > CALIBRATION_IN_LINE)
            verdict = _("More lenient");
          else if (difference < -CALIBRATION_IN_LINE)
            verdict = _("Stricter");
          else
            verdict = _("In line");
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pnl_comparison_get_calibration_interviewer (comparison, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (verdict != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s  %s", verdict, figure);

          label = gtk_label_new (text);
          gtk_widget_add_css_class (label, "numeric");
          if (fabs (difference) > CALIBRATION_IN_LINE)
            gtk_widget_add_css_class (label, "accent");
          else
            gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }

      gtk_list_box_append (self->calibration_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->calibration_list), n_scoring >= 2);

  if (n_scoring >= 2)
    gtk_label_set_text (self->calibration_label,
                        _("Each interviewer’s mean score against the panel’s mean for the same candidates: above it is more lenient, below it stricter."));
  else
    gtk_label_set_text (self->calibration_label,
                        _("Calibration needs scores from two interviewers or more."));
}

static void
update_note (PnlCompareView *self)
{
  PnlComparison *comparison = self->comparison;
  g_autoptr(GString) note = g_string_new (NULL);
  guint n_hidden = 0;
  guint n_scoring = 0;

  for (guint i = 0; i < pnl_comparison_get_n_candidates (comparison); i++)
    if (pnl_comparison_is_hidden (comparison, i))
      n_hidden++;

  for (guint i = 0; i < pnl_comparison_get_n_calibrations (comparison); i++)
    if (pnl_comparison_get_calibration_n_candidates (comparison, i) > 0)
      n_scoring++;

  if (n_hidden > 0)
    g_string_append_printf (note,
                            ngettext ("You are still interviewing %u candidate: the panel’s scores for them stay hidden until you submit your own scorecard, so that yours is your own.",
                                      "You are still interviewing %u candidates: the panel’s scores for them stay hidden until you submit your own scorecards, so that yours are your own.",
                                      n_hidden),
                            n_hidden);

  if (n_scoring <= 1)
    {
      if (note->len > 0)
        g_string_append (note, "\n\n");
      g_string_append (note, _("Only one interviewer’s scores are here so far, so there is nothing to compare them with yet. Import the panel’s scorecards, or choose a panel folder in the main menu to receive them as they are submitted."));
    }

  gtk_label_set_text (self->note_label, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note->len > 0);
}

/* Loading */

static void
select_first_rows (PnlCompareView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (n > 0)
    gtk_selection_model_select_range (GTK_SELECTION_MODEL (self->selection), 0,
                                      MIN (n, N_CHARTED_AT_FIRST), TRUE);
}

static void
load_role (PnlCompareView *self)
{
  g_autoptr(GError) error = NULL;
  guint n_candidates;

  self->loading = TRUE;

  g_list_store_remove_all (self->rows);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->areas, g_array_unref);

  if (self->role == NULL || self->store == NULL)
    goto out;

  /* Summed up in SQL: a role of a thousand candidates shows at once.
   * Answers are read only for the candidate opened. */
  if (!(self->comparison = pnl_comparison_new_for_role (self->store, self->role, &error)))
    {
      g_warning ("Could not read the role’s scorecards: %s", error->message);
      gtk_stack_set_visible_child_name (self->role_stack, "none-submitted");
      goto out;
    }

  pnl_comparison_set_local_interviewer (self->comparison, self->local_interviewer);
  self->areas = scored_areas (self->comparison);

  n_candidates = pnl_comparison_get_n_candidates (self->comparison);
  if (n_candidates == 0)
    {
      gtk_stack_set_visible_child_name (self->role_stack, "none-submitted");
      goto out;
    }

  rebuild_columns (self);

  for (guint i = 0; i < n_candidates; i++)
    {
      g_autoptr(PnlCandidateItem) item = pnl_candidate_item_new (self->comparison, i);

      g_list_store_append (self->rows, item);
    }

  /* A panel's few candidates show whole, inside the page's own
   * scrolling; many get a scrolling table. */
  gtk_scrolled_window_set_policy (self->table_scroller, GTK_POLICY_AUTOMATIC,
                                  n_candidates <= MAX_ROWS_UNSCROLLED ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (self->table_scroller,
                                              n_candidates <= MAX_ROWS_UNSCROLLED ? -1 : 480);

  update_note (self);
  update_disagreements (self);
  update_calibration (self);
  gtk_stack_set_visible_child_name (self->role_stack, "figures");

out:
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export",
                                 self->comparison != NULL &&
                                 pnl_comparison_get_n_candidates (self->comparison) > 0);
  select_first_rows (self);
  self->loading = FALSE;
  update_chart (self);
}

static void
on_role_selected (PnlCompareView *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *role;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  role = gtk_string_list_get_string (self->roles, selected);
  if (g_strcmp0 (role, self->role) == 0)
    return;

  g_free (self->role);
  self->role = g_strdup (role);
  load_role (self);
}

void
pnl_compare_view_reload (PnlCompareView *self)
{
  g_auto(GStrv) roles = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n_roles;

  g_return_if_fail (PNL_IS_COMPARE_VIEW (self));

  self->stale = FALSE;

  /* The role of the most recent interview first. */
  if (self->store != NULL && !(roles = pnl_store_list_roles (self->store, &error)))
    g_warning ("Could not list the roles: %s", error->message);
  if (roles == NULL)
    roles = g_new0 (char *, 1);

  n_roles = g_strv_length (roles);
  for (guint i = 0; i < n_roles && selected == GTK_INVALID_LIST_POSITION; i++)
    if (g_strcmp0 (roles[i], self->role) == 0)
      selected = i;

  self->loading = TRUE;
  gtk_string_list_splice (self->roles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roles)),
                          (const char * const *) roles);
  if (selected == GTK_INVALID_LIST_POSITION && n_roles > 0)
    selected = 0;
  gtk_drop_down_set_selected (self->role_dropdown, selected);
  self->loading = FALSE;

  g_free (self->role);
  self->role = selected != GTK_INVALID_LIST_POSITION
             ? g_strdup (gtk_string_list_get_string (self->roles, selected))
             : NULL;

  gtk_stack_set_visible_child_name (self->stack, self->role != NULL ? "role" : "no-roles");
  load_role (self);
}

void
pnl_compare_view_queue_reload (PnlCompareView *self)
{
  g_return_if_fail (PNL_IS_COMPARE_VIEW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pnl_compare_view_reload (self);
  else
    self->stale = TRUE;
}

static void
on_column_view_activate (PnlCompareView *self,
                         guint           position,
                         GtkColumnView  *column_view)
{
  g_autoptr(PnlCandidateItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    pnl_compare_view_show_candidate (self, pnl_candidate_item_get_candidate (item));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnlCompareView *self = PNL_COMPARE_VIEW (widget);
  PnlExportDialog *dialog;

  if (self->store == NULL || self->role == NULL)
    return;

  dialog = pnl_export_dialog_new_for_role (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->role);
  pnl_export_dialog_set_format (dialog, PNL_EXPORT_FORMAT_CSV);
  pnl_export_dialog_set_local_interviewer (dialog, self->local_interviewer);
  pnl_export_dialog_present_from (dialog, widget);
}

/* The role on the dropdown's button gives way on a narrow window; the
 * list shows it whole. */
static void
setup_role (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_role (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  ellipsize)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

static GtkListItemFactory *
role_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_role), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_role), GINT_TO_POINTER (ellipsize));

  return factory;
}

/* GObject */

static void
pnl_compare_view_dispose (GObject *object)
{
  PnlCompareView *self = (PnlCompareView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_COMPARE_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->rows);
  g_clear_object (&self->roles);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pnl_compare_view_parent_class)->dispose (object);
}

static void
pnl_compare_view_finalize (GObject *object)
{
  PnlCompareView *self = (PnlCompareView *)object;

  g_clear_pointer (&self->local_interviewer, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->columns_signature, g_free);

  G_OBJECT_CLASS (pnl_compare_view_parent_class)->finalize (object);
}

static void
pnl_compare_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PnlCompareView *self = PNL_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOCAL_INTERVIEWER:
      g_value_set_string (value, self->local_interviewer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_compare_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PnlCompareView *self = PNL_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOCAL_INTERVIEWER:
      pnl_compare_view_set_local_interviewer (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_compare_view_map (GtkWidget *widget)
{
  PnlCompareView *self = PNL_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (pnl_compare_view_parent_class)->map (widget);

  if (self->stale)
    pnl_compare_view_reload (self);
}

static void
pnl_compare_view_class_init (PnlCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_compare_view_dispose;
  object_class->finalize = pnl_compare_view_finalize;
  object_class->get_property = pnl_compare_view_get_property;
  object_class->set_property = pnl_compare_view_set_property;
  widget_class->map = pnl_compare_view_map;

  properties[PROP_LOCAL_INTERVIEWER] =
    g_param_spec_string ("local-interviewer", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_CANDIDATE] =
    g_signal_new ("show-candidate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, PNL_TYPE_CANDIDATE_REVIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, role_stack);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, note_label);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, chart);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, disagreements_label);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, disagreements_list);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, calibration_label);
  gtk_widget_class_bind_template_child (widget_class, PnlCompareView, calibration_list);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_disagreement_activated);

  gtk_widget_class_install_action (widget_class, "compare.export", NULL, export_action);

  g_type_ensure (PNL_TYPE_SCORE_CHART);
}

static void
pnl_compare_view_init (PnlCompareView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+E exports from anywhere in the window while the view shows,
   * also when the focus is on the header bar above it (after choosing
   * the tab, say): the window manages the shortcut. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>e"),
                                                          gtk_named_action_new ("compare.export")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->roles = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (self->roles));
  {
    g_autoptr(GtkListItemFactory) button = role_factory (TRUE);
    g_autoptr(GtkListItemFactory) list = role_factory (FALSE);

    gtk_drop_down_set_factory (self->role_dropdown, button);
    gtk_drop_down_set_list_factory (self->role_dropdown, list);
  }

  self->rows = g_list_store_new (PNL_TYPE_CANDIDATE_ITEM);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  gtk_stack_set_visible_child_name (self->stack, "no-roles");
}

void
pnl_compare_view_set_store (PnlCompareView *self,
                            PnlStore       *store)
{
  g_return_if_fail (PNL_IS_COMPARE_VIEW (self));
  g_return_if_fail (!store || PNL_IS_STORE (store));

  /* Read when first shown: a start on the Interviews tab pays nothing
   * for it. */
  if (g_set_object (&self->store, store))
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        pnl_compare_view_reload (self);
      else
        self->stale = TRUE;
    }
}

const char *
pnl_compare_view_get_local_interviewer (PnlCompareView *self)
{
  g_return_val_if_fail (PNL_IS_COMPARE_VIEW (self), NULL);

  return self->local_interviewer;
}

void
pnl_compare_view_set_local_interviewer (PnlCompareView *self,
                                        const char     *name)
{
  g_return_if_fail (PNL_IS_COMPARE_VIEW (self));

  if (name != NULL && name[0] == '\0')
    name = NULL;

  if (g_strcmp0 (name, self->local_interviewer) == 0)
    return;

  g_free (self->local_interviewer);
  self->local_interviewer = g_strdup (name);
  load_role (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_INTERVIEWER]);
}

const char *
pnl_compare_view_get_role (PnlCompareView *self)
{
  g_return_val_if_fail (PNL_IS_COMPARE_VIEW (self), NULL);

  return self->role;
}

gboolean
pnl_compare_view_select_role (PnlCompareView *self,
                              const char     *role)
{
  guint n;

  g_return_val_if_fail (PNL_IS_COMPARE_VIEW (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->roles));
  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (gtk_string_list_get_string (self->roles, i), role))
        {
          gtk_drop_down_set_selected (self->role_dropdown, i);
          return TRUE;
        }
    }

  return FALSE;
}

PnlComparison *
pnl_compare_view_get_comparison (PnlCompareView *self)
{
  g_return_val_if_fail (PNL_IS_COMPARE_VIEW (self), NULL);

  return self->comparison;
}

GListModel *
pnl_compare_view_get_rows (PnlCompareView *self)
{
  g_return_val_if_fail (PNL_IS_COMPARE_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

GtkColumnView *
pnl_compare_view_get_column_view (PnlCompareView *self)
{
  g_return_val_if_fail (PNL_IS_COMPARE_VIEW (self), NULL);

  return self->column_view;
}

/**
 * pnl_compare_view_review_candidate:
 * @self: a #PnlCompareView
 * @name: the candidate's name
 * @reference: the candidate's reference
 * @error: a location for a #GError
 *
 * Reads the scorecards of the candidate of the role shown, with every
 * answer, as the candidate page shows them.
 *
 * Returns: (transfer full) (nullable): the candidate's scorecards side by
 *   side, or %NULL and @error set (G_IO_ERROR_NOT_FOUND when the role
 *   shown has no such candidate)
 */
PnlCandidateReview *
pnl_compare_view_review_candidate (PnlCompareView  *self,
                                   const char      *name,
                                   const char      *reference,
                                   GError         **error)
{
  g_autoptr(GListModel) interviews = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int candidate;

  g_return_val_if_fail (PNL_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  if (self->comparison == NULL ||
      (candidate = pnl_comparison_find_candidate (self->comparison, name, reference)) < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This candidate has no scorecards for the role any more"));
      return NULL;
    }

  /* By name and reference both: two people may share either. */
  if (!(interviews = pnl_store_list_candidate_interviews (self->store, name, reference,
                                                          self->role, error)))
    return NULL;

  if (!(items = pnl_export_read_items (self->store, interviews, error)))
    return NULL;

  pnl_export_sort_items (items);

  return pnl_candidate_review_new (self->comparison, candidate, items);
}

void
pnl_compare_view_show_candidate (PnlCompareView *self,
                                 guint           candidate)
{
  g_autoptr(PnlCandidateReview) review = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PNL_IS_COMPARE_VIEW (self));
  g_return_if_fail (self->comparison != NULL);
  g_return_if_fail (candidate < pnl_comparison_get_n_candidates (self->comparison));

  review = pnl_compare_view_review_candidate (self,
                                              pnl_comparison_get_candidate_name (self->comparison, candidate),
                                              pnl_comparison_get_candidate_reference (self->comparison, candidate),
                                              &error);
  if (review == NULL)
    {
      pnl_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  g_signal_emit (self, signals[SHOW_CANDIDATE], 0, review);
}
