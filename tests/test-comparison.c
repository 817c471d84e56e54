/* test-comparison.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "pnl-answer.h"
#include "pnl-candidate-review.h"
#include "pnl-comparison.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-visibility.h"

#define ROLE "Backend developer"

/* The fixture, and the figures it must give (worked by hand):
 *
 * Ada Lovelace (ATS-1), role ROLE:
 *   ada-1  A, submitted, yes         design 1, 3   data 4      people (asked, unscored)
 *   ada-2  B, submitted, strong-yes  design 4      data 2, 3
 *   ada-3  A, submitted, no          design 2
 *   ada-4  C, IN PROGRESS, strong-no design 1      (must not count)
 *   ada-5  D, submitted, other role  design 1      (must not count)
 *
 *   A's design answers are pooled over ada-1 and ada-3: 1, 3, 2 -> 2.0
 *   B's design: 4 -> 4.0
 *     design = (2.0 + 4.0) / 2 = 3.00, 2 interviewers, spread 4.0 - 2.0 = 2.00
 *     (pooling every answer would give (1+3+2+4)/4 = 2.50: not what we want)
 *   A's data: 4 -> 4.0; B's data: 2, 3 -> 2.5
 *     data = (4.0 + 2.5) / 2 = 3.25, 2 interviewers, spread 1.50
 *   people: nobody scored it -> NAN, 0 interviewers, spread NAN
 *   mean: A's every score 1, 3, 4, 2 -> 10 / 4 = 2.5; B's 4, 2, 3 -> 9 / 3 = 3.0
 *     mean = (2.5 + 3.0) / 2 = 2.75
 *     (not the pooled 19 / 7 = 2.714..., nor the mean of areas 3.125)
 *   interviews 3; strong-no 0, no 1, yes 1, strong-yes 1
 *
 * Bo Berg: only an interview in progress (with an area "secret" nobody
 *   else has) -> no row, and no "secret" column.
 *
 * Cy Chen: one interview by A, submitted, no recommendation:
 *   people 3; ops asked but unscored (a new area, after people).
 *     people = 3.00, 1 interviewer, spread 0.00; ops NAN; design NAN
 *     mean = 3.00; interviews 1; every recommendation 0, none 1
 *
 * Disagreements (spread >= 2.0): Ada's design (2.00) only; data is 1.50.
 *   Cy has one interviewer: none.  test_disagreements adds Dee Dunn:
 *     P: design 1, data 1, people 4, ops 1 2 2 (5/3)
 *     Q: design 4, data 3, people 1, ops 4 4 3 (11/3)
 *     R: data 3 4 (3.5)
 *   design 4 - 1 = 3.0, data 3.5 - 1 = 2.5, people 4 - 1 = 3.0,
 *   ops 11/3 - 5/3 = 2.0 (1.9999999999999998 in doubles: still counts).
 *   Order: design 3.0, people 3.0 (equal: area order), data 2.5, ops 2.0.
 *
 * Calibration (interviewers of counted interviews: A, then B; C's is in
 * progress, D's of another role):
 *   candidates' means: Ada 2.75, Cy 3.00
 *   A scored Ada (own mean 2.5) and Cy (3.0):
 *     mean (2.5 + 3.0) / 2 = 2.75, panel (2.75 + 3.00) / 2 = 2.875,
 *     difference -0.125 (stricter), 2 candidates
 *   B scored Ada (3.0): mean 3.0, panel 2.75, difference +0.25, 1 candidate
 *   test_calibration adds E, submitted for Cy with nothing scored: E is
 *   listed third, 0 candidates, NAN; Cy's mean and A's figures unchanged.
 *
 * Independent scoring, local interviewer C: C's ada-4 is in progress, so
 *   Ada is hidden: A's and B's scorecards do not count, C has no
 *   submitted one: interviews 0, interviewers 0, every recommendation 0,
 *   mean NAN, every area NAN, no disagreement.  Cy is not hidden (an
 *   interview in progress of C with Cy for another role does not count):
 *   mean 3.00 as before.  Calibration: B only scored Ada: not listed;
 *   A over Cy alone: mean 3.0, panel 3.0, difference 0, 1 candidate.
 * Local interviewer A with an interview in progress with Ada (ada-6):
 *   Ada is hidden but A's own ada-1 and ada-3 count: interviews 2,
 *   interviewers 1, yes 1, no 1, strong yes 0; mean 2.5; design 2.00 by
 *   1 interviewer, spread 0: no disagreement; data 4.00.
 */

static PnlScale *
make_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  PnlScale *scale;

  node = json_from_string ("[ { \"value\": 1, \"label\": \"Strong no\", \"meaning\": \"Far below\" },"
                           "  { \"value\": 2, \"label\": \"No\", \"meaning\": \"Below\" },"
                           "  { \"value\": 3, \"label\": \"Yes\", \"meaning\": \"At the bar\" },"
                           "  { \"value\": 4, \"label\": \"Strong yes\", \"meaning\": \"Above\" } ]",
                           &error);
  g_assert_no_error (error);

  scale = pnl_scale_new_from_json (node, &error);
  g_assert_no_error (error);

  return scale;
}

