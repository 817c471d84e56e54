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
#include <string.h>

#include "pnl-answer.h"
#include "pnl-comparison.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"
#include "pnl-visibility.h"

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
  guint   n_interviews;
  guint   recommendations[N_RECOMMENDATIONS];
} Rater;

typedef struct
{
  guint  area;
  double spread;
} Disagreement;

typedef struct
{
  char      *name;
  char      *reference;
  GPtrArray *raters;

  /* Computed, see ensure_computed() */
  gboolean   hidden;
  GArray    *disagreements;
} Candidate;

typedef struct
{
  const char *interviewer;
  guint       n_candidates;
  double      mean;
  double      panel_mean;
} Calibration;

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
  /* "name\nreference" -> GUINT_TO_POINTER (index + 1) */
  GHashTable *candidate_index;
  /* Interviewer names of the interviews that count, in order of first
   * appearance */
  GPtrArray  *interviewers;
  /* Independent scoring: what the local interviewer may see, told of
   * every interview of the role added */
  PnlVisibility *visibility;
  /* The scale of the first interview that counts */
  int         scale_min;
  int         scale_max;

  /* What ensure_computed() derives, valid unless @dirty */
  GArray     *calibrations;
  guint       dirty : 1;
};

G_DEFINE_FINAL_TYPE (PnlComparison, pnl_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_LOCAL_INTERVIEWER,
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
  g_array_unref (candidate->disagreements);
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
  g_clear_pointer (&self->candidate_index, g_hash_table_unref);
  g_clear_pointer (&self->interviewers, g_ptr_array_unref);
  g_clear_object (&self->visibility);
  g_clear_pointer (&self->calibrations, g_array_unref);

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

    case PROP_LOCAL_INTERVIEWER:
      g_value_set_string (value, pnl_visibility_get_local_interviewer (self->visibility));
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

    case PROP_LOCAL_INTERVIEWER:
      pnl_comparison_set_local_interviewer (self, g_value_get_string (value));
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

  properties[PROP_LOCAL_INTERVIEWER] =
    g_param_spec_string ("local-interviewer", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
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
  self->candidate_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->interviewers = g_ptr_array_new_with_free_func (g_free);
  self->visibility = pnl_visibility_new (NULL);
  self->calibrations = g_array_new (FALSE, FALSE, sizeof (Calibration));
  self->dirty = TRUE;
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
 * @items: (element-type PnlScorecard): interviews and their answers
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
      PnlScorecard *item = g_ptr_array_index (items, i);

      pnl_comparison_add (self,
                          pnl_scorecard_get_interview (item),
                          pnl_scorecard_get_answers (item));
    }

  return self;
}

static Candidate *
ensure_candidate (PnlComparison *self,
                  const char    *name,
                  const char    *reference)
{
  g_autofree char *key = g_strconcat (name, "\n", reference, NULL);
  Candidate *candidate;
  gpointer found;

  if ((found = g_hash_table_lookup (self->candidate_index, key)))
    return g_ptr_array_index (self->candidates, GPOINTER_TO_UINT (found) - 1);

  candidate = g_new0 (Candidate, 1);
  candidate->name = g_strdup (name);
  candidate->reference = g_strdup (reference);
  candidate->raters = g_ptr_array_new_with_free_func (rater_free);
  candidate->disagreements = g_array_new (FALSE, FALSE, sizeof (Disagreement));
  g_ptr_array_add (self->candidates, candidate);
  g_hash_table_insert (self->candidate_index, g_steal_pointer (&key),
                       GUINT_TO_POINTER (self->candidates->len));

  return candidate;
}

