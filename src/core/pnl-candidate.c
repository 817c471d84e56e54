/* pnl-candidate.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-candidate"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-candidate.h"

struct _PnlCandidate
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *role;
  char    *reference;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_REFERENCE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PnlCandidate, pnl_candidate, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Never NULL: an unset string reads as "". */
static char *
dup_string (const GValue *value)
{
  const char *str = g_value_get_string (value);

  return g_strdup (str != NULL ? str : "");
}

static void
pnl_candidate_finalize (GObject *object)
{
  PnlCandidate *self = (PnlCandidate *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->reference, g_free);

  G_OBJECT_CLASS (pnl_candidate_parent_class)->finalize (object);
}

static void
pnl_candidate_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PnlCandidate *self = PNL_CANDIDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_candidate_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PnlCandidate *self = PNL_CANDIDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      g_free (self->name);
      self->name = dup_string (value);
      break;

    case PROP_ROLE:
      g_free (self->role);
      self->role = dup_string (value);
      break;

    case PROP_REFERENCE:
      g_free (self->reference);
      self->reference = dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_candidate_class_init (PnlCandidateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_candidate_finalize;
  object_class->get_property = pnl_candidate_get_property;
  object_class->set_property = pnl_candidate_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_candidate_init (PnlCandidate *self)
{
}

PnlCandidate *
pnl_candidate_new (gint64      id,
                   const char *name,
                   const char *role,
                   const char *reference)
{
  return g_object_new (PNL_TYPE_CANDIDATE,
                       "id", id,
                       "name", name ? name : "",
                       "role", role ? role : "",
                       "reference", reference ? reference : "",
                       NULL);
}

gint64
pnl_candidate_get_id (PnlCandidate *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE (self), 0);

  return self->id;
}

const char *
pnl_candidate_get_name (PnlCandidate *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE (self), NULL);

  return self->name;
}

const char *
pnl_candidate_get_role (PnlCandidate *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE (self), NULL);

  return self->role;
}

const char *
pnl_candidate_get_reference (PnlCandidate *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE (self), NULL);

  return self->reference;
}
