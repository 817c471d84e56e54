/* pnl-export.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-export"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "pnl-answer.h"
#include "pnl-comparison.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"
#include "pnl-utils.h"
#include "pnl-visibility.h"

/* What an empty figure reads as in Markdown and HTML. */
#define NO_VALUE "—"


/* Spellings */

/* The stable spellings are in pnl-types.c, with the others. */
static const struct {
  PnlExportFormat  format;
  const char      *extension;
  const char      *content_type;
} formats[] = {
  { PNL_EXPORT_FORMAT_MARKDOWN, "md", "text/markdown" },
  { PNL_EXPORT_FORMAT_HTML, "html", "text/html" },
  { PNL_EXPORT_FORMAT_CSV, "csv", "text/csv" },
  { PNL_EXPORT_FORMAT_JSON, "json", "application/json" },
};


const char *
pnl_export_format_get_extension (PnlExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;

  return NULL;
}

const char *
pnl_export_format_get_content_type (PnlExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].content_type;

  return NULL;
}

/* Collecting and ordering */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  PnlInterview *ia = pnl_scorecard_get_interview (*(PnlScorecard **)a);
  PnlInterview *ib = pnl_scorecard_get_interview (*(PnlScorecard **)b);
  GDateTime *da = pnl_interview_get_started_at (ia);
  GDateTime *db = pnl_interview_get_started_at (ib);
  int ret;

  if ((ret = g_utf8_collate (pnl_interview_get_candidate_name (ia),
                             pnl_interview_get_candidate_name (ib))) != 0)
    return ret;

  if ((ret = g_strcmp0 (pnl_interview_get_candidate_name (ia),
                        pnl_interview_get_candidate_name (ib))) != 0)
    return ret;

  if ((ret = g_strcmp0 (pnl_interview_get_candidate_reference (ia),
                        pnl_interview_get_candidate_reference (ib))) != 0)
    return ret;

  if (da == NULL || db == NULL)
    ret = (da != NULL) - (db != NULL);
  else
    ret = g_date_time_compare (da, db);

  if (ret != 0)
    return ret;

  return g_strcmp0 (pnl_interview_get_uuid (ia), pnl_interview_get_uuid (ib));
}

void
pnl_export_sort_items (GPtrArray *items)
{
  g_return_if_fail (items != NULL);

  g_ptr_array_sort (items, compare_items);
}

static gboolean
same_candidate (PnlInterview *a,
                PnlInterview *b)
{
  return g_strcmp0 (pnl_interview_get_candidate_name (a),
                    pnl_interview_get_candidate_name (b)) == 0 &&
         g_strcmp0 (pnl_interview_get_candidate_reference (a),
                    pnl_interview_get_candidate_reference (b)) == 0;
}

static PnlScorecard *
item_from_store (PnlStore      *store,
                 PnlInterview  *interview,
                 GError       **error)
{
  g_autoptr(GListModel) answers = pnl_store_list_answers (store, interview, error);

  if (answers == NULL)
    return NULL;

  return pnl_scorecard_new (interview, answers);
}

/**
 * pnl_export_read_items:
 * @store: a #PnlStore
 * @interviews: a #GListModel of #PnlInterview
 * @error: a location for a #GError
 *
 * Reads the answers of each interview.
 *
 * Returns: (transfer full) (element-type PnlScorecard): an item per
 *   interview, in the same order, or %NULL and @error set
 */
GPtrArray *
pnl_export_read_items (PnlStore    *store,
                       GListModel  *interviews,
                       GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  g_return_val_if_fail (PNL_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (interviews), NULL);

  n = g_list_model_get_n_items (interviews);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);
      PnlScorecard *item;

      if (!(item = item_from_store (store, interview, error)))
        return NULL;

      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/**
 * pnl_export_collect:
 * @store: a #PnlStore
 * @scope: what to collect
 * @key: the UUID, candidate name or reference, or role
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type PnlScorecard): the items, or
 *   %NULL and @error set
 */
GPtrArray *
pnl_export_collect (PnlStore        *store,
                    PnlExportScope   scope,
                    const char      *key,
                    GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListModel) interviews = NULL;
  guint n_interviews;

  g_return_val_if_fail (PNL_IS_STORE (store), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (scope == PNL_EXPORT_SCOPE_INTERVIEW)
    {
      g_autoptr(PnlInterview) interview = pnl_store_find_interview (store, key, error);
      PnlScorecard *item;

      if (interview == NULL)
        return NULL;

      if (!(item = item_from_store (store, interview, error)))
        return NULL;

      g_ptr_array_add (items, item);

      return g_steal_pointer (&items);
    }

  if (scope != PNL_EXPORT_SCOPE_CANDIDATE && scope != PNL_EXPORT_SCOPE_ROLE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Unknown export scope"));
      return NULL;
    }

  if (scope == PNL_EXPORT_SCOPE_CANDIDATE)
    interviews = pnl_store_find_candidate_interviews (store, key, error);
  else
    interviews = pnl_store_list_role_interviews (store, key, error);
  if (interviews == NULL)
    return NULL;

  n_interviews = g_list_model_get_n_items (interviews);

  /* A name is not enough when two candidates share it. */
  for (guint i = 1; scope == PNL_EXPORT_SCOPE_CANDIDATE && i < n_interviews; i++)
    {
      g_autoptr(PnlInterview) first = g_list_model_get_item (interviews, 0);
      g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);

      if (!same_candidate (first, interview))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Several candidates match: give the candidate’s reference instead"));
          return NULL;
        }
    }

  g_clear_pointer (&items, g_ptr_array_unref);
  if (!(items = pnl_export_read_items (store, interviews, error)))
    return NULL;

  if (items->len == 0)
    {
      if (scope == PNL_EXPORT_SCOPE_CANDIDATE)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("No interview with this candidate"));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("No interview for this role"));
      return NULL;
    }

  pnl_export_sort_items (items);

  return g_steal_pointer (&items);
}

/**
 * pnl_export_collect_for:
 * @store: a #PnlStore
 * @scope: what to collect
 * @key: the UUID, candidate name or reference, or role
 * @local_interviewer: (nullable): the local interviewer's name
 * @error: a location for a #GError
 *
 * Like pnl_export_collect(), and refuses an INTERVIEW that independent
 * scoring hides from @local_interviewer (PnlVisibility): another
 * interviewer's scorecard of a candidate whom they are still
 * interviewing.
 *
 * Returns: (transfer full) (element-type PnlScorecard): the items, or
 *   %NULL and @error set
 */
GPtrArray *
pnl_export_collect_for (PnlStore        *store,
                        PnlExportScope   scope,
                        const char      *key,
                        const char      *local_interviewer,
                        GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;

  if (!(items = pnl_export_collect (store, scope, key, error)))
    return NULL;

  if (scope == PNL_EXPORT_SCOPE_INTERVIEW &&
      !pnl_visibility_check_interview (store,
                                       pnl_scorecard_get_interview (g_ptr_array_index (items, 0)),
                                       local_interviewer, error))
    return NULL;

  return g_steal_pointer (&items);
}

/* Reading the interview */

/* User text is written as it is, but never as invalid UTF-8 and never
 * with a raw control character but tab and the line ends (LF, CR): each
 * other one is shown as pnl_str_show_controls() does (␛ for ESC, U+FFFD
 * for C1), in every text export. */
