/* pnl-toast.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @text, plain text, as a toast in the overlay around @widget
 * (nothing when there is none).  Toast titles are markup in libadwaita
 * 1.2: the text is escaped, so a candidate's name shows as typed. */
void pnl_toast_show (GtkWidget  *widget,
                     const char *text);

G_END_DECLS
