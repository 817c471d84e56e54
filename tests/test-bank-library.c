/* test-bank-library.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pnl-bank.h"
#include "pnl-bank-library.h"

typedef struct
{
  GFile *user_dir;
} Fixture;

static char *
bank_text_in (const char *id,
              const char *title,
              const char *language)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": \"panelist-bank\", \"version\": 1,\n"
                          "  \"id\": \"%s\", \"title\": \"%s\", \"role\": \"Tester\", \"language\": \"%s\",\n"
                          "  \"areas\": [ { \"id\": \"a\", \"title\": \"A\" } ],\n"
                          "  \"questions\": [\n"
                          "    { \"id\": \"a.1\", \"area\": \"a\", \"kind\": \"technical\",\n"
                          "      \"level\": \"entry\", \"prompt\": \"Why?\" }\n"
                          "  ]\n"
                          "}\n", id, title, language);
}

static char *
bank_text (const char *id,
           const char *title)
{
  return bank_text_in (id, title, "en");
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

static const char *
title_for (const char * const *languages)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  static char title[64];

  pnl_bank_library_set_languages (library, languages);
  g_assert_true (pnl_bank_library_load (library));
  g_strlcpy (title, pnl_bank_get_title (pnl_bank_library_find (library, "backend-developer")),
             sizeof title);

  return title;
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  const char * const swiss[] = { "de_CH.UTF-8", "de_CH", "de.UTF-8", "de", "C", NULL };
  const char * const german[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  const char * const french[] = { "fr_FR.UTF-8", "fr_FR", "fr", "C", NULL };
  const char * const english[] = { "en_GB.UTF-8", "en_GB", "en", "C", NULL };
  g_autofree char *de = bank_text_in ("backend-developer", "Backend (de)", "de");
  g_autofree char *de_ch = bank_text_in ("backend-developer", "Backend (de-CH)", "de-CH");
  g_autofree char *de_twice = bank_text_in ("backend-developer", "Backend (de again)", "DE");
  g_autofree char *shipped_title = NULL;

  /* The shipped bank alone, to know its title. */
  {
    g_autoptr(PnlBankLibrary) shipped = pnl_bank_library_new ("/io/github/panelist/Panelist/banks/", NULL);

    g_assert_true (pnl_bank_library_load (shipped));
    shipped_title = g_strdup (pnl_bank_get_title (pnl_bank_library_find (shipped, "backend-developer")));
  }

  /* The user's German bank shares the shipped English bank's id: both
   * load, and the language decides. */
  write_file (fixture, "de.json", de);
  g_assert_cmpstr (title_for (german), ==, "Backend (de)");
  g_assert_cmpstr (title_for (swiss), ==, "Backend (de)");
  g_assert_cmpstr (title_for (english), !=, "Backend (de)");
  /* No bank in French: the user's own wins over the shipped one. */
  g_assert_cmpstr (title_for (french), ==, "Backend (de)");

  /* The closer region wins; the shipped English bank for English. */
  write_file (fixture, "de-ch.json", de_ch);
  g_assert_cmpstr (title_for (swiss), ==, "Backend (de-CH)");
  g_assert_cmpstr (title_for (german), ==, "Backend (de)");
  g_assert_cmpstr (title_for (english), ==, shipped_title);

  /* One id and one language twice in one place is still an error. */
  write_file (fixture, "e.json", de_twice);
  {
    g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();

    pnl_bank_library_set_languages (library, german);
    g_assert_false (pnl_bank_library_load (library));
    g_assert_error ((const GError *) g_ptr_array_index (pnl_bank_library_get_errors (library), 0),
                    PNL_BANK_ERROR, PNL_BANK_ERROR_DUPLICATE);
    g_assert_cmpstr (pnl_bank_get_title (pnl_bank_library_find (library, "backend-developer")), ==,
                     "Backend (de)");
  }
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

/* Finds the error that names @name, or fails. */
static const GError *
find_error (PnlBankLibrary *library,
            const char     *name)
{
  const GPtrArray *errors = pnl_bank_library_get_errors (library);

  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      if (strstr (error->message, name) != NULL)
        return error;
    }

  g_error ("no error names %s", name);
  return NULL;
}

/* A pipe, a link to a device, a folder and a file over the size limit,
 * each with a bank's name: each is reported and read no further, and
 * the other banks load. */
