/* pnl-score-chart.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-score-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pnl-score-chart.h"

/* Spacing, in pixels */
#define LEGEND_SWATCH       12
#define LEGEND_SWATCH_GAP    6
#define LEGEND_ITEM_GAP     18
#define LEGEND_LINE_GAP      6
#define LEGEND_BOTTOM       18
#define TITLE_COLUMN_GAP    12
#define TITLE_BOTTOM         4
#define BAR_GAP              3
#define GROUP_GAP           18
#define NARROW_GROUP_GAP    18
#define VALUE_GAP            6
#define MARKER_GAP           3
#define AXIS_GAP             6
#define BAR_RADIUS           3
#define BAR_STUB             3
#define MIN_GRID_SPACING    36

/* Below this width area titles go above their bars, not beside them. */
#define NARROW_WIDTH       520
#define MIN_WIDTH          280
#define NATURAL_WIDTH      640
#define MAX_TITLE_WIDTH    240
#define MAX_TITLE_FRACTION 0.3

#define GRID_ALPHA         0.12
#define ORIGIN_ALPHA       0.35
#define DIM_ALPHA          0.55

typedef struct
{
  char     *name;
  double   *values;
  gboolean *marked;
} Series;

typedef struct
{
  int x;
  int y;
  int name_width;
} LegendItem;

typedef struct
{
  int title_y;
  int bars_y;
} AreaBox;

/* Where everything goes at one width: computed by measure() for its
 * answer and by size_allocate() for snapshot() and the tooltips. */
typedef struct
{
  int     width;
  int     height;
  guint   n_series;
  guint   narrow : 1;
  guint   has_marked : 1;
  int     text_height;
  int     small_height;
  int     bar_height;
  int     marker_size;
  int     title_width;
  int     origin_x;
  int     end_x;
  int     plot_top;
  int     plot_bottom;
  int     axis_y;
  double  grid_step;
  /* The series, then the key of the disagreement marker */
  GArray *legend;
  GArray *boxes;
} Geometry;

struct _PnlScoreChart
{
  GtkWidget  parent_instance;

  /* Owned references */
  GStrv      areas;
  GPtrArray *series;
  Geometry   geometry;

  guint      n_areas;
  double     min;
  double     max;
};

G_DEFINE_FINAL_TYPE (PnlScoreChart, pnl_score_chart, GTK_TYPE_WIDGET)

/* GNOME HIG palette, cycled through by the series. */
static const char * const palette[] = {
  "#3584e4", /* blue 3 */
  "#2ec27e", /* green 4 */
  "#ff7800", /* orange 3 */
  "#9141ac", /* purple 3 */
  "#e01b24", /* red 3 */
  "#e5a50a", /* yellow 5 */
  "#986a44", /* brown 3 */
  "#2190a4", /* teal */
  "#d56199", /* pink */
};

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series->marked);
  g_free (series);
}

static void
geometry_clear (Geometry *geo)
{
  g_clear_pointer (&geo->legend, g_array_unref);
  g_clear_pointer (&geo->boxes, g_array_unref);
}

static Series *
get_series (PnlScoreChart *self,
            guint          i)
{
  return g_ptr_array_index (self->series, i);
}

static char *
format_score (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return g_strdup_printf ("%.1f", value);
}

static char *
format_level (double level)
{
  return g_strdup_printf ("%g", level);
}

static gboolean
has_marked (PnlScoreChart *self)
{
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = get_series (self, s);

      for (guint a = 0; a < self->n_areas; a++)
        if (series->marked[a] && !isnan (series->values[a]))
          return TRUE;
    }

  return FALSE;
}

/* Value labels and axis numbers: a smaller size, with figures of equal
 * width so that the labels of one group line up. */
static PangoLayout *
create_layout (PnlScoreChart *self,
               const char    *text,
               gboolean       small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static int
get_text_width (PnlScoreChart *self,
                const char    *text,
                gboolean       small,
                int           *height)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text, small);
  int width;

  pango_layout_get_pixel_size (layout, &width, height);

  return width;
}

/* To the nearest pixel, for crisp edges; @x is never negative. */
static inline int
snap (double x)
{
  return (int) (x + 0.5);
}

static double
get_x_for_value (const Geometry *geo,
                 double          min,
                 double          max,
                 double          value)
{
  value = CLAMP (value, min, max);

  return geo->origin_x + (value - min) / (max - min) * (geo->end_x - geo->origin_x);
}

