/* test-import.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scorecard.h"
#include "pnl-session-private.h"
#include "pnl-store.h"

#define UUID "0f8b7c62-3d4e-4a51-9c1a-7e2b5d9f0a13"
#define OTHER_UUID "5d0c1f4e-2b7a-4c88-a1e3-9f6b0d2c7e15"
/* The installation that made the golden scorecard: not this one. */
#define GOLDEN_ORIGIN "5b7e1d2a-9c34-4f6e-8a1b-3d2c4e5f6a7b"

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


/* Safety of imports ------------------------------------------------------ */

static char *
db_path (Fixture *f)
{
  return g_build_filename (f->dir, "panelist.db", NULL);
}

/* Every row of @table, every column with its type, in rowid order: what
 * "byte for byte unchanged" compares. */
static char *
dump_table (Fixture    *f,
            const char *table)
{
  g_autofree char *path = db_path (f);
  /* area_scores has no rowid: its key orders it. */
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", table,
                                          g_str_equal (table, "area_scores")
                                          ? "interview_id, area_id" : "rowid");
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_string_append_printf (out, "%d:", sqlite3_column_type (stmt, i));
          g_string_append_len (out, sqlite3_column_blob (stmt, i), sqlite3_column_bytes (stmt, i));
          g_string_append_c (out, '\x1f');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_interview_rows (Fixture *f)
{
  g_autofree char *interviews = dump_table (f, "interviews");
  g_autofree char *candidates = dump_table (f, "candidates");
  g_autofree char *answers = dump_table (f, "answers");
  g_autofree char *custom = dump_table (f, "custom_questions");
  g_autofree char *areas = dump_table (f, "area_scores");

  return g_strjoin ("--\n", interviews, candidates, answers, custom, areas, NULL);
}

static char *
stored_notes (Fixture    *f,
              const char *uuid,
              const char *question_id)
{
  g_autofree char *path = db_path (f);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *notes = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT a.notes FROM answers a"
                                       "  JOIN interviews i ON i.id = a.interview_id"
                                       " WHERE i.uuid = ?1 AND a.question_id = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    notes = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return notes;
}

