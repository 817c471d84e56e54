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

G_END_DECLS
