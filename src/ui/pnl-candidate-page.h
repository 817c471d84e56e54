/* pnl-candidate-page.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_CANDIDATE_PAGE (pnl_candidate_page_get_type())

G_DECLARE_FINAL_TYPE (PnlCandidatePage, pnl_candidate_page, PNL, CANDIDATE_PAGE, GtkWidget)

/* Every scorecard of one candidate side by side: the interviewers'
 * verdicts, then area by area and question by question their scores,
 * flags and notes, and the questions nobody asked.
 *
 * Its "candidate.back" action (Alt+Left, Escape) emits "back";
 * "candidate.export" (Ctrl+E) exports the candidate or the role. */
PnlCandidatePage   *pnl_candidate_page_new        (PnlStore           *store,
                                                   PnlCandidateReview *review);
PnlCandidateReview *pnl_candidate_page_get_review (PnlCandidatePage   *self);
void                pnl_candidate_page_set_review (PnlCandidatePage   *self,
                                                   PnlCandidateReview *review);

G_END_DECLS
