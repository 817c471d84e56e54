/* pnl-comparison.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-store.h"
#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_COMPARISON (pnl_comparison_get_type())

G_DECLARE_FINAL_TYPE (PnlComparison, pnl_comparison, PNL, COMPARISON, GObject)

/* The candidates of one role side by side, from their SUBMITTED
 * scorecards only: an interview still in progress, or of another role,
 * does not count, and a candidate with none that counts has no row.
 *
 * Candidates (rows) and skill areas (columns) come in the order in which
 * they first appear among the interviews added, and the answers of each
 * interview in their own order.  A candidate is a name and a reference
 * (two people with the same name and different references are two rows);
 * an area is its id, titled by the first answer that names it.  Every area
 * that appears has a column, scored or not.
 *
 * The figures.  An interviewer is the interviewer name of an interview
 * (the same name over two interviews of one candidate is one interviewer).
 * A scored answer is one whose score is not 0 ("not assessed"); scores
 * are taken as they are, never rescaled between scales.
 *
 *  - area score: for each interviewer who scored answers in the area, the
 *    mean of those scores; then the mean of these interviewer means, so
 *    that each interviewer weighs the same however many questions they
 *    scored.  Example: interviewer A scores 1 and 3 in area X (A's mean
 *    2.0), B scores 4 (B's mean 4.0): area X scores (2.0 + 4.0) / 2 = 3.0,
 *    not (1 + 3 + 4) / 3.
 *  - area interviewers: how many interviewers scored the area.
 *  - area spread: the highest interviewer mean minus the lowest (0 with
 *    one interviewer).
 *  - mean: the same method over every area at once: each interviewer's
 *    mean over all their scored answers, then the mean of those.  It is
 *    not the mean of the area scores.
 *
 * Every figure is NAN when nothing it covers is scored.
 *
 * Independent scoring, by the rule of PnlVisibility (pnl-visibility.h),
 * which pnl_comparison_add() tells of every interview of this role, the
 * ones that do not count too: while the local interviewer
 * (pnl_comparison_set_local_interviewer()) has an interview in progress
 * with a candidate, that candidate is hidden: only the local
 * interviewer's own submitted scorecards count in every figure of the
 * candidate (interviews, interviewers, recommendations, scores, spreads,
 * disagreements, calibration), the other interviewers' do not.  A
 * candidate still needs a submitted interview, by anyone, to have a row,
 * and a hidden candidate keeps it, so that it can say why it is empty.
 * The order in which interviews are added does not matter.
 *
 * Disagreements.  A cell (candidate, area) is a disagreement when its
 * spread is PNL_COMPARISON_DISAGREEMENT (two levels) or more, compared
 * with a tolerance of 1e-9 so that rounding never hides an exact 2.0.
 * A candidate's disagreements are ordered by spread, highest first, and
 * equal spreads by area order.
 *
 * Calibration.  For each interviewer (in order of first appearance among
 * the interviews that count, those of hidden candidates excepted), over
 * the candidates they scored anything for:
 *
 *  - mean: the mean, over those candidates, of the interviewer's own mean
 *    for the candidate (their mean over all their scored answers with the
 *    candidate, as used by pnl_comparison_get_mean());
 *  - panel mean: the mean, over the same candidates, of the candidates'
 *    means (pnl_comparison_get_mean(), every interviewer counted);
 *  - difference: mean minus panel mean: positive is more lenient than the
 *    panel, negative stricter.
 *
 * Each candidate weighs the same however many questions were scored.
 * With no candidate scored all three are NAN. */

#define PNL_COMPARISON_DISAGREEMENT 2.0

PnlComparison     *pnl_comparison_new                    (const char        *role);
/* Adds every item of @items (PnlScorecard) with pnl_comparison_add(). */
PnlComparison     *pnl_comparison_new_for_items          (const char        *role,
                                                          GPtrArray         *items);
/* Every interview of @role in @store, summed up in SQL: the same figures
 * as pnl_comparison_new_for_items() on the role's exported items, much
 * faster. */
PnlComparison     *pnl_comparison_new_for_role           (PnlStore          *store,
                                                          const char        *role,
                                                          GError           **error);
/* @answers: a GListModel of PnlAnswer.  Returns whether the interview
 * counts (submitted and of this role); one that does not is ignored,
 * except that one in progress of this role is noted for independent
 * scoring (see above). */
gboolean           pnl_comparison_add                    (PnlComparison     *self,
                                                          PnlInterview      *interview,
                                                          GListModel        *answers);
gboolean           pnl_comparison_add_tally              (PnlComparison     *self,
                                                          const PnlInterviewTally *tally);
