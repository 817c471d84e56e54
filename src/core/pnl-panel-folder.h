/* pnl-panel-folder.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-importer.h"
#include "pnl-store.h"
#include "pnl-types.h"

G_BEGIN_DECLS

/* See docs/panel-folder.md. */
#define PNL_PANEL_FOLDER_SUFFIX ".panelist.json"

#define PNL_TYPE_PANEL_FOLDER (pnl_panel_folder_get_type())

G_DECLARE_FINAL_TYPE (PnlPanelFolder, pnl_panel_folder, PNL, PANEL_FOLDER, GObject)

/* A folder that a sync tool keeps in step between the panel's machines:
 * each interviewer publishes scorecards there and imports the others'.
 * It may be on a slow network share: scans touch it on other threads
 * only.
 *
 * Signals, on the main thread:
 *   "imported" (PnlImporter *importer): a scan imported files; the
 *     importer holds the counts of that run.
 *   "problem" (GError *error): a broken file (once per file content), a
 *     conflict (PNL_IMPORT_ERROR_CONFLICT), or the folder out of reach
 *     (G_IO_ERROR_NOT_FOUND, once each time it goes away). */
PnlPanelFolder *pnl_panel_folder_new               (PnlStore        *store,
                                                    GFile           *folder);
PnlStore       *pnl_panel_folder_get_store         (PnlPanelFolder  *self);
GFile          *pnl_panel_folder_get_folder        (PnlPanelFolder  *self);
/* Whether the folder could be reached at the last look. */
gboolean        pnl_panel_folder_get_online        (PnlPanelFolder  *self);
/* How often (in milliseconds) an unreachable folder is looked for. */
guint           pnl_panel_folder_get_poll_interval (PnlPanelFolder  *self);
void            pnl_panel_folder_set_poll_interval (PnlPanelFolder  *self,
                                                    guint            poll_interval);
/* Interviews waiting for the folder to come back. */
guint           pnl_panel_folder_get_n_pending     (PnlPanelFolder  *self);
/* Whether a scan is under way ("notify::scanning" when that changes: it
 * turns FALSE at the end of each scan, once its signals are emitted). */
gboolean        pnl_panel_folder_get_scanning      (PnlPanelFolder  *self);

/* Writes the scorecard of @interview to <uuid>.panelist.json (mode 0600,
 * atomically).  When the folder cannot be written, the interview waits
 * (across restarts too) and "online" turns FALSE: that still returns
 * TRUE.  FALSE only when the scorecard itself cannot be made. */
gboolean        pnl_panel_folder_publish           (PnlPanelFolder  *self,
                                                    PnlInterview    *interview,
                                                    GError         **error);
/* The same, without blocking: the wait for queued saves and the write
 * (with its fsync) run on other threads.  The interview waits (across
 * restarts) from the call until it is written.  One at a time, in the
 * order of the calls. */
void            pnl_panel_folder_publish_async     (PnlPanelFolder      *self,
                                                    PnlInterview        *interview,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        pnl_panel_folder_publish_finish    (PnlPanelFolder  *self,
                                                    GAsyncResult    *result,
                                                    GError         **error);
/* Asynchronous publishes not finished yet. */
guint           pnl_panel_folder_get_n_publishing  (PnlPanelFolder  *self);
/* Scans the folder once, then watches it (or looks for it, when it is
 * out of reach).  Calling it again does nothing.  Returns at once: the
 * scan runs on other threads. */
void            pnl_panel_folder_start             (PnlPanelFolder  *self);
/* Takes our scorecard of @uuid out of the folder (and out of the
 * waiting list), after its candidate was forgotten. */
gboolean        pnl_panel_folder_withdraw          (PnlPanelFolder  *self,
                                                    const char      *uuid,
                                                    GError         **error);
/* Another folder takes over: a publish under way finishes here, but the
 * list of waiting publishes is left to the next folder, which read it. */
void            pnl_panel_folder_retire            (PnlPanelFolder  *self);
/* Starts a scan, on other threads: files already imported with the same
 * content are skipped.  While one runs, one more is made after it,
 * however often this is called. */
void            pnl_panel_folder_rescan            (PnlPanelFolder  *self);

G_END_DECLS