static const char *
valid_text (const char  *text,
            char       **to_free)
{
  char *shown;

  *to_free = NULL;

  if (text == NULL)
    return "";

  if (!g_utf8_validate (text, -1, NULL))
    text = *to_free = g_utf8_make_valid (text, -1);

  if ((shown = pnl_str_show_controls (text, "\t\n\r")))
    {
      g_free (*to_free);
      text = *to_free = shown;
    }

  return text;
}

static char *
format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return g_strdup ("");

  utc = g_date_time_to_utc (date_time);

  return g_date_time_format (utc, "%Y-%m-%d");
}

/* Two decimals and a '.', whatever the locale; "" for NAN. */
static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static char *
format_figure (double value)
{
  if (isnan (value))
    return g_strdup (NO_VALUE);

  return format_number (value);
}

static const char *
state_title (PnlInterviewState state)
{
  if (state == PNL_INTERVIEW_STATE_SUBMITTED)
    return _("Submitted");

  return _("In progress");
}

static char *
candidate_label (PnlInterview *interview)
{
  const char *name = pnl_interview_get_candidate_name (interview);
  const char *reference = pnl_interview_get_candidate_reference (interview);

  if (pnl_str_is_blank (reference))
    return g_strdup (name);

  /* Translators: a candidate's name, then their reference (e.g. an ATS id) */
  return g_strdup_printf (_("%s (%s)"), name, reference);
}

/* "3 – Yes" with the label of the interview's scale, "3" for a value the
 * scale lacks, "Not assessed" for 0. */
static char *
score_text (PnlInterview *interview,
            int           score)
{
  PnlScale *scale = pnl_interview_get_scale (interview);
  int position;

  if (score <= 0)
    return g_strdup (_("Not assessed"));

  if (scale != NULL && (position = pnl_scale_find (scale, score)) >= 0)
    /* Translators: a score, then the label of its level */
    return g_strdup_printf (_("%d – %s"), score, pnl_scale_get_label (scale, position));

  return g_strdup_printf ("%d", score);
}

static const struct {
  PnlAnswerFlags  flag;
  const char     *nick;
  const char     *title;
} flag_names[] = {
  /* Translators: a flag on a question: come back to it later */
  { PNL_ANSWER_FLAGS_FOLLOW_UP, "follow-up", N_("Follow up") },
  /* Translators: a flag on a question: something in the answer that worries
   * the interviewer */
  { PNL_ANSWER_FLAGS_RED_FLAG, "red-flag", N_("Red flag") },
  /* Translators: a flag on a question: something in the answer that stood out */
  { PNL_ANSWER_FLAGS_HIGHLIGHT, "highlight", N_("Highlight") },
};

static char *
flags_text (PnlAnswerFlags flags,
            gboolean       nicks)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (flag_names); i++)
    {
      if ((flags & flag_names[i].flag) == 0)
        continue;

      if (str->len > 0)
        g_string_append (str, nicks ? " " : ", ");

      g_string_append (str, nicks ? flag_names[i].nick : _(flag_names[i].title));
    }

  return g_string_free (str, FALSE);
}

static char *
tally_text (const guint *counts,
            gboolean     nicks)
{
  static const PnlRecommendation order[] = {
    PNL_RECOMMENDATION_STRONG_NO,
    PNL_RECOMMENDATION_NO,
    PNL_RECOMMENDATION_YES,
    PNL_RECOMMENDATION_STRONG_YES,
  };
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (i > 0)
        g_string_append (str, nicks ? " " : ", ");

      if (nicks)
        g_string_append_printf (str, "%s:%u",
                                pnl_recommendation_to_string (order[i]),
                                counts[order[i]]);
      else
        /* Translators: a recommendation, then how many interviews give it */
        g_string_append_printf (str, _("%s: %u"),
                                pnl_recommendation_get_title (order[i]),
                                counts[order[i]]);
    }

  return g_string_free (str, FALSE);
}

/* Something was recorded about the question. */
static gboolean
answer_is_recorded (PnlAnswer *answer)
{
  return pnl_answer_get_asked (answer) ||
         pnl_answer_get_score (answer) > 0 ||
         pnl_answer_get_flags (answer) != PNL_ANSWER_FLAGS_NONE ||
         !pnl_str_is_blank (pnl_answer_get_notes (answer));
}

static const char *
answer_area_id (PnlAnswer *answer)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  const char *id = question != NULL ? pnl_question_get_area_id (question) : NULL;

  return id != NULL ? id : "";
}

static const char *
answer_prompt (PnlAnswer *answer)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  const char *prompt = question != NULL ? pnl_question_get_prompt (question) : NULL;

  return prompt != NULL ? prompt : "";
}

static const char *
answer_question_id (PnlAnswer *answer)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  const char *id = question != NULL ? pnl_question_get_id (question) : NULL;

  return id != NULL ? id : "";
}

/* The answers of one interview in one area, in order. */
typedef struct
{
  const char *id;
  const char *title;
  GPtrArray  *answers;
  guint       n_scored;
  gint64      sum;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->answers);
  g_free (group);
}

static double
group_mean (Group *group)
{
  return group->n_scored > 0 ? (double) group->sum / group->n_scored : NAN;
}

/* The areas of one interview in order of first appearance. */
static GPtrArray *
group_answers (GListModel *answers)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  guint n = g_list_model_get_n_items (answers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);
      const char *id = answer_area_id (answer);
      Group *group = NULL;

      for (guint j = 0; j < groups->len; j++)
        {
          Group *g = g_ptr_array_index (groups, j);

          if (g_str_equal (g->id, id))
            {
              group = g;
              break;
            }
        }

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->id = id;
          group->title = pnl_answer_get_area_title (answer);
          group->answers = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (groups, group);
        }

      if (pnl_answer_get_score (answer) > 0)
        {
          group->n_scored++;
          group->sum += pnl_answer_get_score (answer);
        }

      g_ptr_array_add (group->answers, g_object_ref (answer));
    }

  return groups;
}

static double
interview_mean (GPtrArray *groups,
                guint     *n_asked,
                guint     *n_questions)
{
  gint64 sum = 0;
  guint n_scored = 0;

  *n_asked = 0;
  *n_questions = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      sum += group->sum;
      n_scored += group->n_scored;
      *n_questions += group->answers->len;

      for (guint j = 0; j < group->answers->len; j++)
        if (pnl_answer_get_asked (g_ptr_array_index (group->answers, j)))
          (*n_asked)++;
    }

  return n_scored > 0 ? (double) sum / n_scored : NAN;
}

/* A label and its value: user text (escaped for each format) or text
 * of our own (dates, figures, titles), which Markdown writes as it is. */
typedef struct
{
  const char *label;
  char       *value;
  gboolean    user;
} Fact;

static void
fact_clear (gpointer data)
{
  g_free (((Fact *) data)->value);
}

static GArray *
facts_new (void)
{
  GArray *facts = g_array_new (FALSE, TRUE, sizeof (Fact));

  g_array_set_clear_func (facts, fact_clear);

  return facts;
}

static void
facts_add (GArray     *facts,
           const char *label,
           char       *value)
{
  Fact fact = { label, value, TRUE };

  g_array_append_val (facts, fact);
}

