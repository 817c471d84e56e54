/* test-scorecard.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pnl-answer.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-scorecard.h"

/* Everything a person types carries text that breaks naive exporters:
 * markup, spreadsheet formulas, quotes, commas, new lines, tabs,
 * right-to-left script and emoji. */
#define HOSTILE "<b>&amp;</b> =SUM(A1) \"quoted\", 'single'\nline two\ttab مرحبا بالعالم 🚀"

#define UUID "0f8b7c62-3d4e-4a51-9c1a-7e2b5d9f0a13"
#define ORIGIN "5b7e1d2a-9c34-4f6e-8a1b-3d2c4e5f6a7b"

static const char scale_json[] =
  "["
  " { \"value\": 1, \"label\": \"Strong no\", \"meaning\": \"<i>Far</i> below, \\\"really\\\"\" },"
  " { \"value\": 2, \"label\": \"No\", \"meaning\": \"Below the bar, =1+1\" },"
  " { \"value\": 3, \"label\": \"Yes\", \"meaning\": \"At the bar\" },"
  " { \"value\": 4, \"label\": \"Strong yes\", \"meaning\": \"Well above ✨\" }"
  "]";

static const char question_json[] =
  "{ \"id\": \"sql-joins\", \"area\": \"databases\", \"kind\": \"technical\","
  "  \"level\": \"experienced\","
  "  \"prompt\": \"How do an <inner> join & a \\\"left\\\" join differ?\\n=SUM(A1)\","
  "  \"assesses\": \"Relational thinking, 'quoted'\\tand tabbed\","
  "  \"look_fors\": [\"Mentions rows without a match\", \"=HYPERLINK(\\\"http://x\\\")\"],"
  "  \"red_flags\": [\"Confuses joins with unions ⚠️\"],"
  "  \"follow_ups\": [\"مثال؟\"],"
  "  \"minutes\": 5,"
  "  \"anchors\": { \"1\": \"Cannot tell <them> apart\", \"4\": \"Explains with an example\" } }";

static const char second_json[] =
  "{ \"id\": \"conflict\", \"area\": \"collaboration\", \"kind\": \"behavioural\","
  "  \"level\": \"entry\", \"prompt\": \"Tell me about a disagreement.\" }";

static GDateTime *
utc (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);

  return time;
}

static PnlQuestion *
question_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  PnlQuestion *question;

  g_assert_no_error (error);
  question = pnl_question_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);

  return question;
}

/* One submitted interview with fixed times, hostile text in every
 * field a person types, a scored, an unasked and a custom question. */
