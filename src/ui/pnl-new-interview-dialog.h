/* pnl-new-interview-dialog.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_TYPE_NEW_INTERVIEW_DIALOG (pnl_new_interview_dialog_get_type())

G_DECLARE_FINAL_TYPE (PnlNewInterviewDialog, pnl_new_interview_dialog, PNL, NEW_INTERVIEW_DIALOG, AdwWindow)

/* Asks for candidate, role, round, bank and interviewer; creates nothing
 * until every field is complete.  Emits "created" (PnlInterview) and
 * closes once the interview is in @store. */
PnlNewInterviewDialog *pnl_new_interview_dialog_new (GtkWindow      *parent,
                                                     PnlStore       *store,
                                                     PnlBankLibrary *library,
                                                     GSettings      *settings);
/* Creates the interview as the Create button does; FALSE when a field is
 * missing or the store refused, with the reason shown in the dialog. */
gboolean               pnl_new_interview_dialog_create (PnlNewInterviewDialog *self);

G_END_DECLS
