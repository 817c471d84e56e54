/* pnl-answer.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_ANSWER (pnl_answer_get_type())

G_DECLARE_FINAL_TYPE (PnlAnswer, pnl_answer, PNL, ANSWER, GObject)

/* Built by the store: one per question of an interview.  The question
 * is the snapshot taken when the interview began (or when an ad-hoc
 * question was added), never the bank's current text.  The setters
 * notify; pnl_store_save_answer() queues what the answer holds. */
gint64          pnl_answer_get_id           (PnlAnswer      *self);
gint64          pnl_answer_get_interview_id (PnlAnswer      *self);
guint           pnl_answer_get_position     (PnlAnswer      *self);
PnlQuestion    *pnl_answer_get_question     (PnlAnswer      *self);
/* Only for a custom question renamed (pnl_session_rename_question()). */
void            pnl_answer_set_question     (PnlAnswer      *self,
                                             PnlQuestion    *question);
const char     *pnl_answer_get_area_title   (PnlAnswer      *self);
gboolean        pnl_answer_get_custom       (PnlAnswer      *self);
gboolean        pnl_answer_get_asked        (PnlAnswer      *self);
void            pnl_answer_set_asked        (PnlAnswer      *self,
                                             gboolean        asked);
/* 0 means no score: "not assessed", distinct from any level. */
int             pnl_answer_get_score        (PnlAnswer      *self);
void            pnl_answer_set_score        (PnlAnswer      *self,
                                             int             score);
const char     *pnl_answer_get_notes        (PnlAnswer      *self);
void            pnl_answer_set_notes        (PnlAnswer      *self,
                                             const char     *notes);
PnlAnswerFlags  pnl_answer_get_flags        (PnlAnswer      *self);
void            pnl_answer_set_flags        (PnlAnswer      *self,
                                             PnlAnswerFlags  flags);
guint           pnl_answer_get_seconds      (PnlAnswer      *self);
void            pnl_answer_set_seconds      (PnlAnswer      *self,
                                             guint           seconds);

G_END_DECLS
