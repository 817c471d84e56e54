/* pnl-fault-vfs.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A SQLite VFS for tests: it passes everything to the "unix" VFS, and
 * makes writes, syncs or truncations of database and log files fail on
 * demand, as a full disk or a failing device would.
 *
 * pnl_fault_vfs_register() makes it the default VFS of the process, so
 * every connection opened afterwards without naming a VFS, the store's
 * and its writer's, goes through it; production code needs no hook.  A
 * test that wants to look at the file without faults opens it with the
 * "unix" VFS by name. */

typedef enum
{
  PNL_FAULT_WRITE    = 1 << 0,
  PNL_FAULT_SYNC     = 1 << 1,
  PNL_FAULT_TRUNCATE = 1 << 2,
} PnlFaultOps;

#define PNL_FAULT_ALL (PNL_FAULT_WRITE | PNL_FAULT_SYNC | PNL_FAULT_TRUNCATE)

/* Registers the VFS as the default one; calling again does nothing. */
void    pnl_fault_vfs_register     (void);
/* From now on, after @n_ok more calls of @ops succeed, each of them
 * fails with @rc (an extended code: SQLITE_FULL, SQLITE_IOERR_WRITE,
 * SQLITE_IOERR_FSYNC, ...).  A failing write stores its first half when
 * @torn is set, as a write cut short does; otherwise nothing. */
void    pnl_fault_vfs_fail         (PnlFaultOps  ops,
                                    int          rc,
                                    guint        n_ok,
                                    gboolean     torn);
/* Everything works again.  The counters are kept. */
void    pnl_fault_vfs_heal         (void);
/* Zeroes the counters. */
void    pnl_fault_vfs_reset_counts (void);
/* Calls of @op (one operation) so far, and how many of them failed. */
guint   pnl_fault_vfs_get_n_calls  (PnlFaultOps  op);
guint   pnl_fault_vfs_get_n_failed (PnlFaultOps  op);
/* The monotonic times of the failed calls, oldest first (at most the
 * first 64 since the last reset). */
GArray *pnl_fault_vfs_get_failure_times (void);

G_END_DECLS