static int
get_bar_y (const Geometry *geo,
           guint           area,
           guint           series)
{
  const AreaBox *box = &g_array_index (geo->boxes, AreaBox, area);

  return box->bars_y + (int) series * (geo->bar_height + BAR_GAP);
}

/* 1, 2, 5, 10, 20… levels between grid lines, the first that leaves
 * room enough between them for their numbers. */
static double
get_grid_step (double unit)
{
  static const double steps[] = { 1, 2, 5 };
  double magnitude = 1;

  for (guint i = 0; i < 10; i++, magnitude *= 10)
    for (guint j = 0; j < G_N_ELEMENTS (steps); j++)
      if (steps[j] * magnitude * unit >= MIN_GRID_SPACING)
        return steps[j] * magnitude;

  return magnitude;
}

/* Whether the geometry is that of the data, not of data since changed
 * and not yet allocated again. */
static gboolean
geometry_is_current (PnlScoreChart  *self,
                     const Geometry *geo)
{
  return geo->boxes != NULL &&
         geo->n_series == self->series->len &&
         geo->boxes->len == self->n_areas;
}

static void
compute_geometry (PnlScoreChart *self,
                  int            width,
                  Geometry      *geo)
{
  guint n_series = self->series->len;
  const char *marker_key = _("Interviewers disagree");
  int y, x, bars_height, value_width = 0;
  int title_natural = 0;
  double unit;

  geometry_clear (geo);
  *geo = (Geometry) { 0 };
  geo->width = width;
  geo->n_series = n_series;
  geo->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  geo->boxes = g_array_new (FALSE, TRUE, sizeof (AreaBox));

  if (n_series == 0)
    return;

  geo->narrow = width < NARROW_WIDTH;
  geo->has_marked = has_marked (self);

  get_text_width (self, "Ag", FALSE, &geo->text_height);
  get_text_width (self, "0", TRUE, &geo->small_height);
  geo->bar_height = MAX (12, geo->small_height);
  geo->marker_size = CLAMP (geo->small_height, 12, 16);

  /* Legend: the items flow onto as many lines as the width needs */
  x = y = 0;
  for (guint i = 0; i < n_series + (geo->has_marked ? 1 : 0); i++)
    {
      const char *name = i < n_series ? get_series (self, i)->name : marker_key;
      int swatch = i < n_series ? LEGEND_SWATCH : geo->marker_size;
      int name_width = get_text_width (self, name, FALSE, NULL);
      LegendItem item;

      name_width = MIN (name_width, width - swatch - LEGEND_SWATCH_GAP);
      name_width = MAX (name_width, 0);
      if (x > 0 && x + swatch + LEGEND_SWATCH_GAP + name_width > width)
        {
          x = 0;
          y += geo->text_height + LEGEND_LINE_GAP;
        }

      item.x = x;
      item.y = y;
      item.name_width = name_width;
      g_array_append_val (geo->legend, item);

      x += swatch + LEGEND_SWATCH_GAP + name_width + LEGEND_ITEM_GAP;
    }
  y += geo->text_height + LEGEND_BOTTOM;

  /* Columns: titles, bars, then room for the longest value label */
  for (guint s = 0; s < n_series; s++)
    {
      Series *series = get_series (self, s);

      for (guint a = 0; a < self->n_areas; a++)
        {
          g_autofree char *label = format_score (series->values[a]);
          int label_width = get_text_width (self, label, TRUE, NULL);

          if (series->marked[a] && !isnan (series->values[a]))
            label_width += MARKER_GAP + geo->marker_size;
          value_width = MAX (value_width, label_width);
        }
    }
  value_width += VALUE_GAP;

  if (geo->narrow)
    {
      geo->title_width = width;
      geo->origin_x = 0;
    }
  else
    {
      for (guint a = 0; a < self->n_areas; a++)
        title_natural = MAX (title_natural, get_text_width (self, self->areas[a], FALSE, NULL));

      geo->title_width = MIN (title_natural, MIN (MAX_TITLE_WIDTH, width * MAX_TITLE_FRACTION));
      geo->origin_x = geo->title_width + TITLE_COLUMN_GAP;
    }
  geo->end_x = MAX (geo->origin_x + 1, width - value_width);

  /* Grid lines at whole levels, fewer when they would crowd */
  unit = (double)(geo->end_x - geo->origin_x) / (self->max - self->min);
  geo->grid_step = get_grid_step (unit);

  /* Groups */
  geo->plot_top = y;
  bars_height = (int) n_series * (geo->bar_height + BAR_GAP) - BAR_GAP;
  for (guint a = 0; a < self->n_areas; a++)
    {
      AreaBox box;

      if (geo->narrow)
        {
          box.title_y = y;
          box.bars_y = y + geo->text_height + TITLE_BOTTOM;
          y = box.bars_y + bars_height;
        }
      else
        {
          int group_height = MAX (geo->text_height, bars_height);

          box.title_y = y + (group_height - geo->text_height) / 2;
          box.bars_y = y + (group_height - bars_height) / 2;
          y += group_height;
        }
      g_array_append_val (geo->boxes, box);

      if (a + 1 < self->n_areas)
        y += geo->narrow ? NARROW_GROUP_GAP : GROUP_GAP;
    }
  geo->plot_bottom = y + BAR_GAP;
  geo->axis_y = geo->plot_bottom + AXIS_GAP;
  geo->height = geo->axis_y + geo->small_height;
}