static void
make_special_files (Fixture *fixture)
{
  const char *dir = g_file_peek_path (fixture->user_dir);
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.json", NULL);
  g_autofree char *folder = g_build_filename (dir, "x.json", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *linked = g_build_filename (dir, "linked.json", NULL);
  g_autofree char *target = g_build_filename (g_get_user_data_dir (), "elsewhere.json", NULL);
  g_autofree char *text = bank_text ("linked", "Linked panel");
  int fd;

  write_bank (fixture, "alpha.json", "alpha", "Alpha panel");
  write_bank (fixture, "zeta.json", "zeta", "Zeta panel");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, PNL_BANK_MAX_SIZE + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  /* A link to a regular file is followed. */
  g_assert_true (g_file_set_contents (target, text, -1, NULL));
  g_assert_cmpint (symlink (target, linked), ==, 0);
}

static void
assert_special_files_reported (PnlBankLibrary *library)
{
  g_assert_cmpuint (n_banks (library), ==, 4);
  g_assert_nonnull (pnl_bank_library_find (library, "alpha"));
  g_assert_nonnull (pnl_bank_library_find (library, "zeta"));
  g_assert_nonnull (pnl_bank_library_find (library, "linked"));
  g_assert_nonnull (pnl_bank_library_find (library, "backend-developer"));

  g_assert_cmpuint (pnl_bank_library_get_errors (library)->len, ==, 4);
  g_assert_error (find_error (library, "fifo.json"), PNL_BANK_ERROR, PNL_BANK_ERROR_IO);
  g_assert_nonnull (strstr (find_error (library, "fifo.json")->message, "named pipe"));
  g_assert_nonnull (strstr (find_error (library, "zero.json")->message, "device"));
  g_assert_nonnull (strstr (find_error (library, "x.json")->message, "folder"));
  g_assert_nonnull (strstr (find_error (library, "big.json")->message, "16 MiB"));
}

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

/* In a child with a time and a memory limit, so that a regression
 * fails rather than hanging the suite or exhausting the machine.  (No
 * memory limit under AddressSanitizer: its shadow memory needs far more
 * address space; it reports a huge allocation itself.) */
static gboolean
run_guarded (void)
{
  if (!g_test_subprocess ())
    return FALSE;

#ifndef UNDER_ASAN
  {
    struct rlimit limit = { 1024 * 1024 * 1024, 1024 * 1024 * 1024 };

    g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
  }
#endif
  alarm (20);

  return TRUE;
}

static void
test_special_files (Fixture       *fixture,
                    gconstpointer  data)
{
  if (run_guarded ())
    {
      g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();

      make_special_files (fixture);
      g_assert_false (pnl_bank_library_load (library));
      assert_special_files_reported (library);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (pnl_bank_library_load_finish (PNL_BANK_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
on_changed (PnlBankLibrary *library,
            guint          *n_changed)
{
  (*n_changed)++;
}

/* The same on a thread: the shipped banks are there at once, the
 * folder's when the load is done, with "changed" each time. */
static void
test_special_files_async (Fixture       *fixture,
                          gconstpointer  data)
{
  if (run_guarded ())
    {
      g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
      gboolean done = FALSE;
      guint n_changed = 0;

      make_special_files (fixture);
      g_signal_connect (library, "changed", G_CALLBACK (on_changed), &n_changed);
      g_assert_false (pnl_bank_library_get_loading (library));

      pnl_bank_library_load_async (library, NULL, load_cb, &done);
      g_assert_true (pnl_bank_library_get_loading (library));
      g_assert_cmpuint (n_changed, ==, 1);
      g_assert_cmpuint (n_banks (library), ==, 1);
      g_assert_nonnull (pnl_bank_library_find (library, "backend-developer"));

      while (!done)
        g_main_context_iteration (NULL, TRUE);

      g_assert_false (pnl_bank_library_get_loading (library));
      g_assert_cmpuint (n_changed, ==, 2);
      assert_special_files_reported (library);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A file of just the limit is read whole, not refused for its size (and
 * then refused for what it holds: blanks are no JSON value). */
static void
test_size_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  g_autofree char *path = g_build_filename (g_file_peek_path (fixture->user_dir), "spaces.json", NULL);
  g_autofree char *text = g_strnfill (PNL_BANK_MAX_SIZE, ' ');

  g_assert_true (g_file_set_contents (path, text, PNL_BANK_MAX_SIZE, NULL));
  g_assert_false (pnl_bank_library_load (library));
  g_assert_error (find_error (library, "spaces.json"), PNL_BANK_ERROR, PNL_BANK_ERROR_SYNTAX);
  g_assert_nonnull (strstr (find_error (library, "spaces.json")->message, "no JSON value"));
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
  g_test_add ("/core/bank-library/language", Fixture, NULL,
              fixture_set_up, test_language, fixture_tear_down);
  g_test_add ("/core/bank-library/unreadable-folder", Fixture, NULL,
              fixture_set_up, test_unreadable_folder, fixture_tear_down);
  g_test_add ("/core/bank-library/special-files", Fixture, NULL,
              fixture_set_up, test_special_files, fixture_tear_down);
  g_test_add ("/core/bank-library/special-files-async", Fixture, NULL,
              fixture_set_up, test_special_files_async, fixture_tear_down);
  g_test_add ("/core/bank-library/size-limit", Fixture, NULL,
              fixture_set_up, test_size_limit, fixture_tear_down);

  return g_test_run ();
}
