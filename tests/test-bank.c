/* test-bank.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pnl-area.h"
#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-question.h"
#include "pnl-scale.h"

/* A small valid bank; the broken ones below change one piece of it, so
 * the line numbers in their messages are known. */
static const char tiny_bank[] =
  "{\n"                                                             /*  1 */
  "  \"format\": \"panelist-bank\",\n"                              /*  2 */
  "  \"version\": 1,\n"                                             /*  3 */
  "  \"id\": \"tiny\",\n"                                           /*  4 */
  "  \"title\": \"Tiny bank\",\n"                                   /*  5 */
  "  \"role\": \"Tester\",\n"                                       /*  6 */
  "  \"language\": \"en\",\n"                                       /*  7 */
  "  \"scale\": [\n"                                                /*  8 */
  "    { \"value\": 1, \"label\": \"No\", \"meaning\": \"Not shown\" },\n" /*  9 */
  "    { \"value\": 2, \"label\": \"Yes\", \"meaning\": \"Shown\" }\n"     /* 10 */
  "  ],\n"                                                          /* 11 */
  "  \"areas\": [\n"                                                /* 12 */
  "    { \"id\": \"alpha\", \"title\": \"Alpha\" },\n"              /* 13 */
  "    { \"id\": \"beta\", \"title\": \"Beta\" }\n"                 /* 14 */
  "  ],\n"                                                          /* 15 */
  "  \"questions\": [\n"                                            /* 16 */
  "    {\n"                                                         /* 17 */
  "      \"id\": \"alpha.one\",\n"                                  /* 18 */
  "      \"area\": \"alpha\",\n"                                    /* 19 */
  "      \"kind\": \"technical\",\n"                                /* 20 */
  "      \"level\": \"entry\",\n"                                   /* 21 */
  "      \"prompt\": \"What is one?\",\n"                           /* 22 */
  "      \"minutes\": 3,\n"                                         /* 23 */
  "      \"anchors\": { \"1\": \"Cannot say\", \"2\": \"Says it\" }\n" /* 24 */
  "    },\n"                                                        /* 25 */
  "    {\n"                                                         /* 26 */
  "      \"id\": \"beta.two\",\n"                                   /* 27 */
  "      \"area\": \"beta\",\n"                                     /* 28 */
  "      \"kind\": \"behavioural\",\n"                              /* 29 */
  "      \"level\": \"senior\",\n"                                  /* 30 */
  "      \"prompt\": \"Tell us about two.\",\n"                     /* 31 */
  "      \"look_fors\": [\"Clear story\", \"Own part named\"],\n"   /* 32 */
  "      \"shoe_size\": 44\n"                                       /* 33 */
  "    }\n"                                                         /* 34 */
  "  ]\n"                                                           /* 35 */
  "}\n";                                                            /* 36 */

static PnlBank *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pnl_bank_new_from_bytes (bytes, "tiny.json", error);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));

  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, new, at + strlen (old));
}

