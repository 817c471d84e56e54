/* test-export.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-comparison.h"
#include "pnl-export.h"
#include "pnl-scorecard.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-store.h"

/* Golden files live in tests/data/golden/.  To write them again after a
 * deliberate change, run the test with PANELIST_UPDATE_GOLDEN=1 (it
 * writes into the source tree) and read the diff before keeping it. */

/* Hostile text everywhere a person types: markup, entities, formulas,
 * quotes, commas, line breaks, right-to-left text and emoji. */
#define NAME_ZOE    "Zoë \"Zed\" Ångström <script>alert(1)</script>"
#define REF_ZOE     "+1 ATS"
#define ROLE        "Backend, developer & <co>"
#define ROUND_ONE   "=HYPERLINK(\"http://evil.example\",\"x\")"
#define PRIYA       "@Priya"
#define SAM         "Sam O'Neil"
#define SUMMARY_ONE "Hire.\n\n-2 on pace\n# not a heading\n1. not a list\tend &amp; מועמד מצוין 👍\n"
#define NOTES_API   "Line one *bold* _em_\n    indented, not code\n\n\n| a | b |\n" \
                    "=cmd|' /C calc'!A0\n`tick` [link](http://x.example) <img src=x onerror=alert(1)>\\"
#define NOTES_SQL   "\tleading tab\r\nCRLF line, \"quoted\", comma"
#define NOTES_OPS   "שלום עולם — right-to-left 🎉"
#define PROMPT_OPS  "-2 things? @ops"
#define AREA_DESIGN "<i>Design</i>"
#define AREA_DATA   "Data & Storage"

static PnlScale *
make_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  PnlScale *scale;

  node = json_from_string ("[ { \"value\": 1, \"label\": \"Strong no\", \"meaning\": \"Far below\" },"
                           "  { \"value\": 2, \"label\": \"No\", \"meaning\": \"Below\" },"
                           "  { \"value\": 3, \"label\": \"Yes\", \"meaning\": \"At the bar\" },"
                           "  { \"value\": 4, \"label\": \"Strong <yes>\", \"meaning\": \"Above\" } ]",
                           &error);
  g_assert_no_error (error);

  scale = pnl_scale_new_from_json (node, &error);
  g_assert_no_error (error);

  return scale;
}

typedef struct
{
  const char     *question_id;
  const char     *area_id;
  const char     *area_title;
  const char     *prompt;
  gboolean        custom;
  gboolean        asked;
  int             score;
  PnlAnswerFlags  flags;
  const char     *notes;
} AnswerSpec;

/* The bank's five questions, then what an interview may add. */
static const AnswerSpec bank_questions[] = {
  { "design.api", "design", AREA_DESIGN, "Design an API for {orders}.", FALSE, FALSE, 0, 0, "" },
  { "design.cache", "design", AREA_DESIGN, "Where would you cache? Why?", FALSE, FALSE, 0, 0, "" },
  { "data.sql", "data", AREA_DATA, "Explain a join | and a union.", FALSE, FALSE, 0, 0, "" },
  { "data.index", "data", AREA_DATA, "When is an index slow?", FALSE, FALSE, 0, 0, "" },
  { "people.conflict", "people", "People", "Tell us about a disagreement.", FALSE, FALSE, 0, 0, "" },
};

static PnlScorecard *
make_item_in (const char        *role,
              const char        *uuid,
              const char        *candidate,
              const char        *reference,
              const char        *round,
              const char        *interviewer,
              GDateTime         *started_at,
              PnlInterviewState  state,
              PnlRecommendation  rec,
              const char        *summary,
              const AnswerSpec  *changes,
              guint              n_changes)
{
  g_autoptr(PnlScale) scale = make_scale ();
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListStore) answers = g_list_store_new (PNL_TYPE_ANSWER);
  g_autoptr(GPtrArray) specs = g_ptr_array_new ();

  interview = g_object_new (PNL_TYPE_INTERVIEW,
                            "uuid", uuid,
                            "candidate-name", candidate,
                            "candidate-reference", reference,
                            "role", role,
                            "bank-id", "test-bank",
                            "round", round,
                            "interviewer", interviewer,
                            "scale", scale,
                            "started-at", started_at,
                            "updated-at", started_at,
                            "state", state,
                            "recommendation", rec,
                            "summary", summary,
                            NULL);

  /* Each bank question, as changed by @changes; then the custom ones. */
  for (guint i = 0; i < G_N_ELEMENTS (bank_questions); i++)
    {
      const AnswerSpec *spec = &bank_questions[i];

      for (guint j = 0; j < n_changes; j++)
        if (g_str_equal (changes[j].question_id, spec->question_id))
          spec = &changes[j];

      g_ptr_array_add (specs, (gpointer) spec);
    }

  for (guint j = 0; j < n_changes; j++)
    if (changes[j].custom)
      g_ptr_array_add (specs, (gpointer) &changes[j]);

  for (guint i = 0; i < specs->len; i++)
    {
      const AnswerSpec *spec = g_ptr_array_index (specs, i);
      g_autoptr(PnlQuestion) question = pnl_question_new_custom (spec->question_id,
                                                                 spec->area_id,
                                                                 spec->prompt);
      g_autoptr(PnlAnswer) answer = NULL;

      answer = g_object_new (PNL_TYPE_ANSWER,
                             "position", i,
                             "question", question,
                             "area-title", spec->area_title,
                             "custom", spec->custom,
                             "asked", spec->asked,
                             "score", spec->score,
                             "flags", spec->flags,
                             "notes", spec->notes,
                             NULL);
      g_list_store_append (answers, answer);
    }

  return pnl_scorecard_new (interview, G_LIST_MODEL (answers));
}

static PnlScorecard *
make_item (const char        *uuid,
           const char        *candidate,
           const char        *reference,
           const char        *round,
           const char        *interviewer,
           GDateTime         *started_at,
           PnlInterviewState  state,
           PnlRecommendation  rec,
           const char        *summary,
           const AnswerSpec  *changes,
           guint              n_changes)
{
  return make_item_in (ROLE, uuid, candidate, reference, round, interviewer, started_at,
                       state, rec, summary, changes, n_changes);
}

