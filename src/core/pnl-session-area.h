/* pnl-session-area.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_SESSION_AREA (pnl_session_area_get_type())

G_DECLARE_FINAL_TYPE (PnlSessionArea, pnl_session_area, PNL, SESSION_AREA, GObject)

/* One skill area of an interview: its answers and its figures, kept up
 * to date (with notify) as the answers change. */
const char *pnl_session_area_get_id          (PnlSessionArea *self);
const char *pnl_session_area_get_title       (PnlSessionArea *self);
/* GListModel of PnlAnswer, in order. */
GListModel *pnl_session_area_get_answers     (PnlSessionArea *self);
guint       pnl_session_area_get_n_questions (PnlSessionArea *self);
guint       pnl_session_area_get_n_asked     (PnlSessionArea *self);
guint       pnl_session_area_get_n_scored    (PnlSessionArea *self);
/* The mean of the scored answers, or NAN when none is scored. */
double      pnl_session_area_get_mean        (PnlSessionArea *self);

G_END_DECLS
