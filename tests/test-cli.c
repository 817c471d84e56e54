/* test-cli.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-cli.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-store.h"

typedef struct
{
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("panelist-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "test.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }

  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

/* Whether the binary runs with every debug message on. */
static gboolean debug_children;

#define RUN_DEADLINE_S 60

static gboolean
deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the real binary, with no display, and returns its exit status.
 * With @settings, its GSettings are these keyfile lines, as if the app
 * had saved them; without, they are the defaults. */
static int
run_panelist_va (char        **out,
                 char        **err,
                 const char   *settings,
                 const char   *first_arg,
                 va_list       args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("PANELIST_BINARY");
  const char *arg;

  g_assert_nonnull (binary);

  g_ptr_array_add (argv, (char *)binary);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* The same isolated folders as this test, so that the default
   * database and the user's banks are the ones the test looks at. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  if (debug_children)
    g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (settings != NULL)
    {
      g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", NULL);
      g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
      g_autofree char *text = g_strdup_printf ("[io/github/panelist/Panelist]\n%s\n", settings);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  /* With a deadline: a binary that hangs fails the test, never the suite. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (RUN_DEADLINE_S, deadline_cb, &timed_out);

    g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &result);
    while (result == NULL && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    if (timed_out)
      {
        g_subprocess_force_exit (process);
        g_error ("panelist %s did not end within %d s", first_arg, RUN_DEADLINE_S);
      }
    g_source_remove (id);

    g_subprocess_communicate_utf8_finish (process, result, out, err, &error);
    g_assert_no_error (error);
    g_subprocess_wait (process, NULL, &error);
    g_assert_no_error (error);
  }

  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

static int
run_panelist (char        **out,
              char        **err,
              const char   *first_arg,
              ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_panelist_va (out, err, NULL, first_arg, args);
  va_end (args);

  return status;
}

static int
run_panelist_with_settings (char        **out,
                            char        **err,
                            const char   *settings,
                            const char   *first_arg,
                            ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_panelist_va (out, err, settings, first_arg, args);
  va_end (args);

  return status;
}

static PnlBank *
shipped_bank (PnlBankLibrary **library)
{
  *library = pnl_bank_library_new_default ();
  g_assert_true (pnl_bank_library_load (*library));

  return pnl_bank_library_find (*library, "backend-developer");
}

static void
add_interviews (const char *db_path)
{
  g_autoptr(PnlBankLibrary) library = NULL;
  PnlBank *bank = shipped_bank (&library);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (db_path, &error);
  g_autoptr(PnlInterview) first = NULL;
  g_autoptr(PnlInterview) second = NULL;

  g_assert_no_error (error);

  first = pnl_store_create_interview (store, "Ada Lovelace", "ATS-1", "Backend Developer",
                                      "Technical 1", "Grace", bank, &error);
  g_assert_no_error (error);
  second = pnl_store_create_interview (store, "Tab\tand\nnewline", "", "Backend Developer",
                                       "Culture", "Linus", bank, &error);
  g_assert_no_error (error);

  pnl_interview_set_state (second, PNL_INTERVIEW_STATE_SUBMITTED);
  pnl_store_save_interview (store, second);

  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);

  /* Ada was interviewed on 2 March 2026 at noon UTC, the other a day
   * later; Ada's interview changed last (an import, say). */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE interviews SET started_at = 1772452800, updated_at = 1772700000"
                                   " WHERE round = 'Technical 1';"
                                   "UPDATE interviews SET started_at = 1772539200, updated_at = 1772600000"
                                   " WHERE round = 'Culture';",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
}

/* The day of @unix_time here, as --list writes it. */
static char *
local_day (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d");
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(PnlStore) store = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *ada_day = local_day (1772452800);
  g_autofree char *tab_day = local_day (1772539200);
  gboolean seen_ada = FALSE;
  gboolean seen_tab = FALSE;

  add_interviews (fixture->db_path);

  store = pnl_store_new (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (pnl_cli_list (store, out, &error));
  g_assert_no_error (error);

  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");

  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&fields, g_strfreev);
      fields = g_strsplit (lines[i], "\t", -1);

      /* Exactly seven fields, whatever the names hold. */
      g_assert_cmpuint (g_strv_length (fields), ==, 7);
      g_assert_true (g_uuid_string_is_valid (fields[0]));
      g_assert_cmpstr (fields[2], ==, "Backend Developer");

      if (g_str_equal (fields[1], "Ada Lovelace"))
        {
          seen_ada = TRUE;
          g_assert_cmpstr (fields[3], ==, "Technical 1");
          g_assert_cmpstr (fields[4], ==, "Grace");
          g_assert_cmpstr (fields[5], ==, "in-progress");
          g_assert_cmpstr (fields[6], ==, ada_day);
          /* Held first, listed last: the later change does not count. */
          g_assert_cmpuint (i, ==, 1);
        }
      else
        {
          seen_tab = TRUE;
          g_assert_cmpstr (fields[1], ==, "Tab and newline");
          g_assert_cmpstr (fields[5], ==, "submitted");
          g_assert_cmpstr (fields[6], ==, tab_day);
          g_assert_cmpuint (i, ==, 0);
        }
    }

  g_assert_true (seen_ada);
  g_assert_true (seen_tab);
}

