/* pnl-cli.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

/* The command-line reports, written into strings so that the application
 * prints them and the tests read them. */

/* One interview a line, tab-separated: UUID, candidate, role, round,
 * interviewer, state, the day it was held (started, YYYY-MM-DD in local
 * time); the most recently held first.  Tabs and line breaks inside a
 * field become spaces. */
gboolean pnl_cli_list  (PnlStore       *store,
                        GString        *out,
                        GError        **error);
/* Each bank that loaded (id, title, number of questions, tab-separated)
 * into @out; each that failed, with its error, into @err.  Returns FALSE
 * when any failed. */
gboolean pnl_cli_banks (PnlBankLibrary *library,
                        GString        *out,
                        GString        *err);

/* Writes @format for @scope (the interview's UUID, the candidate's name or
 * reference, or the role named by @key) into @text.  @local_interviewer
 * (NULL or "" for nobody) is who runs it: while they have an interview in
 * progress with a candidate, the others' scores of that candidate stay
 * hidden (see pnl_export_to_string_for()). */
gboolean pnl_cli_export (PnlStore           *store,
                         PnlExportFormat     format,
                         PnlExportScope      scope,
                         const char         *key,
                         const char         *local_interviewer,
                         char              **text,
                         GError            **error);
/* Imports each file in its own transaction.  One summary line into @out
 * (added, updated, unchanged, conflicts, failed); each failure and each
 * conflict, naming its file, into @err.  Returns FALSE when any failed
 * or was kept aside as a conflict. */
gboolean pnl_cli_import (PnlStore           *store,
                         const char * const *paths,
                         GString            *out,
                         GString            *err);

/* The arrivals kept aside as conflicts, one a line, tab-separated: UUID,
 * revision, why (same-revision, changed-here, identity), the fields that
 * differ, where it came from, when (UTC).  For an identity conflict, a
 * line per field follows, starting with a tab: the field, the value
 * here and the value arriving. */
gboolean pnl_cli_conflicts (PnlStore     *store,
                            GString      *out,
                            GError      **error);
/* Ends the conflicts of @uuid, keeping "mine" or "theirs". */
gboolean pnl_cli_resolve   (PnlStore     *store,
                            const char   *uuid,
                            const char   *keep,
                            GString      *out,
                            GError      **error);

G_END_DECLS