static PnlScorecard *
make_scorecard (const char *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) scale_node = json_from_string (scale_json, &error);
  g_autoptr(PnlScale) scale = pnl_scale_new_from_json (scale_node, &error);
  g_autoptr(GDateTime) started_at = utc ("2026-11-24T15:30:00Z");
  g_autoptr(GDateTime) ended_at = utc ("2026-11-24T16:08:34Z");
  g_autoptr(PnlQuestion) first = question_from (question_json);
  g_autoptr(PnlQuestion) second = question_from (second_json);
  g_autoptr(PnlQuestion) custom = pnl_question_new_custom ("custom-1", "databases", HOSTILE);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListStore) answers = g_list_store_new (PNL_TYPE_ANSWER);
  g_autoptr(PnlAnswer) a1 = NULL;
  g_autoptr(PnlAnswer) a2 = NULL;
  g_autoptr(PnlAnswer) a3 = NULL;

  g_assert_no_error (error);

  interview = g_object_new (PNL_TYPE_INTERVIEW,
                            "uuid", UUID,
                            "revision", (gint64)3,
                            "candidate-name", "Zoë \"Zed\" O'Brien, <b>&amp;</b>",
                            "candidate-reference", "=SUM(A1)",
                            "role", "Backend developer\tsenior",
                            "round", "Technical 1,\nfollow-up",
                            "interviewer", "ليلى حداد",
                            "origin", ORIGIN,
                            "bank-id", "backend-developer",
                            "bank-revision", 2u,
                            "scale", scale,
                            "started-at", started_at,
                            "updated-at", ended_at,
                            "ended-at", ended_at,
                            "state", PNL_INTERVIEW_STATE_SUBMITTED,
                            "recommendation", PNL_RECOMMENDATION_YES,
                            "summary", "Summary: " HOSTILE,
                            NULL);

  a1 = g_object_new (PNL_TYPE_ANSWER,
                     "position", 0u,
                     "question", first,
                     "area-title", "Databases & <SQL>",
                     "asked", TRUE,
                     "score", 3,
                     "notes", notes,
                     "flags", PNL_ANSWER_FLAGS_FOLLOW_UP | PNL_ANSWER_FLAGS_HIGHLIGHT,
                     "seconds", 312u,
                     NULL);
  a2 = g_object_new (PNL_TYPE_ANSWER,
                     "position", 1u,
                     "question", second,
                     "area-title", "Collaboration",
                     NULL);
  a3 = g_object_new (PNL_TYPE_ANSWER,
                     "position", 2u,
                     "question", custom,
                     "area-title", "Databases & <SQL>",
                     "custom", TRUE,
                     "asked", TRUE,
                     "score", 1,
                     "notes", "=cmd|' /C calc'!A0",
                     "flags", PNL_ANSWER_FLAGS_RED_FLAG,
                     "seconds", 45u,
                     NULL);

  g_list_store_append (answers, a1);
  g_list_store_append (answers, a2);
  g_list_store_append (answers, a3);

  return pnl_scorecard_new (interview, G_LIST_MODEL (answers));
}

static char *
golden_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "golden", "scorecard.json", NULL);
}

static char *
load_golden (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = golden_path ();
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static GPtrArray *
read_text (const char  *text,
           const char  *name,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pnl_scorecard_read (bytes, name, error);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));

  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, to, at + strlen (from));
}

/* The line (from 1) where @needle first appears in @text. */
static int
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';

  return line;
}

static void
test_golden (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlScorecard) card = make_scorecard ("Notes: " HOSTILE);
  g_autofree char *text = pnl_scorecard_to_string (card, &error);
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (text);

  /* PANELIST_UPDATE_GOLDEN=1 rewrites the file after a deliberate
   * change of the format; review the diff before committing it. */
  if (g_getenv ("PANELIST_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *path = golden_path ();

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }

  expected = load_golden ();
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* Reading the golden file and writing it again gives the same bytes. */
static void
test_read_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *golden = load_golden ();
  g_autoptr(GPtrArray) cards = read_text (golden, "scorecard.json", &error);
  g_autofree char *text = NULL;
  PnlScorecard *card;
  PnlInterview *interview;
  g_autoptr(PnlAnswer) custom = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);

  card = g_ptr_array_index (cards, 0);
  interview = pnl_scorecard_get_interview (card);
  g_assert_cmpstr (pnl_interview_get_uuid (interview), ==, UUID);
  g_assert_cmpint (pnl_interview_get_revision (interview), ==, 3);
  g_assert_cmpstr (pnl_interview_get_candidate_name (interview), ==,
                   "Zoë \"Zed\" O'Brien, <b>&amp;</b>");
  g_assert_cmpint (pnl_interview_get_state (interview), ==, PNL_INTERVIEW_STATE_SUBMITTED);
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_YES);
  /* 2026-11-24T16:08:34Z */
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_ended_at (interview)), ==, 1795536514);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_scorecard_get_answers (card)), ==, 3);

  custom = g_list_model_get_item (pnl_scorecard_get_answers (card), 2);
  g_assert_true (pnl_answer_get_custom (custom));
  g_assert_cmpint (pnl_answer_get_score (custom), ==, 1);
  g_assert_cmpint (pnl_answer_get_flags (custom), ==, PNL_ANSWER_FLAGS_RED_FLAG);

  text = pnl_scorecard_to_string (card, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, golden);
}

