/* test-db.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <grp.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own data folder. */
  f->dir = g_build_filename (g_get_user_data_dir (), "panelist", NULL);
  f->path = g_build_filename (f->dir, "panelist.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->dir);
  g_free (f->path);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));

  return st.st_mode & 0777;
}

static PnlDb *
open_db (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PnlDb *db;

  db = pnl_db_open (f->path, PNL_DB_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

static gint64
query_int (PnlDb      *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDbStatement) stmt = pnl_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  g_assert_no_error (error);

  return pnl_db_statement_column_int (stmt, 0);
}

static char *
query_text (PnlDb      *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDbStatement) stmt = pnl_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  g_assert_no_error (error);

  return g_strdup (pnl_db_statement_column_text (stmt, 0));
}

static void
exec_ok (PnlDb      *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  pnl_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gboolean
table_exists (PnlDb      *db,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDbStatement) stmt = NULL;

  stmt = pnl_db_prepare (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", &error);
  g_assert_no_error (error);
  pnl_db_statement_bind_text (stmt, 1, name);

  return pnl_db_statement_step (stmt, NULL) == PNL_DB_STEP_ROW;
}

/* What a file is, to prove that it was not touched: its bytes, its
 * modification time to the nanosecond, and its folder's listing. */
typedef struct
{
  char   *checksum;
  gint64  mtime_sec;
  gint64  mtime_nsec;
  char   *listing;
} Snapshot;

static void
snapshot_clear (Snapshot *s)
{
  g_clear_pointer (&s->checksum, g_free);
  g_clear_pointer (&s->listing, g_free);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **) names->pdata);
}

static void
take_snapshot (const char *path,
               Snapshot   *s)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_no_errno (stat (path, &st));

  s->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
  s->mtime_sec = st.st_mtim.tv_sec;
  s->mtime_nsec = st.st_mtim.tv_nsec;
  s->listing = list_folder (dir);
}

static void
assert_unchanged (const char *path,
                  Snapshot   *before)
{
  Snapshot after = { 0 };

  take_snapshot (path, &after);
  g_assert_cmpstr (after.checksum, ==, before->checksum);
  g_assert_cmpint (after.mtime_sec, ==, before->mtime_sec);
  g_assert_cmpint (after.mtime_nsec, ==, before->mtime_nsec);
  g_assert_cmpstr (after.listing, ==, before->listing);
  snapshot_clear (&after);
}

/* Puts the modification time far in the past, so that any write shows. */
static void
age_file (const char *path)
{
  struct utimbuf times = { 1000000000, 1000000000 };

  g_assert_no_errno (g_utime (path, &times));
}

/* ------------------------------------------------------------------------ */

static void
test_open_creates_private_file (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PnlDb) db = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  db = open_db (f);
  g_assert_cmpstr (pnl_db_get_path (db), ==, f->path);

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (f->dir), ==, 0700);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);

  /* A write makes the log and the shared memory file. */
  exec_ok (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
}

static void
test_open_makes_file_private (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PnlDb) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (f->dir, 0755));
  g_assert_true (g_file_set_contents (f->path, "", 0, &error));
  g_assert_no_errno (g_chmod (f->path, 0644));
  g_assert_cmpuint (file_mode (f->path), ==, 0644);

  db = open_db (f);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  /* A folder that already exists is the user's business. */
  g_assert_cmpuint (file_mode (f->dir), ==, 0755);
}

static void
test_open_missing_read_only (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PnlDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = pnl_db_open (f->path, PNL_DB_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, PNL_DB_ERROR, SQLITE_CANTOPEN);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_wal_and_foreign_keys (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PnlDb) db = open_db (f);
  g_autofree char *mode = query_text (db, "PRAGMA journal_mode");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 1); /* NORMAL */

  exec_ok (db,
           "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
           "CREATE TABLE child (id INTEGER PRIMARY KEY,"
           "  parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);"
           "INSERT INTO parent VALUES (1);"
           "INSERT INTO child VALUES (1, 1);");

  g_assert_false (pnl_db_exec (db, "INSERT INTO child VALUES (2, 42)", &error));
  g_assert_error (error, PNL_DB_ERROR, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, f->path));

  exec_ok (db, "DELETE FROM parent WHERE id = 1");
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM child"), ==, 0);
}

