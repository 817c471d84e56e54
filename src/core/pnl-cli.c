/* pnl-cli.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-cli.h"
#include "pnl-export.h"
#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"
#include "pnl-utils.h"

/* One field of a line for the terminal: tab and the line ends become
 * spaces, and no other control character reaches the terminal raw (an
 * ESC from an imported name could drive it): each is shown as
 * pnl_str_show_controls() does. */
static void
append_field (GString    *out,
              const char *field,
              gboolean    last)
{
  g_autofree char *valid = NULL;
  g_autofree char *shown = NULL;

  if (field == NULL)
    field = "";
  if (!g_utf8_validate (field, -1, NULL))
    field = valid = g_utf8_make_valid (field, -1);
  if ((shown = pnl_str_show_controls (field, "\t\n\r")))
    field = shown;

  for (const char *c = field; *c; c++)
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
      g_autoptr(GDateTime) held = g_date_time_to_local (pnl_interview_get_started_at (interview));
      g_autofree char *date = g_date_time_format (held, "%Y-%m-%d");

      append_field (out, pnl_interview_get_uuid (interview), FALSE);
      append_field (out, pnl_interview_get_candidate_name (interview), FALSE);
      append_field (out, pnl_interview_get_role (interview), FALSE);
      append_field (out, pnl_interview_get_round (interview), FALSE);
      append_field (out, pnl_interview_get_interviewer (interview), FALSE);
      append_field (out, pnl_interview_state_to_string (pnl_interview_get_state (interview)), FALSE);
      append_field (out, date, TRUE);
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

gboolean
pnl_cli_export (PnlStore         *store,
                PnlExportFormat   format,
                PnlExportScope    scope,
                const char       *key,
                const char       *local_interviewer,
                char            **text,
                GError          **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (PNL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!(items = pnl_export_collect_for (store, scope, key, local_interviewer, error)))
    return FALSE;

  /* An empty name is nobody. */
  if (local_interviewer != NULL && local_interviewer[0] == '\0')
    local_interviewer = NULL;

  *text = pnl_export_to_string_for (format, scope, items, local_interviewer, error);

  return *text != NULL;
}

gboolean
pnl_cli_import (PnlStore           *store,
                const char * const *paths,
                GString            *out,
                GString            *err)
{
  g_autoptr(PnlImporter) importer = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  GPtrArray *errors;

  g_return_val_if_fail (PNL_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (err != NULL, FALSE);

  for (guint i = 0; paths != NULL && paths[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      g_list_store_append (files, file);
    }

  importer = pnl_importer_new (store);
  if (!pnl_importer_import_files (importer, G_LIST_MODEL (files), NULL, &error))
    {
      g_string_append_printf (err, _("Could not import: %s\n"), error->message);
      return FALSE;
    }

  errors = pnl_importer_get_errors (importer);
  for (guint i = 0; i < errors->len; i++)
    g_string_append_printf (err, _("Not imported: %s\n"),
                            ((GError *)g_ptr_array_index (errors, i))->message);

  errors = pnl_importer_get_conflicts (importer);
  for (guint i = 0; i < errors->len; i++)
    g_string_append_printf (err, _("Kept the local copy: %s\n"),
                            ((GError *)g_ptr_array_index (errors, i))->message);

  /* Translators: one summary line after importing scorecards */
  g_string_append_printf (out, _("added %u, updated %u, unchanged %u, conflicts %u, failed %u\n"),
                          pnl_importer_get_n_added (importer),
                          pnl_importer_get_n_updated (importer),
                          pnl_importer_get_n_unchanged (importer),
                          pnl_importer_get_n_conflicts (importer),
                          pnl_importer_get_n_failed (importer));

  return pnl_importer_get_n_failed (importer) == 0 &&
         pnl_importer_get_n_conflicts (importer) == 0;
}

/* The identity fields of the interview here and of the arrival, one a
 * line: what the person needs to decide whose the file is. */
static void
append_identity (GString           *out,
                 PnlStore          *store,
                 PnlConflictRecord *record)
{
  g_autoptr(GBytes) bytes = g_bytes_new (record->scorecard, strlen (record->scorecard));
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(PnlInterview) here = NULL;
  PnlInterview *there;

  if (!(cards = pnl_scorecard_read (bytes, record->uuid, NULL)) || cards->len != 1 ||
      !(here = pnl_store_find_interview (store, record->uuid, NULL)))
    return;

  there = pnl_scorecard_get_interview (g_ptr_array_index (cards, 0));

#define FIELD(flag, name, getter) G_STMT_START {                          \
    if (record->fields & (flag))                                         \
      {                                                                  \
        g_string_append_c (out, '\t');                                   \
        append_field (out, name, FALSE);                                 \
        append_field (out, getter (here), FALSE);                        \
        append_field (out, getter (there), TRUE);                        \
      }                                                                  \
  } G_STMT_END

  FIELD (PNL_IDENTITY_CANDIDATE_NAME, _("candidate name"), pnl_interview_get_candidate_name);
  FIELD (PNL_IDENTITY_CANDIDATE_REFERENCE, _("candidate reference"), pnl_interview_get_candidate_reference);
  FIELD (PNL_IDENTITY_INTERVIEWER, _("interviewer"), pnl_interview_get_interviewer);
  FIELD (PNL_IDENTITY_ROLE, _("role"), pnl_interview_get_role);
  FIELD (PNL_IDENTITY_BANK, _("question bank"), pnl_interview_get_bank_id);

#undef FIELD
}

gboolean
pnl_cli_conflicts (PnlStore  *store,
                   GString   *out,
                   GError   **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (PNL_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!(records = pnl_store_list_conflicts (store, error)))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      PnlConflictRecord *record = g_ptr_array_index (records, i);
      g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT, record->revision);
      g_autofree char *fields = pnl_identity_fields_to_string (record->fields);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (record->arrived_at);
      g_autofree char *arrived = when ? g_date_time_format_iso8601 (when) : g_strdup ("");

      append_field (out, record->uuid, FALSE);
      append_field (out, revision, FALSE);
      append_field (out, pnl_import_conflict_to_string (record->conflict), FALSE);
      append_field (out, fields, FALSE);
      append_field (out, record->source, FALSE);
      append_field (out, arrived, TRUE);

      if (record->conflict == PNL_IMPORT_CONFLICT_IDENTITY)
        append_identity (out, store, record);
    }

  return TRUE;
}

gboolean
pnl_cli_resolve (PnlStore    *store,
                 const char  *uuid,
                 const char  *keep,
                 GString     *out,
                 GError     **error)
{
  gboolean theirs;

  g_return_val_if_fail (PNL_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_strcmp0 (keep, "mine") == 0)
    theirs = FALSE;
  else if (g_strcmp0 (keep, "theirs") == 0)
    theirs = TRUE;
  else
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--resolve needs --keep=mine or --keep=theirs"));
      return FALSE;
    }

  if (!pnl_store_resolve_conflict (store, uuid, theirs, error))
    return FALSE;

  g_string_append_printf (out,
                          theirs ? _("Interview %s: took the copy that arrived\n")
                                 : _("Interview %s: kept the copy here\n"),
                          uuid);

  return TRUE;
}