/* Control characters in every field a person or an import fills: ESC
 * (a terminal colour, then CSI), BEL, DEL, NEL (U+0085) and CSI
 * (U+009B).  No export but JSON may carry them raw. */
#define CONTROLS(text) text " \x1b" "[31mred\x1b" "[0m \x07" "bell \x7f" "del \xc2\x85" "nel \xc2\x9b" "2J end"

static PnlScorecard *
make_controls_item (void)
{
  static const AnswerSpec changes[] = {
    { "design.api", "design", CONTROLS ("Design"), CONTROLS ("Design an API."), FALSE, TRUE, 3,
      PNL_ANSWER_FLAGS_FOLLOW_UP, CONTROLS ("Notes\nsecond line\twith a tab") },
    { "ops.custom", "ops", CONTROLS ("Operations"), CONTROLS ("Custom question?"), TRUE, TRUE, 2, 0,
      CONTROLS ("Custom notes") },
  };
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 7, 9, 0, 0);

  return make_item_in (CONTROLS ("Role"), "55555555-5555-4555-8555-555555555555",
                       CONTROLS ("Candidate"), CONTROLS ("Ref"), CONTROLS ("Round"),
                       CONTROLS ("Interviewer"), at,
                       PNL_INTERVIEW_STATE_SUBMITTED, PNL_RECOMMENDATION_YES,
                       CONTROLS ("Summary\nof the recommendation"),
                       changes, G_N_ELEMENTS (changes));
}

typedef struct
{
  /* Zoë by Priya (submitted), Zoë by Sam (submitted), Bo (submitted),
   * Cy (in progress: never in a role comparison) */
  PnlScorecard *zoe_one;
  PnlScorecard *zoe_two;
  PnlScorecard *bo;
  PnlScorecard *cy;
  /* Zoë by Lin, in progress: Lin, local, is still interviewing her */
  PnlScorecard *zoe_mine;
  /* Control characters everywhere (submitted) */
  PnlScorecard *controls;
} Fixture;

#define LIN         "Lin"
#define NOTES_MINE  "Lin's own <b>notes</b> so far"

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const AnswerSpec zoe_one[] = {
    { "design.api", "design", AREA_DESIGN, "Design an API for {orders}.", FALSE, TRUE, 3,
      PNL_ANSWER_FLAGS_FOLLOW_UP | PNL_ANSWER_FLAGS_HIGHLIGHT, NOTES_API },
    { "design.cache", "design", AREA_DESIGN, "Where would you cache? Why?", FALSE, TRUE, 0,
      PNL_ANSWER_FLAGS_RED_FLAG, "" },
    { "data.sql", "data", AREA_DATA, "Explain a join | and a union.", FALSE, TRUE, 4, 0, NOTES_SQL },
    { "ops.custom", "ops", "Operations", PROMPT_OPS, TRUE, TRUE, 2, 0, NOTES_OPS },
  };
  static const AnswerSpec zoe_two[] = {
    { "design.api", "design", AREA_DESIGN, "Design an API for {orders}.", FALSE, TRUE, 2, 0, "Fine." },
    { "data.sql", "data", AREA_DATA, "Explain a join | and a union.", FALSE, TRUE, 1, 0, "Mixed them up." },
    { "people.conflict", "people", "People", "Tell us about a disagreement.", FALSE, TRUE, 4, 0,
      "Owned the outcome." },
  };
  static const AnswerSpec bo[] = {
    { "design.api", "design", AREA_DESIGN, "Design an API for {orders}.", FALSE, TRUE, 1, 0, "" },
    { "data.sql", "data", AREA_DATA, "Explain a join | and a union.", FALSE, TRUE, 2, 0, "" },
  };
  static const AnswerSpec cy[] = {
    { "design.api", "design", AREA_DESIGN, "Design an API for {orders}.", FALSE, TRUE, 4, 0, "" },
  };
  static const AnswerSpec zoe_mine[] = {
    { "design.cache", "design", AREA_DESIGN, "Where would you cache? Why?", FALSE, TRUE, 3, 0, NOTES_MINE },
  };
  /* 01:30 at +02:00 is still the 2nd in UTC: the date must say so. */
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) zoe_one_at = g_date_time_new (plus_two, 2026, 3, 3, 1, 30, 0);
  g_autoptr(GDateTime) zoe_two_at = g_date_time_new_utc (2026, 3, 4, 14, 0, 0);
  g_autoptr(GDateTime) bo_at = g_date_time_new_utc (2026, 3, 5, 10, 0, 0);
  g_autoptr(GDateTime) cy_at = g_date_time_new_utc (2026, 3, 6, 10, 0, 0);
  g_autoptr(GDateTime) zoe_mine_at = g_date_time_new_utc (2026, 3, 7, 9, 0, 0);

  f->zoe_one = make_item ("11111111-1111-4111-8111-111111111111", NAME_ZOE, REF_ZOE,
                          ROUND_ONE, PRIYA, zoe_one_at,
                          PNL_INTERVIEW_STATE_SUBMITTED, PNL_RECOMMENDATION_STRONG_YES,
                          SUMMARY_ONE, zoe_one, G_N_ELEMENTS (zoe_one));
  f->zoe_two = make_item ("22222222-2222-4222-8222-222222222222", NAME_ZOE, REF_ZOE,
                          "Technical 2", SAM, zoe_two_at,
                          PNL_INTERVIEW_STATE_SUBMITTED, PNL_RECOMMENDATION_NO,
                          "", zoe_two, G_N_ELEMENTS (zoe_two));
  f->bo = make_item ("33333333-3333-4333-8333-333333333333", "Bo Berg", "",
                     "Technical 1", PRIYA, bo_at,
                     PNL_INTERVIEW_STATE_SUBMITTED, PNL_RECOMMENDATION_NONE,
                     "Short.", bo, G_N_ELEMENTS (bo));
  f->cy = make_item ("44444444-4444-4444-8444-444444444444", "Cy Chen", "",
                     "Technical 1", SAM, cy_at,
                     PNL_INTERVIEW_STATE_IN_PROGRESS, PNL_RECOMMENDATION_NONE,
                     "", cy, G_N_ELEMENTS (cy));
  f->zoe_mine = make_item ("66666666-6666-4666-8666-666666666666", NAME_ZOE, REF_ZOE,
                           "Technical 3", LIN, zoe_mine_at,
                           PNL_INTERVIEW_STATE_IN_PROGRESS, PNL_RECOMMENDATION_NONE,
                           "", zoe_mine, G_N_ELEMENTS (zoe_mine));
  f->controls = make_controls_item ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->zoe_one, g_object_unref);
  g_clear_pointer (&f->zoe_two, g_object_unref);
  g_clear_pointer (&f->bo, g_object_unref);
  g_clear_pointer (&f->cy, g_object_unref);
  g_clear_pointer (&f->zoe_mine, g_object_unref);
  g_clear_pointer (&f->controls, g_object_unref);
}