static void
test_step_row_done_error (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PnlDb) db = open_db (f);
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(PnlDbStatement) insert = NULL;
  g_autoptr(PnlDbStatement) bad = NULL;
  g_autoptr(GError) error = NULL;

  exec_ok (db, "CREATE TABLE t (x INTEGER NOT NULL)");

  stmt = pnl_db_prepare (db, "SELECT 1 UNION ALL SELECT 2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (stmt, 0), ==, 2);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_DONE);
  g_assert_no_error (error);

  /* Reset: again from the start. */
  pnl_db_statement_reset (stmt);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (stmt, 0), ==, 1);

  insert = pnl_db_prepare (db, "INSERT INTO t VALUES (?1)", &error);
  g_assert_no_error (error);
  pnl_db_statement_bind_null (insert, 1);
  g_assert_cmpint (pnl_db_statement_step (insert, &error), ==, PNL_DB_STEP_ERROR);
  g_assert_error (error, PNL_DB_ERROR, SQLITE_CONSTRAINT);
  g_clear_error (&error);

  /* The same statement works once given a value. */
  pnl_db_statement_bind_int (insert, 1, 5);
  g_assert_true (pnl_db_statement_execute (insert, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pnl_db_changes (db), ==, 1);
  g_assert_cmpint (pnl_db_last_insert_id (db), ==, 1);

  /* A query is not something to execute. */
  g_assert_false (pnl_db_statement_execute (stmt, &error));
  g_assert_error (error, PNL_DB_ERROR, SQLITE_MISUSE);
  g_clear_error (&error);

  bad = pnl_db_prepare (db, "SELECT FROM WHERE", &error);
  g_assert_null (bad);
  g_assert_error (error, PNL_DB_ERROR, SQLITE_ERROR);
  g_assert_nonnull (strstr (error->message, f->path));
}