static void
facts_add_own (GArray     *facts,
               const char *label,
               char       *value)
{
  Fact fact = { label, value, FALSE };

  g_array_append_val (facts, fact);
}

/* @with_candidate: the candidate's lines too (not in the candidate scope,
 * whose header names them once). */
static GArray *
interview_facts (PnlInterview *interview,
                 GPtrArray    *groups,
                 gboolean      with_candidate)
{
  GArray *facts = facts_new ();
  guint n_asked;
  guint n_questions;
  double mean = interview_mean (groups, &n_asked, &n_questions);

  if (with_candidate)
    facts_add (facts, _("Candidate"), candidate_label (interview));
  facts_add (facts, _("Role"), g_strdup (pnl_interview_get_role (interview)));
  facts_add (facts, _("Round"), g_strdup (pnl_interview_get_round (interview)));
  facts_add (facts, _("Interviewer"), g_strdup (pnl_interview_get_interviewer (interview)));
  facts_add_own (facts, _("Date"), format_date (pnl_interview_get_started_at (interview)));
  facts_add_own (facts, _("State"), g_strdup (state_title (pnl_interview_get_state (interview))));
  facts_add_own (facts, _("Recommendation"),
             g_strdup (pnl_recommendation_get_title (pnl_interview_get_recommendation (interview))));
  facts_add_own (facts, _("Mean score"), format_figure (mean));
  facts_add_own (facts, _("Questions asked"),
                 /* Translators: how many questions were asked or scored, of how many */
                 g_strdup_printf (_("%u of %u"), n_asked, n_questions));

  return facts;
}

static GArray *
group_facts (Group *group)
{
  GArray *facts = facts_new ();

  facts_add_own (facts, _("Mean score"), format_figure (group_mean (group)));
  facts_add_own (facts, _("Questions scored"),
             g_strdup_printf (_("%u of %u"), group->n_scored, group->answers->len));

  return facts;
}

static GArray *
answer_facts (PnlInterview *interview,
              PnlAnswer    *answer)
{
  GArray *facts = facts_new ();
  PnlAnswerFlags flags = pnl_answer_get_flags (answer);

  facts_add (facts, _("Score"), score_text (interview, pnl_answer_get_score (answer)));
  if (!pnl_answer_get_asked (answer))
    facts_add_own (facts, _("Asked"), g_strdup (_("No")));
  if (flags != PNL_ANSWER_FLAGS_NONE)
    facts_add_own (facts, _("Flags"), flags_text (flags, FALSE));
  if (pnl_answer_get_custom (answer))
    facts_add_own (facts, _("Question"), g_strdup (_("Added during the interview")));

  return facts;
}

/* A table of plain text (escaped by each format). */
typedef struct
{
  guint      n_columns;
  /* char *, row by row, the header first */
  GPtrArray *cells;
  /* Columns holding figures (aligned to the right) */
  guint64    numeric;
  /* Columns holding user text (the header row always is) */
  guint64    user;
} Table;

static Table *
table_new (guint n_columns)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->cells = g_ptr_array_new_with_free_func (g_free);

  return table;
}

static void
table_free (Table *table)
{
  g_ptr_array_unref (table->cells);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static void
table_add (Table *table,
           char  *cell)
{
  g_ptr_array_add (table->cells, cell);
}

static void
table_set_numeric (Table *table,
                   guint  column)
{
  if (column < 64)
    table->numeric |= G_GUINT64_CONSTANT (1) << column;
}

static void
table_set_user (Table *table,
                guint  column)
{
  if (column < 64)
    table->user |= G_GUINT64_CONSTANT (1) << column;
}

static gboolean
table_is_user (Table *table,
               guint  row,
               guint  column)
{
  return row == 0 || column >= 64 || (table->user & (G_GUINT64_CONSTANT (1) << column)) != 0;
}

static gboolean
table_is_numeric (Table *table,
                  guint  column)
{
  return column < 64 && (table->numeric & (G_GUINT64_CONSTANT (1) << column)) != 0;
}

static guint
table_get_n_rows (Table *table)
{
  return table->cells->len / table->n_columns;
}

static const char *
table_get (Table *table,
           guint  row,
           guint  column)
{
  return g_ptr_array_index (table->cells, row * table->n_columns + column);
}

/* The interviews of one candidate, one a row. */
static Table *
candidate_table (GPtrArray *items)
{
  Table *table = table_new (6);

  table_add (table, g_strdup (_("Round")));
  table_add (table, g_strdup (_("Interviewer")));
  table_add (table, g_strdup (_("Date")));
  table_add (table, g_strdup (_("State")));
  table_add (table, g_strdup (_("Recommendation")));
  table_add (table, g_strdup (_("Mean score")));
  table_set_numeric (table, 5);
  table_set_user (table, 0);
  table_set_user (table, 1);

  for (guint i = 0; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) groups = group_answers (pnl_scorecard_get_answers (item));
      guint n_asked;
      guint n_questions;
      double mean = interview_mean (groups, &n_asked, &n_questions);

      table_add (table, g_strdup (pnl_interview_get_round (pnl_scorecard_get_interview (item))));
      table_add (table, g_strdup (pnl_interview_get_interviewer (pnl_scorecard_get_interview (item))));
      table_add (table, format_date (pnl_interview_get_started_at (pnl_scorecard_get_interview (item))));
      table_add (table, g_strdup (state_title (pnl_interview_get_state (pnl_scorecard_get_interview (item)))));
      table_add (table, g_strdup (pnl_recommendation_get_title (pnl_interview_get_recommendation (pnl_scorecard_get_interview (item)))));
      table_add (table, format_figure (mean));
    }

  return table;
}

static char *
comparison_candidate_label (PnlComparison *comparison,
                            guint          candidate)
{
  const char *name = pnl_comparison_get_candidate_name (comparison, candidate);
  const char *reference = pnl_comparison_get_candidate_reference (comparison, candidate);

  if (pnl_str_is_blank (reference))
    return g_strdup (name);

  return g_strdup_printf (_("%s (%s)"), name, reference);
}

static guint *
comparison_tally (PnlComparison *comparison,
                  guint          candidate,
                  guint         *counts)
{
  for (guint rec = PNL_RECOMMENDATION_NONE; rec <= PNL_RECOMMENDATION_STRONG_YES; rec++)
    counts[rec] = pnl_comparison_get_n_recommendations (comparison, candidate, rec);

  return counts;
}

/* Candidates × areas, for Markdown and HTML: "2.50 (2)" is the score and
 * how many interviewers scored the area. */
