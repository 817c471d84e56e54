/* pnl-answer.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-answer"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-answer.h"
#include "pnl-enums.h"
#include "pnl-question.h"

struct _PnlAnswer
{
  GObject         parent_instance;

  /* Identity, fixed at construction */
  gint64          id;
  gint64          interview_id;
  PnlQuestion    *question;
  char           *area_title;
  guint           position;
  guint           custom : 1;

  /* Editable */
  guint           asked : 1;
  int             score;
  char           *notes;
  PnlAnswerFlags  flags;
  guint           seconds;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_INTERVIEW_ID,
  PROP_POSITION,
  PROP_QUESTION,
  PROP_AREA_TITLE,
  PROP_CUSTOM,
  PROP_ASKED,
  PROP_SCORE,
  PROP_NOTES,
  PROP_FLAGS,
  PROP_SECONDS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PnlAnswer, pnl_answer, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pnl_answer_finalize (GObject *object)
{
  PnlAnswer *self = (PnlAnswer *)object;

  g_clear_object (&self->question);
  g_clear_pointer (&self->area_title, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (pnl_answer_parent_class)->finalize (object);
}

static void
pnl_answer_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PnlAnswer *self = PNL_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_INTERVIEW_ID:
      g_value_set_int64 (value, self->interview_id);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_AREA_TITLE:
      g_value_set_string (value, self->area_title);
      break;

    case PROP_CUSTOM:
      g_value_set_boolean (value, self->custom);
      break;

    case PROP_ASKED:
      g_value_set_boolean (value, self->asked);
      break;

    case PROP_SCORE:
      g_value_set_int (value, self->score);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;

    case PROP_SECONDS:
      g_value_set_uint (value, self->seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_answer_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PnlAnswer *self = PNL_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_INTERVIEW_ID:
      self->interview_id = g_value_get_int64 (value);
      break;

    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;

    case PROP_QUESTION:
      g_set_object (&self->question, g_value_get_object (value));
      break;

    case PROP_AREA_TITLE:
      g_free (self->area_title);
      self->area_title = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      break;

    case PROP_CUSTOM:
      self->custom = g_value_get_boolean (value);
      break;

    case PROP_ASKED:
      pnl_answer_set_asked (self, g_value_get_boolean (value));
      break;

    case PROP_SCORE:
      pnl_answer_set_score (self, g_value_get_int (value));
      break;

    case PROP_NOTES:
      pnl_answer_set_notes (self, g_value_get_string (value));
      break;

    case PROP_FLAGS:
      pnl_answer_set_flags (self, g_value_get_flags (value));
      break;

    case PROP_SECONDS:
      pnl_answer_set_seconds (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_answer_class_init (PnlAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = (G_PARAM_READWRITE |
                                      G_PARAM_CONSTRUCT_ONLY |
                                      G_PARAM_EXPLICIT_NOTIFY |
                                      G_PARAM_STATIC_STRINGS);
  const GParamFlags editable = (G_PARAM_READWRITE |
                                G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS);

  object_class->finalize = pnl_answer_finalize;
  object_class->get_property = pnl_answer_get_property;
  object_class->set_property = pnl_answer_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        construct_only);

  properties[PROP_INTERVIEW_ID] =
    g_param_spec_int64 ("interview-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        construct_only);

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       construct_only);

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL,
                         PNL_TYPE_QUESTION,
                         construct_only);

  properties[PROP_AREA_TITLE] =
    g_param_spec_string ("area-title", NULL, NULL,
                         "",
                         construct_only);

  properties[PROP_CUSTOM] =
    g_param_spec_boolean ("custom", NULL, NULL,
                          FALSE,
                          construct_only);

  properties[PROP_ASKED] =
    g_param_spec_boolean ("asked", NULL, NULL,
                          FALSE,
                          editable);

  /* 0 is "not assessed"; the levels come from the interview's scale. */
  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL,
                      0, G_MAXINT, 0,
                      editable);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         editable);

  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL,
                        PNL_TYPE_ANSWER_FLAGS,
                        PNL_ANSWER_FLAGS_NONE,
                        editable);

  properties[PROP_SECONDS] =
    g_param_spec_uint ("seconds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       editable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_answer_init (PnlAnswer *self)
{
  self->notes = g_strdup ("");
}

gint64
pnl_answer_get_id (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), 0);

  return self->id;
}

gint64
pnl_answer_get_interview_id (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), 0);

  return self->interview_id;
}

guint
pnl_answer_get_position (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), 0);

  return self->position;
}

/**
 * pnl_answer_get_question:
 * @self: a #PnlAnswer
 *
 * Returns: (transfer none): the question as snapshotted by the interview
 */
PnlQuestion *
pnl_answer_get_question (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), NULL);

  return self->question;
}

/**
 * pnl_answer_set_question:
 * @self: a #PnlAnswer
 * @question: the question's new snapshot, of the same id
 *
 * Replaces the question of a custom answer (a rename) and notifies
 * #PnlAnswer:question.
 */
void
pnl_answer_set_question (PnlAnswer   *self,
                         PnlQuestion *question)
{
  g_return_if_fail (PNL_IS_ANSWER (self));
  g_return_if_fail (PNL_IS_QUESTION (question));
  g_return_if_fail (self->custom);

  if (g_set_object (&self->question, question))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

const char *
pnl_answer_get_area_title (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), NULL);

  return self->area_title;
}

gboolean
pnl_answer_get_custom (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), FALSE);

  return self->custom;
}

gboolean
pnl_answer_get_asked (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), FALSE);

  return self->asked;
}

void
pnl_answer_set_asked (PnlAnswer *self,
                      gboolean   asked)
{
  g_return_if_fail (PNL_IS_ANSWER (self));

  asked = !!asked;

  if (self->asked != asked)
    {
      self->asked = asked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKED]);
    }
}

int
pnl_answer_get_score (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), 0);

  return self->score;
}

void
pnl_answer_set_score (PnlAnswer *self,
                      int        score)
{
  g_return_if_fail (PNL_IS_ANSWER (self));
  g_return_if_fail (score >= 0);

  if (self->score != score)
    {
      self->score = score;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
    }
}

const char *
pnl_answer_get_notes (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), NULL);

  return self->notes;
}

void
pnl_answer_set_notes (PnlAnswer  *self,
                      const char *notes)
{
  g_return_if_fail (PNL_IS_ANSWER (self));

  if (notes == NULL)
    notes = "";

  if (g_strcmp0 (self->notes, notes) != 0)
    {
      g_free (self->notes);
      self->notes = g_strdup (notes);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
    }
}

PnlAnswerFlags
pnl_answer_get_flags (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), PNL_ANSWER_FLAGS_NONE);

  return self->flags;
}

void
pnl_answer_set_flags (PnlAnswer      *self,
                      PnlAnswerFlags  flags)
{
  g_return_if_fail (PNL_IS_ANSWER (self));

  if (self->flags != flags)
    {
      self->flags = flags;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
    }
}

guint
pnl_answer_get_seconds (PnlAnswer *self)
{
  g_return_val_if_fail (PNL_IS_ANSWER (self), 0);

  return self->seconds;
}

void
pnl_answer_set_seconds (PnlAnswer *self,
                        guint      seconds)
{
  g_return_if_fail (PNL_IS_ANSWER (self));

  if (self->seconds != seconds)
    {
      self->seconds = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
    }
}
