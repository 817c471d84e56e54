/* pnl-window.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-application.h"

G_BEGIN_DECLS

#define PNL_TYPE_WINDOW (pnl_window_get_type())

G_DECLARE_FINAL_TYPE (PnlWindow, pnl_window, PNL, WINDOW, AdwApplicationWindow)

PnlWindow *pnl_window_new (PnlApplication *application);

G_END_DECLS