static Table *
role_table (PnlComparison *comparison)
{
  guint n_areas = pnl_comparison_get_n_areas (comparison);
  guint n_candidates = pnl_comparison_get_n_candidates (comparison);
  Table *table = table_new (4 + n_areas);

  table_add (table, g_strdup (_("Candidate")));
  table_add (table, g_strdup (_("Interviews")));
  table_add (table, g_strdup (_("Recommendations")));
  table_add (table, g_strdup (_("Mean score")));
  table_set_numeric (table, 1);
  table_set_numeric (table, 3);
  table_set_user (table, 0);

  for (guint a = 0; a < n_areas; a++)
    {
      table_add (table, g_strdup (pnl_comparison_get_area_title (comparison, a)));
      table_set_numeric (table, 4 + a);
    }

  for (guint c = 0; c < n_candidates; c++)
    {
      guint counts[PNL_RECOMMENDATION_STRONG_YES + 1];

      table_add (table, comparison_candidate_label (comparison, c));

      /* Hidden: every figure empty; the reason follows the table. */
      if (pnl_comparison_is_hidden (comparison, c))
        {
          for (guint col = 1; col < 4 + n_areas; col++)
            table_add (table, g_strdup (""));
          continue;
        }

      table_add (table, g_strdup_printf ("%u", pnl_comparison_get_n_interviews (comparison, c)));
      table_add (table, tally_text (comparison_tally (comparison, c, counts), FALSE));
      table_add (table, format_figure (pnl_comparison_get_mean (comparison, c)));

      for (guint a = 0; a < n_areas; a++)
        {
          double score = pnl_comparison_get_area_score (comparison, c, a);

          if (isnan (score))
            table_add (table, g_strdup (NO_VALUE));
          else
            {
              g_autofree char *number = format_number (score);

              /* Translators: an area's score, then how many interviewers scored it */
              table_add (table, g_strdup_printf (_("%s (%u)"), number,
                                                 pnl_comparison_get_area_n_interviewers (comparison, c, a)));
            }
        }
    }

  return table;
}

static void
candidate_summary (GPtrArray  *items,
                   guint      *counts,
                   char      **roles)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GString *str = g_string_new (NULL);

  memset (counts, 0, sizeof (guint) * (PNL_RECOMMENDATION_STRONG_YES + 1));

  for (guint i = 0; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);
      PnlRecommendation rec = pnl_interview_get_recommendation (pnl_scorecard_get_interview (item));
      const char *role = pnl_interview_get_role (pnl_scorecard_get_interview (item));

      if ((guint) rec <= PNL_RECOMMENDATION_STRONG_YES)
        counts[rec]++;

      if (!g_ptr_array_find_with_equal_func (seen, role, g_str_equal, NULL))
        {
          if (seen->len > 0)
            g_string_append (str, ", ");
          g_string_append (str, role);
          g_ptr_array_add (seen, (gpointer) role);
        }
    }

  *roles = g_string_free (str, FALSE);
}

/* Markdown */

/* @line_start: @text opens a line, where "1." would start a list. */
static void
md_escape (GString    *out,
           const char *text,
           gboolean    line_start)
{
  g_autofree char *to_free = NULL;
  const char *p = valid_text (text, &to_free);
  gsize start = out->len;
  const char *digits;

  while (*p == ' ' || *p == '\t')
    p++;

  /* "1." or "1)" at the start would open an ordered list. */
  digits = p;
  while (g_ascii_isdigit (*digits))
    digits++;
  if (line_start && digits != p && (*digits == '.' || *digits == ')'))
    {
      g_string_append_len (out, p, digits - p);
      g_string_append_c (out, '\\');
      p = digits;
    }

  for (; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '{': case '}':
        case '[': case ']': case '<': case '>': case '#': case '+':
        case '-': case '!': case '|': case '~': case '&': case '=':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;

        case '\r':
        case '\n':
          /* One line only: a line break is a space. */
          if (out->len > start && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          break;

        default:
          g_string_append_c (out, *p);
        }
    }

  while (out->len > start && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
}

/* Multi-line user text as a block quote: each line escaped on its own,
 * lines of one paragraph joined by hard breaks ("\" at the end), runs of
 * empty lines made one. */
/* Multi-line user text as a block quote: each line escaped on its own,
 * lines of one paragraph joined by hard breaks ("\" at the end), runs of
 * empty lines made one.  CRLF, CR and LF all end a line. */
static void
md_quote (GString    *out,
          const char *text)
{
  g_autofree char *to_free = NULL;
  g_autofree char *line = NULL;
  gboolean in_paragraph = FALSE;
  gboolean pending_break = FALSE;
  const char *p;

  p = valid_text (text, &to_free);

  while (*p != '\0')
    {
      gsize len = strcspn (p, "\r\n");

      g_free (line);
      line = g_strndup (p, len);
      p += len;
      if (p[0] == '\r' && p[1] == '\n')
        p += 2;
      else if (*p != '\0')
        p++;

      if (pnl_str_is_blank (line))
        {
          pending_break = in_paragraph;
          continue;
        }

      if (pending_break)
        {
          g_string_append (out, "\n>\n");
          pending_break = FALSE;
        }
      else if (in_paragraph)
        {
          g_string_append (out, "\\\n");
        }

      g_string_append (out, "> ");
      md_escape (out, line, TRUE);
      in_paragraph = TRUE;
    }

  if (in_paragraph)
    g_string_append (out, "\n\n");
}

static void
md_heading (GString    *out,
            guint       level,
            const char *text,
            gboolean    user)
{
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');

  if (user)
    md_escape (out, text, FALSE);
  else
    g_string_append (out, text);

  g_string_append (out, "\n\n");
}

static void
md_facts (GString *out,
          GArray  *facts)
{
  for (guint i = 0; i < facts->len; i++)
    {
      const Fact *fact = &g_array_index (facts, Fact, i);

      g_string_append_printf (out, "- **%s:** ", fact->label);
      if (pnl_str_is_blank (fact->value))
        g_string_append (out, NO_VALUE);
      else if (fact->user)
        md_escape (out, fact->value, FALSE);
      else
        g_string_append (out, fact->value);
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
}

static void
md_table (GString *out,
          Table   *table)
{
  guint n_rows = table_get_n_rows (table);

  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append_c (out, '|');

      for (guint col = 0; col < table->n_columns; col++)
        {
          const char *cell = table_get (table, row, col);

          g_string_append_c (out, ' ');
          if (pnl_str_is_blank (cell))
            g_string_append (out, NO_VALUE);
          else if (table_is_user (table, row, col))
            md_escape (out, cell, FALSE);
          else
            g_string_append (out, cell);
          g_string_append (out, " |");
        }

      g_string_append_c (out, '\n');

      if (row == 0)
        {
          g_string_append_c (out, '|');
          for (guint col = 0; col < table->n_columns; col++)
            g_string_append (out, table_is_numeric (table, col) ? " ---: |" : " --- |");
          g_string_append_c (out, '\n');
        }
    }

  g_string_append_c (out, '\n');
}

/* One interview; its areas are headings of @level + 1. */
static void
md_interview_body (GString       *out,
                   PnlScorecard *item,
                   GPtrArray     *groups,
                   guint          level)
{
  g_autoptr(GPtrArray) not_asked = g_ptr_array_new ();

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      g_autoptr(GArray) facts = group_facts (group);
      guint n_shown = 0;

      md_heading (out, level + 1, group->title, TRUE);
      md_facts (out, facts);

      for (guint j = 0; j < group->answers->len; j++)
        {
          PnlAnswer *answer = g_ptr_array_index (group->answers, j);
          g_autoptr(GArray) answer_fs = NULL;

          if (!answer_is_recorded (answer))
            {
              g_ptr_array_add (not_asked, answer);
              continue;
            }

          answer_fs = answer_facts (pnl_scorecard_get_interview (item), answer);
          md_heading (out, level + 2, answer_prompt (answer), TRUE);
          md_facts (out, answer_fs);
          md_quote (out, pnl_answer_get_notes (answer));
          n_shown++;
        }

      if (n_shown == 0)
        g_string_append_printf (out, "_%s_\n\n", _("No question of this area was asked."));
    }

  if (not_asked->len > 0)
    {
      md_heading (out, level + 1, _("Not asked"), FALSE);

      for (guint i = 0; i < not_asked->len; i++)
        {
          PnlAnswer *answer = g_ptr_array_index (not_asked, i);

          g_string_append (out, "- ");
          md_escape (out, answer_prompt (answer), TRUE);
          g_string_append (out, " (");
          md_escape (out, pnl_answer_get_area_title (answer), FALSE);
          g_string_append (out, ")\n");
        }

      g_string_append_c (out, '\n');
    }

  md_heading (out, level + 1, _("Summary"), FALSE);

  if (pnl_str_is_blank (pnl_interview_get_summary (pnl_scorecard_get_interview (item))))
    g_string_append_printf (out, "_%s_\n\n", _("No summary notes."));
  else
    md_quote (out, pnl_interview_get_summary (pnl_scorecard_get_interview (item)));
}