/* The conflicts kept, as "revision reason fields" separated by ";". */
static char *
kept_conflicts (Fixture *f)
{
  g_autofree char *path = db_path (f);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT coalesce (group_concat (revision || ' ' || reason"
                                       "                               || ' ' || fields, ';'), '')"
                                       "  FROM (SELECT * FROM conflicts ORDER BY id)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

static PnlBank *
load_shipped_bank (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "banks",
                                                 "backend-developer.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PnlBank *bank = pnl_bank_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);

  return bank;
}

/* @text, a scorecard made by @origin, as made by this installation: a
 * copy of this database on another machine has its identity. */
static char *
as_mine (Fixture    *f,
         const char *text,
         const char *origin)
{
  g_autofree char *from = NULL;

  if (origin == NULL)
    {
      /* The one origin in a scorecard this build wrote. */
      const char *at = strstr (text, "\"origin\": \"");

      g_assert_nonnull (at);
      from = g_strndup (at + strlen ("\"origin\": \""), 36);
      origin = from;
    }

  return replace_once (text, origin, pnl_store_get_identity (f->store));
}

/* An interview in progress made by another installation (another
 * interviewer's database), as its scorecard file says it. */
static char *
made_by_another (Fixture     *f,
                 const char  *custom_prompt,
                 char       **uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = load_shipped_bank ();
  g_autoptr(PnlStore) origin = open_store (f->dir, "origin.db");
  g_autoptr(PnlInterview) interview = NULL;
  char *text;

  g_autoptr(PnlAnswer) custom = NULL;

  interview = pnl_store_create_interview (origin, "Ana Lima", "ATS-1", "Backend developer",
                                          "Technical 1", "Priya", bank, &error);
  g_assert_no_error (error);
  /* A question of Priya's own, as asked in her interview. */
  if (custom_prompt != NULL)
    {
      custom = pnl_store_add_custom_question (origin, interview, "databases", "Databases",
                                              custom_prompt, &error);
      g_assert_no_error (error);
      g_assert_true (pnl_store_flush (origin, &error));
      g_assert_no_error (error);
    }
  *uuid = g_strdup (pnl_interview_get_uuid (interview));
  text = export_one (origin, *uuid);
  g_clear_object (&interview);
  close_store (g_steal_pointer (&origin));

  return text;
}

/* An interview in progress made on another machine with this
 * installation's identity (its database copied there), as its scorecard
 * file says it: what this machine imports, then someone types into. */
static char *
made_elsewhere (Fixture  *f,
                char    **uuid)
{
  g_autofree char *theirs = made_by_another (f, NULL, uuid);

  return as_mine (f, theirs, NULL);
}

/* @text at revision @revision, with every answer's notes set to @notes. */
static char *
at_revision (const char *text,
             gint64      revision,
             const char *notes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *answers;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "revision", revision);
  answers = json_object_get_array_member (root, "answers");
  for (guint i = 0; notes != NULL && i < json_array_get_length (answers); i++)
    json_object_set_string_member (json_array_get_object_element (answers, i), "notes", notes);

  return json_to_string (json_parser_get_root (parser), TRUE);
}

/* The @index-th answer of @session, borrowed: the session holds it. */
static PnlAnswer *
nth_answer (PnlSession *session,
            guint       index)
{
  PnlAnswer *answer = g_list_model_get_item (pnl_session_get_answers (session), index);

  g_object_unref (answer);

  return answer;
}

static const char *
question_id_of (PnlAnswer *answer)
{
  return pnl_question_get_id (pnl_answer_get_question (answer));
}

static GSubprocess *
spawn_panelist (Fixture     *f,
                const char  *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path (f);
  const char *binary = g_getenv ("PANELIST_BINARY");
  GSubprocess *process;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, g_strdup (binary));
  g_ptr_array_add (argv, g_strdup_printf ("--database=%s", path));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

typedef struct
{
  gboolean  done;
  char     *out;
  char     *err;
} Finished;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Finished *finished = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result,
                                        &finished->out, &finished->err, &error);
  g_assert_no_error (error);
  finished->done = TRUE;
}

/* Types @word at the end of the current answer's notes, then lets the
 * main loop run a little, as between keystrokes. */
