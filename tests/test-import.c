/* test-import.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"

#define UUID "0f8b7c62-3d4e-4a51-9c1a-7e2b5d9f0a13"
#define OTHER_UUID "5d0c1f4e-2b7a-4c88-a1e3-9f6b0d2c7e15"

typedef struct
{
  char     *dir;
  char     *golden;
  PnlStore *store;
} Fixture;

static PnlStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  PnlStore *store = pnl_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
close_store (PnlStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "golden",
                                                 "scorecard.json", NULL);

  f->dir = g_build_filename (g_get_user_data_dir (), "panelist", NULL);
  g_file_get_contents (path, &f->golden, NULL, &error);
  g_assert_no_error (error);
  f->store = open_store (f->dir, "panelist.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    close_store (g_steal_pointer (&f->store));
  g_free (f->golden);
  g_free (f->dir);
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

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Everything in @store, as one bundle: what "nothing changed" compares. */
static char *
export_all (PnlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = pnl_store_list_scorecards (store, &error);
  char *text;

  g_assert_no_error (error);
  text = pnl_scorecard_write_many (cards, &error);
  g_assert_no_error (error);

  return text;
}

static char *
export_one (PnlStore   *store,
            const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlScorecard) card = pnl_store_load_scorecard (store, uuid, &error);
  char *text;

  g_assert_no_error (error);
  text = pnl_scorecard_to_string (card, &error);
  g_assert_no_error (error);

  return text;
}

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint conflicts;
  guint failed;
} Counts;

static PnlImporter *
import_files (PnlStore *store,
              GFile    *first,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  PnlImporter *importer = pnl_importer_new (store);
  va_list args;

  va_start (args, first);
  for (GFile *file = first; file != NULL; file = va_arg (args, GFile *))
    g_list_store_append (files, file);
  va_end (args);

  g_assert_true (pnl_importer_import_files (importer, G_LIST_MODEL (files), NULL, &error));
  g_assert_no_error (error);

  return importer;
}

static void
assert_counts (PnlImporter *importer,
               Counts       expected)
{
  g_assert_cmpuint (pnl_importer_get_n_added (importer), ==, expected.added);
  g_assert_cmpuint (pnl_importer_get_n_updated (importer), ==, expected.updated);
  g_assert_cmpuint (pnl_importer_get_n_unchanged (importer), ==, expected.unchanged);
  g_assert_cmpuint (pnl_importer_get_n_conflicts (importer), ==, expected.conflicts);
  g_assert_cmpuint (pnl_importer_get_n_failed (importer), ==, expected.failed);
  g_assert_cmpuint (pnl_importer_get_errors (importer)->len, ==, expected.failed);
  g_assert_cmpuint (pnl_importer_get_conflicts (importer)->len, ==, expected.conflicts);
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "panelist.db", NULL);
  g_autoptr(PnlDb) db = pnl_db_open (path, PNL_DB_OPEN_READ_ONLY, &error);
  g_autoptr(PnlDbStatement) stmt = NULL;

  g_assert_no_error (error);
  stmt = pnl_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);

  return pnl_db_statement_column_int (stmt, 0);
}

/* Export, import into a fresh database, export again: the same bytes. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(PnlImporter) importer = import_files (f->store, file, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlInterview) interview = NULL;

  assert_counts (importer, (Counts) { .added = 1 });

  text = export_one (f->store, UUID);
  g_assert_cmpstr (text, ==, f->golden);

  /* It keeps its revision, and is listed. */
  interview = pnl_store_find_interview (f->store, UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_interview_get_revision (interview), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM custom_questions"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM answers"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM candidates"), ==, 1);
}