/* Right-to-left: the whole chart is mirrored, bars growing leftwards. */
static graphene_rect_t
mirror_rect (PnlScoreChart  *self,
             const Geometry *geo,
             double          x,
             double          y,
             double          width,
             double          height)
{
  graphene_rect_t rect;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = geo->width - x - width;

  graphene_rect_init (&rect, x, y, width, height);

  return rect;
}

static void
append_layout (GtkSnapshot           *snapshot,
               PangoLayout           *layout,
               const graphene_rect_t *rect,
               const GdkRGBA         *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->origin.x, rect->origin.y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_text (PnlScoreChart  *self,
             GtkSnapshot    *snapshot,
             const Geometry *geo,
             const char     *text,
             gboolean        small,
             double          x,
             double          y,
             double          max_width,
             const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text, small);
  graphene_rect_t rect;
  int width, height;

  if (max_width >= 0)
    {
      pango_layout_set_width (layout, MAX (1, max_width) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
    }
  pango_layout_get_pixel_size (layout, &width, &height);

  rect = mirror_rect (self, geo, x, y, max_width >= 0 ? max_width : width, height);
  append_layout (snapshot, layout, &rect, color);
}

static void
append_marker (PnlScoreChart  *self,
               GtkSnapshot    *snapshot,
               const Geometry *geo,
               double          x,
               double          y,
               const GdkRGBA  *color)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkIconPaintable) icon = NULL;
  graphene_rect_t rect;

  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)),
                                     "dialog-warning-symbolic", NULL,
                                     geo->marker_size, gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  rect = mirror_rect (self, geo, x, y, geo->marker_size, geo->marker_size);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &rect.origin);
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            geo->marker_size, geo->marker_size, color, 1);
  gtk_snapshot_restore (snapshot);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                double                 start_radius,
                double                 end_radius,
                gboolean               rtl,
                const GdkRGBA         *color)
{
  graphene_size_t start = GRAPHENE_SIZE_INIT (start_radius, start_radius);
  graphene_size_t end = GRAPHENE_SIZE_INIT (end_radius, end_radius);
  graphene_size_t *left = rtl ? &end : &start;
  graphene_size_t *right = rtl ? &start : &end;
  GskRoundedRect rounded;

  gsk_rounded_rect_init (&rounded, rect, left, right, right, left);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
get_colors (PnlScoreChart *self,
            GdkRGBA       *text,
            GdkRGBA       *warning)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, text);
  if (!gtk_style_context_lookup_color (context, "warning_color", warning))
    gdk_rgba_parse (warning, "#e5a50a");
}