static void
type_word (PnlSession *session,
           const char *word)
{
  PnlAnswer *answer = pnl_session_get_current (session);
  g_autofree char *notes = g_strconcat (pnl_answer_get_notes (answer), " ", word, NULL);

  pnl_session_set_notes (session, notes);
  for (guint i = 0; i < 3 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  g_usleep (5 * 1000);
}

/* A save that matches no row (its interview forgotten meanwhile) is an
 * error, reported by save-failed, and stays queued: never a success. */
static void
save_failed_cb (PnlStore     *store,
                const GError *error,
                gpointer      user_data)
{
  guint *n_failed = user_data;

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  (*n_failed)++;
}

static void
test_save_matching_no_row (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(PnlImporter) importer = import_files (f->store, file, NULL);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PnlAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  interview = pnl_store_find_interview (f->store, UUID, &error);
  g_assert_no_error (error);
  answers = pnl_store_list_answers (f->store, interview, &error);
  g_assert_no_error (error);
  answer = g_list_model_get_item (answers, 0);

  g_signal_connect (f->store, "save-failed", G_CALLBACK (save_failed_cb), &n_failed);

  g_assert_true (pnl_store_forget_candidate (f->store, pnl_interview_get_candidate_id (interview),
                                             NULL, &error));
  g_assert_no_error (error);

  pnl_answer_set_notes (answer, "Typed after it was forgotten");
  pnl_store_save_answer (f->store, answer);

  g_assert_false (pnl_store_flush (f->store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 1);
  while (n_failed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_failed, ==, 1);

  /* The store cannot close with it: dropping it says it was lost. */
  g_test_expect_message ("pnl-writer", G_LOG_LEVEL_WARNING, "*were lost*");
  g_signal_handlers_disconnect_by_data (f->store, &n_failed);
  g_clear_object (&importer);
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_test_assert_expected_messages ();
}

/* A reimport that gives the answer rows another order (and ids) cannot
 * move notes to another question: saves go by question id. */
static void
test_reordered_rows (Fixture       *f,
                     gconstpointer  data)
{
  /* Made with this installation's identity: editable here. */
  g_autofree char *mine = as_mine (f, f->golden, GOLDEN_ORIGIN);
  g_autoptr(GFile) file = write_file (f, "scorecard.json", mine);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autoptr(PnlImporter) second = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonArray) reversed = json_array_new ();
  g_autoptr(GFile) reordered_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reordered = NULL;
  g_auto(GStrv) before = NULL;
  JsonObject *root;
  JsonArray *list;
  guint n;

  assert_counts (first, (Counts) { .added = 1 });
  interview = pnl_store_find_interview (f->store, UUID, &error);
  g_assert_no_error (error);
  answers = pnl_store_list_answers (f->store, interview, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (answers);
  g_assert_cmpuint (n, >=, 2);

  before = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

      before[i] = g_strdup (pnl_answer_get_notes (answer));
    }

  /* The same interview, a revision on, its answers the other way round. */
  json_parser_load_from_data (parser, mine, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "revision", 5);
  list = json_object_get_array_member (root, "answers");
  for (guint i = json_array_get_length (list); i > 0; i--)
    json_array_add_element (reversed, json_node_copy (json_array_get_element (list, i - 1)));
  json_object_set_array_member (root, "answers", json_array_ref (reversed));
  reordered = json_to_string (json_parser_get_root (parser), TRUE);
  reordered_file = write_file (f, "reordered.json", reordered);

  second = import_files (f->store, reordered_file, NULL);
  assert_counts (second, (Counts) { .updated = 1 });

  /* The answer objects read before it still save to their questions. */
  {
    g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, 0);

    pnl_answer_set_notes (answer, "Typed after the reimport");
    pnl_store_save_answer (f->store, answer);
    g_assert_true (pnl_store_flush (f->store, &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);
      g_autofree char *notes = stored_notes (f, UUID, question_id_of (answer));

      g_assert_cmpstr (notes, ==, i == 0 ? "Typed after the reimport" : before[i]);
    }
}

/* A file with the UUID of an interview here, a higher revision and
 * another candidate and interviewer: a conflict naming the fields, never
 * the values, and not one byte of the interview's rows changes. */
static void
test_identity_takeover (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autoptr(PnlImporter) second = NULL;
  g_autoptr(PnlImporter) third = NULL;
  g_autoptr(GFile) impostor_file = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *step = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *impostor = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const GError *conflict;

  assert_counts (first, (Counts) { .added = 1 });
  before = dump_interview_rows (f);

  step = replace_once (f->golden, "\"revision\": 3", "\"revision\": 9");
  step2 = replace_once (step, "\"name\": \"Zoë \\\"Zed\\\" O'Brien, <b>&amp;</b>\"",
                        "\"name\": \"Impostor Person\"");
  impostor = replace_once (step2, "\"interviewer\": \"ليلى حداد\"", "\"interviewer\": \"Mallory\"");
  impostor_file = write_file (f, "impostor.json", impostor);

  second = import_files (f->store, impostor_file, NULL);
  assert_counts (second, (Counts) { .conflicts = 1 });
  conflict = g_ptr_array_index (pnl_importer_get_conflicts (second), 0);
  g_test_message ("%s", conflict->message);
  g_assert_error (conflict, PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (conflict->message, UUID));
  g_assert_nonnull (strstr (conflict->message, "candidate name, interviewer"));
  g_assert_null (strstr (conflict->message, "Impostor"));
  g_assert_null (strstr (conflict->message, "Mallory"));
  g_assert_null (strstr (conflict->message, "Zed"));

  after = dump_interview_rows (f);
  g_assert_cmpstr (after, ==, before);

  /* Kept whole, once however often it arrives. */
  third = import_files (f->store, impostor_file, NULL);
  assert_counts (third, (Counts) { .conflicts = 1 });
  kept = kept_conflicts (f);
  /* The fields: candidate name (1) and interviewer (4). */
  g_assert_cmpstr (kept, ==, "9 identity 5");
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM conflicts"
                                  " WHERE scorecard LIKE '%Impostor Person%'"
                                  "   AND source LIKE '%impostor.json'"), ==, 1);

  g_clear_pointer (&after, g_free);
  after = dump_interview_rows (f);
  g_assert_cmpstr (after, ==, before);
}