static PnlInterview *
make_interview (const char        *uuid,
                const char        *candidate,
                const char        *reference,
                const char        *role,
                const char        *interviewer,
                PnlInterviewState  state,
                PnlRecommendation  rec)
{
  g_autoptr(PnlScale) scale = make_scale ();
  g_autoptr(GDateTime) started_at = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);

  return g_object_new (PNL_TYPE_INTERVIEW,
                       "uuid", uuid,
                       "candidate-name", candidate,
                       "candidate-reference", reference,
                       "role", role,
                       "round", "Technical",
                       "interviewer", interviewer,
                       "scale", scale,
                       "started-at", started_at,
                       "updated-at", started_at,
                       "state", state,
                       "recommendation", rec,
                       NULL);
}

static const char *
area_title (const char *area_id)
{
  if (g_str_equal (area_id, "design"))
    return "Design";
  if (g_str_equal (area_id, "data"))
    return "Data";
  if (g_str_equal (area_id, "people"))
    return "People";
  if (g_str_equal (area_id, "ops"))
    return "Operations";
  return "Secret";
}

/* @score 0: asked, not scored; -1: not asked. */
static void
add_answer (GListStore *answers,
            const char *area_id,
            int         score)
{
  guint position = g_list_model_get_n_items (G_LIST_MODEL (answers));
  g_autofree char *id = g_strdup_printf ("%s.q%u", area_id, position);
  g_autoptr(PnlQuestion) question = pnl_question_new_custom (id, area_id, "Prompt");
  g_autoptr(PnlAnswer) answer = NULL;

  answer = g_object_new (PNL_TYPE_ANSWER,
                         "position", position,
                         "question", question,
                         "area-title", area_title (area_id),
                         "asked", score >= 0,
                         "score", MAX (score, 0),
                         NULL);
  g_list_store_append (answers, answer);
}

typedef struct
{
  GPtrArray *items;
} Fixture;

/* Pairs of area id and score, ended by NULL. */
static void
add_item (Fixture           *f,
          const char        *uuid,
          const char        *candidate,
          const char        *reference,
          const char        *role,
          const char        *interviewer,
          PnlInterviewState  state,
          PnlRecommendation  rec,
          ...)
{
  g_autoptr(PnlInterview) interview = make_interview (uuid, candidate, reference, role,
                                                      interviewer, state, rec);
  g_autoptr(GListStore) answers = g_list_store_new (PNL_TYPE_ANSWER);
  const char *area_id;
  va_list args;

  va_start (args, rec);
  while ((area_id = va_arg (args, const char *)) != NULL)
    add_answer (answers, area_id, va_arg (args, int));
  va_end (args);

  g_ptr_array_add (f->items, pnl_scorecard_new (interview, G_LIST_MODEL (answers)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const PnlInterviewState done = PNL_INTERVIEW_STATE_SUBMITTED;
  const PnlInterviewState open = PNL_INTERVIEW_STATE_IN_PROGRESS;

  f->items = g_ptr_array_new_with_free_func (g_object_unref);

  add_item (f, "ada-1", "Ada Lovelace", "ATS-1", ROLE, "A", done, PNL_RECOMMENDATION_YES,
            "design", 1, "design", 3, "data", 4, "people", 0, NULL);
  add_item (f, "ada-2", "Ada Lovelace", "ATS-1", ROLE, "B", done, PNL_RECOMMENDATION_STRONG_YES,
            "design", 4, "data", 2, "data", 3, NULL);
  add_item (f, "ada-3", "Ada Lovelace", "ATS-1", ROLE, "A", done, PNL_RECOMMENDATION_NO,
            "design", 2, NULL);
  add_item (f, "ada-4", "Ada Lovelace", "ATS-1", ROLE, "C", open, PNL_RECOMMENDATION_STRONG_NO,
            "design", 1, NULL);
  add_item (f, "ada-5", "Ada Lovelace", "ATS-1", "Frontend developer", "D", done,
            PNL_RECOMMENDATION_STRONG_NO, "design", 1, NULL);
  add_item (f, "bo-1", "Bo Berg", "", ROLE, "A", open, PNL_RECOMMENDATION_YES,
            "secret", 4, "design", 4, NULL);
  add_item (f, "cy-1", "Cy Chen", "", ROLE, "A", done, PNL_RECOMMENDATION_NONE,
            "people", 3, "ops", 0, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->items, g_ptr_array_unref);
}

static PnlComparison *
compare (Fixture *f)
{
  PnlComparison *comparison = pnl_comparison_new_for_items (ROLE, f->items);

  g_assert_nonnull (comparison);
  g_assert_cmpstr (pnl_comparison_get_role (comparison), ==, ROLE);

  return comparison;
}

static guint
find_area (PnlComparison *comparison,
           const char    *id)
{
  for (guint i = 0; i < pnl_comparison_get_n_areas (comparison); i++)
    if (g_str_equal (pnl_comparison_get_area_id (comparison, i), id))
      return i;

  g_assert_not_reached ();
}

#define EPSILON 1e-9

static void
test_rows_and_columns (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = compare (f);

  /* Bo has no submitted interview: no row. */
  g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 2);
  g_assert_cmpstr (pnl_comparison_get_candidate_name (comparison, 0), ==, "Ada Lovelace");
  g_assert_cmpstr (pnl_comparison_get_candidate_reference (comparison, 0), ==, "ATS-1");
  g_assert_cmpstr (pnl_comparison_get_candidate_name (comparison, 1), ==, "Cy Chen");
  g_assert_cmpstr (pnl_comparison_get_candidate_reference (comparison, 1), ==, "");

  /* First appearance; "secret" only ever appears in Bo's open interview. */
  g_assert_cmpuint (pnl_comparison_get_n_areas (comparison), ==, 4);
  g_assert_cmpstr (pnl_comparison_get_area_id (comparison, 0), ==, "design");
  g_assert_cmpstr (pnl_comparison_get_area_id (comparison, 1), ==, "data");
  g_assert_cmpstr (pnl_comparison_get_area_id (comparison, 2), ==, "people");
  g_assert_cmpstr (pnl_comparison_get_area_id (comparison, 3), ==, "ops");
  g_assert_cmpstr (pnl_comparison_get_area_title (comparison, 3), ==, "Operations");

  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, 0), ==, 3);
  g_assert_cmpuint (pnl_comparison_get_n_interviewers (comparison, 0), ==, 2);
  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, 1), ==, 1);
  g_assert_cmpuint (pnl_comparison_get_n_interviewers (comparison, 1), ==, 1);
}