static void
test_bind_and_columns (Fixture       *f,
                       gconstpointer  data)
{
  static const char *utf8 = "Zoë Ångström — 日本語 🦊";
  g_autoptr(PnlDb) db = open_db (f);
  g_autoptr(PnlDbStatement) insert = NULL;
  g_autoptr(PnlDbStatement) select = NULL;
  g_autoptr(GError) error = NULL;

  exec_ok (db, "CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, s TEXT, n TEXT)");

  insert = pnl_db_prepare (db, "INSERT INTO t (i, s, n) VALUES (?1, ?2, ?3)", &error);
  g_assert_no_error (error);

  pnl_db_statement_bind_int (insert, 1, G_MAXINT64);
  pnl_db_statement_bind_text (insert, 2, utf8);
  pnl_db_statement_bind_null (insert, 3);
  g_assert_true (pnl_db_statement_execute (insert, &error));
  g_assert_no_error (error);

  pnl_db_statement_bind_int (insert, 1, -42);
  pnl_db_statement_bind_text (insert, 2, "");
  pnl_db_statement_bind_text (insert, 3, NULL);
  g_assert_true (pnl_db_statement_execute (insert, &error));
  g_assert_no_error (error);

  pnl_db_statement_bind_null (insert, 1);
  pnl_db_statement_bind_text (insert, 2, "it's \"quoted\"; DROP TABLE t; --");
  pnl_db_statement_bind_text (insert, 3, "x");
  g_assert_true (pnl_db_statement_execute (insert, &error));
  g_assert_no_error (error);

  select = pnl_db_prepare (db, "SELECT i, s, n FROM t ORDER BY id", &error);
  g_assert_no_error (error);

  g_assert_cmpint (pnl_db_statement_step (select, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (select, 0), ==, G_MAXINT64);
  g_assert_cmpstr (pnl_db_statement_column_text (select, 1), ==, utf8);
  g_assert_true (g_utf8_validate (pnl_db_statement_column_text (select, 1), -1, NULL));
  g_assert_true (pnl_db_statement_column_is_null (select, 2));
  g_assert_cmpstr (pnl_db_statement_column_text (select, 2), ==, "");

  g_assert_cmpint (pnl_db_statement_step (select, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (select, 0), ==, -42);
  g_assert_false (pnl_db_statement_column_is_null (select, 1));
  g_assert_cmpstr (pnl_db_statement_column_text (select, 1), ==, "");
  g_assert_true (pnl_db_statement_column_is_null (select, 2));

  g_assert_cmpint (pnl_db_statement_step (select, &error), ==, PNL_DB_STEP_ROW);
  g_assert_true (pnl_db_statement_column_is_null (select, 0));
  g_assert_cmpint (pnl_db_statement_column_int (select, 0), ==, 0);
  g_assert_cmpstr (pnl_db_statement_column_text (select, 1), ==, "it's \"quoted\"; DROP TABLE t; --");
  g_assert_cmpstr (pnl_db_statement_column_text (select, 2), ==, "x");

  g_assert_cmpint (pnl_db_statement_step (select, &error), ==, PNL_DB_STEP_DONE);
  g_assert_no_error (error);
}

typedef struct
{
  guint    n_rows;
  gboolean fail;
  gboolean set_error;
} TxData;

static gboolean
insert_rows (PnlDb     *db,
             gpointer   user_data,
             GError   **error)
{
  TxData *tx = user_data;
  g_autoptr(PnlDbStatement) stmt = pnl_db_prepare_cached (db, "INSERT INTO t (x) VALUES (?1)", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < tx->n_rows; i++)
    {
      pnl_db_statement_bind_int (stmt, 1, i);
      if (!pnl_db_statement_execute (stmt, error))
        return FALSE;
    }

  if (tx->fail)
    {
      if (tx->set_error)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "halfway");
      return FALSE;
    }

  return TRUE;
}

static void
test_transaction_commits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PnlDb) db = open_db (f);
  g_autoptr(PnlDb) other = NULL;
  g_autoptr(GError) error = NULL;
  TxData tx = { 3, FALSE, FALSE };

  exec_ok (db, "CREATE TABLE t (x INTEGER)");

  g_assert_true (pnl_db_transaction (db, insert_rows, &tx, &error));
  g_assert_no_error (error);

  /* Committed: another connection sees it. */
  other = open_db (f);
  g_assert_cmpint (query_int (other, "SELECT COUNT (*) FROM t"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM t"), ==, 3);

  /* And the connection is out of the transaction. */
  g_assert_true (pnl_db_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (pnl_db_commit (db, &error));
  g_assert_no_error (error);
}

static void
test_transaction_rolls_back (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PnlDb) db = open_db (f);
  g_autoptr(GError) error = NULL;
  TxData tx = { 5, TRUE, TRUE };

  exec_ok (db, "CREATE TABLE t (x INTEGER)");
  exec_ok (db, "INSERT INTO t VALUES (100)");

  g_assert_false (pnl_db_transaction (db, insert_rows, &tx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "halfway");
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM t"), ==, 1);

  /* A failure without a GError still reports one. */
  tx.set_error = FALSE;
  g_assert_false (pnl_db_transaction (db, insert_rows, &tx, &error));
  g_assert_error (error, PNL_DB_ERROR, SQLITE_ERROR);
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM t"), ==, 1);

  /* Inside a transaction: a savepoint, undoing only its own work. */
  g_assert_true (pnl_db_begin (db, &error));
  exec_ok (db, "INSERT INTO t VALUES (200)");
  tx.set_error = TRUE;
  g_assert_false (pnl_db_transaction (db, insert_rows, &tx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (pnl_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM t"), ==, 2);

  /* An explicit rollback. */
  g_assert_true (pnl_db_begin (db, &error));
  exec_ok (db, "DELETE FROM t");
  pnl_db_rollback (db);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM t"), ==, 2);
  /* Harmless outside a transaction. */
  pnl_db_rollback (db);
}

static void
test_prepare_cached (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PnlDb) db = open_db (f);
  g_autoptr(GError) error = NULL;
  PnlDbStatement *a;
  PnlDbStatement *b;
  PnlDbStatement *c;

  exec_ok (db,
           "CREATE TABLE t (x INTEGER);"
           "INSERT INTO t VALUES (1), (2), (3);");

  a = pnl_db_prepare_cached (db, "SELECT x FROM t WHERE x >= ?1 ORDER BY x", &error);
  g_assert_no_error (error);
  pnl_db_statement_bind_int (a, 1, 2);
  g_assert_cmpint (pnl_db_statement_step (a, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (a, 0), ==, 2);
  /* Left half-way through. */
  pnl_db_statement_unref (a);

  b = pnl_db_prepare_cached (db, "SELECT x FROM t WHERE x >= ?1 ORDER BY x", &error);
  g_assert_no_error (error);
  g_assert_true (a == b);
  /* Handed out reset and without the old binding: NULL matches nothing. */
  g_assert_cmpint (pnl_db_statement_step (b, &error), ==, PNL_DB_STEP_DONE);
  pnl_db_statement_reset (b);
  pnl_db_statement_bind_int (b, 1, 1);
  g_assert_cmpint (pnl_db_statement_step (b, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (b, 0), ==, 1);
  pnl_db_statement_unref (b);

  c = pnl_db_prepare_cached (db, "SELECT x FROM t WHERE x < ?1", &error);
  g_assert_no_error (error);
  g_assert_true (c != a);
  pnl_db_statement_unref (c);

  /* A statement dropped half-way must not keep the file read-locked:
   * another connection can still checkpoint all of the log. */
  a = pnl_db_prepare_cached (db, "SELECT x FROM t ORDER BY x", &error);
  g_assert_cmpint (pnl_db_statement_step (a, &error), ==, PNL_DB_STEP_ROW);
  pnl_db_statement_unref (a);
  {
    g_autoptr(PnlDb) other = open_db (f);

    exec_ok (other, "INSERT INTO t VALUES (4)");
    g_assert_cmpint (query_int (other, "PRAGMA wal_checkpoint(TRUNCATE)"), ==, 0);
  }

  /* A cached statement may outlive its connection's last reference. */
  a = pnl_db_prepare_cached (db, "SELECT COUNT (*) FROM t", &error);
  g_clear_object (&db);
  g_assert_cmpint (pnl_db_statement_step (a, &error), ==, PNL_DB_STEP_ROW);
  g_assert_cmpint (pnl_db_statement_column_int (a, 0), ==, 4);
  pnl_db_statement_unref (a);
}

static const PnlDbMigration good_migrations[] = {
  { 1, "CREATE TABLE one (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
       "INSERT INTO one (name) VALUES ('first');" },
  { 2, "ALTER TABLE one ADD COLUMN extra TEXT NOT NULL DEFAULT 'x';"
       "CREATE TABLE two (one_id INTEGER REFERENCES one (id));"
       "INSERT INTO two SELECT id FROM one;" },
  { 3, "INSERT INTO one (name, extra) VALUES ('third', 'y');" },
};

static void
test_migrate_in_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PnlDb) db = open_db (f);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pnl_db_get_user_version (db, &error), ==, 0);
  g_assert_no_error (error);

  /* Up to 2 first, then to 3: each step only once. */
  g_assert_true (pnl_db_migrate (db, good_migrations, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_db_get_user_version (db, &error), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM two"), ==, 1);

  g_assert_true (pnl_db_migrate (db, good_migrations, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_db_get_user_version (db, &error), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM one"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM one WHERE extra = 'x'"), ==, 1);

  /* Nothing left to do: nothing done. */
  g_assert_true (pnl_db_migrate (db, good_migrations, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM one"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM two"), ==, 1);
}

static void
test_migrate_failure_rolls_back (Fixture       *f,
                                 gconstpointer  data)
{
  static const PnlDbMigration migrations[] = {
    { 1, "CREATE TABLE one (x);" },
    { 2, "CREATE TABLE two (x); INSERT INTO two VALUES (2);" },
    { 3, "CREATE TABLE three (x);"
         "INSERT INTO three VALUES (3);"
         "UPDATE two SET x = 20;"
         "INSERT INTO missing VALUES (1);" },
    { 4, "CREATE TABLE four (x);" },
  };
  g_autoptr(PnlDb) db = open_db (f);
  g_autoptr(PnlDb) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pnl_db_migrate (db, migrations, G_N_ELEMENTS (migrations), &error));
  g_assert_error (error, PNL_DB_ERROR, PNL_DB_ERROR_MIGRATE);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "schema 3"));
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  /* Steps 1 and 2 stay; nothing of 3 remains; 4 never ran. */
  g_assert_cmpuint (pnl_db_get_user_version (db, &error), ==, 2);
  g_assert_true (table_exists (db, "one"));
  g_assert_true (table_exists (db, "two"));
  g_assert_false (table_exists (db, "three"));
  g_assert_false (table_exists (db, "four"));
  g_assert_cmpint (query_int (db, "SELECT x FROM two"), ==, 2);

  /* And so it stays for the next connection. */
  g_clear_object (&db);
  again = open_db (f);
  g_assert_cmpuint (pnl_db_get_user_version (again, &error), ==, 2);
  g_assert_false (table_exists (again, "three"));
}

static void
test_migrate_switches_to_wal (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PnlDb) db = open_db (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = query_text (db, "PRAGMA journal_mode = DELETE");

  /* A schema in a rollback journal, as another tool might leave it. */
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_true (pnl_db_migrate (db, good_migrations, 1, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Opening alone does not switch it: the version is not checked yet. */
  db = open_db (f);
  g_clear_pointer (&mode, g_free);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");

  g_assert_true (pnl_db_migrate (db, good_migrations, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&mode, g_free);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpuint (pnl_db_get_user_version (db, &error), ==, 2);
}

static void
make_newer_file (Fixture    *f,
                 const char *journal_mode)
{
  g_autoptr(PnlDb) db = open_db (f);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", journal_mode);
  g_autofree char *mode = query_text (db, sql);

  g_assert_cmpstr (mode, ==, journal_mode);
  exec_ok (db,
           "CREATE TABLE future (id INTEGER PRIMARY KEY, stuff TEXT);"
           "INSERT INTO future (stuff) VALUES ('from the future');"
           "PRAGMA user_version = 7;");
  g_clear_object (&db);

  age_file (f->path);
}

static void
test_newer_refused_untouched (Fixture       *f,
                              gconstpointer  data)
{
  const char *journal_mode = data;
  g_autoptr(PnlDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  Snapshot before = { 0 };

  make_newer_file (f, journal_mode);
  take_snapshot (f->path, &before);

  db = pnl_db_open (f->path, PNL_DB_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (pnl_db_migrate (db, good_migrations, 2, &error));
  g_assert_error (error, PNL_DB_ERROR, PNL_DB_ERROR_NEWER);

  expected = g_strdup_printf ("“%s” was written by a newer version of Panelist "
                              "(schema 7; this version knows up to 2). "
                              "It was left untouched.",
                              f->path);
  g_assert_cmpstr (error->message, ==, expected);

  /* Still readable, still untouched. */
  g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM future"), ==, 1);
  g_clear_object (&db);

  assert_unchanged (f->path, &before);
  snapshot_clear (&before);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(PnlDb) db = NULL;
  g_autoptr(GError) error = NULL;
  guint8 bytes[4096];
  Snapshot before = { 0 };

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);

  g_assert_no_errno (g_mkdir_with_parents (f->dir, 0700));
  g_assert_true (g_file_set_contents (f->path, (const char *) bytes, sizeof bytes, &error));
  g_assert_no_errno (g_chmod (f->path, 0600));
  age_file (f->path);
  take_snapshot (f->path, &before);

  db = pnl_db_open (f->path, PNL_DB_OPEN_READ_WRITE, &error);
  g_assert_null (db);
  g_assert_error (error, PNL_DB_ERROR, SQLITE_NOTADB);
  g_assert_nonnull (strstr (error->message, f->path));
  g_test_message ("%s", error->message);

  assert_unchanged (f->path, &before);
  snapshot_clear (&before);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);

  return contents;
}

static void
write_private_file (const char *path,
                    const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE,
                                           0600, &error));
  g_assert_no_error (error);
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_no_errno (stat (path, &st));

  return st.st_mode & 0777;
}

/* A damaged file, its log and shared memory go aside together, under a
 * name with the date, each with its bytes and its mode. */
static void
test_set_aside (Fixture       *f,
                gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) pattern = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *base = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected_listing = NULL;

  g_assert_no_errno (g_mkdir_with_parents (f->dir, 0700));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *contents = g_strdup_printf ("contents of %s", suffixes[i]);

      write_private_file (name, contents);
    }

  kept = pnl_db_set_aside (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_test_message ("kept as %s", kept);

  base = g_path_get_basename (kept);
  pattern = g_regex_new ("^panelist\\.db\\.damaged-[0-9]{8}-[0-9]{6}$", 0, 0, NULL);
  g_assert_true (g_regex_match (pattern, base, 0, NULL));
  g_assert_true (g_str_has_prefix (kept, f->dir));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *old_name = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *new_name = g_strconcat (kept, suffixes[i], NULL);
      g_autofree char *expected = g_strdup_printf ("contents of %s", suffixes[i]);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_false (g_file_test (old_name, G_FILE_TEST_EXISTS));
      contents = read_file (new_name, &len);
      g_assert_cmpstr (contents, ==, expected);
      g_assert_cmpuint (mode_of (new_name), ==, 0600);
    }

  listing = list_folder (f->dir);
  expected_listing = g_strdup_printf ("%s,%s-shm,%s-wal", base, base, base);
  g_assert_cmpstr (listing, ==, expected_listing);

  /* Nothing left to set aside. */
  g_assert_null (pnl_db_set_aside (f->path, &error));
  g_assert_error (error, PNL_DB_ERROR, PNL_DB_ERROR_PATH);
}

/* A name already taken (by an earlier damaged file, in the same second)
 * is never replaced. */
static void
test_set_aside_never_replaces (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_no_errno (g_mkdir_with_parents (f->dir, 0700));
  write_private_file (f->path, "the damaged one");

  /* Every name the next few seconds could give; one only by its log. */
  for (int delta = -1; delta <= 3; delta++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, delta);
      g_autofree char *stamp = g_date_time_format (then, "%Y%m%d-%H%M%S");
      char *name = g_strdup_printf ("%s.damaged-%s%s", f->path, stamp, delta == 0 ? "-wal" : "");

      write_private_file (name, "an earlier one");
      g_ptr_array_add (taken, name);
    }

  kept = pnl_db_set_aside (f->path, &error);
  g_assert_no_error (error);
  g_test_message ("kept as %s", kept);
  g_assert_true (g_str_has_suffix (kept, "-2"));
  contents = read_file (kept, &len);
  g_assert_cmpstr (contents, ==, "the damaged one");

  for (guint i = 0; i < taken->len; i++)
    {
      g_autofree char *earlier = read_file (g_ptr_array_index (taken, i), &len);

      g_assert_cmpstr (earlier, ==, "an earlier one");
    }
}

