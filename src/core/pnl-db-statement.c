/* pnl-db-statement.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-db-statement"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-db-private.h"

struct _PnlDbStatement
{
  gatomicrefcount  ref_count;

  /* Owned reference, or borrowed when cached (the connection owns the
   * statement then); NULL once the connection has let go of it. */
  PnlDb           *db;
  sqlite3_stmt    *handle;

  guint            cached : 1;
};

PnlDbStatement *
_pnl_db_statement_new (PnlDb        *db,
                       sqlite3_stmt *handle,
                       gboolean      cached)
{
  PnlDbStatement *self;

  g_assert (PNL_IS_DB (db));
  g_assert (handle != NULL);

  self = g_new0 (PnlDbStatement, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->handle = handle;
  self->cached = !!cached;
  self->db = cached ? db : g_object_ref (db);

  return self;
}

void
_pnl_db_statement_detach (PnlDbStatement *self)
{
  g_assert (self != NULL);
  g_assert (self->cached);

  self->db = NULL;
}

sqlite3_stmt *
_pnl_db_statement_get_handle (PnlDbStatement *self)
{
  g_assert (self != NULL);

  return self->handle;
}

PnlDbStatement *
pnl_db_statement_ref (PnlDbStatement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
pnl_db_statement_unref (PnlDbStatement *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->handle, sqlite3_finalize);
      if (!self->cached)
        g_clear_object (&self->db);
      g_free (self);
      return;
    }

  /* Back in the connection's cache only: let go of any read it holds. */
  if (self->cached && g_atomic_ref_count_compare (&self->ref_count, 1))
    sqlite3_reset (self->handle);
}

static void
set_error (PnlDbStatement  *self,
           int              rc,
           GError         **error)
{
  sqlite3 *handle = sqlite3_db_handle (self->handle);
  const char *path;

  if (self->db != NULL)
    path = pnl_db_get_path (self->db);
  else
    path = sqlite3_db_filename (handle, "main");

  _pnl_db_set_error (error, path, handle, rc);
}

/**
 * pnl_db_statement_step:
 * @self: a #PnlDbStatement
 * @error: a location for a #GError
 *
 * Returns: %PNL_DB_STEP_ROW when a row is ready, %PNL_DB_STEP_DONE at the
 *   end, %PNL_DB_STEP_ERROR with @error set on failure
 */
PnlDbStep
pnl_db_statement_step (PnlDbStatement  *self,
                       GError         **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, PNL_DB_STEP_ERROR);

  rc = sqlite3_step (self->handle);

  switch (rc)
    {
    case SQLITE_ROW:
      return PNL_DB_STEP_ROW;

    case SQLITE_DONE:
      return PNL_DB_STEP_DONE;

    default:
      set_error (self, rc, error);
      sqlite3_reset (self->handle);
      return PNL_DB_STEP_ERROR;
    }
}

/**
 * pnl_db_statement_execute:
 * @self: a #PnlDbStatement
 * @error: a location for a #GError
 *
 * Runs a statement that returns no rows, then resets it (the bindings
 * stay).  A row is an error: use pnl_db_statement_step() for queries.
 *
 * Returns: %TRUE on success
 */
gboolean
pnl_db_statement_execute (PnlDbStatement  *self,
                          GError         **error)
{
  PnlDbStep step;

  g_return_val_if_fail (self != NULL, FALSE);

  step = pnl_db_statement_step (self, error);
  sqlite3_reset (self->handle);

  switch (step)
    {
    case PNL_DB_STEP_DONE:
      return TRUE;

    case PNL_DB_STEP_ROW:
      g_set_error (error, PNL_DB_ERROR, SQLITE_MISUSE,
                   "A statement expected to return nothing returned a row");
      return FALSE;

    case PNL_DB_STEP_ERROR:
    default:
      return FALSE;
    }
}

void
pnl_db_statement_reset (PnlDbStatement *self)
{
  g_return_if_fail (self != NULL);

  sqlite3_reset (self->handle);
}

static void
check_bind (PnlDbStatement *self,
            int             position,
            int             rc)
{
  /* Only a programming error gets here: a wrong position, or a
   * statement still running.  No value is logged. */
  if G_UNLIKELY (rc != SQLITE_OK)
    g_critical ("Could not bind parameter %d of “%s”: %s",
                position, sqlite3_sql (self->handle), sqlite3_errstr (rc));
}

void
pnl_db_statement_bind_int (PnlDbStatement *self,
                           int             position,
                           gint64          value)
{
  g_return_if_fail (self != NULL);

  check_bind (self, position, sqlite3_bind_int64 (self->handle, position, value));
}

/* @value is copied; NULL binds an SQL NULL. */
void
pnl_db_statement_bind_text (PnlDbStatement *self,
                            int             position,
                            const char     *value)
{
  g_return_if_fail (self != NULL);

  if (value == NULL)
    check_bind (self, position, sqlite3_bind_null (self->handle, position));
  else
    check_bind (self, position,
                sqlite3_bind_text (self->handle, position, value, -1, SQLITE_TRANSIENT));
}

void
pnl_db_statement_bind_null (PnlDbStatement *self,
                            int             position)
{
  g_return_if_fail (self != NULL);

  check_bind (self, position, sqlite3_bind_null (self->handle, position));
}

gboolean
pnl_db_statement_column_is_null (PnlDbStatement *self,
                                 int             column)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return sqlite3_column_type (self->handle, column) == SQLITE_NULL;
}

gint64
pnl_db_statement_column_int (PnlDbStatement *self,
                             int             column)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_int64 (self->handle, column);
}

const char *
pnl_db_statement_column_text (PnlDbStatement *self,
                              int             column)
{
  const char *text;

  g_return_val_if_fail (self != NULL, "");

  text = (const char *) sqlite3_column_text (self->handle, column);

  return text != NULL ? text : "";
}