/* Times in another zone or with fractions read as UTC seconds. */
static void
test_times (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *golden = load_golden ();
  g_autofree char *shifted = replace_once (golden, "\"2026-11-24T16:08:34Z\"",
                                           "\"2026-11-24T17:08:34.750+01:00\"");
  g_autoptr(GPtrArray) cards = read_text (shifted, "shifted.json", &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = pnl_scorecard_to_string (g_ptr_array_index (cards, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, golden);
}

static void
test_bundle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlScorecard) first = make_scorecard ("first");
  g_autoptr(PnlScorecard) second = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) read = NULL;
  g_autofree char *other = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(GPtrArray) read_second = NULL;

  first_text = pnl_scorecard_to_string (first, &error);
  g_assert_no_error (error);
  other = replace_once (first_text, UUID, "5d0c1f4e-2b7a-4c88-a1e3-9f6b0d2c7e15");
  read_second = read_text (other, "other.json", &error);
  g_assert_no_error (error);
  second = g_object_ref (g_ptr_array_index (read_second, 0));
  second_text = pnl_scorecard_to_string (second, &error);
  g_assert_no_error (error);

  g_ptr_array_add (cards, first);
  g_ptr_array_add (cards, second);
  text = pnl_scorecard_write_many (cards, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text,
                                   "{\n"
                                   "  \"format\": \"panelist-scorecards\",\n"
                                   "  \"version\": 1,\n"
                                   "  \"scorecards\": [\n"
                                   "    {\n"
                                   "      \"uuid\": \"" UUID "\",\n"));

  read = read_text (text, "bundle.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);

  g_clear_pointer (&again, g_free);
  again = pnl_scorecard_to_string (g_ptr_array_index (read, 0), &error);
  g_assert_cmpstr (again, ==, first_text);
  g_clear_pointer (&again, g_free);
  again = pnl_scorecard_to_string (g_ptr_array_index (read, 1), &error);
  g_assert_cmpstr (again, ==, second_text);

  /* The same again, byte for byte. */
  g_clear_pointer (&again, g_free);
  again = pnl_scorecard_write_many (read, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, text);
}

/* A note of one megabyte survives writing and reading whole. */
static void
test_large_note (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(PnlScorecard) card = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(PnlAnswer) answer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  while (note->len < 1024 * 1024)
    g_string_append (note, HOSTILE "\n");

  card = make_scorecard (note->str);
  text = pnl_scorecard_to_string (card, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), >, 1024 * 1024);

  read = read_text (text, "large.json", &error);
  g_assert_no_error (error);
  answer = g_list_model_get_item (pnl_scorecard_get_answers (g_ptr_array_index (read, 0)), 0);
  g_assert_cmpstr (pnl_answer_get_notes (answer), ==, note->str);

  again = pnl_scorecard_to_string (g_ptr_array_index (read, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, text);
}

typedef struct
{
  const char *from;      /* replaced in the golden text ... */
  const char *to;        /* ... by this */
  int         code;
  const char *message;   /* a part of the message */
  const char *at;        /* the error is on the line of this text after the change */
} Broken;

