/* pnl-db.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_DB_ERROR (pnl_db_error_quark())

/* Errors from SQLite keep its primary result code (SQLITE_FULL,
 * SQLITE_BUSY, ...) as their code, so callers can match on them.  Our own
 * conditions use codes above 1000, outside SQLite's range. */
typedef enum
{
  PNL_DB_ERROR_NEWER    = 1001, /* the schema is newer than this build */
  PNL_DB_ERROR_MIGRATE  = 1002, /* a migration failed; nothing was changed */
  PNL_DB_ERROR_PATH     = 1003, /* the folder or file could not be made private */
} PnlDbError;

typedef enum
{
  PNL_DB_OPEN_READ_WRITE = 0,
  PNL_DB_OPEN_READ_ONLY  = 1 << 0,
  /* Reads the file through once, before anything is written to it, and
   * refuses a damaged one with SQLITE_CORRUPT (see pnl_db_open()). */
  PNL_DB_OPEN_CHECK      = 1 << 1,
} PnlDbOpenFlags;

/* One step of the schema, applied in its own transaction. */
typedef struct
{
  guint       version;
  const char *sql;
} PnlDbMigration;

typedef gboolean (*PnlDbTransactionFunc) (PnlDb     *db,
                                          gpointer   user_data,
                                          GError   **error);

#define PNL_TYPE_DB (pnl_db_get_type())

G_DECLARE_FINAL_TYPE (PnlDb, pnl_db, PNL, DB, GObject)

GQuark          pnl_db_error_quark      (void);
/* Opens (creating when allowed) the database at @path with mode 0600,
 * WAL journal, foreign keys on and a busy timeout. */
PnlDb          *pnl_db_open             (const char            *path,
                                         PnlDbOpenFlags         flags,
                                         GError               **error);
/* TRUE when @error says that the file is not a database or is damaged
 * (SQLITE_NOTADB, SQLITE_CORRUPT): what pnl_db_set_aside() is for. */
gboolean        pnl_db_error_is_damage  (const GError          *error);
/* Renames the database at @path, with its -wal, -shm and -journal files,
 * to "@path.damaged-YYYYMMDD-HHMMSS" (local time; "-2", "-3"... added
 * when that is taken) in the same folder.  It never replaces a file and
 * never deletes one; the modes stay.  Nothing may have the file open.
 * Returns the new name of @path. */
char           *pnl_db_set_aside        (const char            *path,
                                         GError               **error);
const char     *pnl_db_get_path         (PnlDb                 *self);
gboolean        pnl_db_exec             (PnlDb                 *self,
                                         const char            *sql,
                                         GError               **error);
PnlDbStatement *pnl_db_prepare          (PnlDb                 *self,
                                         const char            *sql,
                                         GError               **error);
/* Prepared once with SQLITE_PREPARE_PERSISTENT and kept for the life of
 * the connection: for statements run again and again. */
PnlDbStatement *pnl_db_prepare_cached   (PnlDb                 *self,
                                         const char            *sql,
                                         GError               **error);
gboolean        pnl_db_begin            (PnlDb                 *self,
                                         GError               **error);
gboolean        pnl_db_commit           (PnlDb                 *self,
                                         GError               **error);
void            pnl_db_rollback         (PnlDb                 *self);
/* Runs @func inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails. */
gboolean        pnl_db_transaction      (PnlDb                 *self,
                                         PnlDbTransactionFunc   func,
                                         gpointer               user_data,
                                         GError               **error);
gint64          pnl_db_last_insert_id   (PnlDb                 *self);
int             pnl_db_changes          (PnlDb                 *self);
guint           pnl_db_get_user_version (PnlDb                 *self,
                                         GError               **error);
/* Applies, in order and each in its own transaction, the migrations whose
 * version is above the file's user_version.  A file whose user_version is
 * above the last migration is refused untouched (PNL_DB_ERROR_NEWER). */
gboolean        pnl_db_migrate          (PnlDb                 *self,
                                         const PnlDbMigration  *migrations,
                                         guint                  n_migrations,
                                         GError               **error);

G_END_DECLS
