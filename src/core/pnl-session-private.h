/* pnl-session-private.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-session.h"

G_BEGIN_DECLS

/* However long typing goes on, it is queued on the writer this long
 * after the first change that is not saved yet: the product promises
 * that a crash loses nothing beyond the last second. */
#define PNL_SESSION_SAVE_MAX_DELAY_MS 1000
/* The clock's own changes (seconds) do not delay anything; they are
 * saved with the next save, or after this long at the latest. */
#define PNL_SESSION_CLOCK_SAVE_DELAY_MS 10000

/* One tick of the clock, as the timer does it once a second: tests call
 * it instead of waiting. */
void     _pnl_session_tick       (PnlSession *self);
/* Whether the clock's timer runs now. */
gboolean _pnl_session_is_ticking (PnlSession *self);
/* PNL_SESSION_CLOCK_SAVE_DELAY_MS, unless a test waits less. */
guint    _pnl_session_get_clock_save_delay (PnlSession *self);
void     _pnl_session_set_clock_save_delay (PnlSession *self,
                                            guint       delay_ms);

G_END_DECLS
