/* pnl-area.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-area"

#include "config.h"

#include "pnl-area.h"

struct _PnlArea
{
  GObject  parent_instance;
  char    *id;
  char    *title;
  char    *description;
};

G_DEFINE_FINAL_TYPE (PnlArea, pnl_area, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pnl_area_finalize (GObject *object)
{
  PnlArea *self = (PnlArea *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pnl_area_parent_class)->finalize (object);
}

static void
pnl_area_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PnlArea *self = PNL_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_area_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PnlArea *self = PNL_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_area_class_init (PnlAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_area_finalize;
  object_class->get_property = pnl_area_get_property;
  object_class->set_property = pnl_area_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_area_init (PnlArea *self)
{
}

PnlArea *
pnl_area_new (const char *id,
              const char *title,
              const char *description)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (PNL_TYPE_AREA,
                       "id", id,
                       "title", title,
                       "description", description ? description : "",
                       NULL);
}

const char *
pnl_area_get_id (PnlArea *self)
{
  g_return_val_if_fail (PNL_IS_AREA (self), NULL);

  return self->id;
}

const char *
pnl_area_get_title (PnlArea *self)
{
  g_return_val_if_fail (PNL_IS_AREA (self), NULL);

  return self->title;
}

const char *
pnl_area_get_description (PnlArea *self)
{
  g_return_val_if_fail (PNL_IS_AREA (self), NULL);

  return self->description;
}
