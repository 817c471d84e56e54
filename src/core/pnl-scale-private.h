/* pnl-scale-private.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-scale.h"

G_BEGIN_DECLS

/* Like pnl_scale_new_from_json(), and tells which level (from 0) was
 * wrong, or -1 when the problem is the scale as a whole. */
PnlScale *_pnl_scale_parse (JsonNode  *node,
                            int       *bad_index,
                            GError   **error);

G_END_DECLS