static void
test_tiny (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = load_text (tiny_bank, &error);
  PnlQuestion *one;
  PnlQuestion *two;
  PnlScale *scale;

  g_assert_no_error (error);
  g_assert_nonnull (bank);

  g_assert_cmpstr (pnl_bank_get_id (bank), ==, "tiny");
  g_assert_cmpstr (pnl_bank_get_title (bank), ==, "Tiny bank");
  g_assert_cmpstr (pnl_bank_get_role (bank), ==, "Tester");
  g_assert_cmpstr (pnl_bank_get_language (bank), ==, "en");
  g_assert_cmpuint (pnl_bank_get_revision (bank), ==, 1);
  g_assert_cmpstr (pnl_bank_get_source (bank), ==, "tiny.json");

  scale = pnl_bank_get_scale (bank);
  g_assert_cmpuint (pnl_scale_get_n_levels (scale), ==, 2);
  g_assert_cmpstr (pnl_scale_get_label (scale, 1), ==, "Yes");
  g_assert_cmpint (pnl_scale_find (scale, 2), ==, 1);
  g_assert_cmpint (pnl_scale_find (scale, 3), ==, -1);

  g_assert_cmpuint (g_list_model_get_n_items (pnl_bank_get_areas (bank)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_bank_get_questions (bank)), ==, 2);
  g_assert_cmpstr (pnl_area_get_title (pnl_bank_find_area (bank, "beta")), ==, "Beta");
  g_assert_cmpstr (pnl_area_get_description (pnl_bank_find_area (bank, "beta")), ==, "");

  one = pnl_bank_find_question (bank, "alpha.one");
  g_assert_nonnull (one);
  g_assert_cmpint (pnl_question_get_kind (one), ==, PNL_QUESTION_KIND_TECHNICAL);
  g_assert_cmpint (pnl_question_get_level (one), ==, PNL_QUESTION_LEVEL_ENTRY);
  g_assert_cmpuint (pnl_question_get_minutes (one), ==, 3);
  g_assert_cmpstr (pnl_question_get_anchor (one, 2), ==, "Says it");
  g_assert_null (pnl_question_get_anchor (one, 3));
  g_assert_cmpuint (g_strv_length ((char **)pnl_question_get_look_fors (one)), ==, 0);

  /* Optional keys have defaults and unknown keys are ignored. */
  two = pnl_bank_find_question (bank, "beta.two");
  g_assert_nonnull (two);
  g_assert_cmpstr (pnl_question_get_assesses (two), ==, "");
  g_assert_cmpuint (pnl_question_get_minutes (two), ==, 0);
  g_assert_cmpstr (pnl_question_get_look_fors (two)[1], ==, "Own part named");
  g_assert_null (pnl_question_get_anchor (two, 1));

  g_assert_null (pnl_bank_find_question (bank, "gamma.three"));
}

static void
test_default_scale (void)
{
  g_autofree char *text = replace_once (tiny_bank,
                                        "  \"scale\": [\n"
                                        "    { \"value\": 1, \"label\": \"No\", \"meaning\": \"Not shown\" },\n"
                                        "    { \"value\": 2, \"label\": \"Yes\", \"meaning\": \"Shown\" }\n"
                                        "  ],\n",
                                        "");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = load_text (text, &error);
  PnlScale *scale;

  g_assert_no_error (error);
  scale = pnl_bank_get_scale (bank);

  /* Four anchored levels with no neutral midpoint. */
  g_assert_cmpuint (pnl_scale_get_n_levels (scale), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (pnl_scale_get_value (scale, i), ==, i + 1);
      g_assert_cmpstr (pnl_scale_get_label (scale, i), !=, "");
      g_assert_cmpstr (pnl_scale_get_meaning (scale, i), !=, "");
      g_assert_cmpfloat (pnl_scale_get_value (scale, i), !=, pnl_scale_get_middle (scale));
    }
}

typedef struct
{
  const char   *name;
  const char   *old;
  const char   *new;
  PnlBankError  code;
  const char   *where;    /* the start of the message */
  const char   *says;     /* a part of the message */
  const char   *hides;    /* a part of the file the message must not quote */
} Broken;