static GPtrArray *
items_for (Fixture        *f,
           PnlExportScope  scope)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  /* Out of order on purpose: the export sorts. */
  if (scope == PNL_EXPORT_SCOPE_INTERVIEW)
    {
      g_ptr_array_add (items, g_object_ref (f->zoe_one));
    }
  else if (scope == PNL_EXPORT_SCOPE_CANDIDATE)
    {
      g_ptr_array_add (items, g_object_ref (f->zoe_two));
      g_ptr_array_add (items, g_object_ref (f->zoe_one));
    }
  else
    {
      g_ptr_array_add (items, g_object_ref (f->cy));
      g_ptr_array_add (items, g_object_ref (f->zoe_two));
      g_ptr_array_add (items, g_object_ref (f->bo));
      g_ptr_array_add (items, g_object_ref (f->zoe_one));
    }

  return items;
}

/* With @local, for them: the candidate's items then include their own
 * interview in progress (Lin's of Zoë). */
static char *
export_for (Fixture         *f,
            PnlExportFormat  format,
            PnlExportScope   scope,
            const char      *local)
{
  g_autoptr(GPtrArray) items = items_for (f, scope);
  g_autoptr(GError) error = NULL;
  char *text;

  if (local != NULL && scope == PNL_EXPORT_SCOPE_CANDIDATE)
    g_ptr_array_add (items, g_object_ref (f->zoe_mine));

  text = pnl_export_to_string_for (format, scope, items, local, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  return text;
}

static char *
export (Fixture         *f,
        PnlExportFormat  format,
        PnlExportScope   scope)
{
  return export_for (f, format, scope, NULL);
}

/* Golden files */

typedef struct
{
  const char      *file;
  PnlExportFormat  format;
  PnlExportScope   scope;
  gboolean         controls;   /* the scorecard with control characters */
} Golden;

static const Golden goldens[] = {
  { "interview.md", PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_INTERVIEW },
  { "interview.html", PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_INTERVIEW },
  { "interview.csv", PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_INTERVIEW },
  { "candidate.md", PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_CANDIDATE },
  { "candidate.html", PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_CANDIDATE },
  { "candidate.csv", PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_CANDIDATE },
  { "role.md", PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_ROLE },
  { "role.html", PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_ROLE },
  { "role.csv", PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE },
  { "controls.md", PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_INTERVIEW, TRUE },
  { "controls.html", PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_INTERVIEW, TRUE },
  { "controls.csv", PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_INTERVIEW, TRUE },
  { "controls-role.md", PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_ROLE, TRUE },
  { "controls-role.html", PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_ROLE, TRUE },
  { "controls-role.csv", PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, TRUE },
};

/* The candidate as Lin, still interviewing Zoë, may see her. */
static const Golden hidden_goldens[] = {
  { "candidate-hidden.md", PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_CANDIDATE },
  { "candidate-hidden.html", PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_CANDIDATE },
  { "candidate-hidden.csv", PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_CANDIDATE },
};
/* No raw control character but tab, CR and LF; no C1 either. */
static void
assert_no_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f))
        g_error ("a raw U+%04X at byte %" G_GSIZE_FORMAT, c, (gsize) (p - text));
    }
}

static void
test_golden (Fixture       *f,
             gconstpointer  data)
{
  const Golden *golden = data;
  gboolean hidden = golden >= hidden_goldens && golden < hidden_goldens + G_N_ELEMENTS (hidden_goldens);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "golden", golden->file, NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (golden->controls)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (items, g_object_ref (f->controls));
      text = pnl_export_to_string (golden->format, golden->scope, items, &error);
      g_assert_no_error (error);
    }
  else
    {
      text = export_for (f, golden->format, golden->scope, hidden ? LIN : NULL);
    }
  assert_no_controls (text);

  if (g_getenv ("PANELIST_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

/* CSV */

/* A strict RFC 4180 reader: every record ends in CRLF, a bare CR or LF
 * outside quotes fails, a quote inside an unquoted field fails. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          p++;

          for (;;)
            {
              g_assert_true (*p != '\0');
              if (p[0] == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (p[0] == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  g_string_append_c (field, *p++);
                }
            }

          g_assert_true (*p == ',' || *p == '\r');
        }
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
          g_ptr_array_set_free_func (fields, g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_assert_cmpint (*p, !=, '"');
          g_string_append_c (field, *p++);
        }
    }

  /* The last record ends in CRLF too. */
  g_assert_cmpuint (fields->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);

  return records;
}

static guint
column (GPtrArray  *records,
        const char *name)
{
  char **header = g_ptr_array_index (records, 0);

  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;

  g_assert_not_reached ();
}

static void
test_csv_answers (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = export (f, PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_CANDIDATE);
  g_autoptr(GPtrArray) records = parse_csv (text);
  guint n_columns = g_strv_length (g_ptr_array_index (records, 0));
  char **row;

  /* A header, then each of 6 + 5 answers. */
  g_assert_cmpuint (records->len, ==, 1 + 6 + 5);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, i)), ==, n_columns);

  /* Zoë's first interview (the earlier) comes first, whatever the input order. */
  row = g_ptr_array_index (records, 1);
  g_assert_cmpstr (row[column (records, "interview_uuid")], ==, "11111111-1111-4111-8111-111111111111");
  g_assert_cmpstr (row[column (records, "candidate")], ==, NAME_ZOE);
  /* Formulas neutralised, then quoted as needed. */
  g_assert_cmpstr (row[column (records, "candidate_reference")], ==, "'" REF_ZOE);
  g_assert_cmpstr (row[column (records, "round")], ==, "'" ROUND_ONE);
  g_assert_cmpstr (row[column (records, "interviewer")], ==, "'" PRIYA);
  g_assert_cmpstr (row[column (records, "role")], ==, ROLE);
  g_assert_cmpstr (row[column (records, "date")], ==, "2026-03-02");
  g_assert_cmpstr (row[column (records, "state")], ==, "submitted");
  g_assert_cmpstr (row[column (records, "recommendation")], ==, "strong-yes");
  g_assert_cmpstr (row[column (records, "area")], ==, AREA_DESIGN);
  g_assert_cmpstr (row[column (records, "score")], ==, "3");
  g_assert_cmpstr (row[column (records, "score_label")], ==, "Yes");
  g_assert_cmpstr (row[column (records, "flags")], ==, "follow-up highlight");
  g_assert_cmpstr (row[column (records, "notes")], ==, NOTES_API);

  row = g_ptr_array_index (records, 3);
  g_assert_cmpstr (row[column (records, "question_id")], ==, "data.sql");
  g_assert_cmpstr (row[column (records, "notes")], ==, "'" NOTES_SQL);

  row = g_ptr_array_index (records, 4);
  g_assert_cmpstr (row[column (records, "asked")], ==, "no");
  g_assert_cmpstr (row[column (records, "score")], ==, "");

  row = g_ptr_array_index (records, 6);
  g_assert_cmpstr (row[column (records, "prompt")], ==, "'" PROMPT_OPS);
  g_assert_cmpstr (row[column (records, "notes")], ==, NOTES_OPS);

  row = g_ptr_array_index (records, 7);
  g_assert_cmpstr (row[column (records, "interviewer")], ==, SAM);
}

