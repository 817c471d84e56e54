/* pnl-interview.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-interview"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-enums.h"
#include "pnl-interview.h"
#include "pnl-scale.h"

struct _PnlInterview
{
  GObject            parent_instance;

  /* Identity, fixed at construction */
  gint64             id;
  char              *uuid;
  gint64             revision;
  gint64             candidate_id;
  char              *candidate_name;
  char              *candidate_reference;
  char              *role;
  char              *bank_id;
  guint              bank_revision;
  PnlScale          *scale;
  GDateTime         *started_at;
  GDateTime         *updated_at;
  /* The installation that created it ("" for an older scorecard) */
  char              *origin;

  /* Editable */
  GDateTime         *ended_at;
  char              *round;
  char              *interviewer;
  char              *summary;
  PnlInterviewState  state;
  PnlRecommendation  recommendation;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_REVISION,
  PROP_CANDIDATE_ID,
  PROP_CANDIDATE_NAME,
  PROP_CANDIDATE_REFERENCE,
  PROP_ROLE,
  PROP_BANK_ID,
  PROP_BANK_REVISION,
  PROP_SCALE,
  PROP_STARTED_AT,
  PROP_UPDATED_AT,
  PROP_ORIGIN,
  PROP_ENDED_AT,
  PROP_ROUND,
  PROP_INTERVIEWER,
  PROP_STATE,
  PROP_RECOMMENDATION,
  PROP_SUMMARY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PnlInterview, pnl_interview, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Never NULL: an unset string reads as "". */