static void
ensure_interviewer (PnlComparison *self,
                    const char    *name)
{
  for (guint i = 0; i < self->interviewers->len; i++)
    if (g_str_equal (g_ptr_array_index (self->interviewers, i), name))
      return;

  g_ptr_array_add (self->interviewers, g_strdup (name));
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

static guint
ensure_area_id (PnlComparison *self,
                const char    *id,
                const char    *title)
{
  gpointer found;
  Area *area;

  if (id == NULL)
    id = "";

  found = g_hash_table_lookup (self->area_index, id);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  area = g_new0 (Area, 1);
  area->id = g_strdup (id);
  area->title = g_strdup (title);
  g_ptr_array_add (self->areas, area);
  g_hash_table_insert (self->area_index, g_strdup (id), GUINT_TO_POINTER (self->areas->len));

  return self->areas->len - 1;
}

/**
 * pnl_comparison_add_tally:
 * @self: a #PnlComparison
 * @tally: one interview, summed up by area
 *
 * Like pnl_comparison_add(), from the sums the store makes in SQL
 * (pnl_store_list_role_tallies()).
 *
 * Returns: whether the interview counts
 */
gboolean
pnl_comparison_add_tally (PnlComparison           *self,
                          const PnlInterviewTally *tally)
{
  Candidate *candidate;
  Rater *rater;

  g_return_val_if_fail (PNL_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (tally != NULL, FALSE);

  if (g_strcmp0 (tally->role, self->role) != 0)
    return FALSE;

  self->dirty = TRUE;

  pnl_visibility_note (self->visibility, tally->interviewer, tally->candidate_name,
                       tally->candidate_reference, tally->state);
  if (tally->state != PNL_INTERVIEW_STATE_SUBMITTED)
    return FALSE;

  if (self->scale_max <= self->scale_min && tally->scale_max > tally->scale_min)
    {
      self->scale_min = tally->scale_min;
      self->scale_max = tally->scale_max;
    }

  candidate = ensure_candidate (self, not_null (tally->candidate_name), not_null (tally->candidate_reference));
  ensure_interviewer (self, not_null (tally->interviewer));
  rater = ensure_rater (candidate, not_null (tally->interviewer));
  rater->n_interviews++;

  if ((guint) tally->recommendation < N_RECOMMENDATIONS)
    rater->recommendations[tally->recommendation]++;

  for (guint i = 0; i < tally->areas->len; i++)
    {
      const PnlAreaTally *sums = &g_array_index (tally->areas, PnlAreaTally, i);
      guint area = ensure_area_id (self, sums->area_id, sums->area_title);
      Tally *area_tally;

      /* Every area that appears has a column, scored or not. */
      if (sums->count == 0)
        continue;

      if (rater->areas->len <= area)
        g_array_set_size (rater->areas, area + 1);

      area_tally = &g_array_index (rater->areas, Tally, area);
      area_tally->sum += sums->sum;
      area_tally->count += sums->count;

      rater->total.sum += sums->sum;
      rater->total.count += sums->count;
    }

  return TRUE;
}

static void
area_tally_clear (gpointer data)
{
  PnlAreaTally *area = data;

  g_free (area->area_id);
  g_free (area->area_title);
}

gboolean
pnl_comparison_add (PnlComparison *self,
                    PnlInterview  *interview,
                    GListModel    *answers)
{
  PnlInterviewTally tally = { 0, };
  g_autoptr(GHashTable) index = NULL;
  PnlScale *scale;
  guint n_answers;

  g_return_val_if_fail (PNL_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (answers), FALSE);

  /* The same sums as the store's, from the answers in memory. */
  tally.candidate_name = (char *) pnl_interview_get_candidate_name (interview);
  tally.candidate_reference = (char *) pnl_interview_get_candidate_reference (interview);
  tally.role = (char *) pnl_interview_get_role (interview);
  tally.interviewer = (char *) pnl_interview_get_interviewer (interview);
  tally.state = pnl_interview_get_state (interview);
  tally.recommendation = pnl_interview_get_recommendation (interview);
  if ((scale = pnl_interview_get_scale (interview)))
    {
      tally.scale_min = pnl_scale_get_min (scale);
      tally.scale_max = pnl_scale_get_max (scale);
    }
  tally.areas = g_array_new (FALSE, TRUE, sizeof (PnlAreaTally));
  g_array_set_clear_func (tally.areas, area_tally_clear);
  index = g_hash_table_new (g_str_hash, g_str_equal);

  n_answers = g_list_model_get_n_items (answers);
  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);
      PnlQuestion *question = pnl_answer_get_question (answer);
      const char *id = question != NULL ? pnl_question_get_area_id (question) : NULL;
      int score = pnl_answer_get_score (answer);
      gpointer found;
      PnlAreaTally *area;

      if (id == NULL)
        id = "";

      if (!(found = g_hash_table_lookup (index, id)))
        {
          PnlAreaTally fresh = { g_strdup (id), g_strdup (pnl_answer_get_area_title (answer)), 0, 0 };

          g_array_append_val (tally.areas, fresh);
          found = GUINT_TO_POINTER (tally.areas->len);
          g_hash_table_insert (index, g_array_index (tally.areas, PnlAreaTally, tally.areas->len - 1).area_id,
                               found);
        }

      /* 0 is "not assessed": it has an area but no weight. */
      area = &g_array_index (tally.areas, PnlAreaTally, GPOINTER_TO_UINT (found) - 1);
      if (score > 0)
        {
          area->sum += score;
          area->count++;
        }
    }

  {
    gboolean counts = pnl_comparison_add_tally (self, &tally);

    g_array_unref (tally.areas);
    return counts;
  }
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

static void ensure_computed (PnlComparison *self);

static Candidate *
get_candidate (PnlComparison *self,
               guint          candidate)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (candidate < self->candidates->len, NULL);

  ensure_computed (self);

  return g_ptr_array_index (self->candidates, candidate);
}

