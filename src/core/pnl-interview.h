/* pnl-interview.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_INTERVIEW (pnl_interview_get_type())

G_DECLARE_FINAL_TYPE (PnlInterview, pnl_interview, PNL, INTERVIEW, GObject)

/* The largest revision: 2^53 - 1, the largest whole number that every
 * JSON reader keeps exactly (a double's).  Files with a larger one are
 * refused, and a change that would go past it is not saved. */
#define PNL_INTERVIEW_REVISION_MAX G_GINT64_CONSTANT (9007199254740991)

/* Built by the store.  The editable fields (round, interviewer,
 * recommendation, summary, state, ended-at) have setters that notify;
 * pnl_store_save_interview() queues what they hold. */
gint64             pnl_interview_get_id                  (PnlInterview      *self);
const char        *pnl_interview_get_uuid                (PnlInterview      *self);
gint64             pnl_interview_get_revision            (PnlInterview      *self);
gint64             pnl_interview_get_candidate_id        (PnlInterview      *self);
const char        *pnl_interview_get_candidate_name      (PnlInterview      *self);
const char        *pnl_interview_get_candidate_reference (PnlInterview      *self);
const char        *pnl_interview_get_role                (PnlInterview      *self);
/* The installation that created it; "" when not known. */
const char        *pnl_interview_get_origin              (PnlInterview      *self);
const char        *pnl_interview_get_bank_id             (PnlInterview      *self);
guint              pnl_interview_get_bank_revision       (PnlInterview      *self);
PnlScale          *pnl_interview_get_scale               (PnlInterview      *self);
/* Times are UTC. */
GDateTime         *pnl_interview_get_started_at          (PnlInterview      *self);
GDateTime         *pnl_interview_get_updated_at          (PnlInterview      *self);
GDateTime         *pnl_interview_get_ended_at            (PnlInterview      *self);
void               pnl_interview_set_ended_at            (PnlInterview      *self,
                                                          GDateTime         *ended_at);
const char        *pnl_interview_get_round               (PnlInterview      *self);
void               pnl_interview_set_round               (PnlInterview      *self,
                                                          const char        *round);
const char        *pnl_interview_get_interviewer         (PnlInterview      *self);
void               pnl_interview_set_interviewer         (PnlInterview      *self,
                                                          const char        *interviewer);
PnlInterviewState  pnl_interview_get_state               (PnlInterview      *self);
void               pnl_interview_set_state               (PnlInterview      *self,
                                                          PnlInterviewState  state);
PnlRecommendation  pnl_interview_get_recommendation      (PnlInterview      *self);
void               pnl_interview_set_recommendation      (PnlInterview      *self,
                                                          PnlRecommendation  recommendation);
const char        *pnl_interview_get_summary             (PnlInterview      *self);
void               pnl_interview_set_summary             (PnlInterview      *self,
                                                          const char        *summary);

G_END_DECLS
