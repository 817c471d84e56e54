/* pnl-score-chart.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PNL_TYPE_SCORE_CHART (pnl_score_chart_get_type())

G_DECLARE_FINAL_TYPE (PnlScoreChart, pnl_score_chart, PNL, SCORE_CHART, GtkWidget)

/* The area scores of a few candidates as horizontal grouped bars: one
 * group per skill area, one bar per candidate (series), a legend of the
 * candidates on top and the levels of the scale on an axis below.
 *
 * Bars start at the scale's minimum, not at 0: a scale of 1 to 4 has no
 * level 0, so a bar's length is how far the score is above the lowest
 * level (a score at the minimum is a short stub).  Scores outside the
 * range are drawn clamped to it, their labels unchanged.
 *
 * The chart has a height for its width, to sit in a GtkScrolledWindow.
 * With no series it draws nothing and asks for no height: show a hint
 * beside it instead.  Its accessible role is an image, whose description
 * lists every figure as text. */

GtkWidget *pnl_score_chart_new          (void);

/* The skill areas, in order: @titles is NULL-terminated (NULL for none).
 * Clears the series. */
void       pnl_score_chart_set_areas    (PnlScoreChart       *self,
                                         const char * const  *titles);
guint      pnl_score_chart_get_n_areas  (PnlScoreChart       *self);

/* The scale, from @min to @max (@max > @min); 1 to 4 unless set.  Grid
 * lines and axis numbers mark the whole levels. */
void       pnl_score_chart_set_range    (PnlScoreChart       *self,
                                         double               min,
                                         double               max);

void       pnl_score_chart_clear_series (PnlScoreChart       *self);
/* One series per candidate, in the order added, coloured from a fixed
 * palette that cycles.  @values: one score per area, NAN where the area
 * has no score.  @marked (nullable): one flag per area, TRUE where the
 * interviewers disagree (spread of two levels or more); such a score
 * gets a warning marker, explained in the legend. */
void       pnl_score_chart_add_series   (PnlScoreChart       *self,
                                         const char          *name,
                                         const double        *values,
                                         const gboolean      *marked);
guint      pnl_score_chart_get_n_series (PnlScoreChart       *self);

G_END_DECLS