/* With PNL_DB_OPEN_CHECK a damaged file is refused before anything is
 * written to it; its log stays beside it, not copied in. */
static void
test_damaged_refused_untouched (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *wal_before = NULL;
  g_autofree char *wal_after = NULL;
  g_autoptr(PnlDb) db = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot before = { 0 };
  gsize wal_len_before, wal_len_after;
  sqlite3 *raw = NULL;
  FILE *file;

  /* A file of many pages, then more rows in the log that stays. */
  db = open_db (f);
  exec_ok (db,
           "CREATE TABLE t (id INTEGER PRIMARY KEY, pad TEXT);"
           "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
           "  INSERT INTO t (pad) SELECT printf ('%.500c', 'x') FROM n;");
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  sqlite3_db_config (raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO t (pad) VALUES ('in the log')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Garbage over pages 2 to 6 of the database file. */
  file = fopen (f->path, "r+b");
  g_assert_nonnull (file);
  g_assert_no_errno (fseek (file, 4096, SEEK_SET));
  for (guint i = 0; i < 5 * 4096; i++)
    fputc (g_rand_int_range (rand, 0, 256), file);
  g_assert_no_errno (fclose (file));
  age_file (f->path);

  take_snapshot (f->path, &before);
  wal_before = read_file (wal, &wal_len_before);

  db = pnl_db_open (f->path, PNL_DB_OPEN_READ_WRITE | PNL_DB_OPEN_CHECK, &error);
  g_assert_null (db);
  g_assert_error (error, PNL_DB_ERROR, SQLITE_CORRUPT);
  g_assert_true (pnl_db_error_is_damage (error));
  g_assert_nonnull (strstr (error->message, f->path));
  g_test_message ("%s", error->message);

  assert_unchanged (f->path, &before);
  wal_after = read_file (wal, &wal_len_after);
  g_assert_cmpmem (wal_before, wal_len_before, wal_after, wal_len_after);
  snapshot_clear (&before);
}

/* Read-only files ---------------------------------------------------- */

/* The owner of a file may write it whatever its mode when that owner
 * is root, so these tests run as "nobody" in a child when the suite
 * runs as root (CI does).  Returns a fresh folder that the child owns,
 * or NULL when it cannot be had (the test is then skipped). */
static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (dir);
}