static void
md_interview (GString       *out,
              PnlScorecard *item)
{
  g_autoptr(GPtrArray) groups = group_answers (pnl_scorecard_get_answers (item));
  g_autoptr(GArray) facts = interview_facts (pnl_scorecard_get_interview (item), groups, TRUE);
  g_autoptr(GString) escaped = g_string_new (NULL);
  g_autofree char *title = NULL;

  md_escape (escaped, pnl_interview_get_candidate_name (pnl_scorecard_get_interview (item)), FALSE);
  /* Translators: the title of one interview's export; %s is the candidate */
  title = g_strdup_printf (_("Scorecard: %s"), escaped->str);
  md_heading (out, 1, title, FALSE);

  md_facts (out, facts);
  md_interview_body (out, item, groups, 1);
}

/* @left_out: independent scoring left the other interviewers'
 * scorecards out of @items (PnlVisibility): say so after the table. */
static void
md_candidate (GString   *out,
              GPtrArray *items,
              gboolean   left_out)
{
  PnlScorecard *first = g_ptr_array_index (items, 0);
  g_autoptr(GArray) facts = facts_new ();
  g_autoptr(Table) table = candidate_table (items);
  guint counts[PNL_RECOMMENDATION_STRONG_YES + 1];
  char *roles;

  candidate_summary (items, counts, &roles);

  md_heading (out, 1, pnl_interview_get_candidate_name (pnl_scorecard_get_interview (first)), TRUE);

  facts_add (facts, _("Reference"), g_strdup (pnl_interview_get_candidate_reference (pnl_scorecard_get_interview (first))));
  facts_add (facts, _("Role"), roles);
  facts_add_own (facts, _("Interviews"), g_strdup_printf ("%u", items->len));
  facts_add_own (facts, _("Recommendations"), tally_text (counts, FALSE));
  md_facts (out, facts);
  md_table (out, table);

  if (left_out)
    {
      g_string_append_c (out, '_');
      md_escape (out, pnl_visibility_get_left_out_reason (), FALSE);
      g_string_append (out, "_\n\n");
    }

  for (guint i = 0; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) groups = group_answers (pnl_scorecard_get_answers (item));
      g_autoptr(GArray) item_facts = interview_facts (pnl_scorecard_get_interview (item), groups, FALSE);
      g_autofree char *heading = NULL;

      /* Translators: a heading: the first interview of three, and so on */
      heading = g_strdup_printf (_("Interview %u of %u"), i + 1, items->len);
      md_heading (out, 2, heading, FALSE);
      md_facts (out, item_facts);
      md_interview_body (out, item, groups, 2);
    }
}

static void
md_role (GString       *out,
         const char    *role,
         PnlComparison *comparison)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  g_autofree char *title = NULL;

  md_escape (escaped, role, FALSE);
  /* Translators: the title of a role comparison; %s is the role */
  title = g_strdup_printf (_("Role comparison: %s"), escaped->str);
  md_heading (out, 1, title, FALSE);

  if (pnl_comparison_get_n_candidates (comparison) == 0)
    {
      g_string_append_printf (out, "_%s_\n", _("No candidate for this role has a submitted scorecard."));
      return;
    }

  g_string_append_printf (out, "%s\n\n",
                          _("From submitted scorecards only. An area’s score is the mean of "
                            "each interviewer’s own mean in it; in brackets, how many "
                            "interviewers scored it."));

  {
    g_autoptr(Table) table = role_table (comparison);

    md_table (out, table);
  }

  for (guint c = 0; c < pnl_comparison_get_n_candidates (comparison); c++)
    {
      g_autofree char *label = NULL;

      if (!pnl_comparison_is_hidden (comparison, c))
        continue;

      label = comparison_candidate_label (comparison, c);
      g_string_append (out, "- ");
      md_escape (out, label, FALSE);
      g_string_append_printf (out, ": %s\n", pnl_comparison_get_hidden_reason (comparison, c));
    }
}

/* HTML */

static const char html_style[] =
  "    :root { color-scheme: light; }\n"
  "    body {\n"
  "      margin: 2rem auto; padding: 0 1rem; max-width: 52rem;\n"
  "      font: 11pt/1.45 Cantarell, \"Noto Sans\", system-ui, sans-serif;\n"
  "      color: #1e1e1e; background: #ffffff;\n"
  "    }\n"
  "    h1 { font-size: 1.6rem; margin-bottom: 0.5rem; }\n"
  "    h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #c0bfbc; }\n"
  "    h3 { font-size: 1.1rem; margin-top: 1.5rem; }\n"
  "    h4, h5 { font-size: 1rem; margin-top: 1.2rem; }\n"
  "    dl.facts {\n"
  "      display: grid; grid-template-columns: max-content 1fr;\n"
  "      gap: 0.15rem 1rem; margin: 0.5rem 0;\n"
  "    }\n"
  "    dl.facts dt { font-weight: bold; }\n"
  "    dl.facts dd { margin: 0; }\n"
  "    .notes {\n"
  "      white-space: pre-wrap; overflow-wrap: anywhere;\n"
  "      border-inline-start: 3px solid #c0bfbc; padding-inline-start: 0.75rem;\n"
  "    }\n"
  "    .empty { color: #5e5c64; font-style: italic; }\n"
  "    table { border-collapse: collapse; width: 100%; margin: 1rem 0; }\n"
  "    th, td { border: 1px solid #c0bfbc; padding: 0.25rem 0.5rem;\n"
  "             text-align: start; vertical-align: top; }\n"
  "    thead th { background: #f6f5f4; }\n"
  "    .number { text-align: end; font-variant-numeric: tabular-nums; }\n"
  "    @media print {\n"
  "      body { margin: 0; max-width: none; font-size: 10pt; }\n"
  "      section.interview + section.interview { break-before: page; }\n"
  "      article, tr, dl.facts { break-inside: avoid; }\n"
  "      h1, h2, h3, h4, h5 { break-after: avoid; }\n"
  "      thead { display: table-header-group; }\n"
  "      thead th { background: none; }\n"
  "    }\n";