static const Broken broken[] = {
  { "syntax", "\"version\": 1,", "\"version\": 1", PNL_BANK_ERROR_SYNTAX, "tiny.json:3:", NULL },
  { "not-an-object", "{\n  \"format\"", "[\n  \"format\"", PNL_BANK_ERROR_SYNTAX, "tiny.json:", NULL },
  { "wrong-format", "\"panelist-bank\"", "\"panelist-scorecard\"", PNL_BANK_ERROR_FORMAT, "tiny.json:2:", "not a Panelist question bank" },
  { "newer-version", "\"version\": 1,", "\"version\": 2,", PNL_BANK_ERROR_NEWER, "tiny.json:3:", "version 2" },
  { "version-type", "\"version\": 1,", "\"version\": \"1\",", PNL_BANK_ERROR_FORMAT, "tiny.json:3:", "whole number" },
  { "missing-title", "  \"title\": \"Tiny bank\",\n", "", PNL_BANK_ERROR_MISSING, "tiny.json:1:", "“title”" },
  { "missing-areas", "\"areas\"", "\"zones\"", PNL_BANK_ERROR_MISSING, "tiny.json:1:", "“areas”" },
  { "areas-type", "\"areas\": [\n", "\"areas\": 7, \"x\": [\n", PNL_BANK_ERROR_FORMAT, "tiny.json:12:", "“areas” must be an array" },
  { "title-type", "\"title\": \"Tiny bank\"", "\"title\": [\"Tiny\"]", PNL_BANK_ERROR_FORMAT, "tiny.json:5:", "“title” must be text" },
  { "bad-bank-id", "\"id\": \"tiny\"", "\"id\": \"tiny bank\"", PNL_BANK_ERROR_INVALID, "tiny.json:4:", "tiny bank" },
  { "minutes-type", "\"minutes\": 3", "\"minutes\": \"three\"", PNL_BANK_ERROR_FORMAT, "tiny.json:23:", "question “alpha.one”: “minutes” must be a whole number" },
  { "minutes-range", "\"minutes\": 3", "\"minutes\": -3", PNL_BANK_ERROR_INVALID, "tiny.json:23:", "“minutes”" },
  { "look-fors-type", "[\"Clear story\", \"Own part named\"]", "[\"Clear story\", 7]", PNL_BANK_ERROR_FORMAT, "tiny.json:32:", "item 2 of “look_fors”" },
  { "missing-prompt", "      \"prompt\": \"Tell us about two.\",\n", "", PNL_BANK_ERROR_MISSING, "tiny.json:26:", "question “beta.two”: the key “prompt” is missing" },
  { "empty-prompt", "\"Tell us about two.\"", "\"  \"", PNL_BANK_ERROR_INVALID, "tiny.json:31:", "“prompt” is empty" },
  { "unknown-kind", "\"behavioural\"", "\"trivia\"", PNL_BANK_ERROR_INVALID, "tiny.json:29:", "trivia" },
  { "unknown-level", "\"senior\"", "\"wizard\"", PNL_BANK_ERROR_INVALID, "tiny.json:30:", "wizard" },
  { "duplicate-question", "\"id\": \"beta.two\"", "\"id\": \"alpha.one\"", PNL_BANK_ERROR_DUPLICATE, "tiny.json:27:", "alpha.one" },
  { "duplicate-area", "{ \"id\": \"beta\"", "{ \"id\": \"alpha\"", PNL_BANK_ERROR_DUPLICATE, "tiny.json:14:", "“alpha”" },
  { "unknown-area", "\"area\": \"beta\"", "\"area\": \"gamma\"", PNL_BANK_ERROR_INVALID, "tiny.json:28:", "“gamma” is not one of the bank’s areas" },
  { "scale-not-rising", "{ \"value\": 2, \"label\": \"Yes\"", "{ \"value\": 1, \"label\": \"Yes\"", PNL_BANK_ERROR_INVALID, "tiny.json:10:", "broken scale" },
  { "scale-no-label", "\"label\": \"Yes\", ", "", PNL_BANK_ERROR_INVALID, "tiny.json:10:", "“label”" },
  { "scale-one-level", "    { \"value\": 1, \"label\": \"No\", \"meaning\": \"Not shown\" },\n", "", PNL_BANK_ERROR_INVALID, "tiny.json:8:", "at least two levels" },
  { "scale-zero", "{ \"value\": 1, \"label\": \"No\"", "{ \"value\": 0, \"label\": \"No\"", PNL_BANK_ERROR_INVALID, "tiny.json:9:", "broken scale" },
  { "anchor-off-scale", "\"2\": \"Says it\"", "\"5\": \"Says it\"", PNL_BANK_ERROR_INVALID, "tiny.json:24:", "anchor for 5" },
  { "anchor-not-a-value", "\"2\": \"Says it\"", "\"high\": \"Says it\"", PNL_BANK_ERROR_INVALID, "tiny.json:24:", "“high”" },
  { "no-questions", "\"questions\": [\n", "\"questions\": [], \"old\": [\n", PNL_BANK_ERROR_INVALID, "tiny.json:16:", "“questions” is empty" },
  /* What json-glib let through, and what its messages said. */
  { "nul-in-text", "\"Tiny bank\"", "\"Tiny\\u0000bank\"", PNL_BANK_ERROR_SYNTAX, "tiny.json:5:17:", "\\u0000" },
  { "raw-control", "\"Tiny bank\"", "\"Tiny\x01" "bank\"", PNL_BANK_ERROR_SYNTAX, "tiny.json:5:17:", "U+0001" },
  { "duplicate-key", "\"id\": \"tiny\",", "\"id\": \"tiny\", \"id\": \"other\",", PNL_BANK_ERROR_SYNTAX, "tiny.json:4:17:", "first at 4:3" },
  { "leading-zero", "\"minutes\": 3", "\"minutes\": 03", PNL_BANK_ERROR_SYNTAX, "tiny.json:23:18:", "must not start with a 0" },
  { "huge-version", "\"version\": 1,", "\"version\": 18446744073709551617,", PNL_BANK_ERROR_SYNTAX, "tiny.json:3:14:", "the number 18446744073709551617 is too large" },
  { "version-fraction", "\"version\": 1,", "\"version\": 1e0,", PNL_BANK_ERROR_FORMAT, "tiny.json:3:", "“version” must be a whole number, not 1e0" },
  { "revision-range", "\"version\": 1,", "\"version\": 1,\n  \"revision\": 3000000000,", PNL_BANK_ERROR_INVALID, "tiny.json:4:", "“revision” is 3000000000; it must lie between 1 and 2147483647" },
  { "huge-minutes", "\"minutes\": 3", "\"minutes\": 1000000000000000000000000000000", PNL_BANK_ERROR_SYNTAX, "tiny.json:23:18:", "the number 1000000000000000000000000000000 is too large" },
  { "bareword", "\"title\": \"Tiny bank\"", "\"title\": Secret Person", PNL_BANK_ERROR_SYNTAX, "tiny.json:5:12:", "expected a value", "Secret" },
  { "missing-comma", "\"id\": \"tiny\",", "\"id\": \"Secret\"", PNL_BANK_ERROR_SYNTAX, "tiny.json:4:17:", "expected “,” or “}”", "Secret" },
  { "unclosed-text", "\"prompt\": \"Tell us about two.\"", "\"prompt\": \"Tell Secret", PNL_BANK_ERROR_SYNTAX, "tiny.json:31:", NULL, "Secret" },
};

