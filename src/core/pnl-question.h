/* pnl-question.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_QUESTION (pnl_question_get_type())

G_DECLARE_FINAL_TYPE (PnlQuestion, pnl_question, PNL, QUESTION, GObject)

/* A question is immutable once built; a bank and every interview that
 * snapshots it can share the same object. */
PnlQuestion        *pnl_question_new_from_json (JsonObject   *object,
                                                GError      **error);
/* The same keys as in a bank file: what an interview snapshots. */
JsonNode           *pnl_question_to_json       (PnlQuestion  *self);
/* An ad-hoc question typed during an interview. */
PnlQuestion        *pnl_question_new_custom    (const char   *id,
                                                const char   *area_id,
                                                const char   *prompt);
const char         *pnl_question_get_id        (PnlQuestion  *self);
const char         *pnl_question_get_area_id   (PnlQuestion  *self);
PnlQuestionKind     pnl_question_get_kind      (PnlQuestion  *self);
PnlQuestionLevel    pnl_question_get_level     (PnlQuestion  *self);
const char         *pnl_question_get_prompt    (PnlQuestion  *self);
const char         *pnl_question_get_assesses  (PnlQuestion  *self);
const char * const *pnl_question_get_look_fors (PnlQuestion  *self);
const char * const *pnl_question_get_red_flags (PnlQuestion  *self);
const char * const *pnl_question_get_follow_ups (PnlQuestion *self);
guint               pnl_question_get_minutes   (PnlQuestion  *self);
/* The per-question meaning of @value, or NULL to use the scale's. */
const char         *pnl_question_get_anchor    (PnlQuestion  *self,
                                                int           value);

G_END_DECLS
