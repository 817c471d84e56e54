/* pnl-utils.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for NULL, "" and text made only of white space. */
gboolean pnl_str_is_blank      (const char *str);
/* TRUE for a non-empty run of ASCII letters, digits, '.', '-' and '_':
 * what we accept as a stable id in files. */
gboolean pnl_str_is_identifier (const char *str);

G_END_DECLS
