/* pnl-area.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_AREA (pnl_area_get_type())

G_DECLARE_FINAL_TYPE (PnlArea, pnl_area, PNL, AREA, GObject)

PnlArea    *pnl_area_new             (const char *id,
                                      const char *title,
                                      const char *description);
const char *pnl_area_get_id          (PnlArea    *self);
const char *pnl_area_get_title       (PnlArea    *self);
const char *pnl_area_get_description (PnlArea    *self);

G_END_DECLS
