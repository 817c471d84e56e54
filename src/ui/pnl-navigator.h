/* pnl-navigator.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_NAVIGATOR (pnl_navigator_get_type())

G_DECLARE_FINAL_TYPE (PnlNavigator, pnl_navigator, PNL, NAVIGATOR, GtkWidget)

/* The sidebar: the interview's questions grouped by skill area (areas
 * fold), a search over prompts and notes, and filters by kind and level
 * (the actions navigator.kind-<kind> and navigator.level-<level>).
 * Choosing a question makes it the session's current one and emits
 * "question-activated". */
void        pnl_navigator_set_session     (PnlNavigator *self,
                                           PnlSession   *session);
void        pnl_navigator_focus_search    (PnlNavigator *self);
void        pnl_navigator_set_search_text (PnlNavigator *self,
                                           const char   *text);
/* The question @delta places away from @answer among those shown, or
 * NULL at either end.  With @answer NULL, the first (or last) shown. */
PnlAnswer  *pnl_navigator_get_adjacent    (PnlNavigator *self,
                                           PnlAnswer    *answer,
                                           int           delta);
/* How many questions the search and filters let through. */
guint       pnl_navigator_get_n_shown     (PnlNavigator *self);
/* The rows of the list as displayed, a PnlSlot each: each area
 * (PnlSessionArea) followed by its questions (PnlAnswer) when it is
 * unfolded. */
GListModel *pnl_navigator_get_rows        (PnlNavigator *self);

G_END_DECLS