static void
test_broken (gconstpointer data)
{
  const Broken *b = data;
  g_autofree char *text = replace_once (tiny_bank, b->old, b->new);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = load_text (text, &error);

  g_assert_null (bank);
  g_assert_error (error, PNL_BANK_ERROR, b->code);

  if (!g_str_has_prefix (error->message, b->where))
    g_error ("“%s” does not start with “%s”", error->message, b->where);
  if (b->says != NULL && strstr (error->message, b->says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, b->says);
  if (b->hides != NULL && strstr (error->message, b->hides) != NULL)
    g_error ("“%s” quotes “%s”", error->message, b->hides);
}

/* @depth objects or arrays inside each other around @inner. */
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

  return g_string_free (text, FALSE);
}

/* json-glib's recursive parser overflowed the stack on an array 80,000
 * deep or {"a": 60,000 deep: nesting stops at 64 before it sees the
 * text.  Run in a child, so that a crash fails the test. */
static void
test_deep (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *arrays = nest ("[", "", "]", 80000);
      g_autofree char *objects = nest ("{\"a\":", "1", "}", 60000);
      g_autofree char *in_bank = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PnlBank) bank = NULL;

      bank = load_text (arrays, &error);
      g_assert_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_SYNTAX);
      g_assert_null (bank);
      g_assert_true (g_str_has_prefix (error->message, "tiny.json:1:65: objects and arrays nest deeper than 64"));
      g_clear_error (&error);

      bank = load_text (objects, &error);
      g_assert_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "tiny.json:1:321: objects and arrays nest deeper than 64"));
      g_clear_error (&error);

      /* Under a key the loader ignores: in the question's object, the
       * 62nd "[" is the 65th level. */
      in_bank = replace_once (tiny_bank, "44", arrays);
      bank = load_text (in_bank, &error);
      g_assert_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "tiny.json:33:81: objects and arrays nest deeper than 64"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_not_utf8 (void)
{
  static const char latin1[] = "{ \"format\": \"panelist-bank\", \"title\": \"Caf\xe9\" }";
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = load_text (latin1, &error);

  g_assert_null (bank);
  g_assert_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "tiny.json: "));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "nowhere.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = pnl_bank_new_from_file (file, &error);

  g_assert_null (bank);
  g_assert_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nowhere.json"));
}