static char *
dup_string (const GValue *value)
{
  const char *str = g_value_get_string (value);

  return g_strdup (str != NULL ? str : "");
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
pnl_interview_finalize (GObject *object)
{
  PnlInterview *self = (PnlInterview *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->candidate_name, g_free);
  g_clear_pointer (&self->candidate_reference, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->bank_id, g_free);
  g_clear_object (&self->scale);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  g_clear_pointer (&self->round, g_free);
  g_clear_pointer (&self->interviewer, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pnl_interview_parent_class)->finalize (object);
}

static void
pnl_interview_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PnlInterview *self = PNL_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_REVISION:
      g_value_set_int64 (value, self->revision);
      break;

    case PROP_CANDIDATE_ID:
      g_value_set_int64 (value, self->candidate_id);
      break;

    case PROP_CANDIDATE_NAME:
      g_value_set_string (value, self->candidate_name);
      break;

    case PROP_CANDIDATE_REFERENCE:
      g_value_set_string (value, self->candidate_reference);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    case PROP_BANK_ID:
      g_value_set_string (value, self->bank_id);
      break;

    case PROP_BANK_REVISION:
      g_value_set_uint (value, self->bank_revision);
      break;

    case PROP_SCALE:
      g_value_set_object (value, self->scale);
      break;

    case PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    case PROP_ENDED_AT:
      g_value_set_boxed (value, self->ended_at);
      break;

    case PROP_ROUND:
      g_value_set_string (value, self->round);
      break;

    case PROP_INTERVIEWER:
      g_value_set_string (value, self->interviewer);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_RECOMMENDATION:
      g_value_set_enum (value, self->recommendation);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_interview_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PnlInterview *self = PNL_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      g_free (self->uuid);
      self->uuid = dup_string (value);
      break;

    case PROP_REVISION:
      self->revision = g_value_get_int64 (value);
      break;

    case PROP_CANDIDATE_ID:
      self->candidate_id = g_value_get_int64 (value);
      break;

    case PROP_CANDIDATE_NAME:
      g_free (self->candidate_name);
      self->candidate_name = dup_string (value);
      break;

    case PROP_CANDIDATE_REFERENCE:
      g_free (self->candidate_reference);
      self->candidate_reference = dup_string (value);
      break;

    case PROP_ROLE:
      g_free (self->role);
      self->role = dup_string (value);
      break;

    case PROP_ORIGIN:
      if (set_string (&self->origin, g_value_get_string (value)))
        g_object_notify_by_pspec (object, properties[PROP_ORIGIN]);
      break;

    case PROP_BANK_ID:
      g_free (self->bank_id);
      self->bank_id = dup_string (value);
      break;

    case PROP_BANK_REVISION:
      self->bank_revision = g_value_get_uint (value);
      break;

    case PROP_SCALE:
      g_set_object (&self->scale, g_value_get_object (value));
      break;

    case PROP_STARTED_AT:
      g_clear_pointer (&self->started_at, g_date_time_unref);
      self->started_at = g_value_dup_boxed (value);
      break;

    case PROP_UPDATED_AT:
      g_clear_pointer (&self->updated_at, g_date_time_unref);
      self->updated_at = g_value_dup_boxed (value);
      break;

    case PROP_ENDED_AT:
      pnl_interview_set_ended_at (self, g_value_get_boxed (value));
      break;

    case PROP_ROUND:
      pnl_interview_set_round (self, g_value_get_string (value));
      break;

    case PROP_INTERVIEWER:
      pnl_interview_set_interviewer (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      pnl_interview_set_state (self, g_value_get_enum (value));
      break;

    case PROP_RECOMMENDATION:
      pnl_interview_set_recommendation (self, g_value_get_enum (value));
      break;

    case PROP_SUMMARY:
      pnl_interview_set_summary (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_interview_class_init (PnlInterviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = (G_PARAM_READWRITE |
                                      G_PARAM_CONSTRUCT_ONLY |
                                      G_PARAM_EXPLICIT_NOTIFY |
                                      G_PARAM_STATIC_STRINGS);
  const GParamFlags editable = (G_PARAM_READWRITE |
                                G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS);

  object_class->finalize = pnl_interview_finalize;
  object_class->get_property = pnl_interview_get_property;
  object_class->set_property = pnl_interview_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        construct_only);

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         "",
                         construct_only);

  properties[PROP_REVISION] =
    g_param_spec_int64 ("revision", NULL, NULL,
                        0, G_MAXINT64, 1,
                        construct_only);

  properties[PROP_CANDIDATE_ID] =
    g_param_spec_int64 ("candidate-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        construct_only);

  properties[PROP_CANDIDATE_NAME] =
    g_param_spec_string ("candidate-name", NULL, NULL,
                         "",
                         construct_only);

  properties[PROP_CANDIDATE_REFERENCE] =
    g_param_spec_string ("candidate-reference", NULL, NULL,
                         "",
                         construct_only);

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         construct_only);

  /* Set by the store and the scorecard reader; the same-content check
   * of an import compares copies with one origin. */
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL,
                         "",
                         editable);

  properties[PROP_BANK_ID] =
    g_param_spec_string ("bank-id", NULL, NULL,
                         "",
                         construct_only);

  properties[PROP_BANK_REVISION] =
    g_param_spec_uint ("bank-revision", NULL, NULL,
                       0, G_MAXUINT, 1,
                       construct_only);

  properties[PROP_SCALE] =
    g_param_spec_object ("scale", NULL, NULL,
                         PNL_TYPE_SCALE,
                         construct_only);

  properties[PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        construct_only);

  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        construct_only);

  properties[PROP_ENDED_AT] =
    g_param_spec_boxed ("ended-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        editable);

  properties[PROP_ROUND] =
    g_param_spec_string ("round", NULL, NULL,
                         "",
                         editable);

  properties[PROP_INTERVIEWER] =
    g_param_spec_string ("interviewer", NULL, NULL,
                         "",
                         editable);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PNL_TYPE_INTERVIEW_STATE,
                       PNL_INTERVIEW_STATE_IN_PROGRESS,
                       editable);

  properties[PROP_RECOMMENDATION] =
    g_param_spec_enum ("recommendation", NULL, NULL,
                       PNL_TYPE_RECOMMENDATION,
                       PNL_RECOMMENDATION_NONE,
                       editable);

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         "",
                         editable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_interview_init (PnlInterview *self)
{
  self->revision = 1;
  self->bank_revision = 1;
  self->round = g_strdup ("");
  self->interviewer = g_strdup ("");
  self->summary = g_strdup ("");
  self->origin = g_strdup ("");
}

gint64
pnl_interview_get_id (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), 0);

  return self->id;
}

const char *
pnl_interview_get_uuid (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->uuid;
}

