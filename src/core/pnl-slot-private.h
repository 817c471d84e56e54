/* pnl-slot-private.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-slot.h"

G_BEGIN_DECLS

/* For PnlSlotList, which owns the slots' positions and contents. */
PnlSlot *_pnl_slot_new      (guint    position);
void     _pnl_slot_set_item (PnlSlot *self,
                             GObject *item);

G_END_DECLS
