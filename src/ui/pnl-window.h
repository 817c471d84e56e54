/* pnl-window.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-application.h"
#include "pnl-candidate-page.h"
#include "pnl-compare-view.h"
#include "pnl-session-view.h"

G_BEGIN_DECLS

#define PNL_TYPE_WINDOW (pnl_window_get_type())

G_DECLARE_FINAL_TYPE (PnlWindow, pnl_window, PNL, WINDOW, AdwApplicationWindow)

PnlWindow      *pnl_window_new                (PnlApplication *application);
/* Opens @interview, at the question @question_id when not NULL.  FALSE,
 * with the reason shown, when its answers cannot be read. */
gboolean        pnl_window_open_interview     (PnlWindow      *self,
                                               PnlInterview   *interview,
                                               const char     *question_id);
/* Saves and goes back to the start page. */
void            pnl_window_close_interview    (PnlWindow      *self);
/* Imports scorecard files on a thread, then shows what happened. */
void            pnl_window_import_files       (PnlWindow      *self,
                                               GListModel     *files);
/* The interview on screen, or NULL on the start page. */
PnlSessionView *pnl_window_get_session_view   (PnlWindow      *self);
/* A toast over the window; @text is plain text. */
void            pnl_window_show_toast         (PnlWindow      *self,
                                               const char     *text);
/* The panel lead's view, on the start page's "Compare" tab. */
PnlCompareView *pnl_window_get_compare_view   (PnlWindow      *self);
/* One candidate's scorecards side by side, or NULL when not shown. */
PnlCandidatePage *pnl_window_get_candidate_page (PnlWindow    *self);

G_END_DECLS