static const Broken broken[] = {
  { "\"format\": \"panelist-scorecard\"", "\"format\": \"panelist-bank\"",
    PNL_SCORECARD_ERROR_FORMAT, "this is not a Panelist scorecard", "panelist-bank" },
  { "\"version\": 1,\n  \"uuid\"", "\"version\": 3,\n  \"uuid\"",
    PNL_SCORECARD_ERROR_NEWER,
    "written by a newer Panelist (format version 3; this one reads 1)", "\"version\": 3" },
  { "\"version\": 1,\n  \"uuid\"", "\"version\": \"1\",\n  \"uuid\"",
    PNL_SCORECARD_ERROR_FORMAT, "“version” must be a whole number", "\"version\": \"1\"" },
  { "\"uuid\": \"" UUID "\"", "\"uuid\": \"0f8b7c62-3d4e-4a51-9c1a\"",
    PNL_SCORECARD_ERROR_INVALID, "“uuid” must be a UUID", "\"uuid\"" },
  { "\"revision\": 3", "\"revision\": 0",
    PNL_SCORECARD_ERROR_INVALID, "“revision” is 0", "\"revision\"" },
  { "\"state\": \"submitted\"", "\"state\": \"done\"",
    PNL_SCORECARD_ERROR_INVALID, "the state “done”", "\"state\"" },
  { "\"recommendation\": \"yes\"", "\"recommendation\": \"maybe\"",
    PNL_SCORECARD_ERROR_INVALID, "“recommendation” must be one of", "\"recommendation\"" },
  { "\"started_at\": \"2026-11-24T15:30:00Z\"", "\"started_at\": \"24/11/2026\"",
    PNL_SCORECARD_ERROR_INVALID, "“started_at” must be a time in ISO 8601", "\"started_at\"" },
  { "\"started_at\": \"2026-11-24T15:30:00Z\"", "\"started_at\": \"2026-11-24T15:30:00\"",
    PNL_SCORECARD_ERROR_INVALID, "“started_at” must be a time in ISO 8601", "\"started_at\"" },
  { "\"score\": 3", "\"score\": 7",
    PNL_SCORECARD_ERROR_INVALID, "the score 7 is not a value of the scale", "\"score\": 7" },
  { "\"score\": 3", "\"score\": \"3\"",
    PNL_SCORECARD_ERROR_FORMAT, "“score” must be a whole number or null", "\"score\": \"3\"" },
  { "\"red-flag\"", "\"red flag\"",
    PNL_SCORECARD_ERROR_INVALID, "flag 1 is not one of", "\"flags\": [\n        \"red flag\"" },
  { "\"kind\": \"behavioural\",\n      \"level\"", "\"kind\": \"chat\",\n      \"level\"",
    PNL_SCORECARD_ERROR_INVALID, "the kind “chat”", "\"kind\": \"chat\"" },
  { "\"question_id\": \"conflict\"", "\"question_id\": \"sql-joins\"",
    PNL_SCORECARD_ERROR_INVALID, "“question_id” does not match", NULL },
  { "\"interviewer\": \"ليلى حداد\",", "",
    0, NULL, NULL },
  { "  \"candidate\": {\n    \"name\": \"Zoë \\\"Zed\\\" O'Brien, <b>&amp;</b>\",\n", "  \"candidate\": {\n",
    PNL_SCORECARD_ERROR_MISSING, "the key “name” is missing", "\"candidate\"" },
  { "\"seconds\": 312", "\"seconds\": -1",
    PNL_SCORECARD_ERROR_INVALID, "“seconds” is -1", "\"seconds\": -1" },
  { "\"asked\": true,\n      \"score\": 3", "\"asked\": 1,\n      \"score\": 3",
    PNL_SCORECARD_ERROR_FORMAT, "“asked” must be true or false", "\"asked\": 1" },
  /* Numbers are reported as the file writes them: json-glib read these
   * as -1 and -9223372036854775808, and the version as -1 too. */
  { "\"seconds\": 312", "\"seconds\": 1000000000000000000000000000000",
    PNL_SCORECARD_ERROR_SYNTAX, "the number 1000000000000000000000000000000 is too large", "\"seconds\": 1000" },
  { "\"seconds\": 312", "\"seconds\": 1e30",
    PNL_SCORECARD_ERROR_FORMAT, "“seconds” must be a whole number, not 1e30", "\"seconds\": 1e30" },
  { "\"score\": 3", "\"score\": 2.50",
    PNL_SCORECARD_ERROR_FORMAT, "“score” must be a whole number or null, not 2.50", "\"score\": 2.50" },
  { "  \"version\": 1,", "  \"version\": 1.0,",
    PNL_SCORECARD_ERROR_FORMAT, "“version” must be a whole number, not 1.0", "\"version\": 1.0" },
  { "\"seconds\": 312", "\"seconds\": 0.00000000000000000000000000000000000000000000000001",
    PNL_SCORECARD_ERROR_FORMAT, "“seconds” must be a whole number, not 0.00000000000000000000000000000000000000…",
    "\"seconds\": 0.0" },
  { "\"seconds\": 312", "\"seconds\": 1e400",
    PNL_SCORECARD_ERROR_SYNTAX, "the number 1e400 is too large", "\"seconds\": 1e400" },
  { "\"revision\": 3", "\"revision\": 9223372036854775808",
    PNL_SCORECARD_ERROR_SYNTAX, "the number 9223372036854775808 is too large", "\"revision\"" },
  { "  \"version\": 1,", "  \"version\": 18446744073709551617,",
    PNL_SCORECARD_ERROR_SYNTAX, "the number 18446744073709551617 is too large", "\"version\": 1844" },
  /* Revisions stop at 2^53 - 1, which every JSON reader keeps exactly. */
  { "\"revision\": 3", "\"revision\": 9007199254740992",
    PNL_SCORECARD_ERROR_INVALID, "“revision” is 9007199254740992; it must lie between 1 and 9007199254740991",
    "\"revision\"" },
  { "\"revision\": 3", "\"revision\": 9007199254740991",
    0, NULL, NULL },
  /* What json-glib let through: a NUL that cut the name short, a raw
   * control character, a key twice with the last one winning. */
  { "\"name\": \"Zoë", "\"name\": \"Nul\\u0000Zoë",
    PNL_SCORECARD_ERROR_SYNTAX, "\\u0000", "\"name\": \"Nul" },
  { "\"notes\": \"Notes: ", "\"notes\": \"Notes:\x01 ",
    PNL_SCORECARD_ERROR_SYNTAX, "the control character U+0001", "\"notes\": \"Notes:" },
  { "  \"revision\": 3,", "  \"revision\": 1,\n  \"revision\": 5,",
    PNL_SCORECARD_ERROR_SYNTAX, "this key appears a second time in the object (first at 5:3)", "\"revision\": 5" },
};