static void
test_csv_role (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = export (f, PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE);
  g_autoptr(GPtrArray) records = parse_csv (text);
  const char * const header[] = {
    "candidate", "interviews", "recommendations", "mean",
    AREA_DESIGN, AREA_DATA, "People", "Operations", NULL
  };
  /* Bo: Priya only: design 1, data 2 -> mean 1.50.
   * Zoë: Priya design 3 (the cache question is unscored), data 4, ops 2 -> 3.0;
   *      Sam design 2, data 1, people 4 -> 7 / 3;
   *      design (3 + 2) / 2 = 2.50, data (4 + 1) / 2 = 2.50, people 4.00,
   *      ops 2.00, mean (3 + 7/3) / 2 = 2.666... -> 2.67.
   * Cy: in progress only, no row. */
  const char * const bo[] = {
    "Bo Berg", "1", "strong-no:0 no:0 yes:0 strong-yes:0", "1.50", "1.00", "2.00", "", "", NULL
  };
  const char * const zoe[] = {
    NAME_ZOE " (" REF_ZOE ")", "2", "strong-no:0 no:1 yes:0 strong-yes:1", "2.67",
    "2.50", "2.50", "4.00", "2.00", NULL
  };

  g_autoptr(GPtrArray) items = items_for (f, PNL_EXPORT_SCOPE_ROLE);
  g_autoptr(PnlComparison) comparison = NULL;

  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstrv ((const char * const *) g_ptr_array_index (records, 0), header);
  g_assert_cmpstrv ((const char * const *) g_ptr_array_index (records, 1), bo);
  g_assert_cmpstrv ((const char * const *) g_ptr_array_index (records, 2), zoe);
  g_assert_null (strstr (text, "Cy Chen"));

  /* The compare view shows the comparison's figures: the same numbers. */
  comparison = pnl_comparison_new_for_items (pnl_interview_get_role (pnl_scorecard_get_interview (f->bo)),
                                             items);
  for (guint row = 1; row < records->len; row++)
    {
      const char * const *record = g_ptr_array_index (records, row);
      guint candidate = row == 1 ? (guint) pnl_comparison_find_candidate (comparison, "Bo Berg", "")
                                 : (guint) pnl_comparison_find_candidate (comparison, NAME_ZOE, REF_ZOE);
      g_autofree char *mean = g_strdup_printf ("%.2f", pnl_comparison_get_mean (comparison, candidate));

      g_assert_cmpuint (candidate, <, pnl_comparison_get_n_candidates (comparison));
      g_assert_cmpstr (record[3], ==, mean);
      for (guint area = 0; area < pnl_comparison_get_n_areas (comparison); area++)
        {
          double score = pnl_comparison_get_area_score (comparison, candidate, area);
          g_autofree char *cell = isnan (score) ? g_strdup ("") : g_strdup_printf ("%.2f", score);

          g_assert_cmpstr (pnl_comparison_get_area_title (comparison, area), ==, header[4 + area]);
          g_assert_cmpstr (record[4 + area], ==, cell);
        }
    }
}