static void
test_banks (void)
{
  g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *expected = NULL;
  PnlBank *bank;

  g_assert_true (pnl_cli_banks (library, out, err));
  bank = pnl_bank_library_find (library, "backend-developer");
  expected = g_strdup_printf ("backend-developer\tBackend developer\t%u\n",
                              g_list_model_get_n_items (pnl_bank_get_questions (bank)));
  g_assert_cmpstr (out->str, ==, expected);
  g_assert_cmpstr (err->str, ==, "");
}

static void
write_user_bank (const char *name,
                 const char *text)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "panelist", "banks", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_binary_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("panelist %s\n", PACKAGE_VERSION);

  g_assert_cmpint (run_panelist (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_binary_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *default_db = pnl_store_get_default_path ();
  g_autofree char *ada_day = local_day (1772452800);
  g_autofree char *expected = NULL;
  GStatBuf st;

  /* A new database: created private, listed empty. */
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--list", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  add_interviews (fixture->db_path);

  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--list", NULL), ==, 0);
  expected = g_strdup_printf ("\tAda Lovelace\tBackend Developer\tTechnical 1\tGrace\tin-progress\t%s\n",
                              ada_day);
  g_assert_nonnull (strstr (out, expected));
  g_assert_cmpstr (err, ==, "");

  /* --database really replaced the default... */
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));

  /* ...which is used without it. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, "--list", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_test (default_db, G_FILE_TEST_EXISTS));
}

static void
test_binary_newer_database (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (fixture->db_path, &before, &before_len, NULL));

  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--list", NULL), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, fixture->db_path));
  g_assert_nonnull (strstr (err, "newer"));

  g_assert_true (g_file_get_contents (fixture->db_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* The command line only reports a damaged database: moving it aside
 * is for the window, which can say so. */
static void
test_binary_damaged_database (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *noise = "This is not a database, and it is more than a header long. "
                      "This is not a database, and it is more than a header long.";
  gsize after_len;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (fixture->db_path, noise, -1, NULL));

  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--list", NULL), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, fixture->db_path));
  g_assert_nonnull (strstr (err, "damaged"));

  g_assert_true (g_file_get_contents (fixture->db_path, &after, &after_len, NULL));
  g_assert_cmpmem (noise, strlen (noise), after, after_len);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (g_dir_read_name (dir))
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_binary_banks (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (run_panelist (&out, &err, "--banks", NULL) != 0)
    g_error ("panelist --banks failed: %s", err);
  g_assert_true (g_str_has_prefix (out, "backend-developer\tBackend developer\t"));
  g_assert_cmpstr (err, ==, "");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* One broken bank: the others still listed, the broken one named on
   * stderr with its line, and the exit status says so. */
  write_user_bank ("broken.json", "{\n  \"format\": \"panelist-bank\",\n  oops\n}\n");
  g_assert_cmpint (run_panelist (&out, &err, "--banks", NULL), !=, 0);
  g_assert_true (g_str_has_prefix (out, "backend-developer\tBackend developer\t"));
  g_assert_nonnull (strstr (err, "broken.json:3:3: expected a key"));
  g_assert_null (strstr (err, "oops"));
}

/* A pipe with a bank's name: --banks reports it and ends at once,
 * instead of waiting in open() for a writer that never comes. */
