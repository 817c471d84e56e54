/* bench-window.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The baseline of the window benchmarks: a bare libadwaita window, a
 * header bar and a status page.  An "activate" handler. */
void bench_bare_activate  (GApplication *app);
/* Runs the main loop until @window has painted a frame with what
 * changed. */
void bench_wait_for_frame (GtkWidget    *window);

G_END_DECLS