static void
test_csv_injection (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *notes;
    const char *expected;
  } cases[] = {
    { "=1+1", "'=1+1" },
    { "+1", "'+1" },
    { "-2", "'-2" },
    { "@x", "'@x" },
    { "\tx", "'\tx" },
    { "\rx", "\"'\rx\"" },
    { "=a,b", "\"'=a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "x=1", "x=1" },
    { " =1", " =1" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const AnswerSpec change[] = {
        { "design.api", "design", "Design", "Prompt", FALSE, TRUE, 0, 0, cases[i].notes },
      };
      g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
      g_autoptr(PnlScorecard) item = make_item ("u", "N", "", "R", "I", at,
                                                 PNL_INTERVIEW_STATE_SUBMITTED,
                                                 PNL_RECOMMENDATION_YES, "", change, 1);
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *row_end = NULL;
      const char *row;

      g_ptr_array_add (items, item);
      text = pnl_export_to_string (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_INTERVIEW, items, &error);
      g_assert_no_error (error);

      /* The first answer's row ends with its notes. */
      row = strstr (text, "\r\nu,");
      g_assert_nonnull (row);
      row_end = g_strdup_printf (",%s\r\nu,", cases[i].expected);
      g_assert_nonnull (strstr (row + 2, row_end));
    }
}

/* HTML */

static void
test_html_escaped (Fixture       *f,
                   gconstpointer  data)
{
  for (PnlExportScope scope = PNL_EXPORT_SCOPE_INTERVIEW; scope <= PNL_EXPORT_SCOPE_ROLE; scope++)
    {
      g_autofree char *text = export (f, PNL_EXPORT_FORMAT_HTML, scope);

      g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>\n<html lang=\"en\">\n"));
      g_assert_nonnull (strstr (text, "<meta charset=\"utf-8\">"));
      g_assert_nonnull (strstr (text, "@media print"));
      g_assert_true (g_str_has_suffix (text, "</html>\n"));

      /* Nothing typed becomes markup. */
      g_assert_null (strstr (text, "<script"));
      g_assert_null (strstr (text, "<img"));
      g_assert_null (strstr (text, "<i>"));
      g_assert_null (strstr (text, "<co>"));
      g_assert_null (strstr (text, "<yes>"));
      g_assert_nonnull (strstr (text, "&lt;script&gt;alert(1)&lt;/script&gt;"));
      g_assert_nonnull (strstr (text, "Backend, developer &amp; &lt;co&gt;"));
      g_assert_nonnull (strstr (text, "&lt;i&gt;Design&lt;/i&gt;"));

      /* Standalone: nothing fetched from anywhere. */
      g_assert_null (strstr (text, "<link"));
      g_assert_null (strstr (text, "<script"));
      g_assert_null (strstr (text, " src=\""));
      g_assert_null (strstr (text, " href=\""));
      g_assert_null (strstr (text, "url("));
      g_assert_null (strstr (text, "@import"));
    }

  {
    g_autofree char *text = export (f, PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_INTERVIEW);

    g_assert_nonnull (strstr (text, "&lt;img src=x onerror=alert(1)&gt;"));
    /* An entity typed stays as typed. */
    g_assert_nonnull (strstr (text, "&amp;amp;"));
    g_assert_nonnull (strstr (text, "<p class=\"notes\" dir=\"auto\">" NOTES_OPS "</p>"));
    g_assert_nonnull (strstr (text, "3 – Yes"));
    g_assert_nonnull (strstr (text, "Strong yes"));
  }
}

/* Markdown */

static void
test_markdown_escaped (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = export (f, PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_INTERVIEW);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      /* Only our own headings, lists and quotes open a line. */
      g_assert_false (g_str_has_prefix (line, "    "));
      g_assert_false (g_str_has_prefix (line, "\t"));
      g_assert_false (g_str_has_prefix (line, "|"));
      g_assert_false (g_str_has_prefix (line, "1."));
      g_assert_false (g_str_has_prefix (line, "> #"));
      g_assert_false (g_str_has_prefix (line, "> -"));
      g_assert_false (g_str_has_prefix (line, "> 1."));
      g_assert_false (g_str_has_prefix (line, "> ="));
      g_assert_false (g_str_has_prefix (line, "> |"));
      g_assert_false (g_str_has_prefix (line, "> >"));
      if (g_str_has_prefix (line, "#"))
        g_assert_true (g_str_has_prefix (line, "# ") || g_str_has_prefix (line, "## ") ||
                       g_str_has_prefix (line, "### "));
      g_assert_null (strchr (line, '\r'));
    }

  /* We write no HTML, link or code span: every one there is typed, and escaped. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<' || *p == '[' || *p == '`' || *p == '&')
        g_assert_cmpint (p[-1], ==, '\\');
    }
  g_assert_nonnull (strstr (text, "\\<script\\>alert(1)\\</script\\>"));
  g_assert_nonnull (strstr (text, "> \\# not a heading\\\n"));
  g_assert_nonnull (strstr (text, "> 1\\. not a list"));
  g_assert_nonnull (strstr (text, "\\&amp;"));
  g_assert_nonnull (strstr (text, "\\*bold\\* \\_em\\_"));
  /* A typed backslash at the end of a line is not a hard break. */
  g_assert_nonnull (strstr (text, "onerror\\=alert(1)\\>\\\\\n"));
  g_assert_nonnull (strstr (text, "# Scorecard: Zoë \"Zed\" Ångström \\<script\\>"));
}

/* A 1 MB note: escaped in every format, at a sane size, quickly. */
static void
test_large_note (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) notes = g_string_new ("=");
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(PnlScorecard) item = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  AnswerSpec change[] = {
    { "design.api", "design", "Design", "Prompt", FALSE, TRUE, 3, 0, NULL },
  };
  gint64 start = g_get_monotonic_time ();

  while (notes->len < 1024 * 1024)
    g_string_append (notes, "<b>\"a\", b & c</b>\n# d\n");
  change[0].notes = notes->str;

  item = make_item ("u", "N", "", "R", "I", at, PNL_INTERVIEW_STATE_SUBMITTED,
                    PNL_RECOMMENDATION_YES, "", change, 1);
  g_ptr_array_add (items, item);

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *html = pnl_export_to_string (PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_INTERVIEW,
                                                  items, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (strlen (html), >, notes->len);
    g_assert_cmpuint (strlen (html), <, 3 * notes->len);
    g_assert_null (strstr (html, "<b>"));
    g_assert_nonnull (strstr (html, "&lt;b&gt;&quot;a&quot;, b &amp; c&lt;/b&gt;\n# d\n"));
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *md = pnl_export_to_string (PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_INTERVIEW,
                                                items, &error);
    g_auto(GStrv) lines = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (strlen (md), >, notes->len);
    g_assert_cmpuint (strlen (md), <, 3 * notes->len);
    lines = g_strsplit (md, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      g_assert_false (g_str_has_prefix (lines[i], "> #") || g_str_has_prefix (lines[i], "> <"));
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *csv = pnl_export_to_string (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_INTERVIEW,
                                                 items, &error);
    g_autoptr(GPtrArray) records = NULL;
    char **row;

    g_assert_no_error (error);
    records = parse_csv (csv);
    row = g_ptr_array_index (records, 1);
    g_assert_cmpstr (row[column (records, "notes")] + 1, ==, notes->str);
    g_assert_cmpint (row[column (records, "notes")][0], ==, '\'');
  }

  /* Generous: it takes well under a second. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

/* Role */

static void
test_role_submitted_only (Fixture       *f,
                          gconstpointer  data)
{
  for (PnlExportFormat format = PNL_EXPORT_FORMAT_MARKDOWN; format <= PNL_EXPORT_FORMAT_CSV; format++)
    {
      g_autofree char *text = export (f, format, PNL_EXPORT_SCOPE_ROLE);

      g_assert_null (strstr (text, "Cy Chen"));
      g_assert_nonnull (strstr (text, "Bo Berg"));
    }

  {
    g_autoptr(GPtrArray) items = g_ptr_array_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    g_ptr_array_add (items, f->cy);
    text = pnl_export_to_string (PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_ROLE, items, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (text, "Cy Chen"));
    g_assert_nonnull (strstr (text, "No candidate for this role has a submitted scorecard."));

    g_clear_pointer (&text, g_free);
    text = pnl_export_to_string (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, items, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, "candidate,interviews,recommendations,mean\r\n");
  }
}

static void
test_role_markdown_table (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *text = export (f, PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_ROLE);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_table = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p;
      guint n_pipes = 0;

      if (!g_str_has_prefix (lines[i], "|"))
        continue;

      /* Every row has 4 + 4 cells: 9 unescaped pipes, whatever the text. */
      for (p = lines[i]; *p != '\0'; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '|')
            n_pipes++;
        }

      g_assert_cmpuint (n_pipes, ==, 9);
      n_table++;
    }

  /* Header, rule, Bo, Zoë. */
  g_assert_cmpuint (n_table, ==, 4);
  g_assert_nonnull (strstr (text, "| 2.50 (2) | 2.50 (2) | 4.00 (1) | 2.00 (1) |"));
  g_assert_nonnull (strstr (text, "| 1.00 (1) | 2.00 (1) | — | — |"));
}