/* Resolving: mine keeps the copy here above theirs; theirs takes the
 * arrival as a revision above the one here. */
static void
test_resolve (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "scorecard.json", f->golden);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autoptr(PnlImporter) second = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *step = replace_once (f->golden, "\"revision\": 3", "\"revision\": 7");
  g_autofree char *other = replace_once (step, "\"interviewer\": \"ليلى حداد\"",
                                         "\"interviewer\": \"Someone else\"");
  g_autoptr(GFile) other_file = write_file (f, "other.json", other);
  g_autofree char *before = NULL;

  assert_counts (first, (Counts) { .added = 1 });

  /* Nothing to resolve yet. */
  g_assert_false (pnl_store_resolve_conflict (f->store, UUID, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  second = import_files (f->store, other_file, NULL);
  assert_counts (second, (Counts) { .conflicts = 1 });
  before = export_one (f->store, UUID);

  g_assert_true (pnl_store_resolve_conflict (f->store, UUID, FALSE, &error));
  g_assert_no_error (error);
  interview = pnl_store_find_interview (f->store, UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_interview_get_revision (interview), ==, 8);
  g_assert_cmpstr (pnl_interview_get_interviewer (interview), ==, "ليلى حداد");
  conflicts = pnl_store_list_conflicts (f->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  g_clear_object (&interview);

  /* It comes again: theirs this time. */
  g_clear_object (&second);
  second = import_files (f->store, other_file, NULL);
  assert_counts (second, (Counts) { .unchanged = 1 });
  g_clear_pointer (&step, g_free);
  g_clear_pointer (&other, g_free);
  step = replace_once (f->golden, "\"revision\": 3", "\"revision\": 12");
  other = replace_once (step, "\"interviewer\": \"ليلى حداد\"", "\"interviewer\": \"Someone else\"");
  g_clear_object (&other_file);
  other_file = write_file (f, "other.json", other);
  g_clear_object (&second);
  second = import_files (f->store, other_file, NULL);
  assert_counts (second, (Counts) { .conflicts = 1 });

  g_assert_true (pnl_store_resolve_conflict (f->store, UUID, TRUE, &error));
  g_assert_no_error (error);
  interview = pnl_store_find_interview (f->store, UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_interview_get_revision (interview), ==, 13);
  g_assert_cmpstr (pnl_interview_get_interviewer (interview), ==, "Someone else");
  conflicts = pnl_store_list_conflicts (f->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* While a session types into a question, a newer revision of the same
 * interview is imported by `panelist --import` in another process: every
 * word is on disk, in that question, and the arrival is kept aside. */
static void
test_cli_import_while_typing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = made_elsewhere (f, &uuid);
  g_autoptr(GFile) file = write_file (f, "elsewhere.json", text);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autofree char *newer = NULL;
  g_autoptr(GFile) newer_file = NULL;
  g_autofree char *newer_path = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) other = NULL;
  g_autoptr(PnlSession) session = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(PnlBank) bank = load_shipped_bank ();
  g_autofree char *typed = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *untouched = NULL;
  Finished finished = { 0 };
  PnlAnswer *typing;
  PnlAnswer *beside;
  guint n_after = 0;
  guint word = 0;

  assert_counts (first, (Counts) { .added = 1 });

  /* Another interview after it, so that rows added again would get
   * other ids. */
  other = pnl_store_create_interview (f->store, "Bo Chen", "", "Backend developer",
                                      "Technical 1", "Priya", bank, &error);
  g_assert_no_error (error);

  interview = pnl_store_find_interview (f->store, uuid, &error);
  g_assert_no_error (error);
  session = pnl_session_new (f->store, interview, &error);
  g_assert_no_error (error);
  typing = nth_answer (session, 3);
  beside = nth_answer (session, 4);
  pnl_session_set_current (session, typing);

  for (; word < 20; word++)
    {
      g_autofree char *w = g_strdup_printf ("before%u", word);

      type_word (session, w);
    }

  newer = at_revision (text, 40, "Written on the other machine");
  newer_file = write_file (f, "newer.json", newer);
  newer_path = g_file_get_path (newer_file);
  process = spawn_panelist (f, "--import", newer_path, NULL);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &finished);

  while (!finished.done)
    {
      g_autofree char *w = g_strdup_printf ("during%u", word++);

      type_word (session, w);
    }

  for (; n_after < 99; n_after++)
    {
      g_autofree char *w = g_strdup_printf ("after%u", word++);

      type_word (session, w);
    }

  g_test_message ("import: %s", finished.out);
  g_test_message ("%s", finished.err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
  g_assert_nonnull (strstr (finished.out, "conflicts 1"));
  g_assert_nonnull (strstr (finished.err, uuid));

  pnl_session_save_now (session);
  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);

  /* Every word typed after the arrival, to the last one: the words are
   * numbered on from those typed while the import ran. */
  typed = g_strdup (pnl_answer_get_notes (typing));
  {
    g_autofree char *first_after = g_strdup_printf (" after%u ", word - 99);
    g_autofree char *last_after = g_strdup_printf (" after%u", word - 1);

    g_assert_nonnull (strstr (typed, first_after));
    g_assert_true (g_str_has_suffix (typed, last_after));
  }
  stored = stored_notes (f, uuid, question_id_of (typing));
  g_assert_cmpstr (stored, ==, typed);
  untouched = stored_notes (f, uuid, question_id_of (beside));
  g_assert_cmpstr (untouched, ==, "");

  kept = kept_conflicts (f);
  g_assert_cmpstr (kept, ==, "40 changed-here 0");

  g_clear_pointer (&finished.out, g_free);
  g_clear_pointer (&finished.err, g_free);
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* The lease alone: an interview open in a session, in step and not
 * changed yet, still keeps a newer arrival aside; once the session is
 * gone, the same arrival is a fast-forward. */
static void
test_lease (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = made_elsewhere (f, &uuid);
  g_autoptr(GFile) file = write_file (f, "elsewhere.json", text);
  g_autoptr(PnlImporter) first = import_files (f->store, file, NULL);
  g_autoptr(PnlImporter) second = NULL;
  g_autoptr(PnlImporter) third = NULL;
  g_autofree char *newer = at_revision (text, 4, "From the other machine");
  g_autoptr(GFile) newer_file = write_file (f, "newer.json", newer);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlSession) session = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  assert_counts (first, (Counts) { .added = 1 });
  interview = pnl_store_find_interview (f->store, uuid, &error);
  g_assert_no_error (error);
  session = pnl_session_new (f->store, interview, &error);
  g_assert_no_error (error);
  before = dump_interview_rows (f);

  second = import_files (f->store, newer_file, NULL);
  assert_counts (second, (Counts) { .conflicts = 1 });
  after = dump_interview_rows (f);
  g_assert_cmpstr (after, ==, before);

  g_assert_finalize_object (g_steal_pointer (&session));
  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);

  third = import_files (f->store, newer_file, NULL);
  assert_counts (third, (Counts) { .updated = 1 });
  g_clear_pointer (&after, g_free);
  after = export_one (f->store, uuid);
  g_assert_nonnull (strstr (after, "\"revision\": 4,"));
  g_assert_nonnull (strstr (after, "From the other machine"));
}

