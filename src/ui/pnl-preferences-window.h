/* pnl-preferences-window.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-application.h"
#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_PREFERENCES_WINDOW (pnl_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (PnlPreferencesWindow, pnl_preferences_window, PNL, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The settings, changed as they are edited: the interviewer's name, the
 * bank for new interviews, reopening the last interview, the panel
 * folder, the question banks with what failed to load; and on a Privacy
 * page, forgetting candidates, one by one or by age. */
PnlPreferencesWindow *pnl_preferences_window_new (GtkWindow      *parent,
                                                  PnlApplication *app);

G_END_DECLS
