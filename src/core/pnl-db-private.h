/* pnl-db-private.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "pnl-db.h"
#include "pnl-db-statement.h"

G_BEGIN_DECLS

/* Shared by pnl-db.c and pnl-db-statement.c only. */

/* Takes ownership of @stmt.  A cached statement borrows @db (the
 * connection owns it); any other holds a reference. */
PnlDbStatement *_pnl_db_statement_new        (PnlDb          *db,
                                              sqlite3_stmt   *stmt,
                                              gboolean        cached);
/* Called by the connection when it lets go of its cached statements. */
void            _pnl_db_statement_detach     (PnlDbStatement *self);
sqlite3_stmt   *_pnl_db_statement_get_handle (PnlDbStatement *self);

/* Sets @error in PNL_DB_ERROR with SQLite's primary code @rc and a
 * message that names the file at @path. */
void            _pnl_db_set_error            (GError        **error,
                                              const char     *path,
                                              sqlite3        *handle,
                                              int             rc);

G_END_DECLS