static void
test_broken (void)
{
  g_autofree char *golden = load_golden ();

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = NULL;
      g_autofree char *text = NULL;
      g_autofree char *prefix = NULL;

      g_test_message ("case %u: %s", i, broken[i].to);
      text = replace_once (golden, broken[i].from, broken[i].to);
      cards = read_text (text, "broken.json", &error);

      if (broken[i].message == NULL)
        {
          /* Optional keys may go. */
          g_assert_no_error (error);
          g_assert_nonnull (cards);
          continue;
        }

      g_test_message ("%s", error ? error->message : "(no error)");
      g_assert_error (error, PNL_SCORECARD_ERROR, broken[i].code);
      g_assert_null (cards);
      g_assert_nonnull (strstr (error->message, broken[i].message));

      if (broken[i].at != NULL)
        prefix = g_strdup_printf ("broken.json:%d:", line_of (text, broken[i].at));
      else
        prefix = g_strdup ("broken.json:");
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
}

static void
test_duplicate_question (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *golden = load_golden ();
  g_autofree char *step = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  /* The second answer becomes a second answer to sql-joins, flat copy
   * and snapshot alike. */
  step = replace_once (golden, "\"question_id\": \"conflict\"", "\"question_id\": \"sql-joins\"");
  text = replace_once (step, "\"id\": \"conflict\"", "\"id\": \"sql-joins\"");
  cards = read_text (text, "twice.json", &error);

  g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_DUPLICATE);
  g_assert_null (cards);
  g_assert_true (g_str_has_prefix (error->message, "twice.json:"));
  g_assert_nonnull (strstr (error->message, "more than one answer to the question “sql-joins”"));
}

static void
test_syntax (void)
{
  static const char *texts[] = {
    "{\n  \"format\": \"panelist-scorecard\",\n  \"version\": 1,\n  \"uuid\": oops\n}\n",
    "{\n  \"format\": \"panelist-scorecard\",\n  \"version\": 1,\n  \"uuid\": \"x\",,\n}\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = read_text (texts[i], "syntax.json", &error);

      g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_SYNTAX);
      g_assert_null (cards);
      g_assert_true (g_str_has_prefix (error->message, "syntax.json:4:"));
    }
}