static void
test_area_scores (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = compare (f);
  guint design = find_area (comparison, "design");
  guint area_data = find_area (comparison, "data");

  /* design: A (1, 3, 2 over two interviews) 2.0, B 4.0 -> 3.00 */
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_score (comparison, 0, design), 3.0, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_area_n_interviewers (comparison, 0, design), ==, 2);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_spread (comparison, 0, design), 2.0, EPSILON);

  /* data: A 4.0, B (2, 3) 2.5 -> 3.25 */
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_score (comparison, 0, area_data), 3.25, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_area_n_interviewers (comparison, 0, area_data), ==, 2);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_spread (comparison, 0, area_data), 1.5, EPSILON);

  /* Cy's people: one interviewer, 3 -> 3.00, no spread */
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_score (comparison, 1, find_area (comparison, "people")),
                                  3.0, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_area_n_interviewers (comparison, 1, find_area (comparison, "people")), ==, 1);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_spread (comparison, 1, find_area (comparison, "people")),
                                  0.0, EPSILON);
}

static void
test_mean (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = compare (f);

  /* A: 1, 3, 4, 2 -> 2.5; B: 4, 2, 3 -> 3.0; (2.5 + 3.0) / 2 = 2.75 */
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, 0), 2.75, EPSILON);
  /* Cy: 3 */
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, 1), 3.0, EPSILON);
}

static void
test_unscored_area (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = compare (f);
  guint people = find_area (comparison, "people");
  guint ops = find_area (comparison, "ops");
  guint design = find_area (comparison, "design");

  /* Ada's people was asked by A but never scored. */
  g_assert_true (isnan (pnl_comparison_get_area_score (comparison, 0, people)));
  g_assert_true (isnan (pnl_comparison_get_area_spread (comparison, 0, people)));
  g_assert_cmpuint (pnl_comparison_get_area_n_interviewers (comparison, 0, people), ==, 0);

  /* Ada never met ops; Cy met it unscored, and never met design. */
  g_assert_true (isnan (pnl_comparison_get_area_score (comparison, 0, ops)));
  g_assert_true (isnan (pnl_comparison_get_area_score (comparison, 1, ops)));
  g_assert_cmpuint (pnl_comparison_get_area_n_interviewers (comparison, 1, ops), ==, 0);
  g_assert_true (isnan (pnl_comparison_get_area_score (comparison, 1, design)));
}

static void
test_recommendations (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = compare (f);

  /* ada-4 (strong no, in progress) and ada-5 (strong no, other role) do not count. */
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_STRONG_NO), ==, 0);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_NO), ==, 1);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_YES), ==, 1);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_STRONG_YES), ==, 1);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_NONE), ==, 0);

  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 1, PNL_RECOMMENDATION_YES), ==, 0);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 1, PNL_RECOMMENDATION_NONE), ==, 1);
}

static void
test_submitted_only (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = pnl_comparison_new (ROLE);

  for (guint i = 0; i < f->items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (f->items, i);
      PnlInterview *interview = pnl_scorecard_get_interview (item);
      gboolean expected = (pnl_interview_get_state (interview) == PNL_INTERVIEW_STATE_SUBMITTED &&
                           g_str_equal (pnl_interview_get_role (interview), ROLE));

      g_assert_cmpint (pnl_comparison_add (comparison, interview,
                                           pnl_scorecard_get_answers (item)), ==, expected);
    }

  g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 2);

  /* Submitting Bo's interview brings Bo in, with the "secret" area. */
  pnl_interview_set_state (pnl_scorecard_get_interview (g_ptr_array_index (f->items, 5)),
                           PNL_INTERVIEW_STATE_SUBMITTED);
  g_clear_object (&comparison);
  comparison = compare (f);

  g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 3);
  g_assert_cmpstr (pnl_comparison_get_candidate_name (comparison, 1), ==, "Bo Berg");
  g_assert_cmpstr (pnl_comparison_get_area_id (comparison, 0), ==, "design");
  g_assert_cmpstr (pnl_comparison_get_area_id (comparison, 3), ==, "secret");
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_score (comparison, 1, find_area (comparison, "secret")),
                                  4.0, EPSILON);
}

