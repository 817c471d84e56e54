/* fuzz-scorecard.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the scorecard reader, the step of an import that
 * comes before the database: any bytes either give scorecards that can
 * be written out and read back to the same text, or a
 * PNL_SCORECARD_ERROR that names the file.  A crash, a leak, a critical
 * or a broken promise aborts. */

#include "config.h"

#include <stdint.h>

#include "pnl-answer.h"
#include "pnl-interview.h"
#include "pnl-scorecard.h"

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
check_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == PNL_SCORECARD_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* What was read writes out, and that text reads back and writes out
 * to the very same bytes. */
static void
check_round_trip (GPtrArray *cards)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  if (cards->len == 1)
    text = pnl_scorecard_to_string (g_ptr_array_index (cards, 0), &error);
  else
    text = pnl_scorecard_write_many (cards, &error);
  g_assert_no_error (error);

  bytes = g_bytes_new_static (text, strlen (text));
  again = pnl_scorecard_read (bytes, "fuzz.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, cards->len);

  if (again->len == 1)
    text_again = pnl_scorecard_to_string (g_ptr_array_index (again, 0), &error);
  else
    text_again = pnl_scorecard_write_many (again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, text_again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  cards = pnl_scorecard_read (bytes, "fuzz.json", &error);

  if (cards == NULL)
    {
      check_error (error);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, >, 0);

  for (guint i = 0; i < cards->len; i++)
    {
      PnlScorecard *card = g_ptr_array_index (cards, i);
      PnlInterview *interview = pnl_scorecard_get_interview (card);
      GListModel *answers = pnl_scorecard_get_answers (card);

      g_assert_true (g_uuid_string_is_valid (pnl_interview_get_uuid (interview)));
      g_assert_nonnull (pnl_interview_get_scale (interview));
      g_assert_nonnull (pnl_interview_get_started_at (interview));

      for (guint j = 0; j < g_list_model_get_n_items (answers); j++)
        {
          g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, j);

          g_assert_nonnull (pnl_answer_get_question (answer));
        }
    }

  check_round_trip (cards);

  return 0;
}
