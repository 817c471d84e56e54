/* pnl-candidate-review.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-candidate-review"

#include "config.h"

#include <math.h>

#include "pnl-answer.h"
#include "pnl-candidate-review.h"
#include "pnl-comparison.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scorecard.h"

typedef struct
{
  PnlQuestion  *question;
  gboolean      asked;
  /* PnlAnswer, one per interview, NULL where the interview has none */
  GPtrArray    *answers;
} Row;

typedef struct
{
  guint       comparison_area;
  /* Row */
  GPtrArray  *rows;
  /* question id -> GUINT_TO_POINTER (row index + 1) */
  GHashTable *row_index;
  guint       n_unasked;
} Area;

struct _PnlCandidateReview
{
  GObject        parent_instance;

  PnlComparison *comparison;
  guint          candidate;
  /* PnlInterview */
  GPtrArray     *interviews;
  /* Area, in the comparison's order */
  GPtrArray     *areas;
};

G_DEFINE_FINAL_TYPE (PnlCandidateReview, pnl_candidate_review, G_TYPE_OBJECT)

static void
answer_unref (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_ptr_array_unref (row->answers);
  g_clear_object (&row->question);
  g_free (row);
}

static void
area_free (gpointer data)
{
  Area *area = data;

  g_ptr_array_unref (area->rows);
  g_hash_table_unref (area->row_index);
  g_free (area);
}

static void
pnl_candidate_review_finalize (GObject *object)
{
  PnlCandidateReview *self = (PnlCandidateReview *)object;

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->interviews, g_ptr_array_unref);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (pnl_candidate_review_parent_class)->finalize (object);
}

static void
pnl_candidate_review_class_init (PnlCandidateReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_candidate_review_finalize;
}

static void
pnl_candidate_review_init (PnlCandidateReview *self)
{
  self->interviews = g_ptr_array_new_with_free_func (g_object_unref);
  self->areas = g_ptr_array_new_with_free_func (area_free);
}

static const char *
question_key (PnlQuestion *question)
{
  const char *id = question != NULL ? pnl_question_get_id (question) : NULL;

  if (id == NULL && question != NULL)
    id = pnl_question_get_prompt (question);

  return id != NULL ? id : "";
}

static Area *
ensure_area (PnlCandidateReview *self,
             GPtrArray          *by_comparison_area,
             guint               comparison_area)
{
  Area *area;

  if (comparison_area < by_comparison_area->len &&
      (area = g_ptr_array_index (by_comparison_area, comparison_area)) != NULL)
    return area;

  area = g_new0 (Area, 1);
  area->comparison_area = comparison_area;
  area->rows = g_ptr_array_new_with_free_func (row_free);
  area->row_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (by_comparison_area->len <= comparison_area)
    g_ptr_array_set_size (by_comparison_area, comparison_area + 1);
  g_ptr_array_index (by_comparison_area, comparison_area) = area;

  return area;
}

static Row *
ensure_row (PnlCandidateReview *self,
            Area               *area,
            PnlAnswer          *answer,
            guint               n_interviews)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  const char *key = question_key (question);
  gpointer found;
  Row *row;

  if ((found = g_hash_table_lookup (area->row_index, key)))
    return g_ptr_array_index (area->rows, GPOINTER_TO_UINT (found) - 1);

  row = g_new0 (Row, 1);
  row->question = question != NULL ? g_object_ref (question) : NULL;
  row->answers = g_ptr_array_new_full (n_interviews, answer_unref);
  g_ptr_array_set_size (row->answers, n_interviews);
  g_ptr_array_add (area->rows, row);
  g_hash_table_insert (area->row_index, g_strdup (key), GUINT_TO_POINTER (area->rows->len));

  return row;
}

