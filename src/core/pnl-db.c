/* pnl-db.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-db"
/* For renameat2() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pnl-db-private.h"

struct _PnlDb
{
  GObject         parent_instance;

  /* Owned references */
  char           *path;
  sqlite3        *handle;
  GHashTable     *cached;        /* SQL -> PnlDbStatement */

  PnlDbOpenFlags  flags;

  /* An existing file with a schema stays in its journal mode until
   * pnl_db_migrate() has checked that this build may touch it. */
  guint           wal_pending : 1;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PnlDb, pnl_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (pnl-db-error-quark, pnl_db_error)

static GParamSpec *properties[N_PROPS];

/* The side files SQLite keeps beside a database, in the order they
 * matter to a writer. */
static const char * const side_suffixes[] = { "-wal", "-shm", "-journal" };

/* The first of the database at @path (for @db_mode, R_OK or W_OK) and
 * its side files (which a writer must read and write) that exists and
 * that this process may not use so, or NULL. */
static char *
find_blocking_file (const char *path,
                    int         db_mode)
{
  if (g_access (path, db_mode) != 0 && errno == EACCES)
    return g_strdup (path);

  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);

      if (g_access (side, R_OK | W_OK) != 0 && errno == EACCES)
        return g_steal_pointer (&side);
    }

  return NULL;
}

/* When a side file stops the write: says which, and what to do. */
static gboolean
set_side_file_error (GError     **error,
                     const char  *path,
                     int          code,
                     int          db_mode,
                     const char  *detail)
{
  g_autofree char *blocking = find_blocking_file (path, db_mode);

  if (blocking == NULL)
    return FALSE;

  if (g_str_equal (blocking, path))
    {
      if (db_mode != W_OK)
        return FALSE;

      g_set_error (error, PNL_DB_ERROR, code,
                   _("The database “%s” cannot be written: the file is read-only for you (%s). "
                     "Make it writable (chmod u+w) and try again."),
                   path, detail);
      return TRUE;
    }

  g_set_error (error, PNL_DB_ERROR, code,
               _("The database “%s” cannot be written: its side file “%s” is not writable for you (%s). "
                 "Make that file yours and writable (chmod u+rw), or have its owner do it, and try again; "
                 "do not delete it."),
               path, blocking, detail);
  return TRUE;
}

void
_pnl_db_set_error (GError     **error,
                   const char  *path,
                   sqlite3     *handle,
                   int          rc)
{
  const char *detail;
  int code = rc & 0xff;

  if (error == NULL)
    return;

  if (handle != NULL && (sqlite3_errcode (handle) & 0xff) == code)
    detail = sqlite3_errmsg (handle);
  else
    detail = sqlite3_errstr (rc);

  switch (code)
    {
    case SQLITE_NOTADB:
      g_set_error (error, PNL_DB_ERROR, code,
                   _("“%s” is not a Panelist database, or it is damaged (%s)."),
                   path, detail);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, PNL_DB_ERROR, code,
                   _("The database “%s” is damaged (%s)."),
                   path, detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, PNL_DB_ERROR, code,
                   _("The disk holding “%s” is full (%s)."),
                   path, detail);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      /* Say which file stops the write, and what to do. */
      if (!set_side_file_error (error, path, code, W_OK, detail))
        g_set_error (error, PNL_DB_ERROR, code,
                     _("The database “%s” cannot be written (%s)."),
                     path, detail);
      break;

    case SQLITE_CANTOPEN:
      if (!set_side_file_error (error, path, code, R_OK, detail))
        g_set_error (error, PNL_DB_ERROR, code,
                     _("The database “%s” cannot be opened (%s)."),
                     path, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PNL_DB_ERROR, code,
                   _("The database “%s” is in use by another program (%s)."),
                   path, detail);
      break;

    case SQLITE_IOERR:
      g_set_error (error, PNL_DB_ERROR, code,
                   _("The database “%s” could not be read or written (%s)."),
                   path, detail);
      break;

    default:
      g_set_error (error, PNL_DB_ERROR, code,
                   _("Database error in “%s”: %s."),
                   path, detail);
      break;
    }
}

