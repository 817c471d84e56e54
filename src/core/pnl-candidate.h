/* pnl-candidate.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_CANDIDATE (pnl_candidate_get_type())

G_DECLARE_FINAL_TYPE (PnlCandidate, pnl_candidate, PNL, CANDIDATE, GObject)

PnlCandidate *pnl_candidate_new           (gint64        id,
                                           const char   *name,
                                           const char   *role,
                                           const char   *reference);
gint64        pnl_candidate_get_id        (PnlCandidate *self);
const char   *pnl_candidate_get_name      (PnlCandidate *self);
const char   *pnl_candidate_get_role      (PnlCandidate *self);
const char   *pnl_candidate_get_reference (PnlCandidate *self);

G_END_DECLS
