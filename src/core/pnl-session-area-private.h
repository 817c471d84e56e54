/* pnl-session-area-private.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-session-area.h"

G_BEGIN_DECLS

/* Used by PnlSession only: it builds the areas, adds their answers and
 * tells them when an answer's asked state or score changed. */
PnlSessionArea *_pnl_session_area_new    (const char     *id,
                                          const char     *title);
void            _pnl_session_area_append (PnlSessionArea *self,
                                          PnlAnswer      *answer);
/* Keep the answers in order of position; whether it was there. */
void            _pnl_session_area_insert (PnlSessionArea *self,
                                          PnlAnswer      *answer);
gboolean        _pnl_session_area_remove (PnlSessionArea *self,
                                          PnlAnswer      *answer);
void            _pnl_session_area_update (PnlSessionArea *self);

G_END_DECLS
