/* pnl-navigator-row.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_NAVIGATOR_ROW (pnl_navigator_row_get_type())

G_DECLARE_FINAL_TYPE (PnlNavigatorRow, pnl_navigator_row, PNL, NAVIGATOR_ROW, GtkWidget)

/* One line of the navigator: a skill area (title, asked/total, mean) or
 * a question (its state, prompt and score), kept current as they change. */
GtkWidget *pnl_navigator_row_new      (void);
/* @item is a PnlSessionArea, a PnlAnswer, or NULL. */
void       pnl_navigator_row_set_item (PnlNavigatorRow *self,
                                       GObject         *item);
GObject   *pnl_navigator_row_get_item (PnlNavigatorRow *self);
/* For an area: whether its questions are shown below it. */
void       pnl_navigator_row_set_expanded (PnlNavigatorRow *self,
                                           gboolean         expanded);

G_END_DECLS