static void
test_question_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = load_text (tiny_bank, &error);
  PnlQuestion *one = pnl_bank_find_question (bank, "alpha.one");
  g_autoptr(JsonNode) node = pnl_question_to_json (one);
  g_autoptr(PnlQuestion) copy = pnl_question_new_from_json (json_node_get_object (node), &error);
  g_autoptr(JsonNode) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (pnl_question_get_prompt (copy), ==, "What is one?");
  g_assert_cmpstr (pnl_question_get_anchor (copy, 1), ==, "Cannot say");
  again = pnl_question_to_json (copy);
  g_assert_true (json_node_equal (node, again));
}

static void
test_scale_json_round_trip (void)
{
  g_autoptr(PnlScale) scale = pnl_scale_new_default ();
  g_autoptr(JsonNode) node = pnl_scale_to_json (scale);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlScale) copy = pnl_scale_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_true (pnl_scale_equal (scale, copy));
  g_assert_cmpint (pnl_scale_get_min (copy), ==, 1);
  g_assert_cmpint (pnl_scale_get_max (copy), ==, 4);
  g_assert_cmpfloat (pnl_scale_get_middle (copy), ==, 2.5);
}

/* The shipped bank: complete enough to run a real interview. */
static void
test_shipped_bank (void)
{
  static const char *areas[] = {
    "programming", "data-structures", "databases", "apis", "system-design",
    "security", "performance", "testing", "version-control", "ci-cd", "cloud",
    "problem-solving", "collaboration", "culture", "candidate-questions",
  };
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  g_autoptr(GHashTable) per_area = g_hash_table_new (g_str_hash, g_str_equal);
  guint per_kind[PNL_QUESTION_KIND_CANDIDATE_ASKS + 1] = { 0 };
  guint per_level[PNL_QUESTION_LEVEL_SENIOR + 1] = { 0 };
  PnlBank *bank;
  GListModel *questions;
  PnlScale *scale;
  guint n;

  g_assert_true (pnl_bank_library_load (library));
  bank = pnl_bank_library_find (library, "backend-developer");
  g_assert_nonnull (bank);
  g_assert_cmpstr (pnl_bank_get_language (bank), ==, "en");

  scale = pnl_bank_get_scale (bank);
  g_assert_cmpuint (pnl_scale_get_n_levels (scale), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_assert_nonnull (pnl_bank_find_area (bank, areas[i]));

  questions = pnl_bank_get_questions (bank);
  n = g_list_model_get_n_items (questions);
  g_assert_cmpuint (n, >=, 100);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlQuestion) q = g_list_model_get_item (questions, i);
      const char *area = pnl_question_get_area_id (q);

      g_hash_table_insert (per_area, (char *)area,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_area, area)) + 1));
      per_kind[pnl_question_get_kind (q)]++;
      per_level[pnl_question_get_level (q)]++;

      if (strlen (pnl_question_get_assesses (q)) < 20 ||
          g_strv_length ((char **)pnl_question_get_look_fors (q)) < 2 ||
          g_strv_length ((char **)pnl_question_get_red_flags (q)) < 1 ||
          g_strv_length ((char **)pnl_question_get_follow_ups (q)) < 1 ||
          pnl_question_get_minutes (q) == 0 ||
          pnl_question_get_anchor (q, pnl_scale_get_min (scale)) == NULL ||
          pnl_question_get_anchor (q, pnl_scale_get_max (scale)) == NULL)
        g_error ("question “%s” lacks guidance", pnl_question_get_id (q));

      g_assert_true (g_str_has_prefix (pnl_question_get_id (q), area));
    }

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      if (GPOINTER_TO_UINT (g_hash_table_lookup (per_area, areas[i])) < 5)
        g_error ("area “%s” has fewer than five questions", areas[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (per_kind); i++)
    g_assert_cmpuint (per_kind[i], >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (per_level); i++)
    g_assert_cmpuint (per_level[i], >=, 10);
}

