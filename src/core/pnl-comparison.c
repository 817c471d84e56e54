/* pnl-comparison.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-comparison"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "pnl-answer.h"
#include "pnl-comparison.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-question.h"

#define N_RECOMMENDATIONS (PNL_RECOMMENDATION_STRONG_YES + 1)

typedef struct
{
  char *id;
  char *title;
} Area;

typedef struct
{
  gint64 sum;
  guint  count;
} Tally;

/* One interviewer of one candidate: what they scored, per area (indexed
 * like the comparison's areas, grown on demand) and over all areas. */
typedef struct
{
  char   *name;
  GArray *areas;
  Tally   total;
} Rater;

typedef struct
{
  char      *name;
  char      *reference;
  guint      n_interviews;
  guint      recommendations[N_RECOMMENDATIONS];
  GPtrArray *raters;
} Candidate;

struct _PnlComparison
{
  GObject     parent_instance;

  char       *role;
  /* Area, in order of first appearance */
  GPtrArray  *areas;
  /* area id -> GUINT_TO_POINTER (index + 1) */
  GHashTable *area_index;
  /* Candidate, in order of first appearance */
  GPtrArray  *candidates;
};

G_DEFINE_FINAL_TYPE (PnlComparison, pnl_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
area_free (gpointer data)
{
  Area *area = data;

  g_free (area->id);
  g_free (area->title);
  g_free (area);
}

static void
rater_free (gpointer data)
{
  Rater *rater = data;

  g_free (rater->name);
  g_array_unref (rater->areas);
  g_free (rater);
}

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->name);
  g_free (candidate->reference);
  g_ptr_array_unref (candidate->raters);
  g_free (candidate);
}

static void
pnl_comparison_finalize (GObject *object)
{
  PnlComparison *self = (PnlComparison *)object;

  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->area_index, g_hash_table_unref);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (pnl_comparison_parent_class)->finalize (object);
}