/* A syntax error says where and what was expected, and never quotes
 * the text: here that would be a candidate's name in a log.  json-glib
 * said "unexpected identifier `Secret'". */
static void
test_syntax_quotes_nothing (void)
{
  static const char *names[] = {
    "Secret Person",
    "\"Secret\" Person",
    "'Secret Person'",
    "\"Secret Person\\q\"",
    "\"Secret Person",
  };
  g_autofree char *golden = load_golden ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *to = g_strdup_printf ("\"name\": %s", names[i]);
      g_autofree char *text = replace_once (golden, "\"name\": \"Zoë \\\"Zed\\\" O'Brien, <b>&amp;</b>\"", to);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = read_text (text, "secret.json", &error);

      g_test_message ("%s", error ? error->message : "(no error)");
      g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_SYNTAX);
      g_assert_null (cards);
      g_assert_true (g_str_has_prefix (error->message, "secret.json:7:") ||
                     g_str_has_prefix (error->message, "secret.json:8:"));
      g_assert_null (strstr (error->message, "Secret"));
      g_assert_null (strstr (error->message, "Person"));
    }
}

/* @depth objects or arrays inside each other, @open before and @close
 * after @inner. */
static char *
nest (const char *open,
      const char *inner,
      const char *close,
      guint       depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

/* json-glib's parser is recursive: an array 80,000 deep, or {"a": 60,000
 * deep, overflowed the stack.  Nesting stops at 64, before json-glib
 * sees the text; run in a child, so that a crash fails the test. */
static void
test_deep (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *arrays = nest ("[", "", "]", 80000);
      g_autofree char *objects = nest ("{\"a\":", "1", "}", 60000);
      g_autofree char *in_card = NULL;
      g_autofree char *golden = load_golden ();
      g_autofree char *inner = nest ("[", "", "]", 100000);
      g_autofree char *limit = nest ("[", "", "]", 64);
      g_autofree char *brackets = g_strnfill (100, '[');
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = NULL;

      cards = read_text (arrays, "deep.json", &error);
      g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_SYNTAX);
      g_assert_null (cards);
      g_assert_cmpstr (error->message, ==,
                       "deep.json:1:65: objects and arrays nest deeper than 64 levels here; "
                       "Panelist reads no deeper");
      g_clear_error (&error);

      cards = read_text (objects, "deep.json", &error);
      g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "deep.json:1:321: objects and arrays nest"));
      g_clear_error (&error);

      /* Brackets in text do not count; under a key the reader does not
       * know, nesting does (the 64th "[" is the 65th level, with the
       * scorecard's object). */
      g_strchomp (inner);
      in_card = g_strdup_printf ("{\n  \"x-text\": \"%s\",\n  \"x-deep\": %s,%s",
                                 brackets, inner, golden + strlen ("{"));
      cards = read_text (in_card, "deep.json", &error);
      g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "deep.json:3:76: objects and arrays nest"));
      g_clear_error (&error);

      /* 64 deep is still JSON; it is not a scorecard. */
      cards = read_text (limit, "deep.json", &error);
      g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_FORMAT);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_not_scorecard (void)
{
  static const struct {
    const char *text;
    int         code;
  } cases[] = {
    { "[1, 2, 3]\n", PNL_SCORECARD_ERROR_FORMAT },
    { "{}\n", PNL_SCORECARD_ERROR_FORMAT },
    { "\xff\xfe{}\n", PNL_SCORECARD_ERROR_SYNTAX },
    { "{ \"format\": \"panelist-scorecards\", \"version\": 2, \"scorecards\": [] }\n",
      PNL_SCORECARD_ERROR_NEWER },
    { "{ \"format\": \"panelist-scorecards\", \"version\": 1 }\n",
      PNL_SCORECARD_ERROR_MISSING },
    { "{ \"format\": \"panelist-scorecards\", \"version\": 1, \"scorecards\": [3] }\n",
      PNL_SCORECARD_ERROR_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = read_text (cases[i].text, "odd.json", &error);

      g_assert_error (error, PNL_SCORECARD_ERROR, cases[i].code);
      g_assert_null (cards);
      g_assert_true (g_str_has_prefix (error->message, "odd.json"));
    }
}

/* One broken scorecard in a bundle gives nothing, and says where. */
static void
test_bundle_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlScorecard) card = make_scorecard ("fine");
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) read = NULL;
  g_autofree char *text = NULL;
  g_autofree char *broken_text = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_uuid = NULL;

  first_text = pnl_scorecard_to_string (card, &error);
  g_assert_no_error (error);
  g_ptr_array_add (cards, card);
  g_ptr_array_add (cards, card);
  text = pnl_scorecard_write_many (cards, &error);
  g_assert_no_error (error);

  /* The same interview twice is refused ... */
  read = read_text (text, "bundle.json", &error);
  g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_DUPLICATE);
  g_assert_null (read);
  g_clear_error (&error);

  /* ... and so is a bundle whose second scorecard has a bad score. */
  second_uuid = g_strrstr (text, UUID) ? g_strdup (g_strrstr (text, UUID)) : NULL;
  g_assert_nonnull (second_uuid);
  {
    gsize head = strlen (text) - strlen (second_uuid);
    g_autofree char *tail = replace_once (second_uuid, UUID, "5d0c1f4e-2b7a-4c88-a1e3-9f6b0d2c7e15");
    g_autofree char *tail2 = NULL;
    const char *score = strstr (tail, "\"score\": 3");

    g_assert_nonnull (score);
    tail2 = g_strdup_printf ("%.*s\"score\": 9%s", (int)(score - tail), tail,
                             score + strlen ("\"score\": 3"));
    broken_text = g_strdup_printf ("%.*s%s", (int)head, text, tail2);
  }

  read = read_text (broken_text, "bundle.json", &error);
  g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_INVALID);
  g_assert_null (read);
  {
    g_autofree char *prefix = g_strdup_printf ("bundle.json:%d:",
                                               line_of (broken_text, "\"score\": 9"));
    g_assert_true (g_str_has_prefix (error->message, prefix));
  }
}

