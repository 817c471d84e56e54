/* pnl-session.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

/* How long typing may pause before its notes are saved. */
#define PNL_SESSION_SAVE_DELAY_MS 500

#define PNL_TYPE_SESSION (pnl_session_get_type())

G_DECLARE_FINAL_TYPE (PnlSession, pnl_session, PNL, SESSION, GObject)

/* One interview being conducted: its answers, the question open now, the
 * per-area figures, the clock, and the autosave.  Everything the window
 * shows of an interview comes from here; it knows nothing of GTK.
 *
 * Autosave: any change to an answer (through its setters, by anyone)
 * marks it dirty and (re)starts a PNL_SESSION_SAVE_DELAY_MS timer; when
 * the timer fires, when the current question changes, on
 * pnl_session_save_now() and on dispose, every dirty answer is queued on
 * the store's writer.  Nothing here waits on the disk.  Typing that never
 * pauses is still saved every second; the clock's ticks (seconds) never push
 * the timer back, they are saved with the next save or within 10 s. */
PnlSession     *pnl_session_new                  (PnlStore        *store,
                                                  PnlInterview    *interview,
                                                  GError         **error);
PnlStore       *pnl_session_get_store            (PnlSession      *self);
PnlInterview   *pnl_session_get_interview        (PnlSession      *self);
/* GListModel of PnlAnswer, in the interview's order (ad-hoc questions
 * after the others). */
GListModel     *pnl_session_get_answers          (PnlSession      *self);
/* GListModel of PnlSessionArea, in the order of each area's first
 * question in the interview (the bank's order of areas when its
 * questions come grouped by area). */
GListModel     *pnl_session_get_areas            (PnlSession      *self);
PnlSessionArea *pnl_session_find_area            (PnlSession      *self,
                                                  const char      *area_id);
PnlAnswer      *pnl_session_find_answer          (PnlSession      *self,
                                                  const char      *question_id);

/* The question being asked.  Setting it saves the previous one at once
 * and makes the clock count for it.  It becomes asked when the
 * interviewer records something of it: notes, a score, a flag, or
 * "asked" itself (pnl_session_set_asked()).  Looking at a question, for
 * however long, does not make it asked. */
PnlAnswer      *pnl_session_get_current          (PnlSession      *self);
void            pnl_session_set_current          (PnlSession      *self,
                                                  PnlAnswer       *answer);

/* Submitted interviews are locked: their answers refuse changes made
 * through the session, and the clock stands still.  Submitting emits
 * "submitted" once everything is queued on the store (a flush then
 * finds the submitted scorecard): the moment to share it. */
gboolean        pnl_session_get_locked           (PnlSession      *self);
/* Another interviewer's scorecard (pnl_store_interview_is_mine()) is
 * locked for good: no edit, no reopen, no clock, no save. */
gboolean        pnl_session_get_foreign          (PnlSession      *self);
void            pnl_session_submit               (PnlSession      *self);
void            pnl_session_reopen               (PnlSession      *self);
void            pnl_session_set_recommendation   (PnlSession      *self,
                                                  PnlRecommendation recommendation);
void            pnl_session_set_summary          (PnlSession      *self,
                                                  const char      *summary);

/* Editing the current answer (no-ops when locked; each marks it asked). */
void            pnl_session_set_notes            (PnlSession      *self,
                                                  const char      *notes);
void            pnl_session_set_score            (PnlSession      *self,
                                                  int              score);
void            pnl_session_set_asked            (PnlSession      *self,
                                                  gboolean         asked);
void            pnl_session_toggle_flag          (PnlSession      *self,
                                                  PnlAnswerFlags   flag);

/* Adds an ad-hoc question to @area_id and makes it current. */
PnlAnswer      *pnl_session_add_question         (PnlSession      *self,
                                                  const char      *area_id,
                                                  const char      *prompt,
                                                  GError         **error);
/* Only a custom question (pnl_answer_get_custom()), and only while not
 * locked: otherwise %FALSE with @error set.  Each is saved at once
 * (queued).  A removed answer leaves the session's models; keep a
 * reference to it to put it back, exactly, with
 * pnl_session_restore_question().  See docs/database.md. */
gboolean        pnl_session_rename_question      (PnlSession      *self,
                                                  PnlAnswer       *answer,
                                                  const char      *prompt,
                                                  GError         **error);
gboolean        pnl_session_remove_question      (PnlSession      *self,
                                                  PnlAnswer       *answer,
                                                  GError         **error);
gboolean        pnl_session_restore_question     (PnlSession      *self,
                                                  PnlAnswer       *answer,
                                                  GError         **error);

/* The clock.  It ticks once a second while not paused and not locked,
 * adding to the current answer's seconds.  Elapsed time is the sum of
 * the seconds of every answer. */
gboolean        pnl_session_get_paused           (PnlSession      *self);
void            pnl_session_set_paused           (PnlSession      *self,
                                                  gboolean         paused);
guint           pnl_session_get_elapsed          (PnlSession      *self);
/* Pacing: the suggested time of the questions asked so far, and the time
 * they took.  Behind when used > suggested. */
void            pnl_session_get_pacing           (PnlSession      *self,
                                                  guint           *suggested_seconds,
                                                  guint           *used_seconds);
/* Coverage: asked questions and all questions. */
void            pnl_session_get_coverage         (PnlSession      *self,
                                                  guint           *n_asked,
                                                  guint           *n_questions);
/* NULL when the recommendation agrees with the scores, or a sentence
 * saying how it contradicts them (e.g. a strong yes while most scored
 * areas sit below the scale's middle). */
char           *pnl_session_check_recommendation (PnlSession      *self);

/* Queues every dirty answer and the interview now. */
void            pnl_session_save_now             (PnlSession      *self);
gboolean        pnl_session_get_dirty            (PnlSession      *self);

G_END_DECLS
