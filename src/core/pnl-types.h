/* pnl-types.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PnlAnswer        PnlAnswer;
typedef struct _PnlArea          PnlArea;
typedef struct _PnlBank          PnlBank;
typedef struct _PnlBankLibrary   PnlBankLibrary;
typedef struct _PnlCandidate     PnlCandidate;
typedef struct _PnlCandidateReview PnlCandidateReview;
typedef struct _PnlComparison    PnlComparison;
typedef struct _PnlDb            PnlDb;
typedef struct _PnlDbStatement   PnlDbStatement;
typedef struct _PnlInterview     PnlInterview;
typedef struct _PnlPanelFolder   PnlPanelFolder;
typedef struct _PnlQuestion      PnlQuestion;
typedef struct _PnlScale         PnlScale;
typedef struct _PnlSession       PnlSession;
typedef struct _PnlSessionArea   PnlSessionArea;
typedef struct _PnlStore         PnlStore;
typedef struct _PnlVisibility    PnlVisibility;
typedef struct _PnlWriter        PnlWriter;

typedef enum
{
  PNL_QUESTION_KIND_TECHNICAL,
  PNL_QUESTION_KIND_BEHAVIOURAL,
  PNL_QUESTION_KIND_SITUATIONAL,
  PNL_QUESTION_KIND_COMPETENCY,
  PNL_QUESTION_KIND_CULTURE,
  PNL_QUESTION_KIND_CANDIDATE_ASKS,
} PnlQuestionKind;

typedef enum
{
  PNL_QUESTION_LEVEL_ENTRY,
  PNL_QUESTION_LEVEL_EXPERIENCED,
  PNL_QUESTION_LEVEL_SENIOR,
} PnlQuestionLevel;

typedef enum
{
  PNL_INTERVIEW_STATE_IN_PROGRESS,
  PNL_INTERVIEW_STATE_SUBMITTED,
} PnlInterviewState;

typedef enum
{
  PNL_RECOMMENDATION_NONE,
  PNL_RECOMMENDATION_STRONG_NO,
  PNL_RECOMMENDATION_NO,
  PNL_RECOMMENDATION_YES,
  PNL_RECOMMENDATION_STRONG_YES,
} PnlRecommendation;

typedef enum /*< flags >*/
{
  PNL_ANSWER_FLAGS_NONE      = 0,
  PNL_ANSWER_FLAGS_FOLLOW_UP = 1 << 0,
  PNL_ANSWER_FLAGS_RED_FLAG  = 1 << 1,
  PNL_ANSWER_FLAGS_HIGHLIGHT = 1 << 2,
} PnlAnswerFlags;

typedef enum
{
  PNL_EXPORT_FORMAT_MARKDOWN,
  PNL_EXPORT_FORMAT_HTML,
  PNL_EXPORT_FORMAT_CSV,
  PNL_EXPORT_FORMAT_JSON,
} PnlExportFormat;

/* What an export covers: one interview, one candidate across the panel,
 * or the candidates of one role side by side. */
typedef enum
{
  PNL_EXPORT_SCOPE_INTERVIEW,
  PNL_EXPORT_SCOPE_CANDIDATE,
  PNL_EXPORT_SCOPE_ROLE,
} PnlExportScope;

/* Stable spellings used in files, the database and on the command line. */
const char        *pnl_question_kind_to_string      (PnlQuestionKind    kind);
gboolean           pnl_question_kind_from_string    (const char        *str,
                                                     PnlQuestionKind   *kind);
const char        *pnl_question_kind_get_title      (PnlQuestionKind    kind);
const char        *pnl_question_level_to_string     (PnlQuestionLevel   level);
gboolean           pnl_question_level_from_string   (const char        *str,
                                                     PnlQuestionLevel  *level);
const char        *pnl_question_level_get_title     (PnlQuestionLevel   level);
const char        *pnl_interview_state_to_string    (PnlInterviewState  state);
gboolean           pnl_interview_state_from_string  (const char        *str,
                                                     PnlInterviewState *state);
const char        *pnl_recommendation_to_string     (PnlRecommendation  rec);
gboolean           pnl_recommendation_from_string   (const char        *str,
                                                     PnlRecommendation *rec);
const char        *pnl_recommendation_get_title     (PnlRecommendation  rec);
const char        *pnl_export_format_to_string      (PnlExportFormat    format);
gboolean           pnl_export_format_from_string    (const char        *str,
                                                     PnlExportFormat   *format);
const char        *pnl_export_scope_to_string       (PnlExportScope     scope);
gboolean           pnl_export_scope_from_string     (const char        *str,
                                                     PnlExportScope    *scope);

G_END_DECLS
