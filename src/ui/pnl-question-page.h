/* pnl-question-page.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_QUESTION_PAGE (pnl_question_page_get_type())

G_DECLARE_FINAL_TYPE (PnlQuestionPage, pnl_question_page, PNL, QUESTION_PAGE, GtkWidget)

/* The question being asked: prompt, guidance, notes, score and flags of
 * the session's current answer.  Each answer keeps its own notes buffer,
 * so undo never crosses from one question to another. */
void         pnl_question_page_set_session (PnlQuestionPage *self,
                                            PnlSession      *session);
void         pnl_question_page_focus_notes (PnlQuestionPage *self);
GtkTextView *pnl_question_page_get_notes_view (PnlQuestionPage *self);

G_END_DECLS
