/* pnl-export-dialog.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_EXPORT_DIALOG (pnl_export_dialog_get_type())

G_DECLARE_FINAL_TYPE (PnlExportDialog, pnl_export_dialog, PNL, EXPORT_DIALOG, AdwWindow)

/* Asks for a format and a scope (this interview, this candidate, or the
 * comparison of this interview's role), then for a file through the
 * portal.  Emits "exported" (GFile) once the file is written. */
PnlExportDialog *pnl_export_dialog_new            (GtkWindow        *parent,
                                                   PnlStore         *store,
                                                   PnlInterview     *interview);
PnlExportDialog *pnl_export_dialog_new_for_candidate (GtkWindow     *parent,
                                                      PnlStore      *store,
                                                      const char    *name,
                                                      const char    *reference,
                                                      const char    *role);
PnlExportDialog *pnl_export_dialog_new_for_role   (GtkWindow        *parent,
                                                   PnlStore         *store,
                                                   const char       *role);
void             pnl_export_dialog_present_from   (PnlExportDialog  *self,
                                                   GtkWidget        *from);
void             pnl_export_dialog_set_format     (PnlExportDialog  *self,
                                                   PnlExportFormat   format);
void             pnl_export_dialog_set_scope      (PnlExportDialog  *self,
                                                   PnlExportScope    scope);
/* Independent scoring: while @name (NULL or "" for nobody) has an
 * interview in progress with a candidate, a role comparison hides the
 * others' scores of that candidate. */
void             pnl_export_dialog_set_local_interviewer (PnlExportDialog *self,
                                                          const char      *name);
/* A file name to offer, such as "Ada Lovelace – Technical 1.md". */
char            *pnl_export_dialog_suggest_name   (PnlExportDialog  *self);
/* Writes the export to @file (readable by its owner alone), as the file
 * chooser's answer does. */
gboolean         pnl_export_dialog_export_to_file (PnlExportDialog  *self,
                                                   GFile            *file,
                                                   GError          **error);

G_END_DECLS