static void
test_binary_banks_pipe (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "panelist", "banks", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  start = g_get_monotonic_time ();
  g_assert_cmpint (run_panelist (&out, &err, "--banks", NULL), !=, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  g_assert_true (g_str_has_prefix (out, "backend-developer\tBackend developer\t"));
  g_assert_nonnull (strstr (err, "pipe.json: this is a named pipe, not a file"));
  g_assert_cmpint (g_remove (fifo), ==, 0);
}

/* No raw control character but the line ends, whatever the data holds. */
static void
assert_no_controls (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f))
        g_error ("a raw U+%04X at byte %" G_GSIZE_FORMAT, c, (gsize) (p - text));
    }
}

/* ESC (a colour, then CSI), BEL, DEL, NEL (U+0085) and CSI (U+009B), as
 * an imported scorecard or bank can bring them. */
#define CONTROLS(text) text " \x1b" "[31mred\x1b" "[0m \x07" "bell \x7f" "del \xc2\x85" "nel \xc2\x9b" "2J end"
#define SHOWN(text) text " \u241b[31mred\u241b[0m \u2407bell \u2421del \ufffdnel \ufffd2J end"

/* --list and --banks write each control character as a picture: an ESC
 * from someone else's scorecard never drives the terminal. */
static void
test_binary_list_controls (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autoptr(PnlBankLibrary) library = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *day = NULL;
  PnlBank *bank = shipped_bank (&library);

  store = pnl_store_new (fixture->db_path, &error);
  g_assert_no_error (error);
  interview = pnl_store_create_interview (store, CONTROLS ("Candidate"), CONTROLS ("Ref"),
                                          CONTROLS ("Role"), CONTROLS ("Round"),
                                          CONTROLS ("Interviewer"), bank, &error);
  g_assert_no_error (error);
  day = local_day (g_date_time_to_unix (pnl_interview_get_started_at (interview)));
  g_assert_true (pnl_store_close (store, &error));

  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--list", NULL), ==, 0);
  assert_no_controls (out);
  expected = g_strdup_printf ("%s\t" SHOWN ("Candidate") "\t" SHOWN ("Role") "\t" SHOWN ("Round")
                              "\t" SHOWN ("Interviewer") "\tin-progress\t%s\n",
                              pnl_interview_get_uuid (interview), day);
  g_assert_cmpstr (out, ==, expected);

  /* A bank's title too. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  write_user_bank ("controls.json",
                   "{ \"format\": \"panelist-bank\", \"version\": 1, \"id\": \"controls\",\n"
                   "  \"title\": \"Bank \\u001b[31mred \\u0007 \\u007f \\u0085 \\u009b2J\", \"role\": \"R\",\n"
                   "  \"language\": \"en\", \"areas\": [ { \"id\": \"a\", \"title\": \"A\" } ],\n"
                   "  \"questions\": [ { \"id\": \"a.1\", \"area\": \"a\", \"kind\": \"technical\",\n"
                   "                   \"level\": \"entry\", \"prompt\": \"Why?\" } ] }\n");
  g_assert_cmpint (run_panelist (&out, &err, "--banks", NULL), ==, 0);
  assert_no_controls (out);
  g_assert_nonnull (strstr (out, "controls\tBank \u241b[31mred \u2407 \u2421 \ufffd \ufffd2J\t1\n"));
}

static char *
first_uuid (const char *db_arg)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--list", NULL), ==, 0);
  g_assert_cmpuint (strlen (out), >, 36);

  return g_strndup (out, 36);
}

static void
test_binary_export_import (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *other_arg = g_strdup_printf ("--database=%s", other_db);
  g_autofree char *json_path = g_build_filename (fixture->dir, "card.json", NULL);
  g_autofree char *again_path = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", json_path);
  g_autofree char *again_arg = g_strdup_printf ("--output=%s", again_path);
  g_autofree char *uuid = NULL;
  g_autofree char *interview_arg = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GStatBuf st;

  add_interviews (fixture->db_path);
  uuid = first_uuid (db_arg);
  interview_arg = g_strdup_printf ("--interview=%s", uuid);

  /* JSON of one interview, to a private file. */
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--export=json", interview_arg, output_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (g_stat (json_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (json_path, &first, NULL, NULL));
  g_assert_nonnull (strstr (first, "\"format\": \"panelist-scorecard\""));
  g_assert_nonnull (strstr (first, uuid));

  /* Into another database, twice: added, then unchanged. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, other_arg, "--import", json_path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "added 1, updated 0, unchanged 0, conflicts 0, failed 0\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, other_arg, "--import", json_path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "added 0, updated 0, unchanged 1, conflicts 0, failed 0\n");

  /* The copy exports to the same bytes. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, other_arg, "--export=json", interview_arg, again_arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (again_path, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  /* Markdown of a candidate, on the standard output. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--export=md", "--candidate=Ada Lovelace", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Ada Lovelace"));
  g_assert_true (g_str_has_prefix (out, "#"));

  /* A role comparison as CSV. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--export=csv", "--role=Backend Developer", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "candidate,interviews,recommendations,mean,"));

  /* Mistakes are said, with a failing exit status. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--export=json", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "--interview"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--export=pdf", interview_arg, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "pdf"));
}

/* One interviewer's interview, with the first questions scored. */
static void
add_scored (PnlStore          *store,
            PnlBank           *bank,
            const char        *candidate,
            const char        *interviewer,
            const int         *scores,
            guint              n_scores,
            const char        *notes,
            PnlInterviewState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;

  interview = pnl_store_create_interview (store, candidate, "", "Backend Developer",
                                          "Technical 1", interviewer, bank, &error);
  g_assert_no_error (error);
  answers = pnl_store_list_answers (store, interview, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (answers), >=, n_scores);

  for (guint i = 0; i < n_scores; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

      pnl_answer_set_asked (answer, TRUE);
      pnl_answer_set_score (answer, scores[i]);
      pnl_store_save_answer (store, answer);
    }

  if (notes != NULL)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, 0);

      pnl_answer_set_notes (answer, notes);
      pnl_store_save_answer (store, answer);
    }

  if (state == PNL_INTERVIEW_STATE_SUBMITTED)
    pnl_interview_set_recommendation (interview, PNL_RECOMMENDATION_YES);
  pnl_interview_set_state (interview, state);
  pnl_store_save_interview (store, interview);
}

