/* pnl-comparison.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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
 * Every figure is NAN when nothing it covers is scored. */

PnlComparison     *pnl_comparison_new                    (const char        *role);
/* Adds every item of @items (PnlExportItem) with pnl_comparison_add(). */
PnlComparison     *pnl_comparison_new_for_items          (const char        *role,
                                                          GPtrArray         *items);
/* @answers: a GListModel of PnlAnswer.  Returns whether the interview
 * counts (submitted and of this role); one that does not is ignored. */
gboolean           pnl_comparison_add                    (PnlComparison     *self,
                                                          PnlInterview      *interview,
                                                          GListModel        *answers);
const char        *pnl_comparison_get_role               (PnlComparison     *self);

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

G_END_DECLS