const char        *pnl_comparison_get_role               (PnlComparison     *self);
/* The lowest and highest level of the scale of the first interview that
 * counts (1 and 4 without one). */
void               pnl_comparison_get_scale_range        (PnlComparison     *self,
                                                          int               *min,
                                                          int               *max);

guint              pnl_comparison_get_n_areas            (PnlComparison     *self);
const char        *pnl_comparison_get_area_id            (PnlComparison     *self,
                                                          guint              area);
const char        *pnl_comparison_get_area_title         (PnlComparison     *self,
                                                          guint              area);

guint              pnl_comparison_get_n_candidates       (PnlComparison     *self);
const char        *pnl_comparison_get_candidate_name     (PnlComparison     *self,
                                                          guint              candidate);
const char        *pnl_comparison_get_candidate_reference (PnlComparison    *self,
                                                          guint              candidate);
/* The index of the candidate with this name and reference, or -1. */
int                pnl_comparison_find_candidate         (PnlComparison     *self,
                                                          const char        *name,
                                                          const char        *reference);
/* Whether @interview counts in its candidate's figures: submitted, of
 * this role, added, and not hidden by independent scoring. */
gboolean           pnl_comparison_counts                 (PnlComparison     *self,
                                                          PnlInterview      *interview);
/* Submitted interviews of the candidate in this role. */
guint              pnl_comparison_get_n_interviews       (PnlComparison     *self,
                                                          guint              candidate);
/* Interviewers of the candidate, whether they scored anything or not. */
guint              pnl_comparison_get_n_interviewers     (PnlComparison     *self,
                                                          guint              candidate);
/* How many of the candidate's interviews recommend @rec; an interview
 * without a recommendation counts under PNL_RECOMMENDATION_NONE. */
guint              pnl_comparison_get_n_recommendations  (PnlComparison     *self,
                                                          guint              candidate,
                                                          PnlRecommendation  rec);
double             pnl_comparison_get_mean               (PnlComparison     *self,
                                                          guint              candidate);
double             pnl_comparison_get_area_score         (PnlComparison     *self,
                                                          guint              candidate,
                                                          guint              area);
guint              pnl_comparison_get_area_n_interviewers (PnlComparison    *self,
                                                          guint              candidate,
                                                          guint              area);
double             pnl_comparison_get_area_spread        (PnlComparison     *self,
                                                          guint              candidate,
                                                          guint              area);


/* Disagreements of one candidate, see above. */
guint              pnl_comparison_get_n_disagreements    (PnlComparison     *self,
                                                          guint              candidate);
gboolean           pnl_comparison_has_disagreements      (PnlComparison     *self,
                                                          guint              candidate);
/* The area index of the @i-th disagreement, and its spread. */
guint              pnl_comparison_get_disagreement_area  (PnlComparison     *self,
                                                          guint              candidate,
                                                          guint              i);
double             pnl_comparison_get_disagreement_spread (PnlComparison    *self,
                                                          guint              candidate,
                                                          guint              i);
gboolean           pnl_comparison_is_disagreement        (PnlComparison     *self,
                                                          guint              candidate,
                                                          guint              area);

/* Calibration of the interviewers, see above. */
guint              pnl_comparison_get_n_calibrations     (PnlComparison     *self);
const char        *pnl_comparison_get_calibration_interviewer (PnlComparison *self,
                                                          guint              i);
guint              pnl_comparison_get_calibration_n_candidates (PnlComparison *self,
                                                          guint              i);
double             pnl_comparison_get_calibration_mean   (PnlComparison     *self,
                                                          guint              i);
double             pnl_comparison_get_calibration_panel_mean (PnlComparison *self,
                                                          guint              i);
double             pnl_comparison_get_calibration_difference (PnlComparison *self,
                                                          guint              i);

/* Independent scoring, see above.  @name: the local interviewer's name,
 * or NULL or "" for none (nothing hidden). */
void               pnl_comparison_set_local_interviewer  (PnlComparison     *self,
                                                          const char        *name);
const char        *pnl_comparison_get_local_interviewer  (PnlComparison     *self);
/* The rule itself, as the interviews added have told it. */
PnlVisibility     *pnl_comparison_get_visibility         (PnlComparison     *self);
gboolean           pnl_comparison_is_hidden              (PnlComparison     *self,
                                                          guint              candidate);
/* Why the candidate is hidden (translated), or NULL when it is not. */
const char        *pnl_comparison_get_hidden_reason      (PnlComparison     *self,
                                                          guint              candidate);

G_END_DECLS