/* An interview made here travels to another database unchanged. */
static void
test_created_here (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bank_path = g_test_build_filename (G_TEST_DIST, "..", "data", "banks",
                                                      NULL);
  g_autoptr(GDir) dir = g_dir_open (bank_path, 0, &error);
  g_autoptr(PnlBank) bank = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PnlAnswer) answer = NULL;
  g_autoptr(PnlAnswer) custom = NULL;
  g_autoptr(PnlStore) other = NULL;
  g_autoptr(PnlImporter) importer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;
  const char *entry;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) && bank == NULL)
    {
      g_autofree char *path = g_build_filename (bank_path, entry, NULL);
      g_autoptr(GFile) bank_file = g_file_new_for_path (path);

      if (g_str_has_suffix (entry, ".json"))
        bank = pnl_bank_new_from_file (bank_file, NULL);
    }
  g_assert_nonnull (bank);

  interview = pnl_store_create_interview (f->store, "Ana “A” Lima", "ATS-1", "Backend developer",
                                          "Technical 1", "Priya", bank, &error);
  g_assert_no_error (error);
  answers = pnl_store_list_answers (f->store, interview, &error);
  g_assert_no_error (error);
  answer = g_list_model_get_item (answers, 0);
  pnl_answer_set_asked (answer, TRUE);
  pnl_answer_set_score (answer, 4);
  pnl_answer_set_notes (answer, "Good, =1+1 <b>");
  pnl_answer_set_flags (answer, PNL_ANSWER_FLAGS_HIGHLIGHT);
  pnl_store_save_answer (f->store, answer);
  custom = pnl_store_add_custom_question (f->store, interview,
                                          pnl_question_get_area_id (pnl_answer_get_question (answer)),
                                          "Area", "Why?", &error);
  g_assert_no_error (error);
  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);

  here = export_one (f->store, pnl_interview_get_uuid (interview));
  file = write_file (f, "here.json", here);

  other = open_store (f->dir, "other.db");
  importer = import_files (other, file, NULL);
  assert_counts (importer, (Counts) { .added = 1 });
  there = export_one (other, pnl_interview_get_uuid (interview));
  g_assert_cmpstr (there, ==, here);

  g_clear_object (&importer);
  close_store (g_steal_pointer (&other));
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autoptr(PnlImporter) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  assert_counts (first, (Counts) { .added = 1 });
  before = export_all (f->store);

  second = import_files (f->store, file, NULL);
  assert_counts (second, (Counts) { .unchanged = 1 });
  after = export_all (f->store);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM interviews"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM candidates"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM answers"), ==, 3);
}

static void
test_newer_revision (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autofree char *step = replace_once (f->golden, "\"revision\": 3", "\"revision\": 5");
  g_autofree char *newer = replace_once (step, "\"notes\": \"=cmd|' /C calc'!A0\"",
                                         "\"notes\": \"changed elsewhere\"");
  g_autoptr(GFile) newer_file = write_file (f, "newer.json", newer);
  g_autoptr(PnlImporter) second = NULL;
  g_autoptr(PnlImporter) third = NULL;
  g_autofree char *text = NULL;

  assert_counts (first, (Counts) { .added = 1 });

  second = import_files (f->store, newer_file, NULL);
  assert_counts (second, (Counts) { .updated = 1 });
  text = export_one (f->store, UUID);
  g_assert_cmpstr (text, ==, newer);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM answers"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM custom_questions"), ==, 1);

  /* The older copy now changes nothing. */
  third = import_files (f->store, file, NULL);
  assert_counts (third, (Counts) { .unchanged = 1 });
  g_clear_pointer (&text, g_free);
  text = export_one (f->store, UUID);
  g_assert_cmpstr (text, ==, newer);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autofree char *other = replace_once (f->golden, "\"score\": 3", "\"score\": 4");
  g_autoptr(GFile) other_file = write_file (f, "other.json", other);
  g_autoptr(PnlImporter) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  const GError *conflict;

  assert_counts (first, (Counts) { .added = 1 });
  before = export_all (f->store);

  second = import_files (f->store, other_file, NULL);
  assert_counts (second, (Counts) { .conflicts = 1 });

  conflict = g_ptr_array_index (pnl_importer_get_conflicts (second), 0);
  name = g_file_get_parse_name (other_file);
  g_assert_error (conflict, PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (conflict->message, name));
  g_assert_nonnull (strstr (conflict->message, UUID));

  after = export_all (f->store);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  const char *from;
  const char *to;
  const char *message;
} Broken;

static const Broken broken[] = {
  { "\"notes\": \"\",", "\"notes\": \"\",,", NULL },
  { "\"format\": \"panelist-scorecard\"", "\"format\": \"panelist-bank\"",
    "this is not a Panelist scorecard" },
  { "\"version\": 1,\n  \"uuid\"", "\"version\": 3,\n  \"uuid\"",
    "written by a newer Panelist (format version 3; this one reads 1)" },
  { "  \"state\": \"submitted\",\n", "", "the key “state” is missing" },
  { "\"uuid\": \"" UUID "\"", "\"uuid\": \"not-a-uuid\"", "“uuid” must be a UUID" },
  { "\"score\": 3", "\"score\": 5", "the score 5 is not a value of the scale" },
};

/* A broken file is refused with its name, and changes nothing: not the
 * interview already there, nor anything of its own. */