static void
pnl_comparison_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PnlComparison *self = PNL_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_comparison_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PnlComparison *self = PNL_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_free (self->role);
      self->role = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_comparison_class_init (PnlComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_comparison_finalize;
  object_class->get_property = pnl_comparison_get_property;
  object_class->set_property = pnl_comparison_set_property;

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_comparison_init (PnlComparison *self)
{
  self->role = g_strdup ("");
  self->areas = g_ptr_array_new_with_free_func (area_free);
  self->area_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->candidates = g_ptr_array_new_with_free_func (candidate_free);
}

/**
 * pnl_comparison_new:
 * @role: the role whose candidates are compared
 *
 * Returns: (transfer full): an empty #PnlComparison
 */
PnlComparison *
pnl_comparison_new (const char *role)
{
  g_return_val_if_fail (role != NULL, NULL);

  return g_object_new (PNL_TYPE_COMPARISON,
                       "role", role,
                       NULL);
}

/**
 * pnl_comparison_new_for_items:
 * @role: the role whose candidates are compared
 * @items: (element-type PnlExportItem): interviews and their answers
 *
 * Returns: (transfer full): a #PnlComparison of what in @items counts
 */
PnlComparison *
pnl_comparison_new_for_items (const char *role,
                              GPtrArray  *items)
{
  PnlComparison *self;

  g_return_val_if_fail (role != NULL, NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = pnl_comparison_new (role);

  for (guint i = 0; i < items->len; i++)
    {
      PnlExportItem *item = g_ptr_array_index (items, i);

      pnl_comparison_add (self,
                          pnl_export_item_get_interview (item),
                          pnl_export_item_get_answers (item));
    }

  return self;
}

static guint
ensure_area (PnlComparison *self,
             PnlAnswer     *answer)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  const char *id = question != NULL ? pnl_question_get_area_id (question) : NULL;
  gpointer found;
  Area *area;

  if (id == NULL)
    id = "";

  found = g_hash_table_lookup (self->area_index, id);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  area = g_new0 (Area, 1);
  area->id = g_strdup (id);
  area->title = g_strdup (pnl_answer_get_area_title (answer));
  g_ptr_array_add (self->areas, area);
  g_hash_table_insert (self->area_index, g_strdup (id), GUINT_TO_POINTER (self->areas->len));

  return self->areas->len - 1;
}

static Candidate *
ensure_candidate (PnlComparison *self,
                  const char    *name,
                  const char    *reference)
{
  Candidate *candidate;

  for (guint i = 0; i < self->candidates->len; i++)
    {
      candidate = g_ptr_array_index (self->candidates, i);

      if (g_str_equal (candidate->name, name) &&
          g_str_equal (candidate->reference, reference))
        return candidate;
    }

  candidate = g_new0 (Candidate, 1);
  candidate->name = g_strdup (name);
  candidate->reference = g_strdup (reference);
  candidate->raters = g_ptr_array_new_with_free_func (rater_free);
  g_ptr_array_add (self->candidates, candidate);

  return candidate;
}

static Rater *
ensure_rater (Candidate  *candidate,
              const char *name)
{
  Rater *rater;

  for (guint i = 0; i < candidate->raters->len; i++)
    {
      rater = g_ptr_array_index (candidate->raters, i);

      if (g_str_equal (rater->name, name))
        return rater;
    }

  rater = g_new0 (Rater, 1);
  rater->name = g_strdup (name);
  rater->areas = g_array_new (FALSE, TRUE, sizeof (Tally));
  g_ptr_array_add (candidate->raters, rater);

  return rater;
}

static const char *
not_null (const char *str)
{
  return str != NULL ? str : "";
}

gboolean
pnl_comparison_add (PnlComparison *self,
                    PnlInterview  *interview,
                    GListModel    *answers)
{
  PnlRecommendation rec;
  Candidate *candidate;
  Rater *rater;
  guint n_answers;

  g_return_val_if_fail (PNL_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (answers), FALSE);

  if (pnl_interview_get_state (interview) != PNL_INTERVIEW_STATE_SUBMITTED ||
      g_strcmp0 (pnl_interview_get_role (interview), self->role) != 0)
    return FALSE;

  candidate = ensure_candidate (self,
                                not_null (pnl_interview_get_candidate_name (interview)),
                                not_null (pnl_interview_get_candidate_reference (interview)));
  candidate->n_interviews++;

  rec = pnl_interview_get_recommendation (interview);
  if ((guint) rec < N_RECOMMENDATIONS)
    candidate->recommendations[rec]++;

  rater = ensure_rater (candidate, not_null (pnl_interview_get_interviewer (interview)));

  n_answers = g_list_model_get_n_items (answers);

  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);
      guint area = ensure_area (self, answer);
      int score = pnl_answer_get_score (answer);
      Tally *tally;

      /* 0 is "not assessed": it has an area but no weight. */
      if (score <= 0)
        continue;

      if (rater->areas->len <= area)
        g_array_set_size (rater->areas, area + 1);

      tally = &g_array_index (rater->areas, Tally, area);
      tally->sum += score;
      tally->count++;

      rater->total.sum += score;
      rater->total.count++;
    }

  return TRUE;
}

const char *
pnl_comparison_get_role (PnlComparison *self)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), NULL);

  return self->role;
}

guint
pnl_comparison_get_n_areas (PnlComparison *self)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), 0);

  return self->areas->len;
}

const char *
pnl_comparison_get_area_id (PnlComparison *self,
                            guint          area)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (area < self->areas->len, NULL);

  return ((Area *) g_ptr_array_index (self->areas, area))->id;
}

const char *
pnl_comparison_get_area_title (PnlComparison *self,
                               guint          area)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (area < self->areas->len, NULL);

  return ((Area *) g_ptr_array_index (self->areas, area))->title;
}

guint
pnl_comparison_get_n_candidates (PnlComparison *self)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), 0);

  return self->candidates->len;
}

