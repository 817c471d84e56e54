/* pnl-start-page.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_START_PAGE (pnl_start_page_get_type())

G_DECLARE_FINAL_TYPE (PnlStartPage, pnl_start_page, PNL, START_PAGE, GtkWidget)

/* Shows the recent interviews of @store; emits "open" (PnlInterview) when
 * one is chosen.  "New interview" activates win.new-interview. */
void pnl_start_page_set_store (PnlStartPage *self,
                               PnlStore     *store);
/* Reads the interviews again. */
void pnl_start_page_reload    (PnlStartPage *self);
/* Lists every interview, as the Show All button does. */
void pnl_start_page_show_all  (PnlStartPage *self);

G_END_DECLS
