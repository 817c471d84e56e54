/* pnl-candidate-review.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_CANDIDATE_REVIEW (pnl_candidate_review_get_type())

G_DECLARE_FINAL_TYPE (PnlCandidateReview, pnl_candidate_review, PNL, CANDIDATE_REVIEW, GObject)

/* Every scorecard of one candidate side by side, for the panel's debrief.
 *
 * The interviews (columns) are those of the candidate that count in
 * @comparison (pnl_comparison_counts()): submitted, of the role, and not
 * hidden by independent scoring (the comparison's PnlVisibility: while
 * the local interviewer is still interviewing the candidate, their own
 * only).  They keep their order in @items.
 *
 * Areas come in the comparison's order, limited to those that these
 * interviews have questions in.  The questions of an area come in the
 * order in which they first appear in the interviews' answers; a question
 * is its id.  An interview that has no answer for a question (another
 * bank revision, or a question someone added) has no cell there.
 *
 * A question is "asked" when at least one interview asked it: the others
 * are the questions nobody asked. */
PnlCandidateReview *pnl_candidate_review_new                 (PnlComparison      *comparison,
                                                              guint               candidate,
                                                              GPtrArray          *items);
PnlComparison      *pnl_candidate_review_get_comparison      (PnlCandidateReview *self);
guint               pnl_candidate_review_get_candidate       (PnlCandidateReview *self);

guint               pnl_candidate_review_get_n_interviews    (PnlCandidateReview *self);
PnlInterview       *pnl_candidate_review_get_interview       (PnlCandidateReview *self,
                                                              guint               interview);
/* The interview's mean over its scored answers, NAN when none. */
double              pnl_candidate_review_get_interview_mean  (PnlCandidateReview *self,
                                                              guint               interview);

guint               pnl_candidate_review_get_n_areas         (PnlCandidateReview *self);
/* The area's index in the comparison. */
guint               pnl_candidate_review_get_area            (PnlCandidateReview *self,
                                                              guint               area);
const char         *pnl_candidate_review_get_area_title      (PnlCandidateReview *self,
                                                              guint               area);
/* The interview's mean in the area, NAN when it scored nothing there. */
double              pnl_candidate_review_get_area_mean       (PnlCandidateReview *self,
                                                              guint               area,
                                                              guint               interview);

guint               pnl_candidate_review_get_n_questions     (PnlCandidateReview *self,
                                                              guint               area);
/* The question as the first interview that has it put it. */
PnlQuestion        *pnl_candidate_review_get_question        (PnlCandidateReview *self,
                                                              guint               area,
                                                              guint               question);
gboolean            pnl_candidate_review_get_asked           (PnlCandidateReview *self,
                                                              guint               area,
                                                              guint               question);
/* How many questions of the area nobody asked. */
guint               pnl_candidate_review_get_n_unasked       (PnlCandidateReview *self,
                                                              guint               area);
/* The interview's answer to the question, or NULL when it has none. */
PnlAnswer          *pnl_candidate_review_get_answer          (PnlCandidateReview *self,
                                                              guint               area,
                                                              guint               question,
                                                              guint               interview);

G_END_DECLS
