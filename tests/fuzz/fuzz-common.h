/* fuzz-common.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every fuzz target does once, before the first input: criticals
 * and warnings abort, so that a g_return_if_fail() that fires counts
 * as a crash; and a reminder that GLib's slice allocator hides
 * overflows and leaks from the sanitizers unless it is switched off
 * before the program starts. */
static inline void
pnl_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    g_printerr ("Set G_SLICE=always-malloc for the sanitizers to see every allocation.\n");
}

G_END_DECLS