static void
test_same_name (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = NULL;

  /* Another Ada, with another reference, is another candidate. */
  add_item (f, "ada-other", "Ada Lovelace", "ATS-9", ROLE, "A", PNL_INTERVIEW_STATE_SUBMITTED,
            PNL_RECOMMENDATION_NO, "design", 1, NULL);
  comparison = compare (f);

  g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 3);
  g_assert_cmpstr (pnl_comparison_get_candidate_reference (comparison, 2), ==, "ATS-9");
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_score (comparison, 2, 0), 1.0, EPSILON);
  /* and leaves the first Ada's figures alone */
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_score (comparison, 0, 0), 3.0, EPSILON);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = pnl_comparison_new ("Nobody's role");

  g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 0);
  g_assert_cmpuint (pnl_comparison_get_n_areas (comparison), ==, 0);

  g_clear_object (&comparison);
  comparison = pnl_comparison_new_for_items ("Nobody's role", f->items);
  g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 0);
  g_assert_cmpuint (pnl_comparison_get_n_areas (comparison), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

static void
test_disagreements (Fixture       *f,
                    gconstpointer  data)
{
  const PnlInterviewState done = PNL_INTERVIEW_STATE_SUBMITTED;
  g_autoptr(PnlComparison) comparison = NULL;
  guint design, area_data, people, ops;
  guint dee;

  add_item (f, "dee-1", "Dee Dunn", "", ROLE, "P", done, PNL_RECOMMENDATION_YES,
            "design", 1, "data", 1, "people", 4, "ops", 1, "ops", 2, "ops", 2, NULL);
  add_item (f, "dee-2", "Dee Dunn", "", ROLE, "Q", done, PNL_RECOMMENDATION_NO,
            "design", 4, "data", 3, "people", 1, "ops", 4, "ops", 4, "ops", 3, NULL);
  add_item (f, "dee-3", "Dee Dunn", "", ROLE, "R", done, PNL_RECOMMENDATION_NO,
            "data", 3, "data", 4, NULL);
  comparison = compare (f);

  design = find_area (comparison, "design");
  area_data = find_area (comparison, "data");
  people = find_area (comparison, "people");
  ops = find_area (comparison, "ops");
  dee = 2;
  g_assert_cmpstr (pnl_comparison_get_candidate_name (comparison, dee), ==, "Dee Dunn");

  /* Ada: design (2.00) is one, data (1.50) is not. */
  g_assert_cmpuint (pnl_comparison_get_n_disagreements (comparison, 0), ==, 1);
  g_assert_true (pnl_comparison_has_disagreements (comparison, 0));
  g_assert_cmpuint (pnl_comparison_get_disagreement_area (comparison, 0, 0), ==, design);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_disagreement_spread (comparison, 0, 0), 2.0, EPSILON);
  g_assert_true (pnl_comparison_is_disagreement (comparison, 0, design));
  g_assert_false (pnl_comparison_is_disagreement (comparison, 0, area_data));
  g_assert_false (pnl_comparison_is_disagreement (comparison, 0, people));

  /* Cy: one interviewer, nothing to disagree about. */
  g_assert_cmpuint (pnl_comparison_get_n_disagreements (comparison, 1), ==, 0);
  g_assert_false (pnl_comparison_has_disagreements (comparison, 1));
  g_assert_false (pnl_comparison_is_disagreement (comparison, 1, people));

  /* Dee: by spread, equal spreads in area order; ops's 2.0 counts even
   * though 11/3 - 5/3 falls just short of it in doubles. */
  g_assert_cmpfloat (11.0 / 3 - 5.0 / 3, <, 2.0);
  g_assert_cmpuint (pnl_comparison_get_n_disagreements (comparison, dee), ==, 4);
  g_assert_true (pnl_comparison_has_disagreements (comparison, dee));
  g_assert_cmpuint (pnl_comparison_get_disagreement_area (comparison, dee, 0), ==, design);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_disagreement_spread (comparison, dee, 0), 3.0, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_disagreement_area (comparison, dee, 1), ==, people);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_disagreement_spread (comparison, dee, 1), 3.0, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_disagreement_area (comparison, dee, 2), ==, area_data);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_disagreement_spread (comparison, dee, 2), 2.5, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_disagreement_area (comparison, dee, 3), ==, ops);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_disagreement_spread (comparison, dee, 3), 2.0, EPSILON);
  g_assert_true (pnl_comparison_is_disagreement (comparison, dee, ops));
  g_assert_true (pnl_comparison_is_disagreement (comparison, dee, area_data));
}

