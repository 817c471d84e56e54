/* pnl-compare-view.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_COMPARE_VIEW (pnl_compare_view_get_type())

G_DECLARE_FINAL_TYPE (PnlCompareView, pnl_compare_view, PNL, COMPARE_VIEW, GtkWidget)

/* The panel lead's view of one role: its candidates in a sortable
 * table, a chart of the selected ones, the disagreements to talk about
 * and how each interviewer scores against the panel.
 *
 * Signals:
 *   "show-candidate" (PnlCandidateReview *review): open one candidate's
 *     scorecards side by side. */
void           pnl_compare_view_set_store             (PnlCompareView *self,
                                                       PnlStore       *store);
/* Reads the roles and the selected role's scorecards again. */
void           pnl_compare_view_reload                (PnlCompareView *self);
/* Reloads now when the view is on screen, else the next time it is. */
void           pnl_compare_view_queue_reload          (PnlCompareView *self);
const char    *pnl_compare_view_get_local_interviewer (PnlCompareView *self);
void           pnl_compare_view_set_local_interviewer (PnlCompareView *self,
                                                       const char     *name);
const char    *pnl_compare_view_get_role              (PnlCompareView *self);
/* Returns FALSE when no interview has this role. */
gboolean       pnl_compare_view_select_role           (PnlCompareView *self,
                                                       const char     *role);
/* What the table shows, or NULL when no role has submitted scorecards. */
PnlComparison *pnl_compare_view_get_comparison        (PnlCompareView *self);
/* The table's rows (PnlCandidateItem) in the order shown. */
GListModel    *pnl_compare_view_get_rows              (PnlCompareView *self);
GtkColumnView *pnl_compare_view_get_column_view       (PnlCompareView *self);
void           pnl_compare_view_show_candidate        (PnlCompareView *self,
                                                       guint           candidate);
/* What "show-candidate" gives, for a candidate of the role shown. */
PnlCandidateReview *pnl_compare_view_review_candidate (PnlCompareView *self,
                                                       const char     *name,
                                                       const char     *reference,
                                                       GError        **error);

G_END_DECLS