/* The installation that made a scorecard travels with it; a file of
 * before origins reads (with none) and writes back as it was; one in
 * capitals reads in lower case; one that is not a UUID is refused. */
static void
test_origin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *golden = load_golden ();
  g_autofree char *older = replace_once (golden, "  \"origin\": \"" ORIGIN "\",\n", "");
  g_autofree char *upper = NULL;
  g_autofree char *not_uuid = replace_once (golden, ORIGIN, "my laptop");
  g_autoptr(GPtrArray) cards = read_text (golden, "scorecard.json", &error);
  g_autoptr(GPtrArray) old_cards = NULL;
  g_autoptr(GPtrArray) upper_cards = NULL;
  g_autoptr(GPtrArray) broken_cards = NULL;
  g_autofree char *again = NULL;
  g_autofree char *old_again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_origin (pnl_scorecard_get_interview (g_ptr_array_index (cards, 0))),
                   ==, ORIGIN);
  again = pnl_scorecard_to_string (g_ptr_array_index (cards, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, golden);

  old_cards = read_text (older, "older.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_origin (pnl_scorecard_get_interview (g_ptr_array_index (old_cards, 0))),
                   ==, "");
  old_again = pnl_scorecard_to_string (g_ptr_array_index (old_cards, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (old_again, ==, older);

  {
    g_autofree char *capitals = g_ascii_strup (ORIGIN, -1);

    upper = replace_once (golden, ORIGIN, capitals);
  }
  upper_cards = read_text (upper, "upper.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_origin (pnl_scorecard_get_interview (g_ptr_array_index (upper_cards, 0))),
                   ==, ORIGIN);

  broken_cards = read_text (not_uuid, "broken.json", &error);
  g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_INVALID);
  g_assert_null (broken_cards);
  g_assert_nonnull (strstr (error->message, "origin"));
}

static void
test_unknown_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *golden = load_golden ();
  g_autofree char *step = replace_once (golden, "  \"uuid\":", "  \"x-note\": { \"a\": [1, 2] },\n  \"uuid\":");
  g_autofree char *text = replace_once (step, "\"seconds\": 312,", "\"seconds\": 312, \"mood\": \"calm\",");
  g_autoptr(GPtrArray) cards = read_text (text, "extra.json", &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  again = pnl_scorecard_to_string (g_ptr_array_index (cards, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, golden);
}

static void
test_read_file_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "no-such-scorecard.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) cards = pnl_scorecard_read_file (file, NULL, &error);

  g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_IO);
  g_assert_null (cards);
  g_assert_true (g_str_has_prefix (error->message, path));
}