/* Whether @rater counts for @candidate: whether the local interviewer
 * may see the rater's scorecards of them (PnlVisibility). */
static gboolean
rater_counts (PnlComparison *self,
              Candidate     *candidate,
              Rater         *rater)
{
  return pnl_visibility_can_see (self->visibility, rater->name, candidate->name, candidate->reference);
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
  guint n = 0;

  for (guint i = 0; c != NULL && i < c->raters->len; i++)
    {
      Rater *rater = g_ptr_array_index (c->raters, i);

      if (rater_counts (self, c, rater))
        n += rater->n_interviews;
    }

  return n;
}

guint
pnl_comparison_get_n_interviewers (PnlComparison *self,
                                   guint          candidate)
{
  Candidate *c = get_candidate (self, candidate);
  guint n = 0;

  for (guint i = 0; c != NULL && i < c->raters->len; i++)
    if (rater_counts (self, c, g_ptr_array_index (c->raters, i)))
      n++;

  return n;
}

guint
pnl_comparison_get_n_recommendations (PnlComparison     *self,
                                      guint              candidate,
                                      PnlRecommendation  rec)
{
  Candidate *c = get_candidate (self, candidate);
  guint n = 0;

  g_return_val_if_fail ((guint) rec < N_RECOMMENDATIONS, 0);

  for (guint i = 0; c != NULL && i < c->raters->len; i++)
    {
      Rater *rater = g_ptr_array_index (c->raters, i);

      if (rater_counts (self, c, rater))
        n += rater->recommendations[rec];
    }

  return n;
}

typedef struct
{
  double sum;
  double min;
  double max;
  guint  n;
} Means;

/* The interviewer means of one area (@area >= 0) or of all (-1), of
 * the interviewers who count. */