/* 1,800 held the write lock 8.5 s before imports ran in short batches. */
static const guint bundle_size = 1800;
#define BUNDLE_ANSWERS 30

/* The golden scorecard with BUNDLE_ANSWERS more answers, for candidate
 * @index: about the rows of a real interview. */
static char *
larger_scorecard (Fixture *f,
                  guint    index)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *uuid = g_strdup_printf ("0f8b7c62-3d4e-4a51-9c1a-%012x", index);
  g_autofree char *name = g_strdup_printf ("Candidate %u", index);
  JsonObject *root;
  JsonArray *answers;
  JsonNode *model;

  json_parser_load_from_data (parser, f->golden, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "uuid", uuid);
  json_object_set_string_member (json_object_get_object_member (root, "candidate"), "name", name);
  answers = json_object_get_array_member (root, "answers");
  model = json_array_get_element (answers, 1);
  for (guint i = 0; i < BUNDLE_ANSWERS; i++)
    {
      /* A deep copy: json_node_copy() shares the object. */
      g_autofree char *text = json_to_string (model, FALSE);
      g_autofree char *id = g_strdup_printf ("conflict-%u", i);
      JsonNode *copy = json_from_string (text, NULL);
      JsonObject *answer = json_node_get_object (copy);

      json_object_set_string_member (answer, "question_id", id);
      json_object_set_string_member (json_object_get_object_member (answer, "question"), "id", id);
      json_array_add_element (answers, copy);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));

  return json_generator_to_data (generator, NULL);
}