static void
test_broken (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *seed = replace_once (f->golden, UUID, OTHER_UUID);
  g_autoptr(GFile) seed_file = write_file (f, "seed.json", seed);
  g_autoptr(PnlImporter) first = import_files (f->store, seed_file, NULL);
  g_autofree char *before = NULL;

  assert_counts (first, (Counts) { .added = 1 });
  before = export_all (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *text = replace_once (f->golden, broken[i].from, broken[i].to);
      g_autoptr(GFile) file = write_file (f, "broken.json", text);
      g_autoptr(PnlImporter) importer = import_files (f->store, file, NULL);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *after = NULL;
      const GError *error;

      assert_counts (importer, (Counts) { .failed = 1 });
      error = g_ptr_array_index (pnl_importer_get_errors (importer), 0);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, name));

      if (broken[i].message != NULL)
        {
          g_assert_nonnull (strstr (error->message, broken[i].message));
        }
      else
        {
          /* A syntax error names its line. */
          g_autofree char *prefix = NULL;
          const char *at = strstr (text, ",,");
          int line = 1;

          for (const char *p = text; p < at; p++)
            line += *p == '\n';
          prefix = g_strdup_printf ("%s:%d:", name, line);
          g_assert_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_SYNTAX);
          g_assert_true (g_str_has_prefix (error->message, prefix));
        }

      after = export_all (f->store);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM interviews"), ==, 1);
}

/* Each would have replaced the interview already here (a higher
 * revision, 4), or cut its candidate's name short: the strict reading
 * of JSON refuses them, names where, and changes nothing. */
static const Broken lenient[] = {
  { "\"name\": \"Zoë", "\"name\": \"Nul\\u0000Zoë", "\\u0000" },
  { "\"notes\": \"Notes: ", "\"notes\": \"Notes:\x01 ", "the control character U+0001" },
  { "  \"revision\": 4,", "  \"revision\": 1,\n  \"revision\": 4,", "this key appears a second time" },
  { "\"revision\": 4", "\"revision\": 9007199254740992",
    "“revision” is 9007199254740992; it must lie between 1 and 9007199254740991" },
  { "\"revision\": 4", "\"revision\": 9223372036854775808", "the number 9223372036854775808 is too large" },
  { "\"seconds\": 312", "\"seconds\": 1000000000000000000000000000000",
    "the number 1000000000000000000000000000000 is too large" },
  { "  \"version\": 1,", "  \"version\": 18446744073709551617,", "the number 18446744073709551617 is too large" },
  { "\"name\": \"Zoë \\\"Zed\\\" O'Brien, <b>&amp;</b>\"", "\"name\": Secret Person", "expected a value" },
};

static void
test_strict (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autofree char *newer = replace_once (f->golden, "\"revision\": 3", "\"revision\": 4");
  g_autofree char *before = NULL;

  assert_counts (first, (Counts) { .added = 1 });
  before = export_all (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (lenient); i++)
    {
      g_autofree char *text = replace_once (newer, lenient[i].from, lenient[i].to);
      g_autoptr(GFile) broken_file = write_file (f, "broken.json", text);
      g_autoptr(PnlImporter) importer = import_files (f->store, broken_file, NULL);
      g_autofree char *name = g_file_get_parse_name (broken_file);
      g_autofree char *after = NULL;
      const GError *error;

      g_test_message ("case %u: %s", i, lenient[i].to);
      assert_counts (importer, (Counts) { .failed = 1 });
      error = g_ptr_array_index (pnl_importer_get_errors (importer), 0);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, name));
      g_assert_nonnull (strstr (error->message, lenient[i].message));
      g_assert_null (strstr (error->message, "Secret"));

      after = export_all (f->store);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM interviews"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM candidates"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT revision FROM interviews"), ==, 3);
}

/* An over-deep file is refused like any broken one, beside a good one
 * that still imports; json-glib's parser crashed on it.  In a child, so
 * that a crash fails the test. */