/* The revision when the interview was read from the store; saves raise
 * it in the file, so read the interview again for the current one. */
gint64
pnl_interview_get_revision (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), 0);

  return self->revision;
}

gint64
pnl_interview_get_candidate_id (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), 0);

  return self->candidate_id;
}

const char *
pnl_interview_get_candidate_name (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->candidate_name;
}

const char *
pnl_interview_get_candidate_reference (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->candidate_reference;
}

const char *
pnl_interview_get_role (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->role;
}

/* The identity of the installation (the database) that created the
 * interview, or "" when it is not known: a scorecard from before
 * origins (docs/scorecard-format.md). */
const char *
pnl_interview_get_origin (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->origin;
}

const char *
pnl_interview_get_bank_id (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->bank_id;
}

guint
pnl_interview_get_bank_revision (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), 0);

  return self->bank_revision;
}

/**
 * pnl_interview_get_scale:
 * @self: a #PnlInterview
 *
 * Returns: (transfer none): the scale as it was when the interview began
 */
PnlScale *
pnl_interview_get_scale (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->scale;
}

/**
 * pnl_interview_get_started_at:
 * @self: a #PnlInterview
 *
 * Returns: (transfer none): when the interview began, in UTC
 */
GDateTime *
pnl_interview_get_started_at (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->started_at;
}

/**
 * pnl_interview_get_updated_at:
 * @self: a #PnlInterview
 *
 * Returns: (transfer none): when a change was last saved, in UTC
 */
GDateTime *
pnl_interview_get_updated_at (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->updated_at;
}

/**
 * pnl_interview_get_ended_at:
 * @self: a #PnlInterview
 *
 * Returns: (transfer none) (nullable): when the interview ended, in UTC
 */
GDateTime *
pnl_interview_get_ended_at (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->ended_at;
}

void
pnl_interview_set_ended_at (PnlInterview *self,
                            GDateTime    *ended_at)
{
  g_return_if_fail (PNL_IS_INTERVIEW (self));

  if (self->ended_at == ended_at ||
      (self->ended_at != NULL && ended_at != NULL &&
       g_date_time_equal (self->ended_at, ended_at)))
    return;

  g_clear_pointer (&self->ended_at, g_date_time_unref);
  if (ended_at != NULL)
    self->ended_at = g_date_time_ref (ended_at);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED_AT]);
}

const char *
pnl_interview_get_round (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->round;
}

void
pnl_interview_set_round (PnlInterview *self,
                         const char   *round)
{
  g_return_if_fail (PNL_IS_INTERVIEW (self));

  if (set_string (&self->round, round))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
}

const char *
pnl_interview_get_interviewer (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->interviewer;
}

void
pnl_interview_set_interviewer (PnlInterview *self,
                               const char   *interviewer)
{
  g_return_if_fail (PNL_IS_INTERVIEW (self));

  if (set_string (&self->interviewer, interviewer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEWER]);
}

PnlInterviewState
pnl_interview_get_state (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), PNL_INTERVIEW_STATE_IN_PROGRESS);

  return self->state;
}

void
pnl_interview_set_state (PnlInterview      *self,
                         PnlInterviewState  state)
{
  g_return_if_fail (PNL_IS_INTERVIEW (self));
  g_return_if_fail (pnl_interview_state_to_string (state) != NULL);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

PnlRecommendation
pnl_interview_get_recommendation (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), PNL_RECOMMENDATION_NONE);

  return self->recommendation;
}

void
pnl_interview_set_recommendation (PnlInterview      *self,
                                  PnlRecommendation  recommendation)
{
  g_return_if_fail (PNL_IS_INTERVIEW (self));
  g_return_if_fail (pnl_recommendation_to_string (recommendation) != NULL);

  if (self->recommendation != recommendation)
    {
      self->recommendation = recommendation;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDATION]);
    }
}

const char *
pnl_interview_get_summary (PnlInterview *self)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (self), NULL);

  return self->summary;
}

void
pnl_interview_set_summary (PnlInterview *self,
                           const char   *summary)
{
  g_return_if_fail (PNL_IS_INTERVIEW (self));

  if (set_string (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