static Means
collect_means (PnlComparison *self,
               Candidate     *candidate,
               int            area)
{
  Means means = { 0.0, INFINITY, -INFINITY, 0 };

  for (guint i = 0; i < candidate->raters->len; i++)
    {
      Rater *rater = g_ptr_array_index (candidate->raters, i);
      const Tally *tally;
      double mean;

      if (!rater_counts (self, candidate, rater))
        continue;

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

  means = collect_means (self, c, -1);

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

  means = collect_means (self, c, (int) area);

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

  return c != NULL ? collect_means (self, c, (int) area).n : 0;
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

  means = collect_means (self, c, (int) area);

  return means.n > 0 ? means.max - means.min : NAN;
}

/* Computed figures */

#define DISAGREEMENT_TOLERANCE 1e-9

static int
compare_disagreements (gconstpointer a,
                       gconstpointer b)
{
  const Disagreement *da = a;
  const Disagreement *db = b;

  if (da->spread != db->spread)
    return da->spread > db->spread ? -1 : 1;

  return da->area < db->area ? -1 : (da->area > db->area ? 1 : 0);
}

static void
compute_disagreements (PnlComparison *self,
                       Candidate     *candidate)
{
  g_array_set_size (candidate->disagreements, 0);

  for (guint a = 0; a < self->areas->len; a++)
    {
      Means means = collect_means (self, candidate, (int) a);
      Disagreement disagreement;

      if (means.n < 2 ||
          means.max - means.min < PNL_COMPARISON_DISAGREEMENT - DISAGREEMENT_TOLERANCE)
        continue;

      disagreement.area = a;
      disagreement.spread = means.max - means.min;
      g_array_append_val (candidate->disagreements, disagreement);
    }

  g_array_sort (candidate->disagreements, compare_disagreements);
}

static void
compute_calibrations (PnlComparison *self)
{
  g_array_set_size (self->calibrations, 0);

  for (guint i = 0; i < self->interviewers->len; i++)
    {
      const char *name = g_ptr_array_index (self->interviewers, i);
      Calibration calibration = { name, 0, NAN, NAN };
      gboolean seen = FALSE;
      double own_sum = 0.0;
      double panel_sum = 0.0;

      for (guint c = 0; c < self->candidates->len; c++)
        {
          Candidate *candidate = g_ptr_array_index (self->candidates, c);
          Means panel;

          for (guint r = 0; r < candidate->raters->len; r++)
            {
              Rater *rater = g_ptr_array_index (candidate->raters, r);

              if (!g_str_equal (rater->name, name) ||
                  !rater_counts (self, candidate, rater))
                continue;

              seen = TRUE;

              if (rater->total.count == 0)
                continue;

              panel = collect_means (self, candidate, -1);
              own_sum += (double) rater->total.sum / rater->total.count;
              panel_sum += panel.sum / panel.n;
              calibration.n_candidates++;
            }
        }

      /* Only in hidden candidates: not there at all. */
      if (!seen)
        continue;

      if (calibration.n_candidates > 0)
        {
          calibration.mean = own_sum / calibration.n_candidates;
          calibration.panel_mean = panel_sum / calibration.n_candidates;
        }

      g_array_append_val (self->calibrations, calibration);
    }
}

/* Derives the hidden flags, disagreements and calibrations once after a
 * change, so that the getters stay cheap. */
static void
ensure_computed (PnlComparison *self)
{
  if (!self->dirty)
    return;

  /* Hidden first: every figure below depends on it. */
  for (guint c = 0; c < self->candidates->len; c++)
    {
      Candidate *candidate = g_ptr_array_index (self->candidates, c);

      candidate->hidden = pnl_visibility_is_candidate_hidden (self->visibility, candidate->name,
                                                              candidate->reference);
    }

  for (guint c = 0; c < self->candidates->len; c++)
    compute_disagreements (self, g_ptr_array_index (self->candidates, c));

  compute_calibrations (self);

  self->dirty = FALSE;
}

guint
pnl_comparison_get_n_disagreements (PnlComparison *self,
                                    guint          candidate)
{
  Candidate *c = get_candidate (self, candidate);

  return c != NULL ? c->disagreements->len : 0;
}

gboolean
pnl_comparison_has_disagreements (PnlComparison *self,
                                  guint          candidate)
{
  return pnl_comparison_get_n_disagreements (self, candidate) > 0;
}

static const Disagreement *
get_disagreement (PnlComparison *self,
                  guint          candidate,
                  guint          i)
{
  Candidate *c = get_candidate (self, candidate);

  if (c == NULL)
    return NULL;

  g_return_val_if_fail (i < c->disagreements->len, NULL);

  return &g_array_index (c->disagreements, Disagreement, i);
}

guint
pnl_comparison_get_disagreement_area (PnlComparison *self,
                                      guint          candidate,
                                      guint          i)
{
  const Disagreement *d = get_disagreement (self, candidate, i);

  return d != NULL ? d->area : 0;
}

double
pnl_comparison_get_disagreement_spread (PnlComparison *self,
                                        guint          candidate,
                                        guint          i)
{
  const Disagreement *d = get_disagreement (self, candidate, i);

  return d != NULL ? d->spread : NAN;
}

gboolean
pnl_comparison_is_disagreement (PnlComparison *self,
                                guint          candidate,
                                guint          area)
{
  Candidate *c = get_candidate (self, candidate);

  g_return_val_if_fail (area < self->areas->len, FALSE);

  for (guint i = 0; c != NULL && i < c->disagreements->len; i++)
    if (g_array_index (c->disagreements, Disagreement, i).area == area)
      return TRUE;

  return FALSE;
}

guint
pnl_comparison_get_n_calibrations (PnlComparison *self)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), 0);

  ensure_computed (self);

  return self->calibrations->len;
}

