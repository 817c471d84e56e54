/* bench-common.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-db.h"

G_BEGIN_DECLS

#define BENCH_ROLE "Backend developer"

/* Abort the benchmark when SQL fails: its data would be wrong. */
void            bench_exec      (PnlDb      *db,
                                 const char *sql);
PnlDbStatement *bench_prepare   (PnlDb      *db,
                                 const char *sql);
void            bench_fill_role (const char *path,
                                 guint       n_candidates,
                                 guint       n_interviewers,
                                 guint       n_answers,
                                 guint       n_areas);
/* A bank of @n_questions over 20 areas, as JSON. */
GBytes         *bench_make_bank (guint       n_questions);
void            bench_remove_tree (GFile    *file);
/* Sorts @values. */
double          bench_median    (double     *values,
                                 guint       n);
/* Prints "# pid …" and "# thread ID NAME" for each thread, for the
 * fsync check to tell the main thread from the others. */
void            bench_print_threads (void);
/* A home of its own for the app's runs, in a new folder below the
 * temporary one named after @name_template (which it returns): the
 * user's data and settings there (XDG_DATA_HOME, XDG_CONFIG_HOME, the
 * memory settings backend), with where the user's banks and database
 * go. */
char           *bench_make_home (const char  *name_template,
                                 char       **banks,
                                 char       **database);

G_END_DECLS