/* Priya has scored Bo and Zoë; Sam is interviewing Bo (in progress). */
static void
add_panel (const char *db_path)
{
  static const int bo_scores[] = { 1, 2 };
  static const int zoe_scores[] = { 4, 3 };
  g_autoptr(PnlBankLibrary) library = NULL;
  PnlBank *bank = shipped_bank (&library);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (db_path, &error);

  g_assert_no_error (error);
  add_scored (store, bank, "Bo Berg", "Priya", bo_scores, G_N_ELEMENTS (bo_scores),
              "Priya thinks Bo rushed it", PNL_INTERVIEW_STATE_SUBMITTED);
  add_scored (store, bank, "Zoë Park", "Priya", zoe_scores, G_N_ELEMENTS (zoe_scores),
              NULL, PNL_INTERVIEW_STATE_SUBMITTED);
  add_scored (store, bank, "Bo Berg", "Sam", NULL, 0, "Sam so far", PNL_INTERVIEW_STATE_IN_PROGRESS);

  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);
}

/* What the core writes for the role, as seen by @local. */
static char *
core_role_csv (const char *db_path,
               const char *local)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (db_path, &error);
  g_autoptr(GPtrArray) items = NULL;
  char *text;

  g_assert_no_error (error);
  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_ROLE, "Backend Developer", &error);
  g_assert_no_error (error);
  text = pnl_export_to_string_for (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, items, local, &error);
  g_assert_no_error (error);
  g_assert_true (pnl_store_close (store, &error));

  return text;
}

/* Independent scoring from the command line: run as Sam, the export
 * hides Priya's scores of Bo; by --interviewer or by the settings. */