/* While a bundle of 1,800 scorecards is imported by another process,
 * another connection writes again and again: none of its writes fails
 * with "database is locked" nor waits a second. */
static void
test_bundle_lets_others_write (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GString) bundle = g_string_new ("{ \"format\": \"panelist-scorecards\", \"version\": 1,\n"
                                            "  \"scorecards\": [\n");
  g_autofree char *path = db_path (f);
  g_autoptr(GFile) file = NULL;
  g_autofree char *bundle_path = NULL;
  g_autoptr(GSubprocess) process = NULL;
  Finished finished = { 0 };
  sqlite3 *db = NULL;
  guint n_writes = 0;
  guint n_failed = 0;
  guint n_slow = 0;
  gint64 longest = 0;
  gint64 started;

  for (guint i = 0; i < bundle_size; i++)
    {
      g_autofree char *card = larger_scorecard (f, i);

      g_string_append (bundle, card);
      g_string_append (bundle, i + 1 < bundle_size ? ",\n" : "] }\n");
    }
  file = write_file (f, "bundle.json", bundle->str);
  bundle_path = g_file_get_path (file);

  /* The other writer: a connection of its own, waiting as Panelist's do. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  /* Its commits copy none of the import's log into the file: what is
   * timed is the wait for the lock alone. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE probe (at INTEGER)", NULL, NULL, NULL), ==, SQLITE_OK);

  process = spawn_panelist (f, "--import", bundle_path, NULL);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &finished);

  started = g_get_monotonic_time ();
  while (!finished.done)
    {
      gint64 start = g_get_monotonic_time ();
      int rc = sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO probe VALUES (1); COMMIT", NULL, NULL, NULL);
      gint64 waited = g_get_monotonic_time () - start;

      n_writes++;
      if (rc != SQLITE_OK)
        {
          g_test_message ("a write failed after %" G_GINT64_FORMAT " ms: %s",
                          waited / 1000, sqlite3_errmsg (db));
          n_failed++;
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        }
      longest = MAX (longest, waited);
      n_slow += waited > G_USEC_PER_SEC;

      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20 * 1000);
    }

  g_test_message ("import of %u scorecards: %" G_GINT64_FORMAT " ms; %u writes beside it, "
                  "%u failed, %u waited over 1 s, the longest %" G_GINT64_FORMAT " ms",
                  bundle_size, (g_get_monotonic_time () - started) / 1000, n_writes,
                  n_failed, n_slow, longest / 1000);
  g_test_message ("%s%s", finished.out, finished.err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  {
    g_autofree char *expected = g_strdup_printf ("added %u, updated 0, unchanged 0, conflicts 0, failed 0\n",
                                                 bundle_size);

    g_assert_cmpstr (finished.out, ==, expected);
  }

  g_assert_cmpuint (n_writes, >, 0);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (n_slow, ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT COUNT(*) FROM interviews"), ==, bundle_size);

  sqlite3_close (db);
  g_clear_pointer (&finished.out, g_free);
  g_clear_pointer (&finished.err, g_free);
}

/* Another interviewer's scorecard in progress, imported: every way of
 * changing it through a session is refused, its clock never runs, the
 * store queues no save of it, and nothing of it changes on disk: its
 * revision stays the one it came with. */