static void
pnl_score_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PnlScoreChart *self = PNL_SCORE_CHART (widget);
  const Geometry *geo = &self->geometry;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA text, dim, grid, origin, warning;
  double first_level;
  int bars_height;

  if (self->series->len == 0 || !geometry_is_current (self, geo))
    return;

  bars_height = (int) self->series->len * (geo->bar_height + BAR_GAP) - BAR_GAP;

  get_colors (self, &text, &warning);
  dim = grid = origin = text;
  dim.alpha *= DIM_ALPHA;
  grid.alpha *= GRID_ALPHA;
  origin.alpha *= ORIGIN_ALPHA;

  /* Legend */
  for (guint i = 0; i < geo->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (geo->legend, LegendItem, i);

      if (i < self->series->len)
        {
          GdkRGBA color;
          graphene_rect_t swatch;

          gdk_rgba_parse (&color, palette[i % G_N_ELEMENTS (palette)]);
          swatch = mirror_rect (self, geo, item->x,
                                item->y + (geo->text_height - LEGEND_SWATCH) / 2,
                                LEGEND_SWATCH, LEGEND_SWATCH);
          append_rounded (snapshot, &swatch, BAR_RADIUS, BAR_RADIUS, rtl, &color);
          append_text (self, snapshot, geo, get_series (self, i)->name, FALSE,
                       item->x + LEGEND_SWATCH + LEGEND_SWATCH_GAP, item->y,
                       item->name_width, &text);
        }
      else
        {
          append_marker (self, snapshot, geo, item->x,
                         item->y + (geo->text_height - geo->marker_size) / 2,
                         &warning);
          append_text (self, snapshot, geo, _("Interviewers disagree"), FALSE,
                       item->x + geo->marker_size + LEGEND_SWATCH_GAP, item->y,
                       item->name_width, &text);
        }
    }

  /* Grid and axis */
  /* The first multiple of the step at or above the minimum */
  first_level = (gint64) (self->min / geo->grid_step) * geo->grid_step;
  if (first_level < self->min - 1e-9)
    first_level += geo->grid_step;
  for (double level = first_level; level <= self->max + 1e-9; level += geo->grid_step)
    {
      g_autofree char *label = format_level (level);
      int x = snap (get_x_for_value (geo, self->min, self->max, level));
      const GdkRGBA *color;
      graphene_rect_t line;
      int label_width, label_height;
      double label_x;

      x = MIN (x, geo->width - 1);
      color = fabs (level - self->min) < 1e-9 ? &origin : &grid;

      if (geo->narrow)
        {
          /* Titles above the bars: the lines stop short of them */
          for (guint a = 0; a < self->n_areas; a++)
            {
              const AreaBox *box = &g_array_index (geo->boxes, AreaBox, a);

              line = mirror_rect (self, geo, x, box->bars_y - BAR_GAP, 1,
                                  bars_height + 2 * BAR_GAP);
              gtk_snapshot_append_color (snapshot, color, &line);
            }
        }
      else
        {
          line = mirror_rect (self, geo, x, geo->plot_top - BAR_GAP, 1,
                              geo->plot_bottom - geo->plot_top + BAR_GAP);
          gtk_snapshot_append_color (snapshot, color, &line);
        }

      label_width = get_text_width (self, label, TRUE, &label_height);
      label_x = CLAMP (x - label_width / 2.0, 0, geo->width - label_width);
      append_text (self, snapshot, geo, label, TRUE, snap (label_x), geo->axis_y, -1, &dim);
    }

  /* Groups */
  for (guint a = 0; a < self->n_areas; a++)
    {
      const AreaBox *box = &g_array_index (geo->boxes, AreaBox, a);

      append_text (self, snapshot, geo, self->areas[a], FALSE,
                   0, box->title_y, geo->title_width, &text);

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = get_series (self, s);
          double value = series->values[a];
          int y = get_bar_y (geo, a, s);
          g_autofree char *label = format_score (value);
          double label_x = geo->origin_x + VALUE_GAP / 2.0;
          int label_width, label_height;

          label_width = get_text_width (self, label, TRUE, &label_height);

          if (!isnan (value))
            {
              GdkRGBA color;
              graphene_rect_t bar;
              double end = get_x_for_value (geo, self->min, self->max, value);
              int width = MAX (BAR_STUB, snap (end - geo->origin_x));

              gdk_rgba_parse (&color, palette[s % G_N_ELEMENTS (palette)]);
              bar = mirror_rect (self, geo, geo->origin_x, y, width, geo->bar_height);
              append_rounded (snapshot, &bar, 0, MIN (BAR_RADIUS, width / 2), rtl, &color);
              label_x = geo->origin_x + width + VALUE_GAP;
            }

          append_text (self, snapshot, geo, label, TRUE, label_x,
                       y + (geo->bar_height - label_height) / 2, -1,
                       isnan (value) ? &dim : &text);

          if (series->marked[a] && !isnan (value))
            append_marker (self, snapshot, geo, label_x + label_width + MARKER_GAP,
                           y + (geo->bar_height - geo->marker_size) / 2, &warning);
        }
    }
}

