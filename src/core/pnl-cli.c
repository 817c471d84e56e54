/* pnl-cli.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-cli.h"
#include "pnl-interview.h"
#include "pnl-store.h"

static void
append_field (GString    *out,
              const char *field,
              gboolean    last)
{
  for (const char *c = field ? field : ""; *c; c++)
    g_string_append_c (out, (*c == '\t' || *c == '\n' || *c == '\r') ? ' ' : *c);

  g_string_append_c (out, last ? '\n' : '\t');
}

gboolean
pnl_cli_list (PnlStore  *store,
              GString   *out,
              GError   **error)
{
  g_autoptr(GListModel) interviews = NULL;
  guint n;

  g_return_val_if_fail (PNL_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!(interviews = pnl_store_list_interviews (store, error)))
    return FALSE;

  n = g_list_model_get_n_items (interviews);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);

      append_field (out, pnl_interview_get_uuid (interview), FALSE);
      append_field (out, pnl_interview_get_candidate_name (interview), FALSE);
      append_field (out, pnl_interview_get_role (interview), FALSE);
      append_field (out, pnl_interview_get_round (interview), FALSE);
      append_field (out, pnl_interview_get_interviewer (interview), FALSE);
      append_field (out, pnl_interview_state_to_string (pnl_interview_get_state (interview)), TRUE);
    }

  return TRUE;
}

gboolean
pnl_cli_banks (PnlBankLibrary *library,
               GString        *out,
               GString        *err)
{
  const GPtrArray *errors;
  GListModel *banks;
  gboolean ok;
  guint n;

  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (library), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (err != NULL, FALSE);

  ok = pnl_bank_library_load (library);

  banks = pnl_bank_library_get_banks (library);
  n = g_list_model_get_n_items (banks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlBank) bank = g_list_model_get_item (banks, i);
      g_autofree char *count = g_strdup_printf ("%u", g_list_model_get_n_items (pnl_bank_get_questions (bank)));

      append_field (out, pnl_bank_get_id (bank), FALSE);
      append_field (out, pnl_bank_get_title (bank), FALSE);
      append_field (out, count, TRUE);
    }

  errors = pnl_bank_library_get_errors (library);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      g_string_append_printf (err, _("Could not load a question bank: %s\n"), error->message);
    }

  return ok;
}