/* Inputs the fuzzer (tests/fuzz) found to break the reader: each must
 * now give a clean error that names the file, in UTF-8, at the line
 * where the problem is. */
typedef struct
{
  const char   *file;
  PnlBankError  code;
  int           line;
} FuzzFind;

static const FuzzFind fuzz_finds[] = {
  /* A lone surrogate escape in text that a syntax error quotes: the
   * message was not UTF-8. */
  { "surrogate-in-syntax-error.json", PNL_BANK_ERROR_SYNTAX, 5 },
  /* json-glib decodes a lone surrogate to bytes that are not UTF-8 and
   * reports no error: the bank loaded with such a title, or key. */
  { "surrogate-in-value.json", PNL_BANK_ERROR_SYNTAX, 5 },
  { "surrogate-in-key.json", PNL_BANK_ERROR_SYNTAX, 7 },
  /* Two documents one after the other: json-glib kept the second (and
   * leaked the first); the bank read was the second. */
  { "two-documents.json", PNL_BANK_ERROR_SYNTAX, 24 },
  /* Not a fuzzer's find, which could not make an input this long: an
   * array 80,000 deep overflowed the stack in json-glib's parser. */
  { "deep-80000.json", PNL_BANK_ERROR_SYNTAX, 1 },
};

static void
test_fuzz_find (gconstpointer data)
{
  const FuzzFind *find = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", "bank", find->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *prefix = g_strdup_printf ("%s:%d:", path, find->line);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = pnl_bank_new_from_file (file, &error);

  g_assert_null (bank);
  g_assert_error (error, PNL_BANK_ERROR, find->code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/bank/tiny", test_tiny);
  g_test_add_func ("/core/bank/default-scale", test_default_scale);
  g_test_add_func ("/core/bank/not-utf8", test_not_utf8);
  g_test_add_func ("/core/bank/deep", test_deep);
  g_test_add_func ("/core/bank/missing-file", test_missing_file);
  g_test_add_func ("/core/bank/question-json-round-trip", test_question_json_round_trip);
  g_test_add_func ("/core/bank/scale-json-round-trip", test_scale_json_round_trip);
  g_test_add_func ("/core/bank/shipped", test_shipped_bank);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/bank/broken/%s", broken[i].name);
      g_test_add_data_func (path, &broken[i], test_broken);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fuzz_finds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/bank/fuzz/%s", fuzz_finds[i].file);
      g_test_add_data_func (path, &fuzz_finds[i], test_fuzz_find);
    }

  return g_test_run ();
}