static void
test_calibration (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = compare (f);

  g_assert_cmpuint (pnl_comparison_get_n_calibrations (comparison), ==, 2);

  /* A: Ada 2.5 and Cy 3.0 against the panel's 2.75 and 3.00 */
  g_assert_cmpstr (pnl_comparison_get_calibration_interviewer (comparison, 0), ==, "A");
  g_assert_cmpuint (pnl_comparison_get_calibration_n_candidates (comparison, 0), ==, 2);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_mean (comparison, 0), 2.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_panel_mean (comparison, 0), 2.875, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_difference (comparison, 0), -0.125, EPSILON);

  /* B: Ada 3.0 against 2.75: more lenient */
  g_assert_cmpstr (pnl_comparison_get_calibration_interviewer (comparison, 1), ==, "B");
  g_assert_cmpuint (pnl_comparison_get_calibration_n_candidates (comparison, 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_mean (comparison, 1), 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_panel_mean (comparison, 1), 2.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_difference (comparison, 1), 0.25, EPSILON);

  /* E scored nothing: listed, without figures, and changes nobody's. */
  add_item (f, "cy-2", "Cy Chen", "", ROLE, "E", PNL_INTERVIEW_STATE_SUBMITTED,
            PNL_RECOMMENDATION_NO, "people", 0, NULL);
  g_clear_object (&comparison);
  comparison = compare (f);

  g_assert_cmpuint (pnl_comparison_get_n_calibrations (comparison), ==, 3);
  g_assert_cmpstr (pnl_comparison_get_calibration_interviewer (comparison, 2), ==, "E");
  g_assert_cmpuint (pnl_comparison_get_calibration_n_candidates (comparison, 2), ==, 0);
  g_assert_true (isnan (pnl_comparison_get_calibration_mean (comparison, 2)));
  g_assert_true (isnan (pnl_comparison_get_calibration_panel_mean (comparison, 2)));
  g_assert_true (isnan (pnl_comparison_get_calibration_difference (comparison, 2)));
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_panel_mean (comparison, 0), 2.875, EPSILON);
}

static void
assert_ada_hidden_from_c (PnlComparison *comparison)
{
  guint design = find_area (comparison, "design");

  g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 2);
  g_assert_cmpstr (pnl_comparison_get_candidate_name (comparison, 0), ==, "Ada Lovelace");

  g_assert_true (pnl_comparison_is_hidden (comparison, 0));
  g_assert_cmpstr (pnl_comparison_get_hidden_reason (comparison, 0), ==,
                   "Hidden until you submit your own scorecard for this candidate.");
  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, 0), ==, 0);
  g_assert_cmpuint (pnl_comparison_get_n_interviewers (comparison, 0), ==, 0);
  for (guint rec = PNL_RECOMMENDATION_NONE; rec <= PNL_RECOMMENDATION_STRONG_YES; rec++)
    g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, rec), ==, 0);
  g_assert_true (isnan (pnl_comparison_get_mean (comparison, 0)));
  for (guint a = 0; a < pnl_comparison_get_n_areas (comparison); a++)
    {
      g_assert_true (isnan (pnl_comparison_get_area_score (comparison, 0, a)));
      g_assert_true (isnan (pnl_comparison_get_area_spread (comparison, 0, a)));
      g_assert_cmpuint (pnl_comparison_get_area_n_interviewers (comparison, 0, a), ==, 0);
    }
  g_assert_cmpuint (pnl_comparison_get_n_disagreements (comparison, 0), ==, 0);
  g_assert_false (pnl_comparison_is_disagreement (comparison, 0, design));

  /* Cy is not hidden from C. */
  g_assert_false (pnl_comparison_is_hidden (comparison, 1));
  g_assert_null (pnl_comparison_get_hidden_reason (comparison, 1));
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, 1), 3.0, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 1, PNL_RECOMMENDATION_NONE), ==, 1);

  /* B only scored Ada; A counts over Cy alone. */
  g_assert_cmpuint (pnl_comparison_get_n_calibrations (comparison), ==, 1);
  g_assert_cmpstr (pnl_comparison_get_calibration_interviewer (comparison, 0), ==, "A");
  g_assert_cmpuint (pnl_comparison_get_calibration_n_candidates (comparison, 0), ==, 1);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_mean (comparison, 0), 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_panel_mean (comparison, 0), 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_calibration_difference (comparison, 0), 0.0, EPSILON);
}

static void
test_hidden (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = NULL;
  g_autoptr(GPtrArray) reversed = NULL;

  /* C's interview in progress with Cy, but for another role. */
  add_item (f, "cy-other", "Cy Chen", "", "Frontend developer", "C", PNL_INTERVIEW_STATE_IN_PROGRESS,
            PNL_RECOMMENDATION_NONE, "people", 1, NULL);

  /* Nobody local: nothing hidden. */
  comparison = compare (f);
  g_assert_null (pnl_comparison_get_local_interviewer (comparison));
  g_assert_false (pnl_comparison_is_hidden (comparison, 0));
  g_assert_null (pnl_comparison_get_hidden_reason (comparison, 0));
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, 0), 2.75, EPSILON);

  /* Set after the figures were read: they follow. */
  pnl_comparison_set_local_interviewer (comparison, "C");
  g_assert_cmpstr (pnl_comparison_get_local_interviewer (comparison), ==, "C");
  assert_ada_hidden_from_c (comparison);

  /* And back. */
  pnl_comparison_set_local_interviewer (comparison, NULL);
  g_assert_false (pnl_comparison_is_hidden (comparison, 0));
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, 0), 2.75, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_n_disagreements (comparison, 0), ==, 1);
  g_assert_cmpuint (pnl_comparison_get_n_calibrations (comparison), ==, 2);

  /* Set first, the interview in progress added after the others and
   * before them: the same. */
  g_clear_object (&comparison);
  comparison = pnl_comparison_new (ROLE);
  pnl_comparison_set_local_interviewer (comparison, "C");
  for (guint i = 0; i < f->items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (f->items, i);

      pnl_comparison_add (comparison, pnl_scorecard_get_interview (item),
                          pnl_scorecard_get_answers (item));
    }
  assert_ada_hidden_from_c (comparison);

  reversed = g_ptr_array_new ();
  for (guint i = f->items->len; i > 0; i--)
    g_ptr_array_add (reversed, g_ptr_array_index (f->items, i - 1));
  g_clear_object (&comparison);
  comparison = pnl_comparison_new_for_items (ROLE, reversed);
  g_object_set (comparison, "local-interviewer", "C", NULL);
  /* reversed, Cy comes first */
  g_assert_cmpstr (pnl_comparison_get_candidate_name (comparison, 0), ==, "Cy Chen");
  g_assert_true (pnl_comparison_is_hidden (comparison, 1));
  g_assert_false (pnl_comparison_is_hidden (comparison, 0));
  g_assert_true (isnan (pnl_comparison_get_mean (comparison, 1)));
  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, 1), ==, 0);
}