static void
test_binary_export_independent (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *hidden = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *sam = NULL;
  g_autofree char *nobody = NULL;
  g_autofree char *from_settings = NULL;
  g_autofree char *overridden = NULL;
  g_autofree char *err = NULL;

  add_panel (fixture->db_path);
  hidden = core_role_csv (fixture->db_path, "Sam");
  plain = core_role_csv (fixture->db_path, NULL);
  g_assert_cmpstr (hidden, !=, plain);
  g_assert_nonnull (strstr (hidden, "\r\nBo Berg,,"));
  g_assert_null (strstr (plain, "\r\nBo Berg,,"));

  g_assert_cmpint (run_panelist (&sam, &err, db_arg, "--export=csv", "--role=Backend Developer",
                                 "--interviewer=Sam", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (sam, ==, hidden);

  /* Nobody in the settings: everything shows. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&nobody, &err, db_arg, "--export=csv", "--role=Backend Developer",
                                 NULL), ==, 0);
  g_assert_cmpstr (nobody, ==, plain);

  /* The name the app remembers is the local interviewer... */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist_with_settings (&from_settings, &err, "interviewer-name='Sam'",
                                               db_arg, "--export=csv", "--role=Backend Developer",
                                               NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (from_settings, ==, hidden);

  /* ...unless the option says otherwise. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist_with_settings (&overridden, &err, "interviewer-name='Sam'",
                                               db_arg, "--export=csv", "--role=Backend Developer",
                                               "--interviewer=", NULL), ==, 0);
  g_assert_cmpstr (overridden, ==, plain);
}

/* Independent scoring for one candidate: run as Sam, who is still
 * interviewing Bo, an export of Bo in any format leaves Priya's
 * scorecard out and says so; Priya's scorecard alone is refused. */
static void
test_binary_export_candidate_independent (Fixture       *fixture,
                                          gconstpointer  data)
{
  static const char *formats[] = { "md", "html", "csv", "json" };
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *priya_bo = NULL;

  add_panel (fixture->db_path);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PnlStore) store = pnl_store_new (fixture->db_path, &error);
    g_autoptr(GListModel) interviews = NULL;

    g_assert_no_error (error);
    interviews = pnl_store_list_candidate_interviews (store, "Bo Berg", "", NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
      {
        g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);

        if (g_str_equal (pnl_interview_get_interviewer (interview), "Priya"))
          priya_bo = g_strdup (pnl_interview_get_uuid (interview));
      }
    g_assert_true (pnl_store_close (store, &error));
  }
  g_assert_nonnull (priya_bo);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *format = g_strdup_printf ("--export=%s", formats[i]);
      g_autofree char *plain = NULL;
      g_autofree char *sam = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_panelist (&plain, &err, db_arg, format, "--candidate=Bo Berg",
                                     "--interviewer=", NULL), ==, 0);
      g_assert_nonnull (strstr (plain, "Priya"));
      g_assert_nonnull (strstr (plain, "Priya thinks Bo rushed it"));

      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_panelist (&sam, &err, db_arg, format, "--candidate=Bo Berg",
                                     "--interviewer=Sam", NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpstr (sam, !=, plain);
      g_assert_null (strstr (sam, "Priya"));
      g_assert_null (strstr (sam, priya_bo));
      g_assert_nonnull (strstr (sam, "Sam so far"));
      if (g_str_equal (formats[i], "md") || g_str_equal (formats[i], "html"))
        g_assert_nonnull (strstr (sam, "left out until you submit your own"));
    }

  /* Priya's scorecard of Bo on its own: refused to Sam, with no name in
   * the message; anyone else gets it. */
  {
    g_autofree char *key = g_strdup_printf ("--interview=%s", priya_bo);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_panelist (&out, &err, db_arg, "--export=md", key,
                                   "--interviewer=Sam", NULL), !=, 0);
    g_assert_null (strstr (out, "Priya"));
    g_assert_nonnull (strstr (err, "hidden until you submit your own"));
    g_assert_null (strstr (err, "Bo Berg"));

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_panelist (&out, &err, db_arg, "--export=md", key,
                                   "--interviewer=Zoe", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Priya thinks Bo rushed it"));
  }
}

static void
test_binary_import_broken (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  add_interviews (fixture->db_path);
  g_assert_cmpint (run_panelist (&before, &err, db_arg, "--list", NULL), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (broken, "{\n  \"format\": \"panelist-scorecard\",\n  \"version\": 9\n}\n", -1, NULL));
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--import", broken, NULL), !=, 0);
  g_assert_cmpstr (out, ==, "added 0, updated 0, unchanged 0, conflicts 0, failed 1\n");
  g_assert_nonnull (strstr (err, broken));
  g_assert_nonnull (strstr (err, "newer"));

  /* Nothing changed. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&after, &err, db_arg, "--list", NULL), ==, 0);
  g_assert_cmpstr (before, ==, after);
}

/* @depth times @open, @inner, @depth times @close. */
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

/* Files nested 80,000 and 60,000 deep crashed json-glib's parser, and
 * the program with it: now they are refused like any broken file, the
 * exit status says so, and nothing changes. */
static void
test_binary_deep (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *deep = g_build_filename (fixture->dir, "deep.json", NULL);
  g_autofree char *arrays = nest ("[", "", "]", 80000);
  g_autofree char *objects = nest ("{\"a\":", "1", "}", 60000);
  g_autofree char *where = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  add_interviews (fixture->db_path);
  g_assert_cmpint (run_panelist (&before, &err, db_arg, "--list", NULL), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (deep, arrays, -1, NULL));
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--import", deep, NULL), !=, 0);
  g_assert_cmpstr (out, ==, "added 0, updated 0, unchanged 0, conflicts 0, failed 1\n");
  where = g_strdup_printf ("%s:1:65: objects and arrays nest deeper than 64 levels here", deep);
  g_assert_nonnull (strstr (err, where));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_panelist (&after, &err, db_arg, "--list", NULL), ==, 0);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&err, g_free);

  write_user_bank ("deep.json", objects);
  g_assert_cmpint (run_panelist (&out, &err, "--banks", NULL), !=, 0);
  g_assert_true (g_str_has_prefix (out, "backend-developer\tBackend developer\t"));
  g_assert_nonnull (strstr (err, "deep.json:1:321: objects and arrays nest deeper than 64 levels here"));
}