static const Calibration *
get_calibration (PnlComparison *self,
                 guint          i)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), NULL);

  ensure_computed (self);

  g_return_val_if_fail (i < self->calibrations->len, NULL);

  return &g_array_index (self->calibrations, Calibration, i);
}

const char *
pnl_comparison_get_calibration_interviewer (PnlComparison *self,
                                            guint          i)
{
  const Calibration *calibration = get_calibration (self, i);

  return calibration != NULL ? calibration->interviewer : NULL;
}

guint
pnl_comparison_get_calibration_n_candidates (PnlComparison *self,
                                             guint          i)
{
  const Calibration *calibration = get_calibration (self, i);

  return calibration != NULL ? calibration->n_candidates : 0;
}

double
pnl_comparison_get_calibration_mean (PnlComparison *self,
                                     guint          i)
{
  const Calibration *calibration = get_calibration (self, i);

  return calibration != NULL ? calibration->mean : NAN;
}

double
pnl_comparison_get_calibration_panel_mean (PnlComparison *self,
                                           guint          i)
{
  const Calibration *calibration = get_calibration (self, i);

  return calibration != NULL ? calibration->panel_mean : NAN;
}

double
pnl_comparison_get_calibration_difference (PnlComparison *self,
                                           guint          i)
{
  const Calibration *calibration = get_calibration (self, i);

  return calibration != NULL ? calibration->mean - calibration->panel_mean : NAN;
}

void
pnl_comparison_set_local_interviewer (PnlComparison *self,
                                      const char    *name)
{
  g_return_if_fail (PNL_IS_COMPARISON (self));

  if (name != NULL && name[0] == '\0')
    name = NULL;

  if (g_strcmp0 (pnl_visibility_get_local_interviewer (self->visibility), name) == 0)
    return;

  pnl_visibility_set_local_interviewer (self->visibility, name);
  self->dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_INTERVIEWER]);
}

const char *
pnl_comparison_get_local_interviewer (PnlComparison *self)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), NULL);

  return pnl_visibility_get_local_interviewer (self->visibility);
}

PnlVisibility *
pnl_comparison_get_visibility (PnlComparison *self)
{
  g_return_val_if_fail (PNL_IS_COMPARISON (self), NULL);

  return self->visibility;
}

gboolean
pnl_comparison_is_hidden (PnlComparison *self,
                          guint          candidate)
{
  Candidate *c = get_candidate (self, candidate);

  return c != NULL && c->hidden;
}

const char *
pnl_comparison_get_hidden_reason (PnlComparison *self,
                                  guint          candidate)
{
  if (!pnl_comparison_is_hidden (self, candidate))
    return NULL;

  return pnl_visibility_get_hidden_reason ();
}