static void
test_foreign_read_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = made_by_another (f, "How would you shard it?", &uuid);
  g_autoptr(GFile) file = write_file (f, "theirs.json", text);
  g_autoptr(PnlImporter) importer = import_files (f->store, file, NULL);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) again = NULL;
  g_autoptr(PnlSession) session = NULL;
  g_autoptr(PnlAnswer) added = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *leases = NULL;
  g_autofree char *exported = NULL;
  PnlAnswer *answer;

  assert_counts (importer, (Counts) { .added = 1 });
  interview = pnl_store_find_interview (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_interview_get_state (interview), ==, PNL_INTERVIEW_STATE_IN_PROGRESS);
  /* Revision 2: created, then her own question added. */
  g_assert_cmpint (pnl_interview_get_revision (interview), ==, 2);
  g_assert_cmpstr (pnl_interview_get_origin (interview), !=, pnl_store_get_identity (f->store));
  g_assert_false (pnl_store_interview_is_mine (f->store, interview));
  before = dump_interview_rows (f);

  session = pnl_session_new (f->store, interview, &error);
  g_assert_no_error (error);
  g_assert_true (pnl_session_get_foreign (session));
  g_assert_true (pnl_session_get_locked (session));

  /* It holds nothing: what its interviewer publishes next still comes. */
  leases = dump_table (f, "leases");
  g_assert_cmpstr (leases, ==, "");

  answer = nth_answer (session, 0);
  pnl_session_set_current (session, answer);
  g_assert_false (_pnl_session_is_ticking (session));
  _pnl_session_tick (session);
  _pnl_session_tick (session);
  g_assert_cmpuint (pnl_session_get_elapsed (session), ==, 0);

  pnl_session_set_notes (session, "Typed by someone else");
  pnl_session_set_score (session, 2);
  pnl_session_toggle_flag (session, PNL_ANSWER_FLAGS_RED_FLAG);
  pnl_session_set_asked (session, TRUE);
  pnl_session_set_summary (session, "Not theirs to write");
  pnl_session_set_recommendation (session, PNL_RECOMMENDATION_STRONG_YES);
  pnl_session_reopen (session);
  g_assert_true (pnl_session_get_locked (session));
  pnl_session_submit (session);
  g_assert_cmpint (pnl_interview_get_state (interview), ==, PNL_INTERVIEW_STATE_IN_PROGRESS);
  added = pnl_session_add_question (session, pnl_question_get_area_id (pnl_answer_get_question (answer)),
                                    "Why?", &error);
  g_assert_null (added);
  g_clear_error (&error);

  g_assert_cmpstr (pnl_answer_get_notes (answer), ==, "");
  g_assert_cmpint (pnl_answer_get_score (answer), ==, 0);
  g_assert_cmpint (pnl_answer_get_flags (answer), ==, 0);
  g_assert_false (pnl_answer_get_asked (answer));
  g_assert_cmpstr (pnl_interview_get_summary (interview), ==, "");
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_NONE);

  /* Nor through the store, whoever changes the objects. */
  pnl_answer_set_notes (answer, "Set on the object");
  g_assert_false (pnl_store_save_answer (f->store, answer));
  pnl_interview_set_summary (interview, "Set on the object");
  g_assert_false (pnl_store_save_interview (f->store, interview));
  g_assert_null (pnl_store_add_custom_question (f->store, interview, "databases", "Databases",
                                                "Why?", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* Its interviewer's own questions stay as they wrote them. */
  {
    GListModel *answers = pnl_session_get_answers (session);
    PnlAnswer *custom = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (answers) && custom == NULL; i++)
      {
        g_autoptr(PnlAnswer) item = g_list_model_get_item (answers, i);

        if (pnl_answer_get_custom (item))
          custom = item;
      }
    g_assert_nonnull (custom);

    g_assert_false (pnl_session_rename_question (session, custom, "Renamed", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
    g_assert_nonnull (strstr (error->message, "another interviewer"));
    g_clear_error (&error);
    g_assert_false (pnl_session_remove_question (session, custom, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);

    pnl_store_remove_custom_question (f->store, custom);
    pnl_store_rename_custom_question (f->store, custom);
  }

  pnl_session_save_now (session);
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&session));
  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);

  after = dump_interview_rows (f);
  g_assert_cmpstr (after, ==, before);
  again = pnl_store_find_interview (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_interview_get_revision (again), ==, 2);

  /* It travels on as it came. */
  exported = export_one (f->store, uuid);
  g_assert_cmpstr (exported, ==, text);
}

