/* pnl-types.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-types"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-types.h"

typedef struct
{
  int         value;
  const char *nick;
  const char *title;
} Spelling;

static const Spelling kinds[] = {
  /* Translators: a kind of interview question */
  { PNL_QUESTION_KIND_TECHNICAL, "technical", N_("Technical") },
  /* Translators: a kind of interview question */
  { PNL_QUESTION_KIND_BEHAVIOURAL, "behavioural", N_("Behavioural") },
  /* Translators: a kind of interview question */
  { PNL_QUESTION_KIND_SITUATIONAL, "situational", N_("Situational") },
  /* Translators: a kind of interview question */
  { PNL_QUESTION_KIND_COMPETENCY, "competency", N_("Competency") },
  /* Translators: a kind of interview question */
  { PNL_QUESTION_KIND_CULTURE, "culture", N_("Culture") },
  /* Translators: a kind of interview question: the candidate's own questions,
   * asked at the end */
  { PNL_QUESTION_KIND_CANDIDATE_ASKS, "candidate-asks", N_("Candidate asks") },
};

static const Spelling levels[] = {
  /* Translators: the seniority level a question is for */
  { PNL_QUESTION_LEVEL_ENTRY, "entry", N_("Entry") },
  /* Translators: the seniority level a question is for */
  { PNL_QUESTION_LEVEL_EXPERIENCED, "experienced", N_("Experienced") },
  /* Translators: the seniority level a question is for */
  { PNL_QUESTION_LEVEL_SENIOR, "senior", N_("Senior") },
};

static const Spelling states[] = {
  /* Translators: the state of an interview */
  { PNL_INTERVIEW_STATE_IN_PROGRESS, "in-progress", N_("In progress") },
  /* Translators: the state of an interview: its scorecard is handed in and locked */
  { PNL_INTERVIEW_STATE_SUBMITTED, "submitted", N_("Submitted") },
};

static const Spelling recommendations[] = {
  { PNL_RECOMMENDATION_NONE, "none", N_("No recommendation") },
  /* Translators: an interviewer's overall recommendation on a candidate,
   * also the label of a level of the default rating scale */
  { PNL_RECOMMENDATION_STRONG_NO, "strong-no", N_("Strong no") },
  /* Translators: an interviewer's overall recommendation on a candidate,
   * also the label of a level of the default rating scale */
  { PNL_RECOMMENDATION_NO, "no", N_("No") },
  /* Translators: an interviewer's overall recommendation on a candidate,
   * also the label of a level of the default rating scale */
  { PNL_RECOMMENDATION_YES, "yes", N_("Yes") },
  /* Translators: an interviewer's overall recommendation on a candidate,
   * also the label of a level of the default rating scale */
  { PNL_RECOMMENDATION_STRONG_YES, "strong-yes", N_("Strong yes") },
};

static const Spelling export_formats[] = {
  { PNL_EXPORT_FORMAT_MARKDOWN, "markdown", N_("Markdown") },
  { PNL_EXPORT_FORMAT_HTML, "html", N_("HTML") },
  { PNL_EXPORT_FORMAT_CSV, "csv", N_("CSV") },
  { PNL_EXPORT_FORMAT_JSON, "json", N_("JSON") },
};

static const Spelling export_scopes[] = {
  { PNL_EXPORT_SCOPE_INTERVIEW, "interview", N_("Interview") },
  { PNL_EXPORT_SCOPE_CANDIDATE, "candidate", N_("Candidate") },
  /* Translators: what to export: the candidates of one role, compared */
  { PNL_EXPORT_SCOPE_ROLE, "role", N_("Role comparison") },
};

static const Spelling *
lookup_value (const Spelling *table,
              gsize           n,
              int             value)
{
  for (gsize i = 0; i < n; i++)
    {
      if (table[i].value == value)
        return &table[i];
    }

  return NULL;
}

static gboolean
lookup_nick (const Spelling *table,
             gsize           n,
             const char     *nick,
             int            *value)
{
  if (nick == NULL)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      if (g_str_equal (table[i].nick, nick))
        {
          *value = table[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_SPELLING(prefix, Type, table)                                   \
const char *                                                                   \
prefix##_to_string (Type value)                                                \
{                                                                              \
  const Spelling *s = lookup_value (table, G_N_ELEMENTS (table), value);       \
  return s ? s->nick : NULL;                                                   \
}                                                                              \
                                                                               \
gboolean                                                                       \
prefix##_from_string (const char *str,                                         \
                      Type       *out)                                         \
{                                                                              \
  int value;                                                                   \
  if (!lookup_nick (table, G_N_ELEMENTS (table), str, &value))                 \
    return FALSE;                                                              \
  if (out != NULL)                                                             \
    *out = (Type) value;                                                       \
  return TRUE;                                                                 \
}

DEFINE_SPELLING (pnl_question_kind, PnlQuestionKind, kinds)
DEFINE_SPELLING (pnl_question_level, PnlQuestionLevel, levels)
DEFINE_SPELLING (pnl_interview_state, PnlInterviewState, states)
DEFINE_SPELLING (pnl_recommendation, PnlRecommendation, recommendations)
DEFINE_SPELLING (pnl_export_format, PnlExportFormat, export_formats)
DEFINE_SPELLING (pnl_export_scope, PnlExportScope, export_scopes)

const char *
pnl_question_kind_get_title (PnlQuestionKind kind)
{
  const Spelling *s = lookup_value (kinds, G_N_ELEMENTS (kinds), kind);
  return s ? _(s->title) : NULL;
}

const char *
pnl_question_level_get_title (PnlQuestionLevel level)
{
  const Spelling *s = lookup_value (levels, G_N_ELEMENTS (levels), level);
  return s ? _(s->title) : NULL;
}

const char *
pnl_recommendation_get_title (PnlRecommendation rec)
{
  const Spelling *s = lookup_value (recommendations, G_N_ELEMENTS (recommendations), rec);
  return s ? _(s->title) : NULL;
}
