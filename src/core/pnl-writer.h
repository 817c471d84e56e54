/* pnl-writer.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

/* A job runs on the writer thread, inside the batch's transaction, with
 * the writer's own connection.  It must be safe to run again: when a
 * batch fails it is rolled back and every job in it is retried later. */
typedef gboolean (*PnlWriterFunc) (PnlDb     *db,
                                   gpointer   data,
                                   GError   **error);

#define PNL_TYPE_WRITER (pnl_writer_get_type())

G_DECLARE_FINAL_TYPE (PnlWriter, pnl_writer, PNL, WRITER, GObject)

/* Opens its own connection to @path on a new thread.  Signals are emitted
 * on the thread-default main context of the caller. */
PnlWriter *pnl_writer_new       (const char     *path,
                                 GError        **error);
/* Queues a job.  When @key is not NULL and a job with the same key is
 * still waiting, the new one replaces it in place (the latest state wins,
 * the queue's order is kept).  Never blocks on the disk. */
void       pnl_writer_push      (PnlWriter      *self,
                                 const char     *key,
                                 PnlWriterFunc   func,
                                 gpointer        data,
                                 GDestroyNotify  destroy);
/* The same for bookkeeping (a lease): not counted as a change pending. */
void       pnl_writer_push_bookkeeping (PnlWriter      *self,
                                        const char     *key,
                                        PnlWriterFunc   func,
                                        gpointer        data,
                                        GDestroyNotify  destroy);
/* Blocks until everything queued before the call is committed, or the
 * writer fails; on failure the jobs stay queued and are retried. */
gboolean   pnl_writer_flush     (PnlWriter      *self,
                                 GError        **error);
/* Queues @func and blocks until it has run, in a transaction of its
 * own, returning its result; a failure is rolled back, not retried.
 * While failed saves wait to be retried, it runs ahead of them. */
gboolean   pnl_writer_run       (PnlWriter      *self,
                                 PnlWriterFunc   func,
                                 gpointer        data,
                                 GError        **error);
gboolean   pnl_writer_run_outside_transaction (PnlWriter      *self,
                                               PnlWriterFunc   func,
                                               gpointer        data,
                                               GError        **error);
guint      pnl_writer_get_n_pending (PnlWriter  *self);
/* After a failed batch the writer waits @first_ms before trying again,
 * doubling the pause after each further failure up to @max_ms.  The
 * defaults are 250 ms and 5 s; tests make them short. */
void       pnl_writer_set_retry_interval (PnlWriter *self,
                                          guint      first_ms,
                                          guint      max_ms);
/* Flushes and stops the thread; later pushes are refused.  When the
 * flush fails nothing is stopped or dropped: the error is returned and
 * the jobs stay queued (disposing of the writer gives up on them).
 *
 * Signals, on the caller's main context: "failed" (GError *) once when
 * batches start failing, "recovered" when one succeeds again. */
gboolean   pnl_writer_close     (PnlWriter      *self,
                                 GError        **error);

G_END_DECLS