static Candidate *
get_candidate (PnlComparison *self,
               guint          candidate)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (candidate < self->candidates->len, NULL);

  return g_ptr_array_index (self->candidates, candidate);
}

const char *
pnl_comparison_get_candidate_name (PnlComparison *self,
                                   guint          candidate)
{
  Candidate *c = get_candidate (self, candidate);

  return c != NULL ? c->name : NULL;
}

const char *
pnl_comparison_get_candidate_reference (PnlComparison *self,
                                        guint          candidate)
{
  Candidate *c = get_candidate (self, candidate);

  return c != NULL ? c->reference : NULL;
}

guint
pnl_comparison_get_n_interviews (PnlComparison *self,
                                 guint          candidate)
{
  Candidate *c = get_candidate (self, candidate);

  return c != NULL ? c->n_interviews : 0;
}

guint
pnl_comparison_get_n_interviewers (PnlComparison *self,
                                   guint          candidate)
{
  Candidate *c = get_candidate (self, candidate);

  return c != NULL ? c->raters->len : 0;
}

guint
pnl_comparison_get_n_recommendations (PnlComparison     *self,
                                      guint              candidate,
                                      PnlRecommendation  rec)
{
  Candidate *c = get_candidate (self, candidate);

  g_return_val_if_fail ((guint) rec < N_RECOMMENDATIONS, 0);

  return c != NULL ? c->recommendations[rec] : 0;
}

typedef struct
{
  double sum;
  double min;
  double max;
  guint  n;
} Means;

/* The interviewer means of one area (@area >= 0) or of all (-1). */
static Means
collect_means (Candidate *candidate,
               int        area)
{
  Means means = { 0.0, INFINITY, -INFINITY, 0 };

  for (guint i = 0; i < candidate->raters->len; i++)
    {
      Rater *rater = g_ptr_array_index (candidate->raters, i);
      const Tally *tally;
      double mean;

      if (area < 0)
        tally = &rater->total;
      else if ((guint) area < rater->areas->len)
        tally = &g_array_index (rater->areas, Tally, area);
      else
        continue;

      if (tally->count == 0)
        continue;

      mean = (double) tally->sum / tally->count;
      means.sum += mean;
      means.min = MIN (means.min, mean);
      means.max = MAX (means.max, mean);
      means.n++;
    }

  return means;
}

double
pnl_comparison_get_mean (PnlComparison *self,
                         guint          candidate)
{
  Candidate *c = get_candidate (self, candidate);
  Means means;

  if (c == NULL)
    return NAN;

  means = collect_means (c, -1);

  return means.n > 0 ? means.sum / means.n : NAN;
}

double
pnl_comparison_get_area_score (PnlComparison *self,
                               guint          candidate,
                               guint          area)
{
  Candidate *c = get_candidate (self, candidate);
  Means means;

  g_return_val_if_fail (PNL_IS_COMPARISON (self), NAN);
  g_return_val_if_fail (area < self->areas->len, NAN);

  if (c == NULL)
    return NAN;

  means = collect_means (c, (int) area);

  return means.n > 0 ? means.sum / means.n : NAN;
}

guint
pnl_comparison_get_area_n_interviewers (PnlComparison *self,
                                        guint          candidate,
                                        guint          area)
{
  Candidate *c = get_candidate (self, candidate);

  g_return_val_if_fail (PNL_IS_COMPARISON (self), 0);
  g_return_val_if_fail (area < self->areas->len, 0);

  return c != NULL ? collect_means (c, (int) area).n : 0;
}

double
pnl_comparison_get_area_spread (PnlComparison *self,
                                guint          candidate,
                                guint          area)
{
  Candidate *c = get_candidate (self, candidate);
  Means means;

  g_return_val_if_fail (PNL_IS_COMPARISON (self), NAN);
  g_return_val_if_fail (area < self->areas->len, NAN);

  if (c == NULL)
    return NAN;

  means = collect_means (c, (int) area);

  return means.n > 0 ? means.max - means.min : NAN;
}