static void
html_escape (GString    *out,
             const char *text)
{
  g_autofree char *to_free = NULL;
  g_autofree char *escaped = NULL;

  text = valid_text (text, &to_free);
  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

static void
html_open (GString    *out,
           const char *title)
{
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language code of this translation, as in an HTML
   * lang attribute: exported documents are marked with it */
  html_escape (out, C_("html-lang", "en"));
  g_string_append (out, "\">\n<head>\n"
                        "  <meta charset=\"utf-8\">\n"
                        "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "  <meta name=\"generator\" content=\"Panelist\">\n"
                        "  <title>");
  html_escape (out, title);
  g_string_append (out, "</title>\n  <style>\n");
  g_string_append (out, html_style);
  g_string_append (out, "  </style>\n</head>\n<body>\n");
}

static void
html_close (GString *out)
{
  g_string_append (out, "</body>\n</html>\n");
}

static void
html_heading (GString    *out,
              guint       level,
              const char *text,
              gboolean    user)
{
  level = CLAMP (level, 1, 6);

  /* User text may be right-to-left: let the browser tell. */
  g_string_append_printf (out, user ? "<h%u dir=\"auto\">" : "<h%u>", level);
  html_escape (out, text);
  g_string_append_printf (out, "</h%u>\n", level);
}

static void
html_facts (GString *out,
            GArray  *facts)
{
  g_string_append (out, "<dl class=\"facts\">\n");

  for (guint i = 0; i < facts->len; i++)
    {
      const Fact *fact = &g_array_index (facts, Fact, i);

      g_string_append (out, "  <dt>");
      html_escape (out, fact->label);
      g_string_append (out, "</dt><dd dir=\"auto\">");
      html_escape (out, pnl_str_is_blank (fact->value) ? NO_VALUE : fact->value);
      g_string_append (out, "</dd>\n");
    }

  g_string_append (out, "</dl>\n");
}

static void
html_notes (GString    *out,
            const char *text)
{
  g_autofree char *copy = NULL;

  if (pnl_str_is_blank (text))
    return;

  copy = g_strstrip (g_strdup (text));
  g_string_append (out, "<p class=\"notes\" dir=\"auto\">");
  html_escape (out, copy);
  g_string_append (out, "</p>\n");
}

static void
html_empty (GString    *out,
            const char *text)
{
  g_string_append (out, "<p class=\"empty\">");
  html_escape (out, text);
  g_string_append (out, "</p>\n");
}

/* The first column of a row is its header when @row_headers. */
static void
html_table (GString  *out,
            Table    *table,
            gboolean  row_headers)
{
  guint n_rows = table_get_n_rows (table);

  g_string_append (out, "<table>\n<thead>\n<tr>");

  for (guint col = 0; col < table->n_columns; col++)
    {
      g_string_append (out, table_is_numeric (table, col)
                              ? "<th scope=\"col\" class=\"number\" dir=\"auto\">"
                              : "<th scope=\"col\" dir=\"auto\">");
      html_escape (out, table_get (table, 0, col));
      g_string_append (out, "</th>");
    }

  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");

  for (guint row = 1; row < n_rows; row++)
    {
      g_string_append (out, "<tr>");

      for (guint col = 0; col < table->n_columns; col++)
        {
          const char *cell = table_get (table, row, col);
          const char *tag = (row_headers && col == 0) ? "th" : "td";

          if (row_headers && col == 0)
            g_string_append (out, "<th scope=\"row\" dir=\"auto\">");
          else if (table_is_numeric (table, col))
            g_string_append (out, "<td class=\"number\">");
          else
            g_string_append (out, "<td dir=\"auto\">");

          html_escape (out, pnl_str_is_blank (cell) ? NO_VALUE : cell);
          g_string_append_printf (out, "</%s>", tag);
        }

      g_string_append (out, "</tr>\n");
    }

  g_string_append (out, "</tbody>\n</table>\n");
}

static void
html_interview_body (GString       *out,
                     PnlScorecard *item,
                     GPtrArray     *groups,
                     guint          level)
{
  g_autoptr(GPtrArray) not_asked = g_ptr_array_new ();

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      g_autoptr(GArray) facts = group_facts (group);
      guint n_shown = 0;

      g_string_append (out, "<section class=\"area\">\n");
      html_heading (out, level + 1, group->title, TRUE);
      html_facts (out, facts);

      for (guint j = 0; j < group->answers->len; j++)
        {
          PnlAnswer *answer = g_ptr_array_index (group->answers, j);
          g_autoptr(GArray) answer_fs = NULL;

          if (!answer_is_recorded (answer))
            {
              g_ptr_array_add (not_asked, answer);
              continue;
            }

          answer_fs = answer_facts (pnl_scorecard_get_interview (item), answer);
          g_string_append (out, "<article class=\"question\">\n");
          html_heading (out, level + 2, answer_prompt (answer), TRUE);
          html_facts (out, answer_fs);
          html_notes (out, pnl_answer_get_notes (answer));
          g_string_append (out, "</article>\n");
          n_shown++;
        }

      if (n_shown == 0)
        html_empty (out, _("No question of this area was asked."));

      g_string_append (out, "</section>\n");
    }

  if (not_asked->len > 0)
    {
      g_string_append (out, "<section class=\"not-asked\">\n");
      html_heading (out, level + 1, _("Not asked"), FALSE);
      g_string_append (out, "<ul>\n");

      for (guint i = 0; i < not_asked->len; i++)
        {
          PnlAnswer *answer = g_ptr_array_index (not_asked, i);

          g_string_append (out, "  <li><bdi>");
          html_escape (out, answer_prompt (answer));
          g_string_append (out, "</bdi> (<bdi>");
          html_escape (out, pnl_answer_get_area_title (answer));
          g_string_append (out, "</bdi>)</li>\n");
        }

      g_string_append (out, "</ul>\n</section>\n");
    }

  g_string_append (out, "<section class=\"summary\">\n");
  html_heading (out, level + 1, _("Summary"), FALSE);

  if (pnl_str_is_blank (pnl_interview_get_summary (pnl_scorecard_get_interview (item))))
    html_empty (out, _("No summary notes."));
  else
    html_notes (out, pnl_interview_get_summary (pnl_scorecard_get_interview (item)));

  g_string_append (out, "</section>\n");
}

static void
html_interview (GString       *out,
                PnlScorecard *item)
{
  g_autoptr(GPtrArray) groups = group_answers (pnl_scorecard_get_answers (item));
  g_autoptr(GArray) facts = interview_facts (pnl_scorecard_get_interview (item), groups, TRUE);
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("Scorecard: %s"), pnl_interview_get_candidate_name (pnl_scorecard_get_interview (item)));

  html_open (out, title);
  g_string_append (out, "<header>\n");
  html_heading (out, 1, title, TRUE);
  html_facts (out, facts);
  g_string_append (out, "</header>\n<main>\n");
  html_interview_body (out, item, groups, 1);
  g_string_append (out, "</main>\n");
  html_close (out);
}

