/* pnl-candidate-item.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_CANDIDATE_ITEM (pnl_candidate_item_get_type())

G_DECLARE_FINAL_TYPE (PnlCandidateItem, pnl_candidate_item, PNL, CANDIDATE_ITEM, GObject)

/* One candidate of a comparison, as an item of the compare view's
 * table: the figures stay in the comparison. */
PnlCandidateItem *pnl_candidate_item_new            (PnlComparison    *comparison,
                                                     guint             candidate);
PnlComparison    *pnl_candidate_item_get_comparison (PnlCandidateItem *self);
guint             pnl_candidate_item_get_candidate  (PnlCandidateItem *self);

G_END_DECLS