/* Independent scoring: Sam, local, is interviewing Bo again (in
 * progress): Bo is hidden from Sam, so Priya's 1.50 for Bo shows nowhere;
 * Zoë, whom Sam already scored, is not hidden. */
static void
test_role_hidden (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 7, 10, 0, 0);
  g_autoptr(PnlScorecard) bo_open = make_item ("55555555-5555-4555-8555-555555555555", "Bo Berg", "",
                                                "Technical 2", SAM, at,
                                                PNL_INTERVIEW_STATE_IN_PROGRESS, PNL_RECOMMENDATION_NONE,
                                                "", NULL, 0);
  g_autoptr(GPtrArray) items = items_for (f, PNL_EXPORT_SCOPE_ROLE);
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  const char *reason = "Hidden until you submit your own scorecard for this candidate.";

  g_ptr_array_add (items, g_object_ref (bo_open));

  /* Nobody local: as pnl_export_to_string(), byte for byte. */
  for (PnlExportFormat format = PNL_EXPORT_FORMAT_MARKDOWN; format <= PNL_EXPORT_FORMAT_JSON; format++)
    {
      g_autofree char *plain = pnl_export_to_string (format, PNL_EXPORT_SCOPE_ROLE, items, &error);
      g_autofree char *nobody = NULL;

      g_assert_no_error (error);
      nobody = pnl_export_to_string_for (format, PNL_EXPORT_SCOPE_ROLE, items, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (plain, ==, nobody);
      if (format != PNL_EXPORT_FORMAT_JSON)
        g_assert_nonnull (strstr (plain, "1.50"));
      g_assert_null (strstr (plain, reason));
    }

  md = pnl_export_to_string_for (PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_ROLE, items, SAM, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (md, "| Bo Berg | — | — | — | — | — | — | — |\n"));
  g_assert_nonnull (strstr (md, "| 2 | Strong no: 0, No: 1, Yes: 0, Strong yes: 1 | 2.67 | 2.50 (2) | 2.50 (2) | 4.00 (1) | 2.00 (1) |\n"));
  g_assert_nonnull (strstr (md, "\n- Bo Berg: Hidden until you submit your own scorecard for this candidate.\n"));
  g_assert_null (strstr (md, "1.50"));

  html = pnl_export_to_string_for (PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_ROLE, items, SAM, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<th scope=\"row\" dir=\"auto\">Bo Berg</th><td class=\"number\">—</td>"));
  g_assert_nonnull (strstr (html, "<p class=\"empty\"><span dir=\"auto\">Bo Berg</span>: "
                                  "Hidden until you submit your own scorecard for this candidate.</p>\n"));
  g_assert_null (strstr (html, "1.50"));

  csv = pnl_export_to_string_for (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, items, SAM, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "\r\nBo Berg,,,,,,,\r\n"));
  g_assert_null (strstr (csv, "1.50"));
  g_assert_nonnull (strstr (csv, ",2.67,"));

  /* JSON: Priya's scorecard for Bo is left out, Zoë's two stay. */
  json = pnl_export_to_string_for (PNL_EXPORT_FORMAT_JSON, PNL_EXPORT_SCOPE_ROLE, items, SAM, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (json, "33333333-3333-4333-8333-333333333333"));
  g_assert_null (strstr (json, "55555555-5555-4555-8555-555555555555"));
  g_assert_nonnull (strstr (json, "11111111-1111-4111-8111-111111111111"));
  g_assert_nonnull (strstr (json, "22222222-2222-4222-8222-222222222222"));
}

/* Independent scoring for one candidate: Lin, local, is still
 * interviewing Zoë, so Priya's and Sam's scorecards of her are left out
 * of every format, names, notes, scores and all; the export says why.
 * Nobody local, or someone who is not interviewing her, sees all. */