static void
test_hidden_own_scores (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = NULL;
  guint design;

  /* A, local, is interviewing Ada again. */
  add_item (f, "ada-6", "Ada Lovelace", "ATS-1", ROLE, "A", PNL_INTERVIEW_STATE_IN_PROGRESS,
            PNL_RECOMMENDATION_STRONG_NO, "design", 4, NULL);
  comparison = compare (f);
  pnl_comparison_set_local_interviewer (comparison, "A");
  design = find_area (comparison, "design");

  g_assert_true (pnl_comparison_is_hidden (comparison, 0));
  g_assert_cmpuint (pnl_comparison_get_n_interviews (comparison, 0), ==, 2);
  g_assert_cmpuint (pnl_comparison_get_n_interviewers (comparison, 0), ==, 1);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_YES), ==, 1);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_NO), ==, 1);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_STRONG_YES), ==, 0);
  g_assert_cmpuint (pnl_comparison_get_n_recommendations (comparison, 0, PNL_RECOMMENDATION_STRONG_NO), ==, 0);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (comparison, 0), 2.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_score (comparison, 0, design), 2.0, EPSILON);
  g_assert_cmpuint (pnl_comparison_get_area_n_interviewers (comparison, 0, design), ==, 1);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_spread (comparison, 0, design), 0.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_area_score (comparison, 0, find_area (comparison, "data")),
                                  4.0, EPSILON);
  g_assert_false (pnl_comparison_has_disagreements (comparison, 0));

  /* Bo: A's interview in progress, but no submitted one: still no row. */
  g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 2);
  g_assert_false (pnl_comparison_is_hidden (comparison, 1));
}

/* Ada side by side (question ids follow answer positions, so the same
 * position is the same question across interviews):
 *   columns ada-1 (A), ada-2 (B), ada-3 (A); ada-7 (B) adds ops.q0,
 *   which nobody asked.
 *   design: design.q0 = 1, 4, 2; design.q1 = 3, -, -
 *     area means 2.0, 4.0, 2.0
 *   data: data.q2 = 4, 3, - (first seen in ada-1); data.q1 = -, 2, -
 *     area means 4.0, 2.5, NAN
 *   people: people.q3 asked by ada-1, unscored: means NAN
 *   ops (ada-7 only): ops.q0 not asked
 *   interview means: ada-1 8/3, ada-2 3.0, ada-3 2.0 */