static void
pnl_db_detach_statement (gpointer data)
{
  PnlDbStatement *stmt = data;

  _pnl_db_statement_detach (stmt);
  pnl_db_statement_unref (stmt);
}

static void
pnl_db_finalize (GObject *object)
{
  PnlDb *self = (PnlDb *)object;

  g_clear_pointer (&self->cached, g_hash_table_unref);

  /* close_v2 waits for any statement still held elsewhere. */
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (pnl_db_parent_class)->finalize (object);
}

static void
pnl_db_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  PnlDb *self = PNL_DB (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_db_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  PnlDb *self = PNL_DB (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_db_class_init (PnlDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_db_finalize;
  object_class->get_property = pnl_db_get_property;
  object_class->set_property = pnl_db_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL,
                       0, G_MAXUINT, PNL_DB_OPEN_READ_WRITE,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_db_init (PnlDb *self)
{
  self->cached = g_hash_table_new_full (g_str_hash, g_str_equal,
                                        g_free, pnl_db_detach_statement);
}

/* Makes @path private to its owner: drops every group and other bit. */
static gboolean
make_private (const char  *path,
              gboolean     must_exist,
              GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT && !must_exist)
        return TRUE;

      g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_PATH,
                   _("Could not check the permissions of “%s”: %s"),
                   path, g_strerror (errsv));
      return FALSE;
    }

  if ((st.st_mode & 077) != 0 && g_chmod (path, st.st_mode & 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_PATH,
                   _("Could not make “%s” private to you: %s"),
                   path, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

/* A connection that could only read (the database was read-only then)
 * leaves its -shm, and maybe an empty -wal, behind with the database's
 * mode of that time, 0400: SQLite gives side files the database's mode
 * when it makes them.  Once the database may be written again such a
 * file would turn every writer away for ever ("attempt to write a
 * readonly database"), so each side file of ours gets read and write
 * for its owner back.  One that is not ours is left alone: the error of
 * the write that fails names it. */
static void
make_side_files_writable (const char *path)
{
  if (g_access (path, W_OK) != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (side, &st) != 0 || !S_ISREG (st.st_mode) ||
          st.st_uid != geteuid () || (st.st_mode & 0600) == 0600)
        continue;

      if (g_chmod (side, (st.st_mode & 0700) | 0600) != 0)
        g_debug ("could not make %s writable: %s", side, g_strerror (errno));
    }
}

static gboolean
prepare_files (const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_PATH,
                   _("Could not create the folder “%s”: %s"),
                   folder, g_strerror (errsv));
      return FALSE;
    }

  /* Create the file ourselves so that it is born 0600, whatever the
   * umask; SQLite gives its -wal and -shm files the same mode. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      g_close (fd, NULL);
    }
  else if (errno != EEXIST)
    {
      int errsv = errno;

      g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_PATH,
                   _("Could not create the database “%s”: %s"),
                   path, g_strerror (errsv));
      return FALSE;
    }

  if (!make_private (path, TRUE, error))
    return FALSE;

  make_side_files_writable (path);

  return TRUE;
}

static gboolean
make_companions_private (PnlDb   *self,
                         GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (self->path, side_suffixes[i], NULL);

      if (!make_private (companion, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

static char *
query_text (PnlDb       *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  if (!(stmt = pnl_db_prepare (self, sql, error)))
    return NULL;

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      return g_strdup (pnl_db_statement_column_text (stmt, 0));

    case PNL_DB_STEP_DONE:
      return g_strdup ("");

    case PNL_DB_STEP_ERROR:
    default:
      return NULL;
    }
}

/* Up to this size (the file and its log) the check at open reads every
 * page: well under a second even from a cold disk.  A bigger file only
 * has its header and schema read, and damage further in shows up when
 * it is read. */
#define CHECK_MAX_BYTES (32 * 1024 * 1024)

static goffset
size_of (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;

  return st.st_size;
}

static gboolean
check_integrity (PnlDb   *self,
                 GError **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *result = NULL;
  goffset size = size_of (self->path) + size_of (wal);

  /* quick_check reads every page and checks every b-tree, but not that
   * the indexes match their tables: that is integrity_check, slower. */
  if (size <= CHECK_MAX_BYTES)
    result = query_text (self, "PRAGMA quick_check(1)", &local_error);
  else
    result = query_text (self, "SELECT COUNT (*) FROM sqlite_schema", &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (size <= CHECK_MAX_BYTES && g_strcmp0 (result, "ok") != 0)
    {
      /* Its report names pages and tables; the reason is enough here. */
      g_debug ("quick_check failed on %s", self->path);
      g_set_error (error, PNL_DB_ERROR, SQLITE_CORRUPT,
                   _("The database “%s” is damaged (%s)."),
                   self->path, sqlite3_errstr (SQLITE_CORRUPT));
      return FALSE;
    }

  return TRUE;
}

static gboolean
enable_wal (PnlDb   *self,
            GError **error)
{
  g_autofree char *mode = NULL;

  if (!(mode = query_text (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;

  if (g_ascii_strcasecmp (mode, "wal") != 0)
    {
      g_set_error (error, PNL_DB_ERROR, SQLITE_CANTOPEN,
                   _("The database “%s” cannot use a write-ahead log (the journal mode stays “%s”)."),
                   self->path, mode);
      return FALSE;
    }

  self->wal_pending = FALSE;

  return make_companions_private (self, error);
}

/**
 * pnl_db_open:
 * @path: the database file
 * @flags: how to open it
 * @error: a location for a #GError
 *
 * Opens the database at @path.  When writing is allowed, the folder is
 * created with mode 0700 and the file with mode 0600 when missing, and a
 * file readable by others is made private.  The connection has foreign
 * keys on, a busy timeout of five seconds and, once the schema is known
 * to be one this build may touch, a write-ahead log.
 *
 * A file that is not a database is refused with %SQLITE_NOTADB.  With
 * %PNL_DB_OPEN_CHECK, before anything is written, the file is also read
 * through (`PRAGMA quick_check`, for files up to 32 MiB; only the
 * header and the schema of bigger ones) and refused with
 * %SQLITE_CORRUPT when damaged.  A refused file is left as it was, its
 * log too: nothing is copied from the log into it.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
PnlDb *
pnl_db_open (const char      *path,
             PnlDbOpenFlags   flags,
             GError         **error)
{
  g_autoptr(PnlDb) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *log = NULL;
  gboolean read_only = (flags & PNL_DB_OPEN_READ_ONLY) != 0;
  gboolean had_log;
  guint version;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_only && !prepare_files (path, error))
    return NULL;

  self = g_object_new (PNL_TYPE_DB,
                       "path", path,
                       "flags", flags,
                       NULL);

  log = g_strconcat (path, "-wal", NULL);
  had_log = g_file_test (log, G_FILE_TEST_EXISTS);

  open_flags = SQLITE_OPEN_NOMUTEX;
  if (read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      _pnl_db_set_error (error, path, self->handle, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 5000);

  /* Nothing above has read the file: the first read tells us whether it
   * is a database at all, and nothing has been written to it yet. */
  version = pnl_db_get_user_version (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto refused;
    }

  if ((flags & PNL_DB_OPEN_CHECK) != 0 && !check_integrity (self, error))
    goto refused;

  if (!pnl_db_exec (self,
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA synchronous = NORMAL;",
                    error))
    goto refused;

  if (read_only)
    return g_steal_pointer (&self);

  if (!(mode = query_text (self, "PRAGMA journal_mode", error)))
    goto refused;

  if (g_ascii_strcasecmp (mode, "wal") == 0)
    {
      if (!make_companions_private (self, error))
        goto refused;
    }
  else if (version == 0)
    {
      if (!enable_wal (self, error))
        goto refused;
    }
  else
    {
      self->wal_pending = TRUE;
    }

  return g_steal_pointer (&self);

refused:
  /* The last connection to a file in WAL mode copies the log into it as
   * it closes.  Not into a file we refuse: it stays as it was, its log
   * beside it, for whoever looks at it next.  An empty log that reading
   * made goes, as it would after any read. */
  if (had_log)
    sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  return NULL;
}

gboolean
pnl_db_error_is_damage (const GError *error)
{
  return error != NULL &&
         error->domain == PNL_DB_ERROR &&
         (error->code == SQLITE_NOTADB || error->code == SQLITE_CORRUPT);
}

/* Renames @from to @to unless @to exists, atomically where the file
 * system can. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;

  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return -1;

  /* No RENAME_NOREPLACE here: a second name, then the old one goes. */
  if (link (from, to) == 0)
    return unlink (from);

  if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP)
    return -1;

  /* No hard links either (some network and FAT file systems). */
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      errno = EEXIST;
      return -1;
    }

  return g_rename (from, to);
}

static gboolean
name_is_free (const char *base)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (base, suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (name, &st) == 0 || errno != ENOENT)
        return FALSE;
    }

  return TRUE;
}

