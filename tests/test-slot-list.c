/* test-slot-list.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pnl-slot-list.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

static void
on_notify_item (PnlSlot    *slot,
                GParamSpec *pspec,
                guint      *n_notified)
{
  (*n_notified)++;
}

/* @n objects, named by their position in @objects. */
static GPtrArray *
make_objects (guint n)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (object, "index", GUINT_TO_POINTER (i));
      g_ptr_array_add (objects, object);
    }

  return objects;
}

static void
set_items (PnlSlotList *list,
           GPtrArray   *objects,
           guint        from,
           guint        n)
{
  pnl_slot_list_set_items (list, (GObject * const *)objects->pdata + from, n);
}

/* A list model like any other: a slot per position, each showing the item
 * at its position. */
static void
test_slot_list_model (void)
{
  g_autoptr(PnlSlotList) list = pnl_slot_list_new ();
  g_autoptr(GPtrArray) objects = make_objects (10);
  GListModel *model = G_LIST_MODEL (list);
  Change change = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

  g_assert_true (g_list_model_get_item_type (model) == PNL_TYPE_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));

  set_items (list, objects, 0, 10);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(PnlSlot) slot = g_list_model_get_item (model, i);
      g_autoptr(PnlSlot) again = g_list_model_get_item (model, i);

      g_assert_true (PNL_IS_SLOT (slot));
      /* While someone holds a slot, its position gives the same one. */
      g_assert_true (slot == again);
      g_assert_cmpuint (pnl_slot_get_position (slot), ==, i);
      g_assert_true (pnl_slot_get_item (slot) == g_ptr_array_index (objects, i));
      g_assert_true (pnl_slot_list_get_item_at (list, i) == g_ptr_array_index (objects, i));
      g_assert_cmpuint (pnl_slot_list_find (list, g_ptr_array_index (objects, i)), ==, i);
    }

  g_assert_null (g_list_model_get_item (model, 10));
  g_assert_null (pnl_slot_list_get_item_at (list, 10));
  g_assert_cmpuint (pnl_slot_list_find (list, list), ==, G_MAXUINT);
  g_assert_cmpuint (pnl_slot_list_find (list, NULL), ==, G_MAXUINT);

  /* Nobody holds a slot now: none is kept. */
  g_assert_cmpuint (pnl_slot_list_get_n_slots (list), ==, 0);
}

/* Replacing what is shown: the slots handed out stay and show their new
 * item; only the change of length is an items-changed. */
static void
test_slot_list_replace (void)
{
  g_autoptr(PnlSlotList) list = pnl_slot_list_new ();
  g_autoptr(GPtrArray) objects = make_objects (20);
  g_autoptr(PnlSlot) first = NULL;
  g_autoptr(PnlSlot) fifth = NULL;
  g_autoptr(PnlSlot) ninth = NULL;
  guint n_first = 0, n_fifth = 0, n_ninth = 0;
  Change change = { 0 };

  set_items (list, objects, 0, 10);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  fifth = g_list_model_get_item (G_LIST_MODEL (list), 4);
  ninth = g_list_model_get_item (G_LIST_MODEL (list), 8);
  g_assert_cmpuint (pnl_slot_list_get_n_slots (list), ==, 3);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_signal_connect (first, "notify::item", G_CALLBACK (on_notify_item), &n_first);
  g_signal_connect (fifth, "notify::item", G_CALLBACK (on_notify_item), &n_fifth);
  g_signal_connect (ninth, "notify::item", G_CALLBACK (on_notify_item), &n_ninth);

  /* Shorter, and different from the second row on: objects 0, 11..15. */
  {
    GObject *shorter[6];

    shorter[0] = g_ptr_array_index (objects, 0);
    for (guint i = 1; i < 6; i++)
      shorter[i] = g_ptr_array_index (objects, 10 + i);
    pnl_slot_list_set_items (list, shorter, 6);
  }

  /* The same object stays without a word; a new one is announced. */
  g_assert_cmpuint (n_first, ==, 0);
  g_assert_true (pnl_slot_get_item (first) == g_ptr_array_index (objects, 0));
  g_assert_cmpuint (n_fifth, ==, 1);
  g_assert_true (pnl_slot_get_item (fifth) == g_ptr_array_index (objects, 14));
  /* Past the end: the slot shows nothing, and the list drops it. */
  g_assert_cmpuint (n_ninth, ==, 1);
  g_assert_null (pnl_slot_get_item (ninth));
  g_assert_cmpuint (pnl_slot_list_get_n_slots (list), ==, 2);

  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 6);
  g_assert_cmpuint (change.removed, ==, 4);
  g_assert_cmpuint (change.added, ==, 0);

  /* Asking for the 5th position again gives the slot already out. */
  {
    g_autoptr(PnlSlot) again = g_list_model_get_item (G_LIST_MODEL (list), 4);

    g_assert_true (again == fifth);
  }

  /* Longer again: a new slot for the 9th position, not the dropped one. */
  set_items (list, objects, 5, 15);
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpuint (change.position, ==, 6);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 9);
  g_assert_true (pnl_slot_get_item (first) == g_ptr_array_index (objects, 5));
  g_assert_true (pnl_slot_get_item (fifth) == g_ptr_array_index (objects, 9));
  g_assert_null (pnl_slot_get_item (ninth));
  {
    g_autoptr(PnlSlot) slot = g_list_model_get_item (G_LIST_MODEL (list), 8);

    g_assert_true (slot != ninth);
    g_assert_true (pnl_slot_get_item (slot) == g_ptr_array_index (objects, 13));
  }

  /* The same length: no items-changed at all. */
  set_items (list, objects, 4, 15);
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_true (pnl_slot_get_item (first) == g_ptr_array_index (objects, 4));

  /* Empty. */
  pnl_slot_list_set_items (list, NULL, 0);
  g_assert_cmpuint (change.n_signals, ==, 3);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 15);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_null (pnl_slot_get_item (first));
  g_assert_cmpuint (pnl_slot_list_get_n_slots (list), ==, 0);
}

/* The list holds what it shows; a slot holds what it shows, even after
 * the list is gone. */
static void
test_slot_list_references (void)
{
  g_autoptr(PnlSlotList) list = pnl_slot_list_new ();
  g_autoptr(PnlSlot) slot = NULL;
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);
  GObject *items[1] = { object };

  g_object_add_weak_pointer (object, (gpointer *)&object);

  pnl_slot_list_set_items (list, items, 1);
  slot = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_object_unref (items[0]);
  g_assert_nonnull (object);

  g_clear_object (&list);
  g_assert_nonnull (object);
  g_assert_true (pnl_slot_get_item (slot) == object);

  g_clear_object (&slot);
  g_assert_null (object);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slot-list/model", test_slot_list_model);
  g_test_add_func ("/slot-list/replace", test_slot_list_replace);
  g_test_add_func ("/slot-list/references", test_slot_list_references);

  return g_test_run ();
}
