/* test-bank-library.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pnl-bank.h"
#include "pnl-bank-library.h"

typedef struct
{
  GFile *user_dir;
} Fixture;

static char *
bank_text (const char *id,
           const char *title)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": \"panelist-bank\", \"version\": 1,\n"
                          "  \"id\": \"%s\", \"title\": \"%s\", \"role\": \"Tester\", \"language\": \"en\",\n"
                          "  \"areas\": [ { \"id\": \"a\", \"title\": \"A\" } ],\n"
                          "  \"questions\": [\n"
                          "    { \"id\": \"a.1\", \"area\": \"a\", \"kind\": \"technical\",\n"
                          "      \"level\": \"entry\", \"prompt\": \"Why?\" }\n"
                          "  ]\n"
                          "}\n", id, title);
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autoptr(GFile) file = g_file_get_child (fixture->user_dir, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
write_bank (Fixture    *fixture,
            const char *name,
            const char *id,
            const char *title)
{
  g_autofree char *text = bank_text (id, title);

  write_file (fixture, name, text);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();

  /* The default user folder, inside the test's own isolated data dir. */
  fixture->user_dir = g_object_ref (pnl_bank_library_get_user_dir (library));
  g_assert_true (g_str_has_prefix (g_file_peek_path (fixture->user_dir), g_get_user_data_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (fixture->user_dir), 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->user_dir);
}

static guint
n_banks (PnlBankLibrary *library)
{
  return g_list_model_get_n_items (pnl_bank_library_get_banks (library));
}

static void
test_no_user_folder (void)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();

  /* A missing user folder is normal, not an error. */
  g_assert_true (pnl_bank_library_load (library));
  g_assert_cmpuint (pnl_bank_library_get_errors (library)->len, ==, 0);
  g_assert_nonnull (pnl_bank_library_find (library, "backend-developer"));
}

static void
test_user_banks (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  GListModel *banks;
  g_autoptr(PnlBank) first = NULL;
  g_autoptr(PnlBank) last = NULL;

  write_bank (fixture, "zeta.json", "zeta", "Zeta panel");
  write_bank (fixture, "alpha.json", "alpha", "Alpha panel");
  write_file (fixture, "notes.txt", "not a bank at all");
  write_file (fixture, ".hidden.json", "{");

  g_assert_true (pnl_bank_library_load (library));
  g_assert_cmpuint (n_banks (library), ==, 3);

  /* Sorted by title. */
  banks = pnl_bank_library_get_banks (library);
  first = g_list_model_get_item (banks, 0);
  last = g_list_model_get_item (banks, 2);
  g_assert_cmpstr (pnl_bank_get_title (first), ==, "Alpha panel");
  g_assert_cmpstr (pnl_bank_get_title (last), ==, "Zeta panel");
}

static void
test_broken_does_not_stop_others (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  g_autoptr(GFile) broken = g_file_get_child (fixture->user_dir, "broken.json");
  const GPtrArray *errors;
  const GError *error;

  write_bank (fixture, "alpha.json", "alpha", "Alpha panel");
  write_file (fixture, "broken.json", "{\n  \"format\": \"panelist-bank\",\n  \"version\": 1\n  \"id\": \"x\"\n}\n");
  write_bank (fixture, "zeta.json", "zeta", "Zeta panel");

  g_assert_false (pnl_bank_library_load (library));

  /* The shipped bank and both good ones are there... */
  g_assert_cmpuint (n_banks (library), ==, 3);
  g_assert_nonnull (pnl_bank_library_find (library, "alpha"));
  g_assert_nonnull (pnl_bank_library_find (library, "zeta"));
  g_assert_nonnull (pnl_bank_library_find (library, "backend-developer"));

  /* ...and the broken one is named with its line. */
  errors = pnl_bank_library_get_errors (library);
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  g_assert_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, g_file_peek_path (broken)));
  g_assert_nonnull (strstr (error->message, "broken.json:3:"));

  /* Fixing the file and loading again clears the error. */
  write_bank (fixture, "broken.json", "mended", "Mended panel");
  g_assert_true (pnl_bank_library_load (library));
  g_assert_cmpuint (pnl_bank_library_get_errors (library)->len, ==, 0);
  g_assert_cmpuint (n_banks (library), ==, 4);
}

static void
test_user_replaces_shipped (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  PnlBank *bank;

  write_bank (fixture, "mine.json", "backend-developer", "My backend panel");

  g_assert_true (pnl_bank_library_load (library));
  g_assert_cmpuint (n_banks (library), ==, 1);
  bank = pnl_bank_library_find (library, "backend-developer");
  g_assert_cmpstr (pnl_bank_get_title (bank), ==, "My backend panel");
}

static void
test_duplicate_user_ids (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  const GError *error;

  write_bank (fixture, "a.json", "same", "First");
  write_bank (fixture, "b.json", "same", "Second");

  g_assert_false (pnl_bank_library_load (library));
  g_assert_cmpstr (pnl_bank_get_title (pnl_bank_library_find (library, "same")), ==, "First");

  error = g_ptr_array_index (pnl_bank_library_get_errors (library), 0);
  g_assert_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "b.json"));
  g_assert_nonnull (strstr (error->message, "a.json"));
}

static void
test_unreadable_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autoptr(GFile) file = g_file_get_child (fixture->user_dir, "file-not-folder");

  /* A user "folder" that is a file is reported, and the shipped banks still load. */
  write_file (fixture, "file-not-folder", "x");
  library = pnl_bank_library_new ("/io/github/panelist/Panelist/banks/", file);

  g_assert_false (pnl_bank_library_load (library));
  g_assert_cmpuint (pnl_bank_library_get_errors (library)->len, ==, 1);
  g_assert_nonnull (pnl_bank_library_find (library, "backend-developer"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/bank-library/no-user-folder", test_no_user_folder);
  g_test_add ("/core/bank-library/user-banks", Fixture, NULL,
              fixture_set_up, test_user_banks, fixture_tear_down);
  g_test_add ("/core/bank-library/broken-does-not-stop-others", Fixture, NULL,
              fixture_set_up, test_broken_does_not_stop_others, fixture_tear_down);
  g_test_add ("/core/bank-library/user-replaces-shipped", Fixture, NULL,
              fixture_set_up, test_user_replaces_shipped, fixture_tear_down);
  g_test_add ("/core/bank-library/duplicate-user-ids", Fixture, NULL,
              fixture_set_up, test_duplicate_user_ids, fixture_tear_down);
  g_test_add ("/core/bank-library/unreadable-folder", Fixture, NULL,
              fixture_set_up, test_unreadable_folder, fixture_tear_down);

  return g_test_run ();
}