/* Inputs the fuzzer (tests/fuzz) found to break the reader or the
 * writer.  Each either reads, and writes out to text that holds
 * @written and reads back to the very same text; or gives a clean error
 * that names the file, in UTF-8, at @line. */
typedef struct
{
  const char        *file;
  const char        *written;
  PnlScorecardError  code;
  int                line;
} FuzzFind;

static const FuzzFind fuzz_finds[] = {
  /* A year before 1000 was written with fewer than four digits, which
   * is not ISO 8601: the scorecard could not be read back. */
  { "year-before-1000.json", "\"started_at\": \"0276-11-24T15:30:00Z\"", 0, 0 },
  /* Not a fuzzer's find, which could not make an input this long: an
   * array 80,000 deep overflowed the stack in json-glib's parser. */
  { "deep-80000.json", NULL, PNL_SCORECARD_ERROR_SYNTAX, 1 },
};

static char *
write_cards (GPtrArray *cards)
{
  g_autoptr(GError) error = NULL;
  char *text;

  if (cards->len == 1)
    text = pnl_scorecard_to_string (g_ptr_array_index (cards, 0), &error);
  else
    text = pnl_scorecard_write_many (cards, &error);
  g_assert_no_error (error);

  return text;
}

static void
test_fuzz_find (gconstpointer data)
{
  const FuzzFind *find = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", "scorecard", find->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = pnl_scorecard_read_file (file, NULL, &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  if (find->written == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%d:", path, find->line);

      g_assert_null (cards);
      g_assert_error (error, PNL_SCORECARD_ERROR, find->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("“%s” does not start with “%s”", error->message, prefix);
      return;
    }

  g_assert_no_error (error);
  text = write_cards (cards);
  if (strstr (text, find->written) == NULL)
    g_error ("“%s” is not in:\n%s", find->written, text);

  again = read_text (text, "again.json", &error);
  g_assert_no_error (error);
  text_again = write_cards (again);
  g_assert_cmpstr (text, ==, text_again);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/scorecard/golden", test_golden);
  g_test_add_func ("/core/scorecard/read-write", test_read_write);
  g_test_add_func ("/core/scorecard/times", test_times);
  g_test_add_func ("/core/scorecard/bundle", test_bundle);
  g_test_add_func ("/core/scorecard/large-note", test_large_note);
  g_test_add_func ("/core/scorecard/broken", test_broken);
  g_test_add_func ("/core/scorecard/duplicate-question", test_duplicate_question);
  g_test_add_func ("/core/scorecard/syntax", test_syntax);
  g_test_add_func ("/core/scorecard/syntax-quotes-nothing", test_syntax_quotes_nothing);
  g_test_add_func ("/core/scorecard/deep", test_deep);
  g_test_add_func ("/core/scorecard/not-a-scorecard", test_not_scorecard);
  g_test_add_func ("/core/scorecard/bundle-broken", test_bundle_broken);
  g_test_add_func ("/core/scorecard/unknown-keys", test_unknown_keys);
  g_test_add_func ("/core/scorecard/origin", test_origin);
  g_test_add_func ("/core/scorecard/missing-file", test_read_file_missing);

  for (guint i = 0; i < G_N_ELEMENTS (fuzz_finds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/scorecard/fuzz/%s", fuzz_finds[i].file);
      g_test_add_data_func (path, &fuzz_finds[i], test_fuzz_find);
    }

  return g_test_run ();
}
