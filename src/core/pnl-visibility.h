/* pnl-visibility.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_VISIBILITY (pnl_visibility_get_type())

G_DECLARE_FINAL_TYPE (PnlVisibility, pnl_visibility, PNL, VISIBILITY, GObject)

/* Independent scoring: which scorecards the local interviewer may see.
 * This is the one place the rule lives; the role comparison
 * (PnlComparison), the candidate page (PnlCandidateReview) and every
 * export (pnl-export.h) and the command line ask it.
 *
 * The rule.  A candidate is a name and a reference.  While the local
 * interviewer has an interview with a candidate that is not submitted
 * (in progress: started, closed for now, or reopened), that candidate is
 * hidden from them: of the candidate's scorecards they may see their own
 * only, in progress or submitted; every other interviewer's scorecard of
 * the candidate, in progress or submitted, is hidden.  The moment the
 * local interviewer's last open interview with the candidate is
 * submitted, the others' show again.  With no local interviewer (NULL or
 * empty), nothing is hidden.
 *
 * The local interviewer is an interviewer name, compared exactly.  What
 * is open is learnt from the interviews noted (pnl_visibility_note()):
 * the rule sees only those, so a caller notes every interview of the
 * candidates it shows.  A role comparison (and so the Compare tab and the
 * candidate page) notes its role's: an interview in progress with the
 * candidate for another role does not hide them there.  A candidate
 * export notes the candidate's interviews in every role, and an export
 * of one interview reads them (pnl_export_collect_for()).
 *
 * Where it applies: the role comparison's figures, chart, disagreements
 * and calibration (PnlComparison); the candidate page (PnlCandidateReview);
 * the role and candidate exports in every format, in the window and on
 * the command line (pnl_export_to_string_for()); an export of one
 * interview that it hides is refused (pnl_export_collect_for()). */

PnlVisibility *pnl_visibility_new                  (const char    *local_interviewer);
const char    *pnl_visibility_get_local_interviewer (PnlVisibility *self);
void           pnl_visibility_set_local_interviewer (PnlVisibility *self,
                                                     const char    *local_interviewer);

/* Notes one interview: who, with whom, and whether it is submitted.
 * Only those not submitted matter; the order does not. */
void           pnl_visibility_note                 (PnlVisibility     *self,
                                                    const char        *interviewer,
                                                    const char        *candidate_name,
                                                    const char        *candidate_reference,
                                                    PnlInterviewState  state);
void           pnl_visibility_note_interview       (PnlVisibility *self,
                                                    PnlInterview  *interview);
/* Notes the interview of every item of @items (PnlScorecard). */
void           pnl_visibility_note_items           (PnlVisibility *self,
                                                    GPtrArray     *items);

/* Whether the local interviewer has an unsubmitted interview with the
 * candidate, so that the others' scorecards of them are hidden. */
gboolean       pnl_visibility_is_candidate_hidden  (PnlVisibility *self,
                                                    const char    *candidate_name,
                                                    const char    *candidate_reference);
/* Whether the local interviewer may see @interviewer's scorecards of the
 * candidate: their own always, the others' unless the candidate is
 * hidden. */
gboolean       pnl_visibility_can_see              (PnlVisibility *self,
                                                    const char    *interviewer,
                                                    const char    *candidate_name,
                                                    const char    *candidate_reference);
gboolean       pnl_visibility_can_see_interview    (PnlVisibility *self,
                                                    PnlInterview  *interview);
/* A new array of the items of @items (PnlScorecard) that the local
 * interviewer may see, in the same order. */
GPtrArray     *pnl_visibility_filter_items         (PnlVisibility *self,
                                                    GPtrArray     *items);

/* Whether @local_interviewer (NULL or "" for nobody) may open or export
 * @interview alone, from what @store holds of its candidate in every
 * role: never another interviewer's scorecard of a candidate the local
 * interviewer is still interviewing.  FALSE with @error set
 * (G_IO_ERROR_PERMISSION_DENIED, a message that names nobody) when not,
 * or when the store cannot be read. */
gboolean       pnl_visibility_check_interview      (PnlStore      *store,
                                                    PnlInterview  *interview,
                                                    const char    *local_interviewer,
                                                    GError       **error);

/* Why a hidden candidate's figures are empty (translated), for a row or
 * a page of one candidate among others. */
const char    *pnl_visibility_get_hidden_reason    (void);
/* Why a candidate's page or export shows only the local interviewer's
 * own scorecards (translated). */
const char    *pnl_visibility_get_left_out_reason  (void);

G_END_DECLS
