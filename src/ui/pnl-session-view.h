/* pnl-session-view.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_SESSION_VIEW (pnl_session_view_get_type())

G_DECLARE_FINAL_TYPE (PnlSessionView, pnl_session_view, PNL, SESSION_VIEW, GtkWidget)

/* One interview on screen: the navigator in a sidebar that folds away
 * when narrow, the question or the summary, the clock, and the "session."
 * actions with their keyboard shortcuts (which work from the notes too). */
PnlSessionView  *pnl_session_view_new                (PnlSession     *session,
                                                      GSettings      *settings);
PnlSession      *pnl_session_view_get_session        (PnlSessionView *self);
gboolean         pnl_session_view_get_summary_shown  (PnlSessionView *self);
GtkWidget       *pnl_session_view_get_navigator      (PnlSessionView *self);
GtkWidget       *pnl_session_view_get_question_page  (PnlSessionView *self);
GtkWidget       *pnl_session_view_get_summary_page   (PnlSessionView *self);
AdwFlap         *pnl_session_view_get_flap           (PnlSessionView *self);
/* The keyboard shortcuts, for the shortcuts window and for tests. */
GtkEventController *pnl_session_view_get_shortcuts   (PnlSessionView *self);

/* Keeps the question being asked in the "last-question" setting of
 * @settings (the view's own when NULL), where the interview reopens
 * after a restart.  Done when the view goes too; this writes it sooner,
 * with whatever else the caller writes. */
void            pnl_session_view_save_state        (PnlSessionView *self,
                                                    GSettings      *settings);

/* The width of the question list beside the page; dragging its edge
 * changes it and keeps it in the "sidebar-width" setting. */
void            pnl_session_view_set_sidebar_width (PnlSessionView *self,
                                                    int             width);
int             pnl_session_view_get_sidebar_width (PnlSessionView *self);

G_END_DECLS
