/* pnl-pending-list.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The list of publishes waiting for the panel folder: a file next to the
 * database, one UUID a line, mode 0600 (see docs/panel-folder.md).
 *
 * Saving returns at once: the file is written (with its fsync) on a
 * thread, the saves of one path one after the other, and a save made
 * while another is written replaces the ones still waiting, so the file
 * always ends up with the last list.  Until it has, loading that path
 * gives the last list saved, not what the disk holds yet. */

/* The valid UUIDs in the list at @path, in order, each once; an empty
 * array when there is no list. */
GPtrArray *pnl_pending_list_load (const char *path);
/* Queues @uuids (of UTF-8 strings) to be written to @path; an empty
 * list removes the file. */
void       pnl_pending_list_save (const char *path,
                                  GPtrArray  *uuids);
/* Blocks until the last list saved to @path is on disk. */
void       pnl_pending_list_wait (const char *path);

G_END_DECLS
