/* fuzz-bank.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the question bank reader: any bytes either give
 * a bank whose every question and scale survive a round trip through
 * JSON, or a PNL_BANK_ERROR that names the file.  A crash, a leak, a
 * critical or a broken promise aborts. */

#include "config.h"

#include <stdint.h>

#include "pnl-area.h"
#include "pnl-bank.h"
#include "pnl-question.h"
#include "pnl-scale.h"

#include "fuzz-common.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  pnl_fuzz_init ();

  return 0;
}

static void
check_question (PnlBank     *bank,
                PnlQuestion *question)
{
  g_autoptr(JsonNode) node = pnl_question_to_json (question);
  g_autoptr(PnlQuestion) copy = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (pnl_bank_find_area (bank, pnl_question_get_area_id (question)));
  g_assert_true (pnl_bank_find_question (bank, pnl_question_get_id (question)) == question);

  for (guint i = 0; i < pnl_scale_get_n_levels (pnl_bank_get_scale (bank)); i++)
    pnl_question_get_anchor (question, pnl_scale_get_value (pnl_bank_get_scale (bank), i));

  copy = pnl_question_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  again = pnl_question_to_json (copy);
  g_assert_true (json_node_equal (node, again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = NULL;
  g_autoptr(PnlScale) scale = NULL;
  g_autoptr(JsonNode) scale_node = NULL;
  GListModel *areas;
  GListModel *questions;

  bank = pnl_bank_new_from_bytes (bytes, "fuzz.json", &error);

  if (bank == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PNL_BANK_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_true (pnl_bank_get_revision (bank) >= 1);
  g_assert_nonnull (pnl_bank_get_id (bank));
  g_assert_nonnull (pnl_bank_get_title (bank));
  g_assert_nonnull (pnl_bank_get_description (bank));

  scale_node = pnl_scale_to_json (pnl_bank_get_scale (bank));
  scale = pnl_scale_new_from_json (scale_node, &error);
  g_assert_no_error (error);
  g_assert_true (pnl_scale_equal (scale, pnl_bank_get_scale (bank)));

  areas = pnl_bank_get_areas (bank);
  g_assert_cmpuint (g_list_model_get_n_items (areas), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(PnlArea) area = g_list_model_get_item (areas, i);

      g_assert_true (pnl_bank_find_area (bank, pnl_area_get_id (area)) == area);
    }

  questions = pnl_bank_get_questions (bank);
  g_assert_cmpuint (g_list_model_get_n_items (questions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PnlQuestion) question = g_list_model_get_item (questions, i);

      check_question (bank, question);
    }

  return 0;
}
