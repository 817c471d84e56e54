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

G_DECLARE_FINAL_TYPE (PnlInterviewRow, pnl_interview_row, PNL, INTERVIEW_ROW, GtkListBoxRow)

/* An interview in the start page's list: the candidate, then role, round
 * and interviewer, its state (with when it last changed as a tooltip)
 * and an arrow.  It looks like an AdwActionRow, the style's "row >
 * box.header" rules, at a fraction of its cost: the start page builds
 * them before its first frame. */
GtkWidget    *pnl_interview_row_new           (PnlInterview    *interview);
PnlInterview *pnl_interview_row_get_interview (PnlInterviewRow *self);
const char   *pnl_interview_row_get_title     (PnlInterviewRow *self);
const char   *pnl_interview_row_get_subtitle  (PnlInterviewRow *self);

G_END_DECLS
