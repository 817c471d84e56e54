/* pnl-slot.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-slot"

#include "config.h"

#include "pnl-slot-private.h"

struct _PnlSlot
{
  GObject  parent_instance;

  GObject *item;
  guint    position;
};

enum {
  PROP_0,
  PROP_ITEM,
  PROP_POSITION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PnlSlot, pnl_slot, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

PnlSlot *
_pnl_slot_new (guint position)
{
  PnlSlot *self = g_object_new (PNL_TYPE_SLOT, NULL);

  self->position = position;

  return self;
}

void
_pnl_slot_set_item (PnlSlot *self,
                    GObject *item)
{
  g_return_if_fail (PNL_IS_SLOT (self));
  g_return_if_fail (!item || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * pnl_slot_get_item:
 *
 * Returns: (transfer none) (nullable): what the slot shows, or %NULL once
 *   its list has become shorter than its position
 */
GObject *
pnl_slot_get_item (PnlSlot *self)
{
  g_return_val_if_fail (PNL_IS_SLOT (self), NULL);

  return self->item;
}

guint
pnl_slot_get_position (PnlSlot *self)
{
  g_return_val_if_fail (PNL_IS_SLOT (self), 0);

  return self->position;
}

static void
pnl_slot_finalize (GObject *object)
{
  PnlSlot *self = (PnlSlot *)object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (pnl_slot_parent_class)->finalize (object);
}

static void
pnl_slot_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PnlSlot *self = PNL_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_slot_class_init (PnlSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_slot_finalize;
  object_class->get_property = pnl_slot_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_slot_init (PnlSlot *self)
{
}
