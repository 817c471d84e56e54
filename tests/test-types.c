/* test-types.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pnl-enums.h"
#include "pnl-types.h"

/* Every value of every enum has a spelling, and the spelling reads back
 * as the same value: files and the database depend on it. */
static void
test_spellings_round_trip (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (PNL_TYPE_QUESTION_KIND);
  g_autoptr(GEnumClass) levels = g_type_class_ref (PNL_TYPE_QUESTION_LEVEL);
  g_autoptr(GEnumClass) states = g_type_class_ref (PNL_TYPE_INTERVIEW_STATE);
  g_autoptr(GEnumClass) recs = g_type_class_ref (PNL_TYPE_RECOMMENDATION);
  g_autoptr(GEnumClass) formats = g_type_class_ref (PNL_TYPE_EXPORT_FORMAT);
  g_autoptr(GEnumClass) scopes = g_type_class_ref (PNL_TYPE_EXPORT_SCOPE);

  for (guint i = 0; i < kinds->n_values; i++)
    {
      PnlQuestionKind kind = kinds->values[i].value;
      PnlQuestionKind back;

      g_assert_nonnull (pnl_question_kind_to_string (kind));
      g_assert_nonnull (pnl_question_kind_get_title (kind));
      g_assert_true (pnl_question_kind_from_string (pnl_question_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }

  for (guint i = 0; i < levels->n_values; i++)
    {
      PnlQuestionLevel level = levels->values[i].value;
      PnlQuestionLevel back;

      g_assert_true (pnl_question_level_from_string (pnl_question_level_to_string (level), &back));
      g_assert_cmpint (back, ==, level);
    }

  for (guint i = 0; i < states->n_values; i++)
    {
      PnlInterviewState state = states->values[i].value;
      PnlInterviewState back;

      g_assert_true (pnl_interview_state_from_string (pnl_interview_state_to_string (state), &back));
      g_assert_cmpint (back, ==, state);
    }

  for (guint i = 0; i < recs->n_values; i++)
    {
      PnlRecommendation rec = recs->values[i].value;
      PnlRecommendation back;

      g_assert_true (pnl_recommendation_from_string (pnl_recommendation_to_string (rec), &back));
      g_assert_cmpint (back, ==, rec);
    }

  for (guint i = 0; i < formats->n_values; i++)
    {
      PnlExportFormat format = formats->values[i].value;
      PnlExportFormat back;

      g_assert_true (pnl_export_format_from_string (pnl_export_format_to_string (format), &back));
      g_assert_cmpint (back, ==, format);
    }

  for (guint i = 0; i < scopes->n_values; i++)
    {
      PnlExportScope scope = scopes->values[i].value;
      PnlExportScope back;

      g_assert_true (pnl_export_scope_from_string (pnl_export_scope_to_string (scope), &back));
      g_assert_cmpint (back, ==, scope);
    }
}

static void
test_spellings_fixed (void)
{
  PnlQuestionKind kind;

  /* These spellings are in files people keep: they never change. */
  g_assert_cmpstr (pnl_question_kind_to_string (PNL_QUESTION_KIND_CANDIDATE_ASKS), ==, "candidate-asks");
  g_assert_cmpstr (pnl_question_level_to_string (PNL_QUESTION_LEVEL_EXPERIENCED), ==, "experienced");
  g_assert_cmpstr (pnl_interview_state_to_string (PNL_INTERVIEW_STATE_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (pnl_recommendation_to_string (PNL_RECOMMENDATION_STRONG_YES), ==, "strong-yes");

  g_assert_false (pnl_question_kind_from_string ("Technical", &kind));
  g_assert_false (pnl_question_kind_from_string ("", &kind));
  g_assert_false (pnl_question_kind_from_string (NULL, &kind));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/types/spellings-round-trip", test_spellings_round_trip);
  g_test_add_func ("/core/types/spellings-fixed", test_spellings_fixed);

  return g_test_run ();
}