/**
 * pnl_db_set_aside:
 * @path: a database file nothing has open
 * @error: a location for a #GError
 *
 * Keeps a damaged database under a new name, so that a new one can be
 * started at @path: `@path.damaged-YYYYMMDD-HHMMSS`, in local time, with
 * "-2", "-3"... after it when that name is taken.  Its log and shared
 * memory files, when there, are renamed first, to the new name followed
 * by "-wal" and "-shm", so that SQLite finds them with it.  Nothing is
 * replaced or deleted; the files keep their modes.
 *
 * Returns: (transfer full): the new name of @path, or %NULL with @error
 *   set (any file already renamed is named in the message)
 */
char *
pnl_db_set_aside (const char  *path,
                  GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 1; target == NULL && i < 1000; i++)
    {
      g_autofree char *name = NULL;

      if (i == 1)
        name = g_strdup_printf ("%s.damaged-%s", path, stamp);
      else
        name = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, i);

      if (name_is_free (name))
        target = g_steal_pointer (&name);
    }

  if (target == NULL)
    {
      g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_PATH,
                   _("Could not find a free name to keep “%s” under."), path);
      return NULL;
    }

  /* The log first: a log left behind without its database would be
   * replayed into the new one. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (rename_no_replace (from, to) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_PATH,
                       _("Could not rename “%s” to “%s”: %s"),
                       from, to, g_strerror (errsv));
          return NULL;
        }
    }

  if (rename_no_replace (path, target) != 0)
    {
      int errsv = errno;

      g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_PATH,
                   _("Could not rename “%s” to “%s”: %s"),
                   path, target, g_strerror (errsv));
      return NULL;
    }

  return g_steal_pointer (&target);
}

const char *
pnl_db_get_path (PnlDb *self)
{
  g_return_val_if_fail (PNL_IS_DB (self), NULL);

  return self->path;
}

gboolean
pnl_db_exec (PnlDb       *self,
             const char  *sql,
             GError     **error)
{
  int rc;

  g_return_val_if_fail (PNL_IS_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _pnl_db_set_error (error, self->path, self->handle, rc);
      return FALSE;
    }

  return TRUE;
}

static PnlDbStatement *
prepare (PnlDb       *self,
         const char  *sql,
         guint        prep_flags,
         gboolean     cached,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, prep_flags, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _pnl_db_set_error (error, self->path, self->handle, rc);
      return NULL;
    }

  if (stmt == NULL)
    {
      /* Only white space or a comment. */
      g_set_error (error, PNL_DB_ERROR, SQLITE_MISUSE,
                   _("Database error in “%s”: an empty statement."),
                   self->path);
      return NULL;
    }

  return _pnl_db_statement_new (self, stmt, cached);
}

