/* pnl-scale.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_SCALE (pnl_scale_get_type())

G_DECLARE_FINAL_TYPE (PnlScale, pnl_scale, PNL, SCALE, GObject)

/* The default: four anchored levels with no neutral midpoint. */
PnlScale   *pnl_scale_new_default    (void);
/* Parses an array of {value, label, meaning}; the caller adds the file
 * name and position to the message. */
PnlScale   *pnl_scale_new_from_json  (JsonNode    *node,
                                      GError     **error);
JsonNode   *pnl_scale_to_json        (PnlScale    *self);
guint       pnl_scale_get_n_levels   (PnlScale    *self);
int         pnl_scale_get_value      (PnlScale    *self,
                                      guint        position);
const char *pnl_scale_get_label      (PnlScale    *self,
                                      guint        position);
const char *pnl_scale_get_meaning    (PnlScale    *self,
                                      guint        position);
/* Returns the position of @value, or -1 when the scale has no such level. */
int         pnl_scale_find           (PnlScale    *self,
                                      int          value);
int         pnl_scale_get_min        (PnlScale    *self);
int         pnl_scale_get_max        (PnlScale    *self);
/* The value halfway between the lowest and the highest level. */
double      pnl_scale_get_middle     (PnlScale    *self);
gboolean    pnl_scale_equal          (PnlScale    *a,
                                      PnlScale    *b);

G_END_DECLS
