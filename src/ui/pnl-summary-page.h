/* pnl-summary-page.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_SUMMARY_PAGE (pnl_summary_page_get_type())

G_DECLARE_FINAL_TYPE (PnlSummaryPage, pnl_summary_page, PNL, SUMMARY_PAGE, GtkWidget)

/* The end of an interview: per-area figures, coverage, the overall
 * recommendation, summary notes, a warning when the recommendation and
 * the scores disagree, and Submit (session.submit) or Reopen
 * (session.reopen). */
void pnl_summary_page_focus_recommendation (PnlSummaryPage *self);
void pnl_summary_page_set_session (PnlSummaryPage *self,
                                   PnlSession     *session);

G_END_DECLS