static void
test_candidate_hidden (Fixture       *f,
                       gconstpointer  data)
{
  /* What only Priya's and Sam's scorecards of Zoë hold, as each format
   * writes it. */
  static const char *theirs[] = {
    "Priya", "Sam O", "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222",
    "Owned the outcome", "Mixed them up", "indented, not code", "leading tab", "right-to-left",
    "not a heading", "Technical 2", "Hire",
  };
  const char *reason = "left out until you submit your own";

  for (PnlExportFormat format = PNL_EXPORT_FORMAT_MARKDOWN; format <= PNL_EXPORT_FORMAT_JSON; format++)
    {
      g_autofree char *plain = export (f, format, PNL_EXPORT_SCOPE_CANDIDATE);
      g_autofree char *lin = export_for (f, format, PNL_EXPORT_SCOPE_CANDIDATE, LIN);
      g_autofree char *priya = export_for (f, format, PNL_EXPORT_SCOPE_CANDIDATE, PRIYA);

      g_test_message ("format %d", format);
      g_assert_cmpstr (lin, !=, plain);
      g_assert_nonnull (strstr (lin, "Lin"));
      g_assert_nonnull (strstr (lin, "so far"));
      for (guint i = 0; i < G_N_ELEMENTS (theirs); i++)
        {
          g_test_message ("looking for %s", theirs[i]);
          g_assert_null (strstr (lin, theirs[i]));
        }
      g_assert_nonnull (strstr (plain, "Owned the outcome"));
      g_assert_nonnull (strstr (plain, "Priya"));
      g_assert_null (strstr (plain, reason));

      /* Priya has no interview in progress with Zoë: she sees all, Lin's
       * in progress too. */
      g_assert_nonnull (strstr (priya, "Owned the outcome"));
      g_assert_nonnull (strstr (priya, "so far"));
      g_assert_null (strstr (priya, reason));

      if (format == PNL_EXPORT_FORMAT_MARKDOWN || format == PNL_EXPORT_FORMAT_HTML)
        g_assert_nonnull (strstr (lin, reason));
    }

  /* The counts are Lin's own: one interview, no recommendation. */
  {
    g_autofree char *md = export_for (f, PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_CANDIDATE, LIN);
    g_autofree char *json = export_for (f, PNL_EXPORT_FORMAT_JSON, PNL_EXPORT_SCOPE_CANDIDATE, LIN);

    g_assert_nonnull (strstr (md, "- **Interviews:** 1\n"));
    g_assert_nonnull (strstr (md, "Interview 1 of 1"));
    g_assert_nonnull (strstr (json, "66666666-6666-4666-8666-666666666666"));
  }
}

/* Errors and order */

static void
test_json_role (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_submitted = 0;

  g_ptr_array_add (items, f->zoe_one);
  g_ptr_array_add (items, f->zoe_two);
  g_ptr_array_add (items, f->bo);
  for (guint i = 0; i < items->len; i++)
    if (pnl_interview_get_state (pnl_scorecard_get_interview (g_ptr_array_index (items, i))) ==
        PNL_INTERVIEW_STATE_SUBMITTED)
      n_submitted++;

  /* A role comparison in JSON: a bundle of the submitted scorecards, re-importable. */
  text = pnl_export_to_string (PNL_EXPORT_FORMAT_JSON, PNL_EXPORT_SCOPE_ROLE, items, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (text, strlen (text));
  cards = pnl_scorecard_read (bytes, "role.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, n_submitted);
  g_assert_cmpuint (n_submitted, >, 0);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *text;

  /* Nothing */
  text = pnl_export_to_string (PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_ROLE, items, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* JSON is the scorecard format: the same text the scorecard writer gives. */
  g_ptr_array_add (items, f->zoe_one);
  text = pnl_export_to_string (PNL_EXPORT_FORMAT_JSON, PNL_EXPORT_SCOPE_INTERVIEW, items, &error);
  g_assert_no_error (error);
  {
    g_autofree char *expected = pnl_scorecard_write (pnl_scorecard_get_interview (f->zoe_one),
                                                     pnl_scorecard_get_answers (f->zoe_one),
                                                     &error);
    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, expected);
  }
  g_free (text);

  /* Two interviews are not one. */
  g_ptr_array_add (items, f->zoe_two);
  text = pnl_export_to_string (PNL_EXPORT_FORMAT_HTML, PNL_EXPORT_SCOPE_INTERVIEW, items, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Two candidates are not one. */
  g_ptr_array_add (items, f->bo);
  text = pnl_export_to_string (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_CANDIDATE, items, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* but one role */
  text = pnl_export_to_string (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, items, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_free (text);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  for (PnlExportFormat format = PNL_EXPORT_FORMAT_MARKDOWN; format <= PNL_EXPORT_FORMAT_CSV; format++)
    {
      g_autofree char *first = export (f, format, PNL_EXPORT_SCOPE_ROLE);
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *second = NULL;

      g_ptr_array_add (items, f->zoe_one);
      g_ptr_array_add (items, f->bo);
      g_ptr_array_add (items, f->cy);
      g_ptr_array_add (items, f->zoe_two);
      second = pnl_export_to_string (format, PNL_EXPORT_SCOPE_ROLE, items, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (first, ==, second);

      /* The caller's array is left in its order. */
      g_assert_true (g_ptr_array_index (items, 0) == f->zoe_one);
    }
}

static void
test_spellings (Fixture       *f,
                gconstpointer  data)
{
  PnlExportFormat format;
  PnlExportScope scope;

  g_assert_true (pnl_export_format_from_string ("html", &format));
  g_assert_cmpint (format, ==, PNL_EXPORT_FORMAT_HTML);
  g_assert_true (pnl_export_format_from_string ("markdown", &format));
  g_assert_cmpint (format, ==, PNL_EXPORT_FORMAT_MARKDOWN);
  g_assert_false (pnl_export_format_from_string ("md", &format));
  g_assert_false (pnl_export_format_from_string (NULL, &format));
  g_assert_cmpstr (pnl_export_format_to_string (PNL_EXPORT_FORMAT_CSV), ==, "csv");
  g_assert_cmpstr (pnl_export_format_get_extension (PNL_EXPORT_FORMAT_MARKDOWN), ==, "md");
  g_assert_cmpstr (pnl_export_format_get_content_type (PNL_EXPORT_FORMAT_JSON), ==, "application/json");

  g_assert_true (pnl_export_scope_from_string ("role", &scope));
  g_assert_cmpint (scope, ==, PNL_EXPORT_SCOPE_ROLE);
  g_assert_false (pnl_export_scope_from_string ("Role", &scope));
  g_assert_cmpstr (pnl_export_scope_to_string (PNL_EXPORT_SCOPE_CANDIDATE), ==, "candidate");
}

/* Collecting from a real store */

static const char bank_text[] =
  "{\n"
  "  \"format\": \"panelist-bank\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"export-test\",\n"
  "  \"title\": \"Export test\",\n"
  "  \"role\": \"Backend developer\",\n"
  "  \"language\": \"en\",\n"
  "  \"areas\": [\n"
  "    { \"id\": \"design\", \"title\": \"Design\" },\n"
  "    { \"id\": \"data\", \"title\": \"Data\" }\n"
  "  ],\n"
  "  \"questions\": [\n"
  "    { \"id\": \"design.api\", \"area\": \"design\", \"kind\": \"technical\",\n"
  "      \"level\": \"experienced\", \"prompt\": \"Design an API.\", \"minutes\": 5 },\n"
  "    { \"id\": \"data.sql\", \"area\": \"data\", \"kind\": \"technical\",\n"
  "      \"level\": \"entry\", \"prompt\": \"Explain a join.\", \"minutes\": 6 }\n"
  "  ]\n"
  "}\n";

static void
test_collect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (bank_text, strlen (bank_text));
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "panelist", "panelist.db", NULL);
  g_autoptr(PnlBank) bank = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(PnlInterview) one = NULL;
  g_autoptr(PnlInterview) two = NULL;
  g_autoptr(PnlInterview) three = NULL;
  g_autoptr(PnlInterview) four = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  bank = pnl_bank_new_from_bytes (bytes, "export-test.json", &error);
  g_assert_no_error (error);
  store = pnl_store_new (path, &error);
  g_assert_no_error (error);

  one = pnl_store_create_interview (store, "Ada", "ATS-1", "Backend developer", "T1", "Priya", bank, &error);
  g_assert_no_error (error);
  two = pnl_store_create_interview (store, "Ada", "ATS-1", "Backend developer", "T2", "Sam", bank, &error);
  g_assert_no_error (error);
  three = pnl_store_create_interview (store, "Bo", "", "Backend developer", "T1", "Priya", bank, &error);
  g_assert_no_error (error);
  four = pnl_store_create_interview (store, "Bo", "ATS-2", "Frontend developer", "T1", "Sam", bank, &error);
  g_assert_no_error (error);

  /* One interview, with its answers */
  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_INTERVIEW, pnl_interview_get_uuid (two), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (pnl_interview_get_uuid (pnl_scorecard_get_interview (g_ptr_array_index (items, 0))),
                   ==, pnl_interview_get_uuid (two));
  g_assert_cmpuint (g_list_model_get_n_items (pnl_scorecard_get_answers (g_ptr_array_index (items, 0))), ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);

  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_INTERVIEW, "no-such-uuid", &error);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A candidate by name or by reference */
  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_CANDIDATE, "Ada", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);

  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_CANDIDATE, "ATS-2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (pnl_interview_get_role (pnl_scorecard_get_interview (g_ptr_array_index (items, 0))),
                   ==, "Frontend developer");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Two Bos: the name is not enough. */
  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_CANDIDATE, "Bo", &error);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_CANDIDATE, "Nobody", &error);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A role, by candidate then start */
  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_ROLE, "Backend developer", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (pnl_interview_get_candidate_name (pnl_scorecard_get_interview (g_ptr_array_index (items, 0))),
                   ==, "Ada");
  g_assert_cmpstr (pnl_interview_get_candidate_name (pnl_scorecard_get_interview (g_ptr_array_index (items, 2))),
                   ==, "Bo");
  g_clear_pointer (&items, g_ptr_array_unref);

  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_ROLE, "Nobody's role", &error);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);
}