static void
html_candidate (GString   *out,
                GPtrArray *items,
                gboolean   left_out)
{
  PnlScorecard *first = g_ptr_array_index (items, 0);
  const char *name = pnl_interview_get_candidate_name (pnl_scorecard_get_interview (first));
  g_autoptr(GArray) facts = facts_new ();
  g_autoptr(Table) table = candidate_table (items);
  guint counts[PNL_RECOMMENDATION_STRONG_YES + 1];
  char *roles;

  candidate_summary (items, counts, &roles);

  facts_add (facts, _("Reference"), g_strdup (pnl_interview_get_candidate_reference (pnl_scorecard_get_interview (first))));
  facts_add (facts, _("Role"), roles);
  facts_add_own (facts, _("Interviews"), g_strdup_printf ("%u", items->len));
  facts_add_own (facts, _("Recommendations"), tally_text (counts, FALSE));

  html_open (out, name);
  g_string_append (out, "<header>\n");
  html_heading (out, 1, name, TRUE);
  html_facts (out, facts);
  html_table (out, table, FALSE);
  if (left_out)
    html_empty (out, pnl_visibility_get_left_out_reason ());
  g_string_append (out, "</header>\n<main>\n");

  for (guint i = 0; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) groups = group_answers (pnl_scorecard_get_answers (item));
      g_autoptr(GArray) item_facts = interview_facts (pnl_scorecard_get_interview (item), groups, FALSE);
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (_("Interview %u of %u"), i + 1, items->len);
      g_string_append (out, "<section class=\"interview\">\n");
      html_heading (out, 2, heading, FALSE);
      html_facts (out, item_facts);
      html_interview_body (out, item, groups, 2);
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "</main>\n");
  html_close (out);
}

static void
html_role (GString       *out,
           const char    *role,
           PnlComparison *comparison)
{
  /* Translators: the title of a role comparison; %s is the role */
  g_autofree char *title = g_strdup_printf (_("Role comparison: %s"), role);

  html_open (out, title);
  g_string_append (out, "<header>\n");
  html_heading (out, 1, title, TRUE);
  g_string_append (out, "</header>\n<main>\n");

  if (pnl_comparison_get_n_candidates (comparison) == 0)
    {
      html_empty (out, _("No candidate for this role has a submitted scorecard."));
    }
  else
    {
      g_autoptr(Table) table = role_table (comparison);

      g_string_append (out, "<p>");
      html_escape (out, _("From submitted scorecards only. An area’s score is the mean of "
                          "each interviewer’s own mean in it; in brackets, how many "
                          "interviewers scored it."));
      g_string_append (out, "</p>\n");
      html_table (out, table, TRUE);

      for (guint c = 0; c < pnl_comparison_get_n_candidates (comparison); c++)
        {
          g_autofree char *label = NULL;

          if (!pnl_comparison_is_hidden (comparison, c))
            continue;

          label = comparison_candidate_label (comparison, c);
          g_string_append (out, "<p class=\"empty\"><span dir=\"auto\">");
          html_escape (out, label);
          g_string_append (out, "</span>: ");
          html_escape (out, pnl_comparison_get_hidden_reason (comparison, c));
          g_string_append (out, "</p>\n");
        }
    }

  g_string_append (out, "</main>\n");
  html_close (out);
}

/* CSV (RFC 4180) */

/* One field.  Against formula injection: a spreadsheet runs a cell that
 * starts with = + - @ (and, in some, tab or CR) as a formula, so such a
 * cell gets a leading ' that makes it text; only then is it quoted if it
 * holds a comma, a quote, CR or LF, with quotes doubled.  Applied to every
 * cell: the figures we write ourselves never start with one of those. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    first)
{
  g_autofree char *to_free = NULL;
  gboolean quote;

  text = valid_text (text, &to_free);

  if (!first)
    g_string_append_c (out, ',');

  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');

  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

static void
csv_end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

static const char * const csv_answer_columns[] = {
  "interview_uuid", "candidate", "candidate_reference", "role", "round",
  "interviewer", "date", "state", "recommendation", "area_id", "area",
  "question_id", "prompt", "asked", "score", "score_label", "flags", "notes",
};

static void
csv_answers (GString   *out,
             GPtrArray *items)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_answer_columns); i++)
    csv_field (out, csv_answer_columns[i], i == 0);
  csv_end_row (out);

  for (guint i = 0; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);
      PnlInterview *interview = pnl_scorecard_get_interview (item);
      PnlScale *scale = pnl_interview_get_scale (interview);
      g_autofree char *date = format_date (pnl_interview_get_started_at (interview));
      guint n = g_list_model_get_n_items (pnl_scorecard_get_answers (item));

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(PnlAnswer) answer = g_list_model_get_item (pnl_scorecard_get_answers (item), j);
          g_autofree char *score = NULL;
          g_autofree char *flags = flags_text (pnl_answer_get_flags (answer), TRUE);
          const char *label = "";
          int value = pnl_answer_get_score (answer);
          int position;

          if (value > 0)
            {
              score = g_strdup_printf ("%d", value);
              if (scale != NULL && (position = pnl_scale_find (scale, value)) >= 0)
                label = pnl_scale_get_label (scale, position);
            }

          csv_field (out, pnl_interview_get_uuid (interview), TRUE);
          csv_field (out, pnl_interview_get_candidate_name (interview), FALSE);
          csv_field (out, pnl_interview_get_candidate_reference (interview), FALSE);
          csv_field (out, pnl_interview_get_role (interview), FALSE);
          csv_field (out, pnl_interview_get_round (interview), FALSE);
          csv_field (out, pnl_interview_get_interviewer (interview), FALSE);
          csv_field (out, date, FALSE);
          csv_field (out, pnl_interview_state_to_string (pnl_interview_get_state (interview)), FALSE);
          csv_field (out, pnl_recommendation_to_string (pnl_interview_get_recommendation (interview)), FALSE);
          csv_field (out, answer_area_id (answer), FALSE);
          csv_field (out, pnl_answer_get_area_title (answer), FALSE);
          csv_field (out, answer_question_id (answer), FALSE);
          csv_field (out, answer_prompt (answer), FALSE);
          csv_field (out, pnl_answer_get_asked (answer) ? "yes" : "no", FALSE);
          csv_field (out, score, FALSE);
          csv_field (out, label, FALSE);
          csv_field (out, flags, FALSE);
          csv_field (out, pnl_answer_get_notes (answer), FALSE);
          csv_end_row (out);
        }
    }
}

static void
csv_role (GString       *out,
          PnlComparison *comparison)
{
  guint n_areas = pnl_comparison_get_n_areas (comparison);
  guint n_candidates = pnl_comparison_get_n_candidates (comparison);

  csv_field (out, "candidate", TRUE);
  csv_field (out, "interviews", FALSE);
  csv_field (out, "recommendations", FALSE);
  csv_field (out, "mean", FALSE);
  for (guint a = 0; a < n_areas; a++)
    csv_field (out, pnl_comparison_get_area_title (comparison, a), FALSE);
  csv_end_row (out);

  for (guint c = 0; c < n_candidates; c++)
    {
      g_autofree char *label = comparison_candidate_label (comparison, c);
      g_autofree char *n_interviews = g_strdup_printf ("%u", pnl_comparison_get_n_interviews (comparison, c));
      g_autofree char *tally = NULL;
      g_autofree char *mean = format_number (pnl_comparison_get_mean (comparison, c));
      guint counts[PNL_RECOMMENDATION_STRONG_YES + 1];

      tally = tally_text (comparison_tally (comparison, c, counts), TRUE);

      csv_field (out, label, TRUE);

      /* Hidden: every figure empty. */
      if (pnl_comparison_is_hidden (comparison, c))
        {
          for (guint col = 1; col < 4 + n_areas; col++)
            csv_field (out, "", FALSE);
          csv_end_row (out);
          continue;
        }

      csv_field (out, n_interviews, FALSE);
      csv_field (out, tally, FALSE);
      csv_field (out, mean, FALSE);

      for (guint a = 0; a < n_areas; a++)
        {
          g_autofree char *score = format_number (pnl_comparison_get_area_score (comparison, c, a));

          csv_field (out, score, FALSE);
        }

      csv_end_row (out);
    }
}

