/* pnl-question-private.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pnl-question.h"

G_BEGIN_DECLS

/* Like pnl_question_new_from_json(), and names in @bad_member the key
 * whose value was wrong (NULL when the object as a whole is), so that the
 * bank loader can point at its line. */
PnlQuestion *_pnl_question_parse       (JsonObject   *object,
                                        const char  **bad_member,
                                        GError      **error);
/* The values that have an anchor, ascending. */
GArray      *_pnl_question_get_anchor_values (PnlQuestion *self);

G_END_DECLS
