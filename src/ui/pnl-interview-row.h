/* pnl-interview-row.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_INTERVIEW_ROW (pnl_interview_row_get_type())

G_DECLARE_FINAL_TYPE (PnlInterviewRow, pnl_interview_row, PNL, INTERVIEW_ROW, GtkWidget)

/* An interview in the start page's list: the candidate, then role, round
 * and interviewer, the day it was held (Today, Yesterday or the date)
 * over its state (with when it last changed as a tooltip) and an arrow.  It is the "box.header" of an AdwActionRow, styled by the
 * same "row > box.header" rules, at a fraction of its cost, for a row of
 * a GtkListView: the start page builds them before its first frame, and
 * shows thousands with Show All. */
GtkWidget    *pnl_interview_row_new           (void);
void          pnl_interview_row_set_interview (PnlInterviewRow *self,
                                               PnlInterview    *interview);
PnlInterview *pnl_interview_row_get_interview (PnlInterviewRow *self);
const char   *pnl_interview_row_get_title     (PnlInterviewRow *self);
const char   *pnl_interview_row_get_subtitle  (PnlInterviewRow *self);
const char   *pnl_interview_row_get_date      (PnlInterviewRow *self);

G_END_DECLS