/* The child's folder, which the parent removes after it: named after the
 * parent, so that both know it. */
static char *
unprivileged_dir (pid_t parent)
{
  g_autofree char *name = g_strdup_printf ("panelist-ro-%d", (int) parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static char *
become_unprivileged (void)
{
  g_autofree char *dir = unprivileged_dir (getppid ());

  g_assert_no_errno (g_mkdir (dir, 0700));

  if (geteuid () == 0)
    {
      const uid_t nobody = 65534;

      if (chown (dir, nobody, nobody) != 0 ||
          setgroups (0, NULL) != 0 ||
          setgid (nobody) != 0 ||
          setuid (nobody) != 0)
        {
          g_rmdir (dir);
          return NULL;
        }
    }

  return g_steal_pointer (&dir);
}

/* What `panelist --list` does to the database. */
static void
list_with_binary (const char *dir,
                  const char *path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *arg = g_strdup_printf ("--database=%s", path);
  const char *binary = g_getenv ("PANELIST_BINARY");

  g_assert_nonnull (binary);
  g_subprocess_launcher_setenv (launcher, "HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  process = g_subprocess_launcher_spawn (launcher, &error, binary, arg, "--list", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

/* A 0400 database, listed (the connection can only read and leaves its
 * -shm and -wal behind with mode 0400), then made writable again: the
 * next write works. */
static void
test_read_only_then_writable (Fixture       *f,
                              gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = become_unprivileged ();
      g_autofree char *path = NULL;
      g_autofree char *shm = NULL;
      g_autoptr(PnlStore) store = NULL;
      g_autoptr(GListModel) interviews = NULL;
      g_autoptr(PnlDb) db = NULL;
      g_autoptr(GError) error = NULL;

      if (dir == NULL)
        {
          g_test_skip ("cannot run as an unprivileged user");
          return;
        }
      path = g_build_filename (dir, "panelist.db", NULL);
      shm = g_strconcat (path, "-shm", NULL);

      /* Made by the app, then made read-only and listed. */
      store = pnl_store_new (path, &error);
      g_assert_no_error (error);
      g_assert_true (pnl_store_close (store, &error));
      g_clear_object (&store);
      g_assert_no_errno (g_chmod (path, 0400));
      /* By the binary when this user may run it (a checkout in a private
       * folder may keep it out), and as it does: through the store. */
      if (g_access (g_getenv ("PANELIST_BINARY"), X_OK) == 0)
        list_with_binary (dir, path);
      store = pnl_store_new (path, &error);
      g_assert_no_error (error);
      interviews = pnl_store_list_interviews (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (interviews), ==, 0);
      g_clear_object (&interviews);
      g_clear_object (&store);
      g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

      g_assert_no_errno (g_chmod (path, 0600));
      db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      pnl_db_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", &error);
      g_assert_no_error (error);
      g_assert_cmpint (query_int (db, "SELECT COUNT (*) FROM t"), ==, 1);
      g_assert_cmpuint (file_mode (shm), ==, 0600);
      g_clear_object (&db);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  {
    g_autofree char *dir = unprivileged_dir (getpid ());

    remove_folder (dir);
  }
  g_test_trap_assert_passed ();
}

/* A side file that is not ours and that we may not write: the error
 * names it and says what to do. */
static void
test_read_only_side_file_named (Fixture       *f,
                                gconstpointer  data)
{
  if (geteuid () != 0)
    {
      g_test_skip ("needs root, to leave a side file owned by someone else");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = unprivileged_dir (getppid ());
      g_autofree char *path = g_build_filename (dir, "panelist.db", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autoptr(PnlDb) db = NULL;
      g_autofree char *zeros = g_malloc0 (32768);
      const uid_t nobody = 65534;

      g_assert_no_errno (g_mkdir (dir, 0700));
      db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      g_assert_true (pnl_db_exec (db, "CREATE TABLE t (x);", &error));
      g_clear_object (&db);

      /* The database is nobody's; its -shm stays root's, 0400. */
      g_assert_true (g_file_set_contents (shm, zeros, 32768, NULL));
      g_assert_no_errno (g_chmod (shm, 0400));
      g_assert_no_errno (chown (dir, nobody, nobody));
      g_assert_no_errno (chown (path, nobody, nobody));
      if (setgroups (0, NULL) != 0 || setgid (nobody) != 0 || setuid (nobody) != 0)
        {
          g_test_skip ("cannot run as an unprivileged user");
          return;
        }

      db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, &error);
      if (db != NULL)
        pnl_db_exec (db, "INSERT INTO t VALUES (1);", &error);
      /* Whether SQLite can open it at all (CANTOPEN) or only read it. */
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, PNL_DB_ERROR, SQLITE_CANTOPEN) ||
                     g_error_matches (error, PNL_DB_ERROR, SQLITE_READONLY));
      g_assert_nonnull (strstr (error->message, shm));
      g_assert_nonnull (strstr (error->message, "chmod u+rw"));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  {
    g_autofree char *dir = unprivileged_dir (getpid ());

    remove_folder (dir);
  }
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/db/open-creates-private-file", test_open_creates_private_file, NULL);
  ADD ("/core/db/open-makes-file-private", test_open_makes_file_private, NULL);
  ADD ("/core/db/open-missing-read-only", test_open_missing_read_only, NULL);
  ADD ("/core/db/wal-and-foreign-keys", test_wal_and_foreign_keys, NULL);
  ADD ("/core/db/step-row-done-error", test_step_row_done_error, NULL);
  ADD ("/core/db/bind-and-columns", test_bind_and_columns, NULL);
  ADD ("/core/db/transaction-commits", test_transaction_commits, NULL);
  ADD ("/core/db/transaction-rolls-back", test_transaction_rolls_back, NULL);
  ADD ("/core/db/prepare-cached", test_prepare_cached, NULL);
  ADD ("/core/db/migrate-in-order", test_migrate_in_order, NULL);
  ADD ("/core/db/migrate-failure-rolls-back", test_migrate_failure_rolls_back, NULL);
  ADD ("/core/db/migrate-switches-to-wal", test_migrate_switches_to_wal, NULL);
  ADD ("/core/db/newer-refused-untouched/wal", test_newer_refused_untouched, "wal");
  ADD ("/core/db/newer-refused-untouched/delete", test_newer_refused_untouched, "delete");
  ADD ("/core/db/not-a-database", test_not_a_database, NULL);
  ADD ("/core/db/damaged-refused-untouched", test_damaged_refused_untouched, NULL);
  ADD ("/core/db/set-aside", test_set_aside, NULL);
  ADD ("/core/db/set-aside-never-replaces", test_set_aside_never_replaces, NULL);
  ADD ("/core/db/read-only-then-writable", test_read_only_then_writable, NULL);
  ADD ("/core/db/read-only-side-file-named", test_read_only_side_file_named, NULL);

#undef ADD

  return g_test_run ();
}