static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = NULL;
  g_autoptr(PnlCandidateReview) review = NULL;
  int ada;

  add_item (f, "ada-7", "Ada Lovelace", "ATS-1", ROLE, "B", PNL_INTERVIEW_STATE_SUBMITTED,
            PNL_RECOMMENDATION_NONE, "ops", -1, NULL);
  comparison = compare (f);
  ada = pnl_comparison_find_candidate (comparison, "Ada Lovelace", "ATS-1");
  g_assert_cmpint (ada, ==, 0);
  g_assert_cmpint (pnl_comparison_find_candidate (comparison, "Ada Lovelace", NULL), ==, -1);
  g_assert_cmpint (pnl_comparison_find_candidate (comparison, "Cy Chen", NULL), ==, 1);

  review = pnl_candidate_review_new (comparison, ada, f->items);
  g_assert_true (pnl_candidate_review_get_comparison (review) == comparison);
  g_assert_cmpuint (pnl_candidate_review_get_candidate (review), ==, 0);

  /* The in-progress ada-4 and the other role's ada-5 are not columns. */
  g_assert_cmpuint (pnl_candidate_review_get_n_interviews (review), ==, 4);
  g_assert_cmpstr (pnl_interview_get_uuid (pnl_candidate_review_get_interview (review, 0)), ==, "ada-1");
  g_assert_cmpstr (pnl_interview_get_uuid (pnl_candidate_review_get_interview (review, 1)), ==, "ada-2");
  g_assert_cmpstr (pnl_interview_get_uuid (pnl_candidate_review_get_interview (review, 2)), ==, "ada-3");
  g_assert_cmpstr (pnl_interview_get_uuid (pnl_candidate_review_get_interview (review, 3)), ==, "ada-7");
  g_assert_cmpfloat_with_epsilon (pnl_candidate_review_get_interview_mean (review, 0), 8.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_candidate_review_get_interview_mean (review, 1), 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_candidate_review_get_interview_mean (review, 2), 2.0, EPSILON);
  g_assert_true (isnan (pnl_candidate_review_get_interview_mean (review, 3)));

  g_assert_cmpuint (pnl_candidate_review_get_n_areas (review), ==, 4);
  g_assert_cmpstr (pnl_candidate_review_get_area_title (review, 0), ==, "Design");
  g_assert_cmpstr (pnl_candidate_review_get_area_title (review, 1), ==, "Data");
  g_assert_cmpstr (pnl_candidate_review_get_area_title (review, 2), ==, "People");
  g_assert_cmpstr (pnl_candidate_review_get_area_title (review, 3), ==, "Operations");
  g_assert_cmpuint (pnl_candidate_review_get_area (review, 1), ==, find_area (comparison, "data"));

  /* Design */
  g_assert_cmpuint (pnl_candidate_review_get_n_questions (review, 0), ==, 2);
  g_assert_cmpstr (pnl_question_get_id (pnl_candidate_review_get_question (review, 0, 0)), ==, "design.q0");
  g_assert_cmpstr (pnl_question_get_id (pnl_candidate_review_get_question (review, 0, 1)), ==, "design.q1");
  g_assert_cmpint (pnl_answer_get_score (pnl_candidate_review_get_answer (review, 0, 0, 0)), ==, 1);
  g_assert_cmpint (pnl_answer_get_score (pnl_candidate_review_get_answer (review, 0, 0, 1)), ==, 4);
  g_assert_cmpint (pnl_answer_get_score (pnl_candidate_review_get_answer (review, 0, 0, 2)), ==, 2);
  g_assert_null (pnl_candidate_review_get_answer (review, 0, 0, 3));
  g_assert_cmpint (pnl_answer_get_score (pnl_candidate_review_get_answer (review, 0, 1, 0)), ==, 3);
  g_assert_null (pnl_candidate_review_get_answer (review, 0, 1, 1));
  g_assert_cmpfloat_with_epsilon (pnl_candidate_review_get_area_mean (review, 0, 0), 2.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_candidate_review_get_area_mean (review, 0, 1), 4.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pnl_candidate_review_get_area_mean (review, 0, 2), 2.0, EPSILON);

  /* Data: in order of first appearance. */
  g_assert_cmpuint (pnl_candidate_review_get_n_questions (review, 1), ==, 2);
  g_assert_cmpstr (pnl_question_get_id (pnl_candidate_review_get_question (review, 1, 0)), ==, "data.q2");
  g_assert_cmpstr (pnl_question_get_id (pnl_candidate_review_get_question (review, 1, 1)), ==, "data.q1");
  g_assert_cmpint (pnl_answer_get_score (pnl_candidate_review_get_answer (review, 1, 0, 1)), ==, 3);
  g_assert_cmpfloat_with_epsilon (pnl_candidate_review_get_area_mean (review, 1, 1), 2.5, EPSILON);
  g_assert_true (isnan (pnl_candidate_review_get_area_mean (review, 1, 2)));

  /* Asked and unscored still counts as asked; ops.q0 nobody asked. */
  g_assert_true (pnl_candidate_review_get_asked (review, 2, 0));
  g_assert_cmpuint (pnl_candidate_review_get_n_unasked (review, 2), ==, 0);
  g_assert_true (isnan (pnl_candidate_review_get_area_mean (review, 2, 0)));
  g_assert_false (pnl_candidate_review_get_asked (review, 3, 0));
  g_assert_cmpuint (pnl_candidate_review_get_n_unasked (review, 3), ==, 1);
  g_assert_cmpuint (pnl_candidate_review_get_n_unasked (review, 0), ==, 0);
}

static void
test_review_hidden (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PnlComparison) comparison = compare (f);
  g_autoptr(PnlCandidateReview) review = NULL;

  /* C's ada-4 is in progress and C submitted nothing for Ada. */
  pnl_comparison_set_local_interviewer (comparison, "C");
  review = pnl_candidate_review_new (comparison, 0, f->items);
  g_assert_cmpuint (pnl_candidate_review_get_n_interviews (review), ==, 0);
  g_assert_cmpuint (pnl_candidate_review_get_n_areas (review), ==, 0);
  g_clear_object (&review);

  /* A interviews Ada again: only A's own submitted scorecards show. */
  add_item (f, "ada-6", "Ada Lovelace", "ATS-1", ROLE, "A", PNL_INTERVIEW_STATE_IN_PROGRESS,
            PNL_RECOMMENDATION_STRONG_NO, "design", 4, NULL);
  g_clear_object (&comparison);
  comparison = compare (f);
  pnl_comparison_set_local_interviewer (comparison, "A");
  review = pnl_candidate_review_new (comparison, 0, f->items);
  g_assert_cmpuint (pnl_candidate_review_get_n_interviews (review), ==, 2);
  g_assert_cmpstr (pnl_interview_get_uuid (pnl_candidate_review_get_interview (review, 0)), ==, "ada-1");
  g_assert_cmpstr (pnl_interview_get_uuid (pnl_candidate_review_get_interview (review, 1)), ==, "ada-3");
  g_assert_true (pnl_comparison_counts (comparison, pnl_candidate_review_get_interview (review, 0)));
  g_assert_false (pnl_comparison_counts (comparison, pnl_scorecard_get_interview (g_ptr_array_index (f->items, 1))));
}