/**
 * pnl_candidate_review_new:
 * @comparison: the comparison of the candidate's role
 * @candidate: the candidate's index in @comparison
 * @items: (element-type PnlScorecard): the interviews of the role, with
 *   their answers, as given to @comparison
 *
 * Returns: (transfer full): the candidate's scorecards side by side
 */
PnlCandidateReview *
pnl_candidate_review_new (PnlComparison *comparison,
                          guint          candidate,
                          GPtrArray     *items)
{
  g_autoptr(PnlCandidateReview) self = NULL;
  g_autoptr(GPtrArray) answer_lists = NULL;
  g_autoptr(GPtrArray) by_comparison_area = NULL;
  g_autoptr(GHashTable) area_ids = NULL;
  guint n_areas;

  g_return_val_if_fail (PNL_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (candidate < pnl_comparison_get_n_candidates (comparison), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (PNL_TYPE_CANDIDATE_REVIEW, NULL);
  self->comparison = g_object_ref (comparison);
  self->candidate = candidate;

  /* The interviews first: every row has one cell per interview. */
  answer_lists = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);
      PnlInterview *interview = pnl_scorecard_get_interview (item);

      if (pnl_comparison_find_candidate (comparison,
                                         pnl_interview_get_candidate_name (interview),
                                         pnl_interview_get_candidate_reference (interview)) != (int) candidate ||
          !pnl_comparison_counts (comparison, interview))
        continue;

      g_ptr_array_add (self->interviews, g_object_ref (interview));
      g_ptr_array_add (answer_lists, pnl_scorecard_get_answers (item));
    }

  n_areas = pnl_comparison_get_n_areas (comparison);
  area_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_areas; i++)
    g_hash_table_insert (area_ids, (gpointer) pnl_comparison_get_area_id (comparison, i),
                         GUINT_TO_POINTER (i + 1));

  by_comparison_area = g_ptr_array_new ();

  for (guint i = 0; i < self->interviews->len; i++)
    {
      GListModel *answers = g_ptr_array_index (answer_lists, i);
      guint n_answers = g_list_model_get_n_items (answers);

      for (guint j = 0; j < n_answers; j++)
        {
          g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, j);
          PnlQuestion *question = pnl_answer_get_question (answer);
          const char *area_id = question != NULL ? pnl_question_get_area_id (question) : NULL;
          gpointer found = g_hash_table_lookup (area_ids, area_id != NULL ? area_id : "");
          Area *area;
          Row *row;

          /* Every area of a counted interview is the comparison's. */
          if (found == NULL)
            continue;

          area = ensure_area (self, by_comparison_area, GPOINTER_TO_UINT (found) - 1);
          row = ensure_row (self, area, answer, self->interviews->len);

          if (g_ptr_array_index (row->answers, i) == NULL)
            g_ptr_array_index (row->answers, i) = g_object_ref (answer);
          if (pnl_answer_get_asked (answer))
            row->asked = TRUE;
        }
    }

  /* In the comparison's order, without the areas nobody has. */
  for (guint i = 0; i < by_comparison_area->len; i++)
    {
      Area *area = g_ptr_array_index (by_comparison_area, i);

      if (area == NULL)
        continue;

      for (guint j = 0; j < area->rows->len; j++)
        if (!((Row *) g_ptr_array_index (area->rows, j))->asked)
          area->n_unasked++;

      g_ptr_array_add (self->areas, area);
    }

  return g_steal_pointer (&self);
}

PnlComparison *
pnl_candidate_review_get_comparison (PnlCandidateReview *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_REVIEW (self), NULL);

  return self->comparison;
}

guint
pnl_candidate_review_get_candidate (PnlCandidateReview *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_REVIEW (self), 0);

  return self->candidate;
}

guint
pnl_candidate_review_get_n_interviews (PnlCandidateReview *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_REVIEW (self), 0);

  return self->interviews->len;
}

PnlInterview *
pnl_candidate_review_get_interview (PnlCandidateReview *self,
                                    guint               interview)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_REVIEW (self), NULL);
  g_return_val_if_fail (interview < self->interviews->len, NULL);

  return g_ptr_array_index (self->interviews, interview);
}