/* Fails when a GLib log line in @err names the candidate. */
static void
assert_logs_clean (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err != NULL ? err : "", "\n", -1);
  static const char *levels[] = { "-DEBUG", "-INFO", "-Message", "-WARNING", "-CRITICAL" };
  static const char *personal[] = { "Ada", "Lovelace", "ATS-1", "Grace" };

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean is_log = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (levels); j++)
        is_log |= strstr (lines[i], levels[j]) != NULL;

      if (!is_log)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (personal); j++)
        if (strstr (lines[i], personal[j]) != NULL)
          g_error ("a log line names the candidate: %s", lines[i]);
    }
}

/* Whatever it logs, with every debug message on, names no candidate. */
static void
test_binary_no_candidate_in_logs (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *other_arg = g_strdup_printf ("--database=%s", other_db);
  g_autofree char *json_path = g_build_filename (fixture->dir, "card.json", NULL);
  g_autofree char *changed_path = g_build_filename (fixture->dir, "changed.json", NULL);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", json_path);
  g_autofree char *uuid = NULL;
  g_autofree char *interview_arg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  char *out = NULL;
  char *err = NULL;

  add_interviews (fixture->db_path);
  uuid = first_uuid (db_arg);
  interview_arg = g_strdup_printf ("--interview=%s", uuid);

  debug_children = TRUE;

#define RUN(...) G_STMT_START {                                               \
    g_clear_pointer (&out, g_free);                                          \
    g_clear_pointer (&err, g_free);                                          \
    run_panelist (&out, &err, __VA_ARGS__, NULL);                            \
    /* Debug and info messages go to the standard output. */                \
    assert_logs_clean (out);                                                 \
    assert_logs_clean (err);                                                 \
  } G_STMT_END

  RUN (db_arg, "--list");
  RUN (db_arg, "--export=json", interview_arg, output_arg);
  RUN (db_arg, "--export=md", "--candidate=Ada Lovelace");
  RUN (db_arg, "--export=csv", "--role=Backend Developer", "--interviewer=Grace");
  RUN (other_arg, "--import", json_path);
  /* The same revision with other words: a conflict, reported. */
  g_assert_true (g_file_get_contents (json_path, &text, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (text, "\"summary\": \"\"", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    changed = g_strjoinv ("\"summary\": \"Changed elsewhere\"", parts);
  }
  g_assert_true (g_file_set_contents (changed_path, changed, -1, NULL));
  RUN (other_arg, "--import", changed_path);
  g_assert_nonnull (strstr (out, "conflicts 1"));
  /* A broken file. */
  g_assert_true (g_file_set_contents (changed_path, "{ \"format\": \"panelist-scorecard\", \"candidate\": { \"name\": \"Ada Lovelace\"", -1, NULL));
  RUN (other_arg, "--import", changed_path);

#undef RUN

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  debug_children = FALSE;
}

/* A file taking over an interview is kept as a conflict: the exit
 * status and the standard error say so, naming the field and not its
 * value; --conflicts shows both sides; --resolve ends it. */
static void
test_binary_conflicts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", fixture->db_path);
  g_autofree char *json_path = g_build_filename (fixture->dir, "card.json", NULL);
  g_autofree char *takeover_path = g_build_filename (fixture->dir, "takeover.json", NULL);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", json_path);
  g_autofree char *uuid = NULL;
  g_autofree char *interview_arg = NULL;
  g_autofree char *resolve_arg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *step = NULL;
  g_autofree char *takeover = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GRegex) interviewer = g_regex_new ("\"interviewer\": \"[^\"]*\"", 0, 0, NULL);
  g_autoptr(GRegex) revision = g_regex_new ("\n  \"revision\": [0-9]+,", 0, 0, NULL);

  add_interviews (fixture->db_path);
  uuid = first_uuid (db_arg);
  interview_arg = g_strdup_printf ("--interview=%s", uuid);
  resolve_arg = g_strdup_printf ("--resolve=%s", uuid);

  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--export=json", interview_arg, output_arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (json_path, &text, NULL, NULL));
  step = g_regex_replace_literal (interviewer, text, -1, 0, "\"interviewer\": \"Mallory\"", 0, NULL);
  takeover = g_regex_replace_literal (revision, step, -1, 0, "\n  \"revision\": 99,", 0, NULL);
  g_assert_cmpstr (takeover, !=, text);
  g_assert_true (g_file_set_contents (takeover_path, takeover, -1, NULL));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--import", takeover_path, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "added 0, updated 0, unchanged 0, conflicts 1, failed 0\n");
  g_assert_nonnull (strstr (err, uuid));
  g_assert_nonnull (strstr (err, "does not match the copy here in: interviewer;"));
  g_assert_null (strstr (err, "Mallory"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--conflicts", NULL), ==, 0);
  expected = g_strdup_printf ("%s\t99\tidentity\tinterviewer\t%s\t", uuid, takeover_path);
  g_assert_true (g_str_has_prefix (out, expected));
  g_assert_nonnull (strstr (out, "\n\tinterviewer\tLinus\tMallory\n"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, resolve_arg, "--keep=ours", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--keep=mine or --keep=theirs"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, resolve_arg, "--keep=mine", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "kept the copy here"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_panelist (&out, &err, db_arg, "--conflicts", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/cli/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add_func ("/core/cli/banks", test_banks);
  g_test_add_func ("/core/cli/binary/version", test_binary_version);
  g_test_add ("/core/cli/binary/list", Fixture, NULL,
              fixture_set_up, test_binary_list, fixture_tear_down);
  g_test_add ("/core/cli/binary/newer-database", Fixture, NULL,
              fixture_set_up, test_binary_newer_database, fixture_tear_down);
  g_test_add ("/core/cli/binary/damaged-database", Fixture, NULL,
              fixture_set_up, test_binary_damaged_database, fixture_tear_down);
  g_test_add_func ("/core/cli/binary/banks", test_binary_banks);
  g_test_add_func ("/core/cli/binary/banks-pipe", test_binary_banks_pipe);
  g_test_add ("/core/cli/binary/list-controls", Fixture, NULL,
              fixture_set_up, test_binary_list_controls, fixture_tear_down);
  g_test_add ("/core/cli/binary/no-candidate-in-logs", Fixture, NULL,
              fixture_set_up, test_binary_no_candidate_in_logs, fixture_tear_down);
  g_test_add ("/core/cli/binary/export-import", Fixture, NULL,
              fixture_set_up, test_binary_export_import, fixture_tear_down);
  g_test_add ("/core/cli/binary/export-independent", Fixture, NULL,
              fixture_set_up, test_binary_export_independent, fixture_tear_down);
  g_test_add ("/core/cli/binary/export-candidate-independent", Fixture, NULL,
              fixture_set_up, test_binary_export_candidate_independent, fixture_tear_down);
  g_test_add ("/core/cli/binary/deep", Fixture, NULL,
              fixture_set_up, test_binary_deep, fixture_tear_down);
  g_test_add ("/core/cli/binary/import-broken", Fixture, NULL,
              fixture_set_up, test_binary_import_broken, fixture_tear_down);
  g_test_add ("/core/cli/binary/conflicts", Fixture, NULL,
              fixture_set_up, test_binary_conflicts, fixture_tear_down);

  return g_test_run ();
}