/* Writing */

static gboolean
check_items (PnlExportScope   scope,
             GPtrArray       *items,
             GError         **error)
{
  PnlScorecard *first;

  if (items->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Nothing to export"));
      return FALSE;
    }

  first = g_ptr_array_index (items, 0);

  if (scope == PNL_EXPORT_SCOPE_INTERVIEW && items->len != 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("An interview export takes exactly one interview"));
      return FALSE;
    }

  for (guint i = 1; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);

      if (scope == PNL_EXPORT_SCOPE_CANDIDATE &&
          !same_candidate (pnl_scorecard_get_interview (first), pnl_scorecard_get_interview (item)))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("A candidate export takes the interviews of one candidate"));
          return FALSE;
        }

      if (scope == PNL_EXPORT_SCOPE_ROLE &&
          g_strcmp0 (pnl_interview_get_role (pnl_scorecard_get_interview (first)),
                     pnl_interview_get_role (pnl_scorecard_get_interview (item))) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("A role comparison takes the interviews of one role"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * pnl_export_to_string:
 * @format: the format to write
 * @scope: what @items cover
 * @items: (element-type PnlScorecard): the interviews
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the document, or %NULL and @error set
 */
/* JSON is the scorecard format: one scorecard, or a bundle.  A role
 * comparison carries the submitted scorecards only, as its other
 * formats do.  @visibility: what the local interviewer may see; the
 * other interviewers' scorecards of a hidden candidate are left out. */
static char *
write_json (PnlExportScope   scope,
            GPtrArray       *items,
            PnlVisibility   *visibility,
            GError         **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);
      PnlInterview *interview = pnl_scorecard_get_interview (item);

      if (scope == PNL_EXPORT_SCOPE_ROLE &&
          pnl_interview_get_state (interview) != PNL_INTERVIEW_STATE_SUBMITTED)
        continue;

      if (!pnl_visibility_can_see_interview (visibility, interview))
        continue;

      g_ptr_array_add (cards, pnl_scorecard_new (interview, pnl_scorecard_get_answers (item)));
    }

  if (scope == PNL_EXPORT_SCOPE_INTERVIEW)
    return pnl_scorecard_to_string (g_ptr_array_index (cards, 0), error);

  return pnl_scorecard_write_many (cards, error);
}

char *
pnl_export_to_string (PnlExportFormat   format,
                      PnlExportScope    scope,
                      GPtrArray        *items,
                      GError          **error)
{
  return pnl_export_to_string_for (format, scope, items, NULL, error);
}

/**
 * pnl_export_to_string_for:
 * @format: the format to write
 * @scope: what @items cover
 * @items: (element-type PnlScorecard): the interviews
 * @local_interviewer: (nullable): the local interviewer's name, for
 *   independent scoring (PnlVisibility) in the CANDIDATE and ROLE scopes
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the document, or %NULL and @error set
 */
char *
pnl_export_to_string_for (PnlExportFormat   format,
                          PnlExportScope    scope,
                          GPtrArray        *items,
                          const char       *local_interviewer,
                          GError          **error)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(PnlComparison) comparison = NULL;
  g_autoptr(PnlVisibility) visibility = NULL;
  g_autoptr(GString) out = NULL;
  gboolean left_out = FALSE;
  const char *role;

  g_return_val_if_fail (items != NULL, NULL);

  if (format != PNL_EXPORT_FORMAT_JSON &&
      format != PNL_EXPORT_FORMAT_MARKDOWN &&
      format != PNL_EXPORT_FORMAT_HTML &&
      format != PNL_EXPORT_FORMAT_CSV)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Unknown export format"));
      return NULL;
    }

  if (scope != PNL_EXPORT_SCOPE_INTERVIEW &&
      scope != PNL_EXPORT_SCOPE_CANDIDATE &&
      scope != PNL_EXPORT_SCOPE_ROLE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Unknown export scope"));
      return NULL;
    }

  if (!check_items (scope, items, error))
    return NULL;

  sorted = g_ptr_array_copy (items, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (sorted, g_object_unref);
  if (scope != PNL_EXPORT_SCOPE_INTERVIEW)
    pnl_export_sort_items (sorted);

  role = pnl_interview_get_role (pnl_scorecard_get_interview (g_ptr_array_index (sorted, 0)));
  if (scope == PNL_EXPORT_SCOPE_ROLE)
    {
      comparison = pnl_comparison_new_for_items (role, sorted);
      pnl_comparison_set_local_interviewer (comparison, local_interviewer);
      visibility = g_object_ref (pnl_comparison_get_visibility (comparison));
    }
  else
    {
      visibility = pnl_visibility_new (local_interviewer);
      pnl_visibility_note_items (visibility, sorted);
    }

  /* Independent scoring: of a candidate whom the local interviewer is
   * still interviewing, their own scorecards only. */
  if (scope == PNL_EXPORT_SCOPE_CANDIDATE)
    {
      PnlInterview *first = pnl_scorecard_get_interview (g_ptr_array_index (sorted, 0));
      GPtrArray *visible = pnl_visibility_filter_items (visibility, sorted);

      left_out = pnl_visibility_is_candidate_hidden (visibility,
                                                     pnl_interview_get_candidate_name (first),
                                                     pnl_interview_get_candidate_reference (first));
      g_ptr_array_unref (sorted);
      sorted = visible;
    }

  if (format == PNL_EXPORT_FORMAT_JSON)
    return write_json (scope, sorted, visibility, error);

  out = g_string_new (NULL);

  if (format == PNL_EXPORT_FORMAT_MARKDOWN)
    {
      if (scope == PNL_EXPORT_SCOPE_INTERVIEW)
        md_interview (out, g_ptr_array_index (sorted, 0));
      else if (scope == PNL_EXPORT_SCOPE_CANDIDATE)
        md_candidate (out, sorted, left_out);
      else
        md_role (out, role, comparison);

      /* One final line break, never a blank line. */
      while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
        g_string_truncate (out, out->len - 1);
    }
  else if (format == PNL_EXPORT_FORMAT_HTML)
    {
      if (scope == PNL_EXPORT_SCOPE_INTERVIEW)
        html_interview (out, g_ptr_array_index (sorted, 0));
      else if (scope == PNL_EXPORT_SCOPE_CANDIDATE)
        html_candidate (out, sorted, left_out);
      else
        html_role (out, role, comparison);
    }
  else
    {
      if (scope == PNL_EXPORT_SCOPE_ROLE)
        csv_role (out, comparison);
      else
        csv_answers (out, sorted);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