static GtkSizeRequestMode
pnl_score_chart_get_request_mode (GtkWidget *widget G_GNUC_UNUSED)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pnl_score_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline G_GNUC_UNUSED,
                         int            *natural_baseline G_GNUC_UNUSED)
{
  PnlScoreChart *self = PNL_SCORE_CHART (widget);

  if (self->series->len == 0)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      Geometry geo = { 0 };

      compute_geometry (self, for_size < 0 ? NATURAL_WIDTH : MAX (for_size, MIN_WIDTH), &geo);
      *minimum = *natural = geo.height;
      geometry_clear (&geo);
    }
}

static void
pnl_score_chart_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height G_GNUC_UNUSED,
                               int        baseline G_GNUC_UNUSED)
{
  PnlScoreChart *self = PNL_SCORE_CHART (widget);

  compute_geometry (self, width, &self->geometry);
}

static gboolean
pnl_score_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  PnlScoreChart *self = PNL_SCORE_CHART (widget);
  const Geometry *geo = &self->geometry;
  graphene_point_t point;
  graphene_rect_t rect;

  if (keyboard_tooltip || self->series->len == 0 || !geometry_is_current (self, geo))
    return FALSE;

  point = GRAPHENE_POINT_INIT (x, y);

  for (guint a = 0; a < self->n_areas; a++)
    {
      const AreaBox *box = &g_array_index (geo->boxes, AreaBox, a);

      /* The full title, where it is ellipsized */
      rect = mirror_rect (self, geo, 0, box->title_y, geo->title_width, geo->text_height);
      if (graphene_rect_contains_point (&rect, &point))
        {
          if (get_text_width (self, self->areas[a], FALSE, NULL) <= geo->title_width)
            return FALSE;

          gtk_tooltip_set_text (tooltip, self->areas[a]);
          return TRUE;
        }

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = get_series (self, s);
          int bar_y = get_bar_y (geo, a, s);
          g_autofree char *markup = NULL;
          g_autofree char *score = NULL;
          GdkRectangle area;

          rect = mirror_rect (self, geo, geo->origin_x, bar_y - BAR_GAP / 2.0,
                              geo->width - geo->origin_x, geo->bar_height + BAR_GAP);
          if (!graphene_rect_contains_point (&rect, &point))
            continue;

          if (isnan (series->values[a]))
            score = g_strdup (_("no score"));
          else
            score = format_score (series->values[a]);

          if (series->marked[a] && !isnan (series->values[a]))
            /* Translators: a tooltip: candidate name, then area title and score */
            markup = g_markup_printf_escaped (_("<b>%s</b>\n%s: %s\nInterviewers disagree"),
                                              series->name, self->areas[a], score);
          else
            /* Translators: a tooltip: candidate name, then area title and score */
            markup = g_markup_printf_escaped (_("<b>%s</b>\n%s: %s"),
                                              series->name, self->areas[a], score);
          gtk_tooltip_set_markup (tooltip, markup);

          area = (GdkRectangle) { rect.origin.x, rect.origin.y, rect.size.width, rect.size.height };
          gtk_tooltip_set_tip_area (tooltip, &area);
          return TRUE;
        }
    }

  for (guint i = 0; i < geo->legend->len && i < self->series->len; i++)
    {
      const LegendItem *item = &g_array_index (geo->legend, LegendItem, i);

      rect = mirror_rect (self, geo, item->x, item->y,
                          LEGEND_SWATCH + LEGEND_SWATCH_GAP + item->name_width, geo->text_height);
      if (graphene_rect_contains_point (&rect, &point))
        {
          if (get_text_width (self, get_series (self, i)->name, FALSE, NULL) <= item->name_width)
            return FALSE;

          gtk_tooltip_set_text (tooltip, get_series (self, i)->name);
          return TRUE;
        }
    }

  return FALSE;
}

