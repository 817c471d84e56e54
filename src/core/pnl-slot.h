/* pnl-slot.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PNL_TYPE_SLOT (pnl_slot_get_type())

G_DECLARE_FINAL_TYPE (PnlSlot, pnl_slot, PNL, SLOT, GObject)

/* One position of a PnlSlotList: what is shown there now.  The slot stays
 * while what it shows changes, and "notify::item" says when. */
GObject *pnl_slot_get_item     (PnlSlot *self);
guint    pnl_slot_get_position (PnlSlot *self);

G_END_DECLS
