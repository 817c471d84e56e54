/* pnl-application.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_APPLICATION (pnl_application_get_type())

G_DECLARE_FINAL_TYPE (PnlApplication, pnl_application, PNL, APPLICATION, AdwApplication)

PnlApplication *pnl_application_new                 (void);
/* The database every option and window uses: --database, or the default. */
const char     *pnl_application_get_database_path   (PnlApplication *self);
/* NULL when the database could not be opened; see get_store_error(). */
PnlStore       *pnl_application_get_store           (PnlApplication *self);
const GError   *pnl_application_get_store_error     (PnlApplication *self);
/* When the database was damaged at the first window: the name it was
 * kept under, a new one having been started.  NULL otherwise. */
const char     *pnl_application_get_set_aside_path  (PnlApplication *self);
/* Before quitting: TRUE when every change is saved.  Otherwise asks on
 * @parent whether to keep the app open or quit and lose them (and quits
 * if so), and returns FALSE. */
gboolean        pnl_application_confirm_quit        (PnlApplication *self,
                                                     GtkWindow      *parent);
PnlBankLibrary *pnl_application_get_bank_library    (PnlApplication *self);
GSettings      *pnl_application_get_settings        (PnlApplication *self);

/* The folder of the "panel-folder" setting, watched once a window is up;
 * NULL when the setting is empty or there is no database.  A new one
 * replaces it when the setting changes ("notify::panel-folder"): connect
 * to its "imported" and "problem" signals there. */
PnlPanelFolder *pnl_application_get_panel_folder    (PnlApplication *self);
/* Writes the scorecard of @interview to the panel folder, when one is
 * set, without blocking (see pnl_panel_folder_publish_async()).  The
 * application stays up until it is done. */
void            pnl_application_publish_async       (PnlApplication      *self,
                                                     PnlInterview        *interview,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* TRUE when written, waiting for the folder, or when no folder is set. */
gboolean        pnl_application_publish_finish      (PnlApplication  *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);
/* Emits "scorecards-changed": scorecards were added or updated from
 * outside this window (an import, the panel folder).  Views that show
 * other interviewers' scorecards reload on it. */
void            pnl_application_emit_scorecards_changed (PnlApplication *self);

/* Erases a candidate for good, see pnl_store_forget_candidate(). */
void            pnl_application_forget_candidate_async  (PnlApplication      *self,
                                                         gint64               candidate_id,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean        pnl_application_forget_candidate_finish (PnlApplication      *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* Offers to forget the candidates kept longer than the retention
 * setting allows (when it is on); TRUE when it asked. */
gboolean        pnl_application_check_retention         (PnlApplication      *self);

void            pnl_application_choose_panel_folder     (PnlApplication      *self,
                                                         GFile               *folder);

G_END_DECLS