int
pnl_comparison_find_candidate (PnlComparison *self,
                               const char    *name,
                               const char    *reference)
{
  g_autofree char *key = NULL;
  gpointer found;

  g_return_val_if_fail (PNL_IS_COMPARISON (self), -1);

  key = g_strconcat (not_null (name), "\n", not_null (reference), NULL);
  found = g_hash_table_lookup (self->candidate_index, key);

  return found != NULL ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
}

gboolean
pnl_comparison_counts (PnlComparison *self,
                       PnlInterview  *interview)
{
  int index;
  Candidate *candidate;

  g_return_val_if_fail (PNL_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);

  if (g_strcmp0 (pnl_interview_get_role (interview), self->role) != 0 ||
      pnl_interview_get_state (interview) != PNL_INTERVIEW_STATE_SUBMITTED)
    return FALSE;

  index = pnl_comparison_find_candidate (self,
                                         pnl_interview_get_candidate_name (interview),
                                         pnl_interview_get_candidate_reference (interview));
  if (index < 0)
    return FALSE;

  candidate = g_ptr_array_index (self->candidates, index);

  return pnl_visibility_can_see (self->visibility, pnl_interview_get_interviewer (interview),
                                 candidate->name, candidate->reference);
}

/**
 * pnl_comparison_new_for_role:
 * @store: the database
 * @role: the role whose candidates are compared
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the comparison of every interview of @role
 *   in @store, or %NULL when they cannot be read
 */
static int
compare_tallies (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const PnlInterviewTally *ta = *(PnlInterviewTally **) a;
  const PnlInterviewTally *tb = *(PnlInterviewTally **) b;
  GHashTable *keys = user_data;
  int ret;

  /* The order of pnl_export_sort_items(), so that both ways of adding
   * give the same rows and columns; collation keys made once per name
   * stand for g_utf8_collate(). */
  if ((ret = strcmp (g_hash_table_lookup (keys, not_null (ta->candidate_name)),
                     g_hash_table_lookup (keys, not_null (tb->candidate_name)))) != 0 ||
      (ret = g_strcmp0 (ta->candidate_name, tb->candidate_name)) != 0 ||
      (ret = g_strcmp0 (ta->candidate_reference, tb->candidate_reference)) != 0)
    return ret;

  if (ta->started_at != tb->started_at)
    return ta->started_at < tb->started_at ? -1 : 1;

  return g_strcmp0 (ta->uuid, tb->uuid);
}

PnlComparison *
pnl_comparison_new_for_role (PnlStore    *store,
                             const char  *role,
                             GError     **error)
{
  g_autoptr(GPtrArray) tallies = NULL;
  PnlComparison *self;

  g_return_val_if_fail (PNL_IS_STORE (store), NULL);
  g_return_val_if_fail (role != NULL, NULL);

  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!(tallies = pnl_store_list_role_tallies (store, role, error)))
    return NULL;

  for (guint i = 0; i < tallies->len; i++)
    {
      const char *name = not_null (((PnlInterviewTally *) g_ptr_array_index (tallies, i))->candidate_name);

      if (!g_hash_table_contains (keys, name))
        g_hash_table_insert (keys, g_strdup (name), g_utf8_collate_key (name, -1));
    }

  g_ptr_array_sort_with_data (tallies, compare_tallies, keys);

  self = pnl_comparison_new (role);
  for (guint i = 0; i < tallies->len; i++)
    pnl_comparison_add_tally (self, g_ptr_array_index (tallies, i));

  return self;
}

void
pnl_comparison_get_scale_range (PnlComparison *self,
                                int           *min,
                                int           *max)
{
  g_return_if_fail (PNL_IS_COMPARISON (self));

  /* 1 to 4, the default scale, until an interview says otherwise. */
  if (min != NULL)
    *min = self->scale_max > self->scale_min ? self->scale_min : 1;
  if (max != NULL)
    *max = self->scale_max > self->scale_min ? self->scale_max : 4;
}