/* JSON escapes DEL and the C1 controls too, so that a terminal showing
 * the file obeys none of them, and reads them back unchanged. */
static void
test_json_controls (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  g_ptr_array_add (items, g_object_ref (f->controls));
  json = pnl_export_to_string (PNL_EXPORT_FORMAT_JSON, PNL_EXPORT_SCOPE_INTERVIEW, items, &error);
  g_assert_no_error (error);
  assert_no_controls (json);
  g_assert_nonnull (strstr (json, "\\u001b[31mred"));
  g_assert_nonnull (strstr (json, "\\u007fdel"));
  g_assert_nonnull (strstr (json, "\\u0085nel"));
  g_assert_nonnull (strstr (json, "\\u009b2J"));

  /* Read back, the same scorecard: the same bytes again. */
  bytes = g_bytes_new (json, strlen (json));
  read = pnl_scorecard_read (bytes, "controls.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);
  again = pnl_export_to_string (PNL_EXPORT_FORMAT_JSON, PNL_EXPORT_SCOPE_INTERVIEW, read, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, json);
  g_assert_cmpstr (pnl_interview_get_candidate_name (pnl_scorecard_get_interview (g_ptr_array_index (read, 0))),
                   ==, CONTROLS ("Candidate"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/export/golden/%s", goldens[i].file);

      g_test_add (path, Fixture, &goldens[i], fixture_set_up, test_golden, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hidden_goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/export/golden/%s", hidden_goldens[i].file);

      g_test_add (path, Fixture, &hidden_goldens[i], fixture_set_up, test_golden, fixture_tear_down);
    }

  ADD ("/core/export/csv/answers", test_csv_answers);
  ADD ("/core/export/csv/role", test_csv_role);
  ADD ("/core/export/csv/injection", test_csv_injection);
  ADD ("/core/export/html/escaped", test_html_escaped);
  ADD ("/core/export/markdown/escaped", test_markdown_escaped);
  ADD ("/core/export/large-note", test_large_note);
  ADD ("/core/export/role/submitted-only", test_role_submitted_only);
  ADD ("/core/export/role/markdown-table", test_role_markdown_table);
  ADD ("/core/export/role/hidden", test_role_hidden);
  ADD ("/core/export/candidate/hidden", test_candidate_hidden);
  ADD ("/core/export/errors", test_errors);
  ADD ("/core/export/json-role", test_json_role);
  ADD ("/core/export/json-controls", test_json_controls);
  ADD ("/core/export/deterministic", test_deterministic);
  ADD ("/core/export/spellings", test_spellings);
  ADD ("/core/export/collect", test_collect);

#undef ADD

  return g_test_run ();
}
