/* pnl-session-area.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-session-area"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "pnl-answer.h"
#include "pnl-session-area-private.h"

/* The figures are recomputed from the area's answers when the session
 * says one of them changed its asked state or score: an area holds a
 * handful of questions, so that is cheap, and it cannot drift. */

struct _PnlSessionArea
{
  GObject     parent_instance;

  /* Owned references */
  char       *id;
  char       *title;
  GListStore *answers;

  /* Figures, as last notified */
  guint       n_questions;
  guint       n_asked;
  guint       n_scored;
  double      mean;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ANSWERS,
  PROP_N_QUESTIONS,
  PROP_N_ASKED,
  PROP_N_SCORED,
  PROP_MEAN,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PnlSessionArea, pnl_session_area, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pnl_session_area_finalize (GObject *object)
{
  PnlSessionArea *self = (PnlSessionArea *)object;

  g_clear_object (&self->answers);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (pnl_session_area_parent_class)->finalize (object);
}

static void
pnl_session_area_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PnlSessionArea *self = PNL_SESSION_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ANSWERS:
      g_value_set_object (value, self->answers);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, self->n_questions);
      break;

    case PROP_N_ASKED:
      g_value_set_uint (value, self->n_asked);
      break;

    case PROP_N_SCORED:
      g_value_set_uint (value, self->n_scored);
      break;

    case PROP_MEAN:
      g_value_set_double (value, self->mean);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_session_area_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PnlSessionArea *self = PNL_SESSION_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_session_area_class_init (PnlSessionAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = (G_PARAM_READWRITE |
                                      G_PARAM_CONSTRUCT_ONLY |
                                      G_PARAM_EXPLICIT_NOTIFY |
                                      G_PARAM_STATIC_STRINGS);
  const GParamFlags readable = (G_PARAM_READABLE |
                                G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS);

  object_class->finalize = pnl_session_area_finalize;
  object_class->get_property = pnl_session_area_get_property;
  object_class->set_property = pnl_session_area_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         construct_only);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         construct_only);

  properties[PROP_ANSWERS] =
    g_param_spec_object ("answers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         readable);

  properties[PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL,
                       0, G_MAXUINT, 0,
                       readable);

  properties[PROP_N_ASKED] =
    g_param_spec_uint ("n-asked", NULL, NULL,
                       0, G_MAXUINT, 0,
                       readable);

  properties[PROP_N_SCORED] =
    g_param_spec_uint ("n-scored", NULL, NULL,
                       0, G_MAXUINT, 0,
                       readable);

  /* NAN while no answer of the area is scored (a NAN default is not
   * allowed: GParamSpecDouble checks that it lies within the range). */
  properties[PROP_MEAN] =
    g_param_spec_double ("mean", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_session_area_init (PnlSessionArea *self)
{
  self->answers = g_list_store_new (PNL_TYPE_ANSWER);
  self->mean = NAN;
}

PnlSessionArea *
_pnl_session_area_new (const char *id,
                       const char *title)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PNL_TYPE_SESSION_AREA,
                       "id", id,
                       "title", title ? title : id,
                       NULL);
}

/* Call _pnl_session_area_update() after: a session loading many answers
 * updates each area once. */
void
_pnl_session_area_append (PnlSessionArea *self,
                          PnlAnswer      *answer)
{
  g_return_if_fail (PNL_IS_SESSION_AREA (self));
  g_return_if_fail (PNL_IS_ANSWER (answer));

  g_list_store_append (self->answers, answer);
}

/* Before the first answer further on: where it was before it was
 * removed. */
void
_pnl_session_area_insert (PnlSessionArea *self,
                          PnlAnswer      *answer)
{
  guint n;
  guint i;

  g_return_if_fail (PNL_IS_SESSION_AREA (self));
  g_return_if_fail (PNL_IS_ANSWER (answer));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  for (i = 0; i < n; i++)
    {
      g_autoptr(PnlAnswer) other = g_list_model_get_item (G_LIST_MODEL (self->answers), i);

      if (pnl_answer_get_position (other) > pnl_answer_get_position (answer))
        break;
    }

  g_list_store_insert (self->answers, i, answer);
}

gboolean
_pnl_session_area_remove (PnlSessionArea *self,
                          PnlAnswer      *answer)
{
  guint position;

  g_return_val_if_fail (PNL_IS_SESSION_AREA (self), FALSE);
  g_return_val_if_fail (PNL_IS_ANSWER (answer), FALSE);

  if (!g_list_store_find (self->answers, answer, &position))
    return FALSE;

  g_list_store_remove (self->answers, position);

  return TRUE;
}

static gboolean
same_mean (double a,
           double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);

  return a == b;
}

void
_pnl_session_area_update (PnlSessionArea *self)
{
  guint n_questions;
  guint n_asked = 0;
  guint n_scored = 0;
  gint64 sum = 0;
  double mean;

  g_return_if_fail (PNL_IS_SESSION_AREA (self));

  n_questions = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

  for (guint i = 0; i < n_questions; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      int score = pnl_answer_get_score (answer);

      if (pnl_answer_get_asked (answer))
        n_asked++;

      /* 0 is "not assessed", not a level: it does not count. */
      if (score > 0)
        {
          n_scored++;
          sum += score;
        }
    }

  mean = n_scored > 0 ? (double) sum / n_scored : NAN;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->n_questions != n_questions)
    {
      self->n_questions = n_questions;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUESTIONS]);
    }

  if (self->n_asked != n_asked)
    {
      self->n_asked = n_asked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ASKED]);
    }

  if (self->n_scored != n_scored)
    {
      self->n_scored = n_scored;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCORED]);
    }

  if (!same_mean (self->mean, mean))
    {
      self->mean = mean;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEAN]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

const char *
pnl_session_area_get_id (PnlSessionArea *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_AREA (self), NULL);

  return self->id;
}

const char *
pnl_session_area_get_title (PnlSessionArea *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_AREA (self), NULL);

  return self->title;
}

/**
 * pnl_session_area_get_answers:
 * @self: a #PnlSessionArea
 *
 * Returns: (transfer none): a #GListModel of #PnlAnswer, in order
 */
GListModel *
pnl_session_area_get_answers (PnlSessionArea *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_AREA (self), NULL);

  return G_LIST_MODEL (self->answers);
}

guint
pnl_session_area_get_n_questions (PnlSessionArea *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_AREA (self), 0);

  return self->n_questions;
}

guint
pnl_session_area_get_n_asked (PnlSessionArea *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_AREA (self), 0);

  return self->n_asked;
}

guint
pnl_session_area_get_n_scored (PnlSessionArea *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_AREA (self), 0);

  return self->n_scored;
}

double
pnl_session_area_get_mean (PnlSessionArea *self)
{
  g_return_val_if_fail (PNL_IS_SESSION_AREA (self), NAN);

  return self->mean;
}
