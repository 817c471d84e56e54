/* bench-import-export.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Scorecards in and out, 1,000 at a time: a role of 200 candidates, each
 * interviewed by 5 interviewers with 60 answers, is written into the
 * store's schema; then
 *
 *  - every interview is exported as a JSON scorecard to a file of its
 *    own, as `panelist --export=json --interview=UUID --output=FILE`
 *    does, and the role as CSV (--export=csv --role=ROLE);
 *  - the 1,000 files are imported into a fresh database with
 *    PnlImporter, as the window and `--import` do.
 *
 * Baselines, in the same run: writing the same bytes to the same number
 * of new files with g_file_set_contents(), and reading and parsing the
 * same files with json-glib alone (no checks, no database): the floor
 * under each.  The files are in the page cache for both.  No display:
 *
 *   meson test -C _build --benchmark --verbose import-export
 */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-export.h"
#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-store.h"

#define N_CANDIDATES   200
#define N_INTERVIEWERS 5
#define N_INTERVIEWS   (N_CANDIDATES * N_INTERVIEWERS)
#define N_ANSWERS      60
#define N_AREAS        10
#define ROLE           BENCH_ROLE




/* The schema the store makes (its triggers fill area_scores), filled in
 * one transaction. */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  /* As the command line's --output does. */
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_error ("%s", error->message);
}

/* Every interview as a JSON scorecard of its own, into @dir; the texts
 * are kept in @texts for the baseline. */
static double
export_json (PnlStore   *store,
             const char *dir,
             GPtrArray  *texts,
             GListStore *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) interviews = pnl_store_list_interviews (store, &error);
  gint64 start;
  double ms;
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (interviews);
  g_assert_cmpuint (n, ==, N_INTERVIEWS);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);
      const char *uuid = pnl_interview_get_uuid (interview);
      g_autofree char *name = g_strconcat (uuid, ".panelist.json", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GPtrArray) items = NULL;
      char *text;

      items = pnl_export_collect (store, PNL_EXPORT_SCOPE_INTERVIEW, uuid, &error);
      g_assert_no_error (error);
      text = pnl_export_to_string (PNL_EXPORT_FORMAT_JSON, PNL_EXPORT_SCOPE_INTERVIEW, items, &error);
      g_assert_no_error (error);
      write_file (path, text);

      g_ptr_array_add (texts, text);
      if (files != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);

          g_list_store_append (files, file);
        }
    }
  ms = ms_since (start);

  return ms;
}

static double
export_csv (PnlStore   *store,
            const char *dir,
            GPtrArray  *texts)
{
  g_autofree char *path = g_build_filename (dir, "role.csv", NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  char *text;
  double ms;

  items = pnl_export_collect (store, PNL_EXPORT_SCOPE_ROLE, ROLE, &error);
  g_assert_no_error (error);
  text = pnl_export_to_string (PNL_EXPORT_FORMAT_CSV, PNL_EXPORT_SCOPE_ROLE, items, &error);
  g_assert_no_error (error);
  write_file (path, text);
  ms = ms_since (start);

  g_ptr_array_add (texts, text);

  return ms;
}

/* The floor under exporting: the same bytes to as many new files. */
static double
write_floor (const char *dir,
             GPtrArray  *texts)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, g_ptr_array_index (texts, i), -1, &error))
        g_error ("%s", error->message);
    }

  return ms_since (start);
}

/* The floor under importing: reading and parsing, nothing else. */
static double
parse_floor (GListModel *files)
{
  gint64 start = g_get_monotonic_time ();
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error) ||
          !json_parser_load_from_data (parser, contents, length, &error))
        g_error ("%s", error->message);
      g_assert_nonnull (json_parser_get_root (parser));
    }

  return ms_since (start);
}

static double
import (const char *path,
        GListModel *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = pnl_store_new (path, &error);
  g_autoptr(PnlImporter) importer = NULL;
  gint64 start;
  double ms;

  g_assert_no_error (error);
  importer = pnl_importer_new (store);

  start = g_get_monotonic_time ();
  g_assert_true (pnl_importer_import_files (importer, files, NULL, &error));
  ms = ms_since (start);

  g_assert_no_error (error);
  if (pnl_importer_get_n_failed (importer) > 0)
    g_error ("%s", ((GError *) g_ptr_array_index (pnl_importer_get_errors (importer), 0))->message);
  g_assert_cmpuint (pnl_importer_get_n_added (importer), ==, g_list_model_get_n_items (files));
  g_assert_true (pnl_store_close (store, &error));

  return ms;
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("panelist-bench-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "source.db", NULL);
  g_autofree char *target = g_build_filename (dir, "target.db", NULL);
  g_autofree char *out = g_build_filename (dir, "export", NULL);
  g_autofree char *floor_dir = g_build_filename (dir, "floor", NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) top = NULL;
  double json_ms, csv_ms, write_ms, import_ms, parse_ms;
  gsize bytes = 0;
  gint64 start;

  setlocale (LC_ALL, "");

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (floor_dir, 0700), ==, 0);

  start = g_get_monotonic_time ();
  bench_fill_role (source, N_CANDIDATES, N_INTERVIEWERS, N_ANSWERS, N_AREAS);
  g_print ("# filled %u candidates × %u interviewers × %u answers in %.1f s\n",
           N_CANDIDATES, N_INTERVIEWERS, N_ANSWERS, ms_since (start) / 1000);

  store = pnl_store_new (source, &error);
  g_assert_no_error (error);
  json_ms = export_json (store, out, texts, files);
  csv_ms = export_csv (store, out, texts);
  g_assert_true (pnl_store_close (store, &error));
  g_clear_object (&store);

  for (guint i = 0; i < texts->len; i++)
    bytes += strlen (g_ptr_array_index (texts, i));
  g_print ("# %u JSON files and a CSV, %.1f MB in all\n", N_INTERVIEWS, bytes / 1e6);

  write_ms = write_floor (floor_dir, texts);
  import_ms = import (target, G_LIST_MODEL (files));
  parse_ms = parse_floor (G_LIST_MODEL (files));

  g_print ("# export: %.0f µs a scorecard; import: %.0f µs a scorecard\n",
           json_ms * 1000 / N_INTERVIEWS, import_ms * 1000 / N_INTERVIEWS);

  g_print ("import and export of %u scorecards (%u answers each)   import %7.0f ms   baseline: reading and parsing"
           " with json-glib %5.0f ms   export as JSON %5.0f ms + role as CSV %4.0f ms   baseline: writing"
           " the same bytes %5.0f ms\n",
           N_INTERVIEWS, N_ANSWERS, import_ms, parse_ms, json_ms, csv_ms, write_ms);

  top = g_file_new_for_path (dir);
  bench_remove_tree (top);

  return 0;
}
