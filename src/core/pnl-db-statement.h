/* pnl-db-statement.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pnl-types.h"

G_BEGIN_DECLS

typedef enum
{
  PNL_DB_STEP_ERROR = 0,
  PNL_DB_STEP_ROW,
  PNL_DB_STEP_DONE,
} PnlDbStep;

/* Parameters are numbered from 1 and columns from 0, as in SQLite. */
PnlDbStatement *pnl_db_statement_ref          (PnlDbStatement *self);
void            pnl_db_statement_unref        (PnlDbStatement *self);
PnlDbStep       pnl_db_statement_step         (PnlDbStatement *self,
                                               GError        **error);
/* Steps until done; a row is an error here. */
gboolean        pnl_db_statement_execute      (PnlDbStatement *self,
                                               GError        **error);
void            pnl_db_statement_reset        (PnlDbStatement *self);
void            pnl_db_statement_bind_int     (PnlDbStatement *self,
                                               int             position,
                                               gint64          value);
void            pnl_db_statement_bind_text    (PnlDbStatement *self,
                                               int             position,
                                               const char     *value);
void            pnl_db_statement_bind_null    (PnlDbStatement *self,
                                               int             position);
gboolean        pnl_db_statement_column_is_null (PnlDbStatement *self,
                                               int             column);
gint64          pnl_db_statement_column_int   (PnlDbStatement *self,
                                               int             column);
/* Never NULL: an SQL NULL reads as "". */
const char     *pnl_db_statement_column_text  (PnlDbStatement *self,
                                               int             column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnlDbStatement, pnl_db_statement_unref)

G_END_DECLS
