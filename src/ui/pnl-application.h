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
PnlBankLibrary *pnl_application_get_bank_library    (PnlApplication *self);
GSettings      *pnl_application_get_settings        (PnlApplication *self);

G_END_DECLS