/* A scorecard of mine (made with this installation's identity: the
 * database copied to my other laptop) stays editable once imported;
 * one of mine created here too. */
static void
test_mine_editable (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = made_elsewhere (f, &uuid);
  g_autoptr(GFile) file = write_file (f, "mine.json", text);
  g_autoptr(PnlImporter) importer = import_files (f->store, file, NULL);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) again = NULL;
  g_autoptr(PnlInterview) created = NULL;
  g_autoptr(PnlSession) session = NULL;
  g_autoptr(PnlBank) bank = load_shipped_bank ();
  g_autofree char *notes = NULL;
  g_autofree char *question_id = NULL;
  PnlAnswer *answer;

  assert_counts (importer, (Counts) { .added = 1 });
  interview = pnl_store_find_interview (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_origin (interview), ==, pnl_store_get_identity (f->store));
  g_assert_true (pnl_store_interview_is_mine (f->store, interview));

  session = pnl_session_new (f->store, interview, &error);
  g_assert_no_error (error);
  g_assert_false (pnl_session_get_foreign (session));
  g_assert_false (pnl_session_get_locked (session));
  answer = nth_answer (session, 0);
  pnl_session_set_current (session, answer);
  question_id = g_strdup (question_id_of (answer));
  g_assert_true (_pnl_session_is_ticking (session));
  pnl_session_set_notes (session, "Mine, from the other laptop");
  pnl_session_save_now (session);
  g_assert_finalize_object (g_steal_pointer (&session));
  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);

  again = pnl_store_find_interview (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_interview_get_revision (again), >, 1);
  notes = stored_notes (f, uuid, question_id);
  g_assert_cmpstr (notes, ==, "Mine, from the other laptop");

  created = pnl_store_create_interview (f->store, "Bo Chen", "", "Backend developer",
                                        "Technical 1", "Priya", bank, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_origin (created), ==, pnl_store_get_identity (f->store));
  g_assert_true (pnl_store_interview_is_mine (f->store, created));
  g_assert_true (g_uuid_string_is_valid (pnl_store_get_identity (f->store)));
}

/* A scorecard without an origin (written before origins) still imports,
 * and, imported, is not mine: nothing says it was made here. */
static void
test_no_origin_foreign (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *older = replace_once (f->golden, "  \"origin\": \"" GOLDEN_ORIGIN "\",\n", "");
  g_autoptr(GFile) file = write_file (f, "older.json", older);
  g_autoptr(PnlImporter) importer = import_files (f->store, file, NULL);
  g_autoptr(PnlInterview) interview = NULL;
  g_autofree char *exported = NULL;

  assert_counts (importer, (Counts) { .added = 1 });
  interview = pnl_store_find_interview (f->store, UUID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_origin (interview), ==, "");
  g_assert_false (pnl_store_interview_is_mine (f->store, interview));
  exported = export_one (f->store, UUID);
  g_assert_cmpstr (exported, ==, older);
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
  add_test ("/core/import/save-matching-no-row", test_save_matching_no_row);
  add_test ("/core/import/reordered-rows", test_reordered_rows);
  add_test ("/core/import/identity-takeover", test_identity_takeover);
  add_test ("/core/import/resolve", test_resolve);
  add_test ("/core/import/lease", test_lease);
  add_test ("/core/import/cli-while-typing", test_cli_import_while_typing);
  /* A measure of how long the lock is held means nothing under the
   * sanitizers (tests/meson.build sets ASAN_OPTIONS for that build only),
   * whose slow stack walk at every malloc makes the bundle alone take
   * minutes to build and import: the debug build's suite runs it. */
  if (g_getenv ("ASAN_OPTIONS") == NULL)
    add_test ("/core/import/bundle-lets-others-write", test_bundle_lets_others_write);
  add_test ("/core/import/foreign-read-only", test_foreign_read_only);
  add_test ("/core/import/mine-editable", test_mine_editable);
  add_test ("/core/import/no-origin-foreign", test_no_origin_foreign);

#undef add_test

  return g_test_run ();
}