PnlDbStatement *
pnl_db_prepare (PnlDb       *self,
                const char  *sql,
                GError     **error)
{
  g_return_val_if_fail (PNL_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return prepare (self, sql, 0, FALSE, error);
}

/**
 * pnl_db_prepare_cached:
 * @self: a #PnlDb
 * @sql: the statement
 * @error: a location for a #GError
 *
 * Returns the statement for @sql, prepared once for the life of the
 * connection.  It comes reset and with its parameters cleared; when the
 * caller drops its reference it is reset again, so that it never holds
 * a read open between uses.
 *
 * Returns: (transfer full): the statement, or %NULL with @error set
 */
PnlDbStatement *
pnl_db_prepare_cached (PnlDb       *self,
                       const char  *sql,
                       GError     **error)
{
  PnlDbStatement *stmt;

  g_return_val_if_fail (PNL_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if ((stmt = g_hash_table_lookup (self->cached, sql)))
    {
      sqlite3_stmt *handle = _pnl_db_statement_get_handle (stmt);

      sqlite3_reset (handle);
      sqlite3_clear_bindings (handle);

      return pnl_db_statement_ref (stmt);
    }

  if (!(stmt = prepare (self, sql, SQLITE_PREPARE_PERSISTENT, TRUE, error)))
    return NULL;

  g_hash_table_insert (self->cached, g_strdup (sql), stmt);

  return pnl_db_statement_ref (stmt);
}

gboolean
pnl_db_begin (PnlDb   *self,
              GError **error)
{
  g_return_val_if_fail (PNL_IS_DB (self), FALSE);

  return pnl_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
pnl_db_commit (PnlDb   *self,
               GError **error)
{
  g_return_val_if_fail (PNL_IS_DB (self), FALSE);

  return pnl_db_exec (self, "COMMIT", error);
}

void
pnl_db_rollback (PnlDb *self)
{
  g_return_if_fail (PNL_IS_DB (self));

  /* SQLite may already have rolled back on its own (SQLITE_FULL, ...). */
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * pnl_db_transaction:
 * @self: a #PnlDb
 * @func: what to run
 * @user_data: data for @func
 * @error: a location for a #GError
 *
 * Runs @func inside BEGIN IMMEDIATE ... COMMIT and rolls everything back
 * when @func or the commit fails.  Inside a transaction already, it runs
 * in a savepoint instead, so that its own failure undoes only its work.
 *
 * Returns: %TRUE when @func succeeded and its work is committed
 */
gboolean
pnl_db_transaction (PnlDb                 *self,
                    PnlDbTransactionFunc   func,
                    gpointer               user_data,
                    GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PNL_IS_DB (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!sqlite3_get_autocommit (self->handle))
    {
      if (!pnl_db_exec (self, "SAVEPOINT pnl_transaction", error))
        return FALSE;

      if (!func (self, user_data, &local_error))
        {
          sqlite3_exec (self->handle,
                        "ROLLBACK TO pnl_transaction; RELEASE pnl_transaction",
                        NULL, NULL, NULL);
          goto failed;
        }

      return pnl_db_exec (self, "RELEASE pnl_transaction", error);
    }

  if (!pnl_db_begin (self, error))
    return FALSE;

  if (!func (self, user_data, &local_error) ||
      !pnl_db_commit (self, &local_error))
    {
      pnl_db_rollback (self);
      goto failed;
    }

  return TRUE;

failed:
  if (local_error == NULL)
    g_set_error (&local_error, PNL_DB_ERROR, SQLITE_ERROR,
                 _("Database error in “%s”: a change failed."),
                 self->path);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

gint64
pnl_db_last_insert_id (PnlDb *self)
{
  g_return_val_if_fail (PNL_IS_DB (self), 0);

  return sqlite3_last_insert_rowid (self->handle);
}

int
pnl_db_changes (PnlDb *self)
{
  g_return_val_if_fail (PNL_IS_DB (self), 0);

  return sqlite3_changes (self->handle);
}

/**
 * pnl_db_get_user_version:
 * @self: a #PnlDb
 * @error: a location for a #GError
 *
 * Returns: the schema version of the file; 0 for a new file, or 0 with
 *   @error set on failure
 */
guint
pnl_db_get_user_version (PnlDb   *self,
                         GError **error)
{
  g_autoptr(PnlDbStatement) stmt = NULL;

  g_return_val_if_fail (PNL_IS_DB (self), 0);

  if (!(stmt = pnl_db_prepare (self, "PRAGMA user_version", error)))
    return 0;

  switch (pnl_db_statement_step (stmt, error))
    {
    case PNL_DB_STEP_ROW:
      return (guint) pnl_db_statement_column_int (stmt, 0);

    case PNL_DB_STEP_DONE:
      g_set_error (error, PNL_DB_ERROR, SQLITE_ERROR,
                   _("Database error in “%s”: no schema version."),
                   self->path);
      return 0;

    case PNL_DB_STEP_ERROR:
    default:
      return 0;
    }
}

typedef struct
{
  const PnlDbMigration *migration;
} Step;

static gboolean
apply_migration (PnlDb     *self,
                 gpointer   user_data,
                 GError   **error)
{
  Step *step = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *set_version = NULL;
  guint current;

  /* Another process may have got there first. */
  current = pnl_db_get_user_version (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (current >= step->migration->version)
    return TRUE;

  set_version = g_strdup_printf ("PRAGMA user_version = %u", step->migration->version);

  return pnl_db_exec (self, step->migration->sql, error) &&
         pnl_db_exec (self, set_version, error);
}

/**
 * pnl_db_migrate:
 * @self: a #PnlDb
 * @migrations: (array length=n_migrations): the steps, by rising version
 * @n_migrations: how many
 * @error: a location for a #GError
 *
 * Brings the schema up to the last of @migrations.  Each step runs in a
 * transaction of its own together with its `PRAGMA user_version`, so a
 * failing step leaves the file at the version before it.  A file whose
 * version is above the last step is refused with %PNL_DB_ERROR_NEWER
 * and nothing is written to it: not even its journal mode changes.
 *
 * Returns: %TRUE when the schema is current
 */
gboolean
pnl_db_migrate (PnlDb                 *self,
                const PnlDbMigration  *migrations,
                guint                  n_migrations,
                GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  guint highest = 0;
  guint current;

  g_return_val_if_fail (PNL_IS_DB (self), FALSE);
  g_return_val_if_fail (migrations != NULL || n_migrations == 0, FALSE);

  for (guint i = 0; i < n_migrations; i++)
    {
      g_return_val_if_fail (migrations[i].version > highest, FALSE);
      g_return_val_if_fail (migrations[i].sql != NULL, FALSE);
      highest = migrations[i].version;
    }

  current = pnl_db_get_user_version (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (current > highest)
    {
      g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_NEWER,
                   _("“%s” was written by a newer version of Panelist "
                     "(schema %u; this version knows up to %u). "
                     "It was left untouched."),
                   self->path, current, highest);
      return FALSE;
    }

  if (self->wal_pending && !enable_wal (self, error))
    return FALSE;

  for (guint i = 0; i < n_migrations; i++)
    {
      Step step = { &migrations[i] };

      if (migrations[i].version <= current)
        continue;

      if (!pnl_db_transaction (self, apply_migration, &step, &local_error))
        {
          g_set_error (error, PNL_DB_ERROR, PNL_DB_ERROR_MIGRATE,
                       _("Could not update “%s” to schema %u; it stays at schema %u. %s"),
                       self->path, migrations[i].version, current,
                       local_error->message);
          return FALSE;
        }

      current = migrations[i].version;
    }

  return make_companions_private (self, error);
}