static void
test_deep (Fixture       *f,
           gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *other = replace_once (f->golden, UUID, OTHER_UUID);
      g_autoptr(GFile) good = write_file (f, "good.json", other);
      GString *deep = g_string_new ("{\"format\": \"panelist-scorecard\", \"x\": ");
      g_autoptr(GFile) deep_file = NULL;
      g_autoptr(PnlImporter) importer = NULL;
      g_autofree char *name = NULL;
      g_autofree char *prefix = NULL;
      const GError *error;

      for (guint i = 0; i < 80000; i++)
        g_string_append_c (deep, '[');
      for (guint i = 0; i < 80000; i++)
        g_string_append_c (deep, ']');
      g_string_append (deep, "}\n");
      deep_file = write_file (f, "deep.json", deep->str);
      g_string_free (deep, TRUE);

      importer = import_files (f->store, deep_file, good, NULL);
      assert_counts (importer, (Counts) { .added = 1, .failed = 1 });
      error = g_ptr_array_index (pnl_importer_get_errors (importer), 0);
      name = g_file_get_parse_name (deep_file);
      /* The object is the first level, the 64th "[" the 65th. */
      prefix = g_strdup_printf ("%s:1:102: objects and arrays nest deeper than 64", name);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM interviews"), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A bundle is one file: one broken scorecard in it imports nothing,
 * and the good files beside it still import. */
static void
test_bundle (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *other = replace_once (f->golden, UUID, OTHER_UUID);
  g_autofree char *bad = replace_once (other, "\"score\": 3", "\"score\": 8");
  g_autofree char *good_bundle = NULL;
  g_autofree char *bad_bundle = NULL;
  g_autoptr(GFile) bad_file = NULL;
  g_autoptr(GFile) good_file = NULL;
  g_autoptr(GFile) single = NULL;
  g_autoptr(PnlImporter) first = NULL;
  g_autoptr(PnlImporter) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;

  /* Bundles written by hand: members may keep their format and version. */
  good_bundle = g_strdup_printf ("{ \"format\": \"panelist-scorecards\", \"version\": 1,\n"
                                 "  \"scorecards\": [\n%s,\n%s] }\n", f->golden, other);
  bad_bundle = g_strdup_printf ("{ \"format\": \"panelist-scorecards\", \"version\": 1,\n"
                                "  \"scorecards\": [\n%s,\n%s] }\n", f->golden, bad);
  bad_file = write_file (f, "bad-bundle.json", bad_bundle);
  good_file = write_file (f, "good-bundle.json", good_bundle);

  before = export_all (f->store);
  first = import_files (f->store, bad_file, NULL);
  assert_counts (first, (Counts) { .failed = 1 });
  after = export_all (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM interviews"), ==, 0);

  second = import_files (f->store, bad_file, good_file, NULL);
  assert_counts (second, (Counts) { .added = 2, .failed = 1 });

  text = export_one (f->store, UUID);
  g_assert_cmpstr (text, ==, f->golden);
  g_clear_pointer (&text, g_free);
  text = export_one (f->store, OTHER_UUID);
  g_assert_cmpstr (text, ==, other);

  /* Our own bundle of the whole database reads back the same. */
  g_clear_pointer (&before, g_free);
  before = export_all (f->store);
  single = write_file (f, "all.json", before);
  g_clear_object (&first);
  first = import_files (f->store, single, NULL);
  assert_counts (first, (Counts) { .unchanged = 2 });
}

/* A note of one megabyte goes through the database whole. */
static void
test_large_note (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(PnlImporter) importer = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  while (note->len < 1024 * 1024)
    g_string_append (note, "<b>&amp;</b> =SUM(A1) \"q\", 🚀\tمرحبا\n");

  escaped = g_strescape (note->str, "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f"
                                    "\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f"
                                    "\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf"
                                    "\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf"
                                    "\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf"
                                    "\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf"
                                    "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef"
                                    "\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff");
  text = g_strdup_printf ("\"notes\": \"%s\"", escaped);
  g_free (escaped);
  escaped = replace_once (f->golden, "\"notes\": \"=cmd|' /C calc'!A0\"", text);

  file = write_file (f, "large.json", escaped);
  importer = import_files (f->store, file, NULL);
  assert_counts (importer, (Counts) { .added = 1 });

  again = export_one (f->store, UUID);
  g_assert_cmpuint (strlen (again), >, 1024 * 1024);
  g_assert_cmpstr (again, ==, escaped);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_importer_import_files_finish (PNL_IMPORTER (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(PnlImporter) importer = pnl_importer_new (f->store);
  g_autofree char *text = NULL;
  gboolean done = FALSE;

  g_list_store_append (files, file);
  g_list_store_append (files, file);
  pnl_importer_import_files_async (importer, G_LIST_MODEL (files), NULL, import_done_cb, &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  assert_counts (importer, (Counts) { .added = 1, .unchanged = 1 });
  text = export_one (f->store, UUID);
  g_assert_cmpstr (text, ==, f->golden);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  add_test ("/core/import/round-trip", test_round_trip);
  add_test ("/core/import/created-here", test_created_here);
  add_test ("/core/import/idempotent", test_idempotent);
  add_test ("/core/import/newer-revision", test_newer_revision);
  add_test ("/core/import/conflict", test_conflict);
  add_test ("/core/import/broken", test_broken);
  add_test ("/core/import/strict", test_strict);
  add_test ("/core/import/deep", test_deep);
  add_test ("/core/import/bundle", test_bundle);
  add_test ("/core/import/large-note", test_large_note);
  add_test ("/core/import/async", test_async);

#undef add_test

  return g_test_run ();
}
