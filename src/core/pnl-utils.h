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

/* Control characters are never written raw to a terminal or a text
 * export.  Returns @text (valid UTF-8) with each control character but
 * the ASCII ones in @keep (such as "\t\n\r") shown instead: C0 (U+0000 to
 * U+001F) as its Unicode control picture (U+2400 to U+241F, ␛ for ESC),
 * DEL as ␡ (U+2421), C1 (U+0080 to U+009F), which has no pictures, as
 * U+FFFD.  Returns NULL when there is nothing to replace. */
char    *pnl_str_show_controls (const char *text,
                                const char *keep);

G_END_DECLS