/* The rule itself (pnl-visibility.h), and the comparison asking it. */
static void
test_visibility (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PnlVisibility) visibility = pnl_visibility_new ("C");
  g_autoptr(PnlVisibility) nobody = pnl_visibility_new ("");
  g_autoptr(PnlComparison) comparison = NULL;
  g_autoptr(GPtrArray) visible = NULL;

  g_assert_null (pnl_visibility_get_local_interviewer (nobody));
  g_assert_cmpstr (pnl_visibility_get_local_interviewer (visibility), ==, "C");

  /* Nothing noted: nothing hidden. */
  g_assert_false (pnl_visibility_is_candidate_hidden (visibility, "Ada Lovelace", "ATS-1"));
  g_assert_true (pnl_visibility_can_see (visibility, "A", "Ada Lovelace", "ATS-1"));

  /* C's ada-4 is in progress: of Ada, C sees C's own only, in progress
   * or not; A's and B's, submitted or not, are hidden.  Another person
   * of the same name (another reference) is not hidden. */
  pnl_visibility_note_items (visibility, f->items);
  pnl_visibility_note_items (nobody, f->items);
  g_assert_true (pnl_visibility_is_candidate_hidden (visibility, "Ada Lovelace", "ATS-1"));
  g_assert_true (pnl_visibility_can_see (visibility, "C", "Ada Lovelace", "ATS-1"));
  g_assert_false (pnl_visibility_can_see (visibility, "A", "Ada Lovelace", "ATS-1"));
  g_assert_false (pnl_visibility_can_see (visibility, "B", "Ada Lovelace", "ATS-1"));
  g_assert_false (pnl_visibility_is_candidate_hidden (visibility, "Ada Lovelace", "ATS-9"));
  g_assert_true (pnl_visibility_can_see (visibility, "A", "Ada Lovelace", "ATS-9"));
  g_assert_false (pnl_visibility_is_candidate_hidden (visibility, "Cy Chen", ""));
  g_assert_true (pnl_visibility_can_see (visibility, "A", "Cy Chen", ""));

  /* Nobody local sees everything. */
  g_assert_false (pnl_visibility_is_candidate_hidden (nobody, "Ada Lovelace", "ATS-1"));
  g_assert_true (pnl_visibility_can_see (nobody, "A", "Ada Lovelace", "ATS-1"));

  /* Filtering keeps the order and leaves out exactly A's and B's of Ada. */
  visible = pnl_visibility_filter_items (visibility, f->items);
  for (guint i = 0, j = 0; i < f->items->len; i++)
    {
      PnlInterview *interview = pnl_scorecard_get_interview (g_ptr_array_index (f->items, i));
      gboolean hidden = g_str_equal (pnl_interview_get_candidate_name (interview), "Ada Lovelace") &&
                        g_str_equal (pnl_interview_get_candidate_reference (interview), "ATS-1") &&
                        !g_str_equal (pnl_interview_get_interviewer (interview), "C");

      if (hidden)
        continue;
      g_assert_cmpuint (j, <, visible->len);
      g_assert_true (pnl_scorecard_get_interview (g_ptr_array_index (visible, j)) == interview);
      j++;
    }

  /* The comparison asks the same rule, told by what it was given. */
  comparison = pnl_comparison_new_for_items (ROLE, f->items);
  pnl_comparison_set_local_interviewer (comparison, "C");
  g_assert_cmpstr (pnl_visibility_get_local_interviewer (pnl_comparison_get_visibility (comparison)), ==, "C");
  g_assert_true (pnl_visibility_is_candidate_hidden (pnl_comparison_get_visibility (comparison),
                                                     "Ada Lovelace", "ATS-1"));
  g_assert_cmpstr (pnl_comparison_get_hidden_reason (comparison, 0), ==, pnl_visibility_get_hidden_reason ());
  pnl_comparison_set_local_interviewer (comparison, "");
  g_assert_null (pnl_comparison_get_local_interviewer (comparison));
  g_assert_false (pnl_comparison_is_hidden (comparison, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/comparison/rows-and-columns", test_rows_and_columns);
  ADD ("/core/comparison/area-scores", test_area_scores);
  ADD ("/core/comparison/mean", test_mean);
  ADD ("/core/comparison/unscored-area", test_unscored_area);
  ADD ("/core/comparison/recommendations", test_recommendations);
  ADD ("/core/comparison/submitted-only", test_submitted_only);
  ADD ("/core/comparison/same-name", test_same_name);
  ADD ("/core/comparison/empty", test_empty);
  ADD ("/core/comparison/disagreements", test_disagreements);
  ADD ("/core/comparison/calibration", test_calibration);
  ADD ("/core/comparison/hidden", test_hidden);
  ADD ("/core/comparison/hidden-own-scores", test_hidden_own_scores);
  ADD ("/core/comparison/review", test_review);
  ADD ("/core/comparison/review-hidden", test_review_hidden);
  ADD ("/core/comparison/visibility", test_visibility);

#undef ADD

  return g_test_run ();
}