static void
update_accessible (PnlScoreChart *self)
{
  guint n_series = self->series->len;
  g_autofree char *label = NULL;
  g_autoptr(GString) description = NULL;

  if (n_series == 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Area scores"),
                                      -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  label = g_strdup_printf (ngettext ("Area scores of %u candidate",
                                     "Area scores of %u candidates",
                                     n_series),
                           n_series);

  description = g_string_new (NULL);
  /* Translators: the first words of the chart's description for screen readers */
  g_string_append_printf (description, _("Scale from %g to %g."), self->min, self->max);

  for (guint s = 0; s < n_series; s++)
    {
      Series *series = get_series (self, s);

      g_string_append_c (description, ' ');
      /* Translators: a candidate's name, then their scores in the chart's description */
      g_string_append_printf (description, _("%s:"), series->name);

      for (guint a = 0; a < self->n_areas; a++)
        {
          g_autofree char *score = NULL;

          if (isnan (series->values[a]))
            score = g_strdup (_("no score"));
          else
            score = format_score (series->values[a]);

          g_string_append_c (description, ' ');
          if (series->marked[a] && !isnan (series->values[a]))
            /* Translators: an area title and its score, in the chart's description */
            g_string_append_printf (description, _("%s %s (interviewers disagree)"),
                                    self->areas[a], score);
          else
            /* Translators: an area title and its score, in the chart's description */
            g_string_append_printf (description, _("%s %s"), self->areas[a], score);

          if (a + 1 < self->n_areas)
            /* Translators: between two scores in the chart's description */
            g_string_append (description, _(","));
        }

      /* Translators: after the scores of one candidate in the chart's description */
      g_string_append (description, s + 1 < n_series ? _(";") : _("."));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
changed (PnlScoreChart *self)
{
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
pnl_score_chart_finalize (GObject *object)
{
  PnlScoreChart *self = (PnlScoreChart *)object;

  g_clear_pointer (&self->areas, g_strfreev);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  geometry_clear (&self->geometry);

  G_OBJECT_CLASS (pnl_score_chart_parent_class)->finalize (object);
}

static void
pnl_score_chart_class_init (PnlScoreChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pnl_score_chart_finalize;

  widget_class->get_request_mode = pnl_score_chart_get_request_mode;
  widget_class->measure = pnl_score_chart_measure;
  widget_class->size_allocate = pnl_score_chart_size_allocate;
  widget_class->snapshot = pnl_score_chart_snapshot;
  widget_class->query_tooltip = pnl_score_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "scorechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pnl_score_chart_init (PnlScoreChart *self)
{
  self->areas = g_new0 (char *, 1);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->min = 1;
  self->max = 4;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
pnl_score_chart_new (void)
{
  return g_object_new (PNL_TYPE_SCORE_CHART, NULL);
}

void
pnl_score_chart_set_areas (PnlScoreChart      *self,
                           const char * const *titles)
{
  g_return_if_fail (PNL_IS_SCORE_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  g_strfreev (self->areas);
  self->areas = titles != NULL ? g_strdupv ((char **)titles) : g_new0 (char *, 1);
  self->n_areas = g_strv_length (self->areas);

  changed (self);
}

guint
pnl_score_chart_get_n_areas (PnlScoreChart *self)
{
  g_return_val_if_fail (PNL_IS_SCORE_CHART (self), 0);

  return self->n_areas;
}

void
pnl_score_chart_set_range (PnlScoreChart *self,
                           double         min,
                           double         max)
{
  g_return_if_fail (PNL_IS_SCORE_CHART (self));
  g_return_if_fail (isfinite (min) && isfinite (max) && max > min);

  if (self->min == min && self->max == max)
    return;

  self->min = min;
  self->max = max;

  changed (self);
}

void
pnl_score_chart_clear_series (PnlScoreChart *self)
{
  g_return_if_fail (PNL_IS_SCORE_CHART (self));

  if (self->series->len == 0)
    return;

  g_ptr_array_set_size (self->series, 0);

  changed (self);
}

void
pnl_score_chart_add_series (PnlScoreChart  *self,
                            const char     *name,
                            const double   *values,
                            const gboolean *marked)
{
  Series *series;

  g_return_if_fail (PNL_IS_SCORE_CHART (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (values != NULL || self->n_areas == 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_new (double, self->n_areas);
  series->marked = g_new0 (gboolean, self->n_areas);
  for (guint a = 0; a < self->n_areas; a++)
    {
      series->values[a] = values[a];
      if (marked != NULL)
        series->marked[a] = marked[a];
    }
  g_ptr_array_add (self->series, series);

  changed (self);
}

guint
pnl_score_chart_get_n_series (PnlScoreChart *self)
{
  g_return_val_if_fail (PNL_IS_SCORE_CHART (self), 0);

  return self->series->len;
}
