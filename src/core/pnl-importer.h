/* pnl-importer.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-store.h"

G_BEGIN_DECLS

#define PNL_IMPORT_ERROR (pnl_import_error_quark())

typedef enum
{
  /* A copy at the revision we have, with other content: ours was kept. */
  PNL_IMPORT_ERROR_CONFLICT,
} PnlImportError;

#define PNL_TYPE_IMPORTER (pnl_importer_get_type())

G_DECLARE_FINAL_TYPE (PnlImporter, pnl_importer, PNL, IMPORTER, GObject)

GQuark       pnl_import_error_quark           (void);
PnlImporter *pnl_importer_new                 (PnlStore             *store);
PnlStore    *pnl_importer_get_store           (PnlImporter          *self);

/* Imports @files (a GListModel of GFile), each file in a transaction
 * of its own: a bundle is all or nothing, and a broken file changes
 * nothing and does not stop the others.  The counts and lists below
 * then describe this run.  Returns FALSE only when cancelled (files
 * imported before that stay imported). */
gboolean     pnl_importer_import_files        (PnlImporter          *self,
                                               GListModel           *files,
                                               GCancellable         *cancellable,
                                               GError              **error);
/* The same on a thread of its own; the results are there once
 * _finish() has returned. */
void         pnl_importer_import_files_async  (PnlImporter          *self,
                                               GListModel           *files,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean     pnl_importer_import_files_finish (PnlImporter          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Interviews added, updated, left unchanged, in conflict; files that
 * failed. */
guint        pnl_importer_get_n_added         (PnlImporter          *self);
guint        pnl_importer_get_n_updated       (PnlImporter          *self);
guint        pnl_importer_get_n_unchanged     (PnlImporter          *self);
guint        pnl_importer_get_n_conflicts     (PnlImporter          *self);
guint        pnl_importer_get_n_failed        (PnlImporter          *self);
/* GPtrArray of GError: one per failed file, each naming it. */
GPtrArray   *pnl_importer_get_errors          (PnlImporter          *self);
/* GPtrArray of GError (PNL_IMPORT_ERROR_CONFLICT): one per conflict,
 * naming the file and the interview's UUID. */
GPtrArray   *pnl_importer_get_conflicts       (PnlImporter          *self);

G_END_DECLS
