/* pnl-slot-list.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-slot.h"

G_BEGIN_DECLS

#define PNL_TYPE_SLOT_LIST (pnl_slot_list_get_type())

G_DECLARE_FINAL_TYPE (PnlSlotList, pnl_slot_list, PNL, SLOT_LIST, GObject)

/* A GListModel of PnlSlot: a list of objects shown through slots that
 * stay at their positions.  When the list is replaced, the slots already
 * handed out change what they show ("notify::item") and only a change of
 * length is announced by "items-changed".
 *
 * A GtkListView over it keeps its row widgets when a search replaces
 * thousands of rows at once, where a GtkFilterListModel would have it
 * destroy and build a row widget for every row it keeps (200 in GTK 4.8). */
PnlSlotList *pnl_slot_list_new          (void);
void         pnl_slot_list_set_items    (PnlSlotList     *self,
                                         GObject * const *items,
                                         guint            n_items);
guint        pnl_slot_list_get_n_items  (PnlSlotList     *self);
GObject     *pnl_slot_list_get_item_at  (PnlSlotList     *self,
                                         guint            position);
/* The position of @item, or G_MAXUINT when it is not in the list. */
guint        pnl_slot_list_find         (PnlSlotList     *self,
                                         gpointer         item);
/* How many slots are handed out and alive now. */
guint        pnl_slot_list_get_n_slots  (PnlSlotList     *self);

G_END_DECLS
