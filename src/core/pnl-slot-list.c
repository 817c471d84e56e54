/* pnl-slot-list.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-slot-list"

#include "config.h"

#include "pnl-slot-list.h"
#include "pnl-slot-private.h"

struct _PnlSlotList
{
  GObject     parent_instance;

  /* What is shown, one reference each */
  GPtrArray  *items;
  /* Position -> the PnlSlot handed out for it, while it lives.  The
   * slots are not owned: whoever asked for one holds it. */
  GHashTable *slots;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PnlSlotList, pnl_slot_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
on_slot_finalized (gpointer  data,
                   GObject  *where_the_slot_was)
{
  PnlSlotList *self = data;
  gpointer key = GUINT_TO_POINTER (pnl_slot_get_position (PNL_SLOT (where_the_slot_was)));

  if (g_hash_table_lookup (self->slots, key) == where_the_slot_was)
    g_hash_table_remove (self->slots, key);
}

static void
detach_slot (PnlSlotList *self,
             PnlSlot     *slot)
{
  g_hash_table_remove (self->slots, GUINT_TO_POINTER (pnl_slot_get_position (slot)));
  g_object_weak_unref (G_OBJECT (slot), on_slot_finalized, self);
}

static GType
pnl_slot_list_get_item_type (GListModel *model)
{
  return PNL_TYPE_SLOT;
}

static guint
pnl_slot_list_get_n_items_iface (GListModel *model)
{
  return PNL_SLOT_LIST (model)->items->len;
}

static gpointer
pnl_slot_list_get_item (GListModel *model,
                        guint       position)
{
  PnlSlotList *self = PNL_SLOT_LIST (model);
  PnlSlot *slot;

  if (position >= self->items->len)
    return NULL;

  slot = g_hash_table_lookup (self->slots, GUINT_TO_POINTER (position));
  if (slot != NULL)
    return g_object_ref (slot);

  slot = _pnl_slot_new (position);
  _pnl_slot_set_item (slot, g_ptr_array_index (self->items, position));
  g_object_weak_ref (G_OBJECT (slot), on_slot_finalized, self);
  g_hash_table_insert (self->slots, GUINT_TO_POINTER (position), slot);

  return slot;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pnl_slot_list_get_item_type;
  iface->get_n_items = pnl_slot_list_get_n_items_iface;
  iface->get_item = pnl_slot_list_get_item;
}

PnlSlotList *
pnl_slot_list_new (void)
{
  return g_object_new (PNL_TYPE_SLOT_LIST, NULL);
}

/**
 * pnl_slot_list_set_items:
 * @items: (array length=n_items): what to show, in order
 *
 * Replaces what the list shows.  Slots at positions still in the list
 * show their new item; those past its new end show nothing and are
 * removed.
 */
void
pnl_slot_list_set_items (PnlSlotList     *self,
                         GObject * const *items,
                         guint            n_items)
{
  g_autoptr(GPtrArray) old_items = NULL;
  g_autoptr(GPtrArray) live = NULL;
  GHashTableIter iter;
  gpointer slot;
  guint old_n, common;

  g_return_if_fail (PNL_IS_SLOT_LIST (self));
  g_return_if_fail (items != NULL || n_items == 0);

  old_items = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (self->items, g_object_ref (items[i]));

  /* Each slot's handler may run anything: hold them, then tell them. */
  live = g_ptr_array_new_full (g_hash_table_size (self->slots), g_object_unref);
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    g_ptr_array_add (live, g_object_ref (slot));

  for (guint i = 0; i < live->len; i++)
    {
      PnlSlot *s = g_ptr_array_index (live, i);
      guint position = pnl_slot_get_position (s);

      if (position < n_items)
        {
          _pnl_slot_set_item (s, items[position]);
        }
      else
        {
          detach_slot (self, s);
          _pnl_slot_set_item (s, NULL);
        }
    }

  old_n = old_items->len;
  common = MIN (old_n, n_items);
  if (old_n != n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, n_items - common);
}

guint
pnl_slot_list_get_n_items (PnlSlotList *self)
{
  g_return_val_if_fail (PNL_IS_SLOT_LIST (self), 0);

  return self->items->len;
}

/**
 * pnl_slot_list_get_item_at:
 *
 * Returns: (transfer none) (nullable): what is shown at @position
 */
GObject *
pnl_slot_list_get_item_at (PnlSlotList *self,
                           guint        position)
{
  g_return_val_if_fail (PNL_IS_SLOT_LIST (self), NULL);

  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

guint
pnl_slot_list_find (PnlSlotList *self,
                    gpointer     item)
{
  guint position;

  g_return_val_if_fail (PNL_IS_SLOT_LIST (self), G_MAXUINT);

  if (item == NULL || !g_ptr_array_find (self->items, item, &position))
    return G_MAXUINT;

  return position;
}

guint
pnl_slot_list_get_n_slots (PnlSlotList *self)
{
  g_return_val_if_fail (PNL_IS_SLOT_LIST (self), 0);

  return g_hash_table_size (self->slots);
}

static void
pnl_slot_list_dispose (GObject *object)
{
  PnlSlotList *self = (PnlSlotList *)object;
  GHashTableIter iter;
  gpointer slot;

  /* Slots may outlive the list: they keep what they show. */
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    {
      g_object_weak_unref (slot, on_slot_finalized, self);
      g_hash_table_iter_remove (&iter);
    }

  G_OBJECT_CLASS (pnl_slot_list_parent_class)->dispose (object);
}

static void
pnl_slot_list_finalize (GObject *object)
{
  PnlSlotList *self = (PnlSlotList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_hash_table_unref);

  G_OBJECT_CLASS (pnl_slot_list_parent_class)->finalize (object);
}

static void
pnl_slot_list_class_init (PnlSlotListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pnl_slot_list_dispose;
  object_class->finalize = pnl_slot_list_finalize;
}

static void
pnl_slot_list_init (PnlSlotList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->slots = g_hash_table_new (NULL, NULL);
}