static Area *
get_area (PnlCandidateReview *self,
          guint               area)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_REVIEW (self), NULL);
  g_return_val_if_fail (area < self->areas->len, NULL);

  return g_ptr_array_index (self->areas, area);
}

static Row *
get_row (PnlCandidateReview *self,
         guint               area,
         guint               question)
{
  Area *a = get_area (self, area);

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (question < a->rows->len, NULL);

  return g_ptr_array_index (a->rows, question);
}

/* The mean of the interview's scored answers in @area, or in every area
 * when @area is -1. */
static double
interview_mean (PnlCandidateReview *self,
                int                 area,
                guint               interview)
{
  gint64 sum = 0;
  guint count = 0;

  for (guint i = 0; i < self->areas->len; i++)
    {
      Area *a = g_ptr_array_index (self->areas, i);

      if (area >= 0 && (guint) area != i)
        continue;

      for (guint j = 0; j < a->rows->len; j++)
        {
          Row *row = g_ptr_array_index (a->rows, j);
          PnlAnswer *answer = g_ptr_array_index (row->answers, interview);

          if (answer != NULL && pnl_answer_get_score (answer) > 0)
            {
              sum += pnl_answer_get_score (answer);
              count++;
            }
        }
    }

  return count > 0 ? (double) sum / count : NAN;
}

double
pnl_candidate_review_get_interview_mean (PnlCandidateReview *self,
                                         guint               interview)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_REVIEW (self), NAN);
  g_return_val_if_fail (interview < self->interviews->len, NAN);

  return interview_mean (self, -1, interview);
}

guint
pnl_candidate_review_get_n_areas (PnlCandidateReview *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_REVIEW (self), 0);

  return self->areas->len;
}

guint
pnl_candidate_review_get_area (PnlCandidateReview *self,
                               guint               area)
{
  Area *a = get_area (self, area);

  return a != NULL ? a->comparison_area : 0;
}

const char *
pnl_candidate_review_get_area_title (PnlCandidateReview *self,
                                     guint               area)
{
  Area *a = get_area (self, area);

  return a != NULL ? pnl_comparison_get_area_title (self->comparison, a->comparison_area) : NULL;
}

double
pnl_candidate_review_get_area_mean (PnlCandidateReview *self,
                                    guint               area,
                                    guint               interview)
{
  g_return_val_if_fail (get_area (self, area) != NULL, NAN);
  g_return_val_if_fail (interview < self->interviews->len, NAN);

  return interview_mean (self, (int) area, interview);
}

guint
pnl_candidate_review_get_n_questions (PnlCandidateReview *self,
                                      guint               area)
{
  Area *a = get_area (self, area);

  return a != NULL ? a->rows->len : 0;
}

PnlQuestion *
pnl_candidate_review_get_question (PnlCandidateReview *self,
                                   guint               area,
                                   guint               question)
{
  Row *row = get_row (self, area, question);

  return row != NULL ? row->question : NULL;
}

gboolean
pnl_candidate_review_get_asked (PnlCandidateReview *self,
                                guint               area,
                                guint               question)
{
  Row *row = get_row (self, area, question);

  return row != NULL && row->asked;
}

guint
pnl_candidate_review_get_n_unasked (PnlCandidateReview *self,
                                    guint               area)
{
  Area *a = get_area (self, area);

  return a != NULL ? a->n_unasked : 0;
}

PnlAnswer *
pnl_candidate_review_get_answer (PnlCandidateReview *self,
                                 guint               area,
                                 guint               question,
                                 guint               interview)
{
  Row *row = get_row (self, area, question);

  g_return_val_if_fail (interview < self->interviews->len, NULL);

  return row != NULL ? g_ptr_array_index (row->answers, interview) : NULL;
}
