/* pnl-export.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

/* The stable spellings ("markdown", "interview", ...) are in pnl-types.h. */
/* "md", "html", "csv", "json" (no dot). */
const char    *pnl_export_format_get_extension (PnlExportFormat format);
/* "text/markdown", "text/html", "text/csv", "application/json". */
const char    *pnl_export_format_get_content_type (PnlExportFormat format);

/* Reads from @store what @scope covers, as a GPtrArray of PnlScorecard
 * in the order the exports use:
 *
 *  - INTERVIEW: @key is the interview's UUID; one item.
 *  - CANDIDATE: @key is the candidate's name or reference; every
 *    interview with them, by start time.  A name that several candidates
 *    (different references) share is G_IO_ERROR_FAILED: use the reference.
 *  - ROLE: @key is the role; every interview of the role, in progress or
 *    not (the comparison keeps the submitted ones), by candidate then
 *    start time.
 *
 * Nothing found is G_IO_ERROR_NOT_FOUND. */
GPtrArray     *pnl_export_collect            (PnlStore        *store,
                                              PnlExportScope   scope,
                                              const char      *key,
                                              GError         **error);

/* The same, for the local interviewer @local_interviewer (or NULL: the
 * same as pnl_export_collect()): an INTERVIEW that independent scoring
 * hides from them (PnlVisibility: another interviewer's scorecard of a
 * candidate they are still interviewing) is G_IO_ERROR_PERMISSION_DENIED.
 * CANDIDATE and ROLE collect everything: pnl_export_to_string_for()
 * leaves out what is hidden, and says so. */
GPtrArray     *pnl_export_collect_for        (PnlStore        *store,
                                              PnlExportScope   scope,
                                              const char      *key,
                                              const char      *local_interviewer,
                                              GError         **error);

/* An item for each of @interviews (PnlInterview), with its answers read
 * from @store, in the same order. */
GPtrArray     *pnl_export_read_items         (PnlStore        *store,
                                              GListModel      *interviews,
                                              GError         **error);

/* Sorts @items (PnlScorecard) into the order the exports use: by
 * candidate name, reference, start time, then UUID.  Names compare with
 * g_utf8_collate(), so the order follows the locale. */
void           pnl_export_sort_items         (GPtrArray       *items);

/* Writes @items (PnlScorecard) as @format for @scope.  INTERVIEW needs
 * exactly one item; CANDIDATE items of one candidate; ROLE items of one
 * role (only the submitted ones count, see PnlComparison).  Anything else
 * is G_IO_ERROR_INVALID_ARGUMENT; JSON is G_IO_ERROR_NOT_SUPPORTED here
 * (the scorecard module writes it).  CANDIDATE and ROLE items are sorted
 * first (see pnl_export_sort_items()), so the output does not depend on
 * the order of @items.
 *
 * The output depends only on its input and the translation in use: no
 * clock, dates as YYYY-MM-DD in UTC, numbers with two decimals and a '.'
 * whatever the locale.  User text is escaped for each format:
 *
 *  - Markdown: CommonMark metacharacters are backslash-escaped, and
 *    multi-line text is a block quote whose lines end in hard breaks, so
 *    nothing typed can open a heading, list, link, table cell or HTML.
 *  - HTML: one standalone document (inline style, a print style sheet, no
 *    external resource); all user text is markup-escaped and marked
 *    dir="auto" so right-to-left text reads right.
 *  - CSV: RFC 4180 (CRLF, quotes doubled, fields quoted when needed), and
 *    a cell starting with = + - @ tab or CR gets a leading ' so that a
 *    spreadsheet does not run it as a formula.  INTERVIEW and CANDIDATE
 *    write one row per answer; ROLE one row per candidate with the
 *    columns candidate, interviews, recommendations, mean, then one per
 *    area (titled by the area) holding its score, empty when unscored. */
char          *pnl_export_to_string          (PnlExportFormat  format,
                                              PnlExportScope   scope,
                                              GPtrArray       *items,
                                              GError         **error);

/* The same, for the local interviewer @local_interviewer (or NULL: the
 * same as pnl_export_to_string()), by the rule of independent scoring
 * (PnlVisibility, pnl-visibility.h), learnt from @items:
 *
 *  - ROLE: a candidate hidden from them keeps its row with every figure
 *    empty (Markdown and HTML write "—"), and Markdown and HTML say why
 *    after the table; JSON leaves out the other interviewers' scorecards
 *    of that candidate.
 *  - CANDIDATE: while they have an interview in progress with the
 *    candidate, every other interviewer's scorecard is left out of every
 *    format (the table, the counts, the tally, the interviews, the CSV
 *    rows, the JSON bundle), and Markdown and HTML say why after the
 *    table.
 *  - INTERVIEW: unchanged; one scorecard cannot tell (see
 *    pnl_export_collect_for()). */
char          *pnl_export_to_string_for      (PnlExportFormat  format,
                                              PnlExportScope   scope,
                                              GPtrArray       *items,
                                              const char      *local_interviewer,
                                              GError         **error);

G_END_DECLS
