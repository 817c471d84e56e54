/* pnl-bank-library.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_BANK_LIBRARY (pnl_bank_library_get_type())

G_DECLARE_FINAL_TYPE (PnlBankLibrary, pnl_bank_library, PNL, BANK_LIBRARY, GObject)

/* Banks come from the shipped resources under @resource_path (may be
 * NULL) and from the JSON files in @user_dir (may be NULL or missing). */
PnlBankLibrary *pnl_bank_library_new       (const char     *resource_path,
                                            GFile          *user_dir);
/* The default places: the GResource and $XDG_DATA_HOME/panelist/banks. */
PnlBankLibrary *pnl_bank_library_new_default (void);
GFile          *pnl_bank_library_get_user_dir (PnlBankLibrary *self);
/* The user's languages, best first, as g_get_language_names() gives them
 * (the default when NULL).  Of the banks that share an id, the one whose
 * language comes first there wins; then a bank of the user's own over a
 * shipped one; then the first in file name order. */
void            pnl_bank_library_set_languages (PnlBankLibrary     *self,
                                                const char * const *languages);
/* Reads every bank again.  A bank that fails is recorded in the errors
 * and never stops the others.  Returns FALSE when any failed.  It waits
 * on the user's folder: the window uses pnl_bank_library_load_async(). */
gboolean        pnl_bank_library_load      (PnlBankLibrary *self);
/* The same, reading the user's folder on a thread: the banks and the
 * errors change, and "changed" is emitted, on the calling thread's main
 * context when it is done.  The first time, the shipped banks are there
 * at once.  A load begun later wins over one that ends later.  The
 * result is FALSE when any bank failed (never an error). */
void            pnl_bank_library_load_async  (PnlBankLibrary      *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        pnl_bank_library_load_finish (PnlBankLibrary  *self,
                                              GAsyncResult    *result,
                                              GError         **error);
/* Whether an asynchronous load is under way ("loading" notifies). */
gboolean        pnl_bank_library_get_loading (PnlBankLibrary *self);
/* GListModel of PnlBank, sorted by title. */
GListModel     *pnl_bank_library_get_banks (PnlBankLibrary *self);
/* The errors of the last load, each naming its file. */
const GPtrArray *pnl_bank_library_get_errors (PnlBankLibrary *self);
PnlBank        *pnl_bank_library_find      (PnlBankLibrary *self,
                                            const char     *bank_id);

G_END_DECLS
