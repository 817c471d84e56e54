/* test-panel-folder.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-comparison.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-export.h"
#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-panel-folder.h"
#include "pnl-pending-list.h"
#include "pnl-scorecard.h"
#include "pnl-session.h"
#include "pnl-store.h"

#define BANK_JSON \
  "{\n" \
  "  \"format\": \"panelist-bank\",\n" \
  "  \"version\": 1,\n" \
  "  \"id\": \"panel-test\",\n" \
  "  \"revision\": 1,\n" \
  "  \"title\": \"Panel test\",\n" \
  "  \"role\": \"Backend developer\",\n" \
  "  \"language\": \"en\",\n" \
  "  \"scale\": [\n" \
  "    { \"value\": 1, \"label\": \"No\", \"meaning\": \"Below the bar\" },\n" \
  "    { \"value\": 2, \"label\": \"Yes\", \"meaning\": \"At the bar\" }\n" \
  "  ],\n" \
  "  \"areas\": [\n" \
  "    { \"id\": \"databases\", \"title\": \"Databases\", \"description\": \"Storing data\" }\n" \
  "  ],\n" \
  "  \"questions\": [\n" \
  "    { \"id\": \"sql-joins\", \"area\": \"databases\", \"kind\": \"technical\",\n" \
  "      \"level\": \"experienced\", \"prompt\": \"How do joins differ?\",\n" \
  "      \"assesses\": \"Relational thinking\", \"look_fors\": [], \"red_flags\": [],\n" \
  "      \"follow_ups\": [], \"minutes\": 5 }\n" \
  "  ]\n" \
  "}\n"

/* How long WAIT_FOR waits before it fails: a deadline for a hang, not a
 * figure.  Scanning and importing 500 files takes 1.3 s in a debug build
 * and about 30 s under AddressSanitizer (with a main loop spinning
 * beside it), more on a loaded machine. */
#define TIMEOUT_SECONDS 90
#define POLL_MS 50

typedef struct
{
  char           *name;
  PnlStore       *store;
  PnlPanelFolder *folder;
  GPtrArray      *problems;
  guint           n_imported;
  /* Scans that ended. */
  guint           n_scans;
  /* Set when the test disposes of the folder: no signal may follow. */
  gboolean        disposed;
} Peer;

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @cond holds, or fails after a while. */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC; \
    guint tick = g_timeout_add (20, tick_cb, NULL); \
    while (!(cond) && g_get_monotonic_time () < deadline) \
      g_main_context_iteration (NULL, TRUE); \
    g_source_remove (tick); \
    g_assert_true (cond); \
  } G_STMT_END

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * (G_USEC_PER_SEC / 1000);
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

static PnlBank *
make_bank (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (BANK_JSON, strlen (BANK_JSON));
  PnlBank *bank = pnl_bank_new_from_bytes (bytes, "panel-test.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);

  return bank;
}

static char *
shared_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "panel", NULL);
}

static void
problem_cb (PnlPanelFolder *folder,
            const GError   *error,
            Peer           *peer)
{
  g_assert_false (peer->disposed);
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_ptr_array_add (peer->problems, g_error_copy (error));
}

static void
imported_cb (PnlPanelFolder *folder,
             PnlImporter    *importer,
             Peer           *peer)
{
  g_assert_false (peer->disposed);
  g_assert_true (PNL_IS_IMPORTER (importer));
  peer->n_imported++;
}

static void
scanning_cb (PnlPanelFolder *folder,
             GParamSpec     *pspec,
             Peer           *peer)
{
  g_assert_false (peer->disposed);
  if (!pnl_panel_folder_get_scanning (folder))
    peer->n_scans++;
}

static gboolean
is_scanning (Peer *peer)
{
  return pnl_panel_folder_get_scanning (peer->folder);
}

static void
peer_open_folder (Peer *peer)
{
  g_autofree char *path = shared_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  peer->folder = pnl_panel_folder_new (peer->store, file);
  pnl_panel_folder_set_poll_interval (peer->folder, POLL_MS);
  g_assert_cmpuint (pnl_panel_folder_get_poll_interval (peer->folder), ==, POLL_MS);
  g_assert_true (g_file_equal (pnl_panel_folder_get_folder (peer->folder), file));
  g_signal_connect (peer->folder, "problem", G_CALLBACK (problem_cb), peer);
  g_signal_connect (peer->folder, "imported", G_CALLBACK (imported_cb), peer);
  g_signal_connect (peer->folder, "notify::scanning", G_CALLBACK (scanning_cb), peer);
}

static void
peer_close_folder (Peer *peer)
{
  WAIT_FOR (!is_scanning (peer));
  g_assert_finalize_object (g_steal_pointer (&peer->folder));
}

static Peer *
peer_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, "panelist.db", NULL);
  Peer *peer = g_new0 (Peer, 1);

  peer->name = g_strdup (name);
  peer->store = pnl_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (peer->store);
  peer->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  peer_open_folder (peer);

  return peer;
}

static void
peer_free (Peer *peer)
{
  g_autoptr(GError) error = NULL;

  if (peer->folder != NULL)
    peer_close_folder (peer);
  /* The importer's thread may let go of the store a moment after the
   * scan is over. */
  WAIT_FOR (g_atomic_int_get (&G_OBJECT (peer->store)->ref_count) == 1);
  g_assert_true (pnl_store_close (peer->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&peer->store));
  g_ptr_array_unref (peer->problems);
  g_free (peer->name);
  g_free (peer);
}

static guint
count_problems (Peer   *peer,
                GQuark  domain,
                int     code)
{
  guint n = 0;

  for (guint i = 0; i < peer->problems->len; i++)
    {
      const GError *error = g_ptr_array_index (peer->problems, i);

      if (error->domain == domain && (code < 0 || error->code == code))
        n++;
    }

  return n;
}

static guint
count_interviews (Peer *peer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) interviews = pnl_store_list_interviews (peer->store, &error);

  g_assert_no_error (error);

  return g_list_model_get_n_items (interviews);
}

static PnlInterview *
find_interview (Peer       *peer,
                const char *uuid)
{
  g_autoptr(GError) error = NULL;
  PnlInterview *interview = pnl_store_find_interview (peer->store, uuid, &error);

  if (interview == NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  return interview;
}

/* TRUE when @peer holds @uuid at @revision with @summary. */
static gboolean
has_interview (Peer       *peer,
               const char *uuid,
               gint64      revision,
               const char *summary)
{
  g_autoptr(PnlInterview) interview = find_interview (peer, uuid);

  return interview != NULL &&
         pnl_interview_get_revision (interview) == revision &&
         g_strcmp0 (pnl_interview_get_summary (interview), summary) == 0;
}

static void
flush (Peer *peer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_store_flush (peer->store, &error));
  g_assert_no_error (error);
}

/* Creates and submits an interview: what an interviewer does at the end. */
static PnlInterview *
submit_interview (Peer       *peer,
                  const char *candidate,
                  const char *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = make_bank ();
  PnlInterview *interview;

  interview = pnl_store_create_interview (peer->store, candidate, NULL, "Backend developer",
                                          "Technical 1", peer->name, bank, &error);
  g_assert_no_error (error);
  g_assert_nonnull (interview);

  pnl_interview_set_summary (interview, summary);
  pnl_interview_set_recommendation (interview, PNL_RECOMMENDATION_YES);
  pnl_interview_set_state (interview, PNL_INTERVIEW_STATE_SUBMITTED);
  pnl_store_save_interview (peer->store, interview);
  flush (peer);

  return interview;
}

static gint64
revision_of (Peer       *peer,
             const char *uuid)
{
  g_autoptr(PnlInterview) interview = find_interview (peer, uuid);

  g_assert_nonnull (interview);

  return pnl_interview_get_revision (interview);
}

static char *
file_path (const char *uuid)
{
  g_autofree char *dir = shared_path ();
  g_autofree char *name = g_strconcat (uuid, PNL_PANEL_FOLDER_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
assert_private_file (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_true (S_ISREG (buf.st_mode));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
}

static void
publish (Peer         *peer,
         PnlInterview *interview)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_panel_folder_publish (peer->folder, interview, &error));
  g_assert_no_error (error);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));

  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, to, at + strlen (from));
}

static void
write_shared (const char *name,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shared_path ();
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* What the peer's Compare view shows: the role's candidates, with the
 * peer as the local interviewer. */
static PnlComparison *
lead_view (Peer *peer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pnl_export_collect (peer->store, PNL_EXPORT_SCOPE_ROLE,
                                                   "Backend developer", &error);
  PnlComparison *comparison;

  g_assert_no_error (error);
  comparison = pnl_comparison_new_for_items ("Backend developer", items);
  pnl_comparison_set_local_interviewer (comparison, peer->name);

  return comparison;
}

static guint
interviews_of (PnlComparison *comparison,
               const char    *candidate)
{
  int index = pnl_comparison_find_candidate (comparison, candidate, "");

  g_assert_cmpint (index, >=, 0);

  return pnl_comparison_get_n_interviews (comparison, index);
}

/* Three interviewers, one shared folder. */
static void
test_panel (void)
{
  g_autofree char *dir = shared_path ();
  g_autofree char *path0 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tampered = NULL;
  g_auto(GStrv) uuids = g_new0 (char *, 4);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "priya", "tomas", "zoe" };
  const char *candidates[] = { "Ana Lima", "Bo Chen", "Chidi Okafor" };
  PnlInterview *interviews[3];
  Peer *peers[3];
  gint64 revision;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *summary = g_strdup_printf ("Summary by %s", names[i]);

      peers[i] = peer_new (names[i]);
      g_assert_true (pnl_panel_folder_get_online (peers[i]->folder));
      interviews[i] = submit_interview (peers[i], candidates[i], summary);
      uuids[i] = g_strdup (pnl_interview_get_uuid (interviews[i]));
      publish (peers[i], interviews[i]);
      g_assert_true (pnl_panel_folder_get_online (peers[i]->folder));
      g_assert_cmpuint (pnl_panel_folder_get_n_pending (peers[i]->folder), ==, 0);

      path = file_path (uuids[i]);
      assert_private_file (path);
      g_assert_cmpuint (count_interviews (peers[i]), ==, 1);
    }

  /* Each starts watching and ends up with all three. */
  for (guint i = 0; i < 3; i++)
    {
      pnl_panel_folder_start (peers[i]->folder);
      pnl_panel_folder_start (peers[i]->folder);
    }

  WAIT_FOR (count_interviews (peers[0]) == 3 &&
            count_interviews (peers[1]) == 3 &&
            count_interviews (peers[2]) == 3 &&
            !is_scanning (peers[0]) && !is_scanning (peers[1]) && !is_scanning (peers[2]));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (peers[i]->problems->len, ==, 0);
      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *summary = g_strdup_printf ("Summary by %s", names[j]);

          g_assert_true (has_interview (peers[i], uuids[j], revision_of (peers[j], uuids[j]),
                                        summary));
        }
    }
  /* Each lead view shows all three. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PnlComparison) comparison = lead_view (peers[i]);

      g_assert_cmpuint (pnl_comparison_get_n_candidates (comparison), ==, 3);
      for (guint j = 0; j < 3; j++)
        g_assert_cmpuint (interviews_of (comparison, candidates[j]), ==, 1);
    }

  /* The first two started before the others' files were all there or
   * imported them at start: either way, every peer imported something. */
  g_assert_cmpuint (peers[1]->n_imported, >, 0);
  g_assert_cmpuint (peers[2]->n_imported, >, 0);

  /* A re-submit with a higher revision replaces the copy on the others. */
  pnl_interview_set_summary (interviews[0], "Revised after the debrief");
  pnl_store_save_interview (peers[0]->store, interviews[0]);
  flush (peers[0]);
  revision = revision_of (peers[0], uuids[0]);
  g_assert_cmpint (revision, >, revision_of (peers[1], uuids[0]));
  publish (peers[0], interviews[0]);

  WAIT_FOR (has_interview (peers[1], uuids[0], revision, "Revised after the debrief") &&
            has_interview (peers[2], uuids[0], revision, "Revised after the debrief"));
  g_assert_cmpuint (count_interviews (peers[1]), ==, 3);
  g_assert_cmpuint (count_interviews (peers[2]), ==, 3);

  /* The same revision with other content: a conflict, ours stays. */
  path0 = file_path (uuids[0]);
  g_file_get_contents (path0, &text, NULL, &error);
  g_assert_no_error (error);
  tampered = replace_once (text, "Revised after the debrief", "Tampered with");
  write_shared (strrchr (path0, G_DIR_SEPARATOR) + 1, tampered);

  WAIT_FOR (count_problems (peers[0], PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT) == 1 &&
            count_problems (peers[1], PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT) == 1 &&
            count_problems (peers[2], PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT) == 1);
  for (guint i = 0; i < 3; i++)
    g_assert_true (has_interview (peers[i], uuids[0], revision, "Revised after the debrief"));

  /* A broken file: told once, skipped, across rescans. */
  write_shared ("7d1e0c55-9a4b-4f1e-8c2d-3b6a5e4f7a90" PNL_PANEL_FOLDER_SUFFIX,
                "{ \"format\": \"panelist-scorecard\", ");
  WAIT_FOR (count_problems (peers[0], PNL_SCORECARD_ERROR, -1) == 1 &&
            count_problems (peers[1], PNL_SCORECARD_ERROR, -1) == 1 &&
            count_problems (peers[2], PNL_SCORECARD_ERROR, -1) == 1);

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < 3; i++)
      pnl_panel_folder_rescan (peers[i]->folder);
  /* Another change in the folder: the watchers scan again. */
  publish (peers[2], interviews[2]);
  write_shared ("notes.txt", "not a scorecard");
  spin (800);
  WAIT_FOR (!is_scanning (peers[0]) && !is_scanning (peers[1]) && !is_scanning (peers[2]));

  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (count_problems (peers[i], PNL_SCORECARD_ERROR, -1), ==, 1);
      g_assert_cmpuint (count_problems (peers[i], PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT),
                        ==, 1);
      g_assert_cmpuint (count_problems (peers[i], G_IO_ERROR, -1), ==, 0);
      g_assert_cmpuint (count_interviews (peers[i]), ==, 3);
      g_assert_true (pnl_panel_folder_get_online (peers[i]->folder));
    }

  /* Tomás starts his own interview with Ana: on his machine the others'
   * scores for her hide until he submits; nobody else is affected. */
  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(PnlBank) bank = make_bank ();
    g_autoptr(PnlInterview) own = NULL;
    g_autoptr(PnlComparison) tomas_view = NULL;
    g_autoptr(PnlComparison) priya_view = NULL;

    own = pnl_store_create_interview (peers[1]->store, candidates[0], NULL, "Backend developer",
                                      "Technical 2", peers[1]->name, bank, &local_error);
    g_assert_no_error (local_error);
    flush (peers[1]);

    tomas_view = lead_view (peers[1]);
    g_assert_true (pnl_comparison_is_hidden (tomas_view, pnl_comparison_find_candidate (tomas_view, candidates[0], "")));
    g_assert_cmpuint (interviews_of (tomas_view, candidates[0]), ==, 0);
    g_assert_cmpuint (interviews_of (tomas_view, candidates[2]), ==, 1);
    priya_view = lead_view (peers[0]);
    g_assert_false (pnl_comparison_is_hidden (priya_view, pnl_comparison_find_candidate (priya_view, candidates[0], "")));
    g_assert_cmpuint (interviews_of (priya_view, candidates[0]), ==, 1);

    /* He submits: everyone sees both scorecards, him included. */
    pnl_interview_set_state (own, PNL_INTERVIEW_STATE_SUBMITTED);
    pnl_store_save_interview (peers[1]->store, own);
    flush (peers[1]);
    publish (peers[1], own);
    WAIT_FOR (count_interviews (peers[0]) == 4 && count_interviews (peers[2]) == 4);

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(PnlComparison) comparison = lead_view (peers[i]);

        g_assert_false (pnl_comparison_is_hidden (comparison, pnl_comparison_find_candidate (comparison, candidates[0], "")));
        g_assert_cmpuint (interviews_of (comparison, candidates[0]), ==, 2);
      }
  }

  for (guint i = 0; i < 3; i++)
    {
      g_object_unref (interviews[i]);
      peer_free (peers[i]);
    }
}

/* The folder missing at publish: waiting, across a restart, then written
 * and imported by the others once it is there. */
static void
test_pending (void)
{
  g_autofree char *dir = shared_path ();
  g_autofree char *path = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autofree char *uuid = NULL;
  Peer *a = peer_new ("priya");
  Peer *b = peer_new ("tomas");

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_false (pnl_panel_folder_get_online (a->folder));

  interview = submit_interview (a, "Ana Lima", "Would hire");
  uuid = g_strdup (pnl_interview_get_uuid (interview));
  path = file_path (uuid);

  publish (a, interview);
  g_assert_false (pnl_panel_folder_get_online (a->folder));
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (a->folder), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_problems (a, G_IO_ERROR, G_IO_ERROR_NOT_FOUND), ==, 1);

  /* It waits across a restart. */
  peer_close_folder (a);
  peer_open_folder (a);
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (a->folder), ==, 1);
  pnl_panel_folder_start (a->folder);

  pnl_panel_folder_start (b->folder);
  g_assert_false (pnl_panel_folder_get_online (b->folder));
  /* Told once, not at every look. */
  WAIT_FOR (b->n_scans >= 4);
  g_assert_cmpuint (count_problems (b, G_IO_ERROR, G_IO_ERROR_NOT_FOUND), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_interviews (b), ==, 0);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  WAIT_FOR (pnl_panel_folder_get_online (a->folder) &&
            g_file_test (path, G_FILE_TEST_EXISTS));
  assert_private_file (path);
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (a->folder), ==, 0);

  WAIT_FOR (pnl_panel_folder_get_online (b->folder) && count_interviews (b) == 1);
  g_assert_true (has_interview (b, uuid, revision_of (a, uuid), "Would hire"));
  g_assert_cmpuint (count_problems (b, G_IO_ERROR, -1), ==, 1);

  /* Nothing waits after another restart. */
  peer_close_folder (a);
  peer_open_folder (a);
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (a->folder), ==, 0);
  g_assert_true (pnl_panel_folder_get_online (a->folder));

  peer_free (a);
  peer_free (b);
}

typedef struct
{
  guint    n_done;
  gboolean ok;
  GError  *error;
} Published;

static void
published_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  Published *published = data;

  g_clear_error (&published->error);
  published->ok = pnl_panel_folder_publish_finish (PNL_PANEL_FOLDER (object), result,
                                                   &published->error);
  published->n_done++;
}

static char *
read_shared (const char *uuid)
{
  g_autofree char *path = file_path (uuid);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* What publishing writes: the scorecard as the store has it. */
static char *
expected_text (Peer       *peer,
               const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlScorecard) card = pnl_store_load_scorecard (peer->store, uuid, &error);
  char *text;

  g_assert_no_error (error);
  text = pnl_scorecard_to_string (card, &error);
  g_assert_no_error (error);

  return text;
}

/* Publishing without blocking: the saves queued before are in the file,
 * publishes land in order, and each waits until it is written. */
static void
test_publish_async (void)
{
  g_autofree char *dir = shared_path ();
  g_autofree char *path = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) invalid = NULL;
  Published published = { 0, FALSE, NULL };
  Peer *a;
  Peer *b;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  a = peer_new ("priya");
  b = peer_new ("tomas");
  pnl_panel_folder_start (b->folder);

  interview = submit_interview (a, "Ana Lima", "First take");
  uuid = g_strdup (pnl_interview_get_uuid (interview));
  path = file_path (uuid);

  /* A change only queued, not flushed, when publishing starts. */
  pnl_interview_set_summary (interview, "Second take");
  pnl_store_save_interview (a->store, interview);
  pnl_panel_folder_publish_async (a->folder, interview, NULL, published_cb, &published);

  /* Waiting from the call: a restart now would still write it. */
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (a->folder), ==, 1);
  g_assert_cmpuint (pnl_panel_folder_get_n_publishing (a->folder), ==, 1);
  {
    g_autoptr(PnlPanelFolder) again = pnl_panel_folder_new (a->store, pnl_panel_folder_get_folder (a->folder));

    g_assert_cmpuint (pnl_panel_folder_get_n_pending (again), ==, 1);
  }

  WAIT_FOR (published.n_done == 1);
  g_assert_no_error (published.error);
  g_assert_true (published.ok);
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (a->folder), ==, 0);
  g_assert_cmpuint (pnl_panel_folder_get_n_publishing (a->folder), ==, 0);
  g_assert_true (pnl_panel_folder_get_online (a->folder));
  assert_private_file (path);
  text = read_shared (uuid);
  expected = expected_text (a, uuid);
  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (strstr (text, "Second take"));
  WAIT_FOR (has_interview (b, uuid, revision_of (a, uuid), "Second take"));

  /* Several at once: written in the order of the calls, the last wins. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Take %u", i);

      pnl_interview_set_summary (interview, summary);
      pnl_store_save_interview (a->store, interview);
      pnl_panel_folder_publish_async (a->folder, interview, NULL, published_cb, &published);
    }
  g_assert_cmpuint (pnl_panel_folder_get_n_publishing (a->folder), ==, 3);
  WAIT_FOR (published.n_done == 4);
  g_assert_true (published.ok);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  text = read_shared (uuid);
  expected = expected_text (a, uuid);
  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (strstr (text, "Take 2"));
  WAIT_FOR (has_interview (b, uuid, revision_of (a, uuid), "Take 2"));

  /* The folder gone: it waits, and is written once it is back. */
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  pnl_interview_set_summary (interview, "While away");
  pnl_store_save_interview (a->store, interview);
  pnl_panel_folder_publish_async (a->folder, interview, NULL, published_cb, &published);
  WAIT_FOR (published.n_done == 5);
  g_assert_true (published.ok);
  g_assert_false (pnl_panel_folder_get_online (a->folder));
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (a->folder), ==, 1);
  g_assert_cmpuint (count_problems (a, G_IO_ERROR, G_IO_ERROR_NOT_FOUND), ==, 1);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  WAIT_FOR (pnl_panel_folder_get_online (a->folder) &&
            pnl_panel_folder_get_n_pending (a->folder) == 0);
  g_clear_pointer (&text, g_free);
  text = read_shared (uuid);
  g_assert_nonnull (strstr (text, "While away"));
  assert_private_file (path);

  /* No valid identifier: an error, and nothing waits. */
  invalid = g_object_new (PNL_TYPE_INTERVIEW, NULL);
  pnl_panel_folder_publish_async (a->folder, invalid, NULL, published_cb, &published);
  WAIT_FOR (published.n_done == 6);
  g_assert_false (published.ok);
  g_assert_error (published.error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_INVALID);
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (a->folder), ==, 0);

  g_clear_error (&published.error);
  peer_free (a);
  peer_free (b);
}

/* Another folder chosen while a publish runs: the publish finishes in
 * the old folder, and the list of what waits stays the new folder's, on
 * disk too, until the new folder has it. */
static void
test_switch_during_publish (void)
{
  g_autofree char *dir = shared_path ();
  g_autofree char *other = g_build_filename (g_get_user_cache_dir (), "other-panel", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlPanelFolder) next = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autofree char *pending_path = NULL;
  g_autofree char *old_path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *name = NULL;
  Published published = { 0, FALSE, NULL };
  Peer *a;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (other, 0700), ==, 0);
  a = peer_new ("priya");
  pending_path = g_strconcat (pnl_store_get_path (a->store), ".panel-pending", NULL);

  interview = submit_interview (a, "Ana Lima", "Before the switch");
  name = g_strconcat (pnl_interview_get_uuid (interview), PNL_PANEL_FOLDER_SUFFIX, NULL);
  old_path = g_build_filename (dir, name, NULL);
  new_path = g_build_filename (other, name, NULL);
  pnl_panel_folder_publish_async (a->folder, interview, NULL, published_cb, &published);

  /* The user chooses the other folder before it is written. */
  pnl_panel_folder_retire (a->folder);
  next = pnl_panel_folder_new (a->store, other_file);
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (next), ==, 1);

  WAIT_FOR (published.n_done == 1);
  g_assert_no_error (published.error);
  g_assert_true (published.ok);
  g_assert_true (g_file_test (old_path, G_FILE_TEST_IS_REGULAR));

  /* Still waiting for the new folder: the old one did not write its own
   * copy of the list over it. */
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (next), ==, 1);
  waiting = pnl_pending_list_load (pending_path);
  g_assert_cmpuint (waiting->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (waiting, 0), ==, pnl_interview_get_uuid (interview));

  /* The new folder writes it once it starts. */
  pnl_panel_folder_start (next);
  WAIT_FOR (pnl_panel_folder_get_n_pending (next) == 0 && !pnl_panel_folder_get_scanning (next));
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&waiting, g_ptr_array_unref);
  pnl_pending_list_wait (pending_path);
  waiting = pnl_pending_list_load (pending_path);
  g_assert_cmpuint (waiting->len, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&next));
  peer_free (a);
  g_assert_cmpint (g_remove (new_path), ==, 0);
  g_assert_cmpint (g_rmdir (other), ==, 0);
}

/* After forgetting a candidate: our file leaves the folder. */
static void
test_withdraw (void)
{
  g_autofree char *dir = shared_path ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  Peer *peer;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  peer = peer_new ("withdrawer");
  interview = submit_interview (peer, "Wanda Withdrawn", "Summary");
  publish (peer, interview);
  path = file_path (pnl_interview_get_uuid (interview));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (pnl_panel_folder_withdraw (peer->folder, pnl_interview_get_uuid (interview), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (peer->folder), ==, 0);

  /* Twice, or never written: nothing to do, no error. */
  g_assert_true (pnl_panel_folder_withdraw (peer->folder, pnl_interview_get_uuid (interview), &error));
  g_assert_no_error (error);

  peer_free (peer);
}

/* A folder with many scorecards in it: @n copies of @peer's scorecard of
 * @uuid, each under a UUID of its own. */
static void
fill_folder (Peer       *peer,
             const char *uuid,
             guint       n)
{
  g_autofree char *text = expected_text (peer, uuid);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *other = g_uuid_string_random ();
      g_autofree char *name = g_strconcat (other, PNL_PANEL_FOLDER_SUFFIX, NULL);
      g_autofree char *copy = replace_once (text, uuid, other);

      write_shared (name, copy);
    }
}

/* An interviewer whose scorecards fill the shared folder. */
static Peer *
make_full_folder (guint n)
{
  g_autofree char *dir = shared_path ();
  g_autoptr(PnlInterview) interview = NULL;
  Peer *lead;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  lead = peer_new ("lead");
  interview = submit_interview (lead, "Ana Lima", "Many copies");
  fill_folder (lead, pnl_interview_get_uuid (interview), n);

  return lead;
}

#define MANY 500

typedef struct
{
  Peer  *peer;
  guint  n_iterations;
  /* Iterations before the first file was imported: while the scan
   * listed and read the folder. */
  guint  n_reading;
  gboolean importing;
} Iterations;

static gboolean
iteration_cb (gpointer data)
{
  Iterations *iterations = data;

  iterations->n_iterations++;

  /* Cheap while nothing is imported; not looked at after. */
  if (!iterations->importing)
    {
      if (count_interviews (iterations->peer) == 0)
        iterations->n_reading++;
      else
        iterations->importing = TRUE;
    }

  return G_SOURCE_CONTINUE;
}

/* The scan reads the folder on a thread: the main loop keeps running. */
static void
test_scan_main_loop (void)
{
  Peer *lead = make_full_folder (MANY);
  Peer *b = peer_new ("tomas");
  Iterations iterations = { b, 0, 0, FALSE };
  guint idle;

  /* It returns at once, nothing read yet. */
  pnl_panel_folder_start (b->folder);
  g_assert_true (is_scanning (b));
  g_assert_cmpuint (count_interviews (b), ==, 0);

  idle = g_idle_add (iteration_cb, &iterations);
  WAIT_FOR (!is_scanning (b));
  g_source_remove (idle);

  g_test_message ("%u main loop iterations during the scan, %u of them before the import",
                  iterations.n_iterations, iterations.n_reading);
  g_assert_cmpuint (iterations.n_reading, >=, 5);
  g_assert_cmpuint (iterations.n_iterations, >=, iterations.n_reading + 5);

  /* And it did the work, told once at its end. */
  g_assert_cmpuint (count_interviews (b), ==, MANY);
  g_assert_cmpuint (b->n_imported, ==, 1);
  g_assert_cmpuint (b->n_scans, ==, 1);
  g_assert_cmpuint (b->problems->len, ==, 0);
  g_assert_true (pnl_panel_folder_get_online (b->folder));

  peer_free (b);
  peer_free (lead);
}

/* Rescans asked for during a scan: one more scan after it, not none,
 * not one each. */
static void
test_rescan_during_scan (void)
{
  Peer *lead = make_full_folder (MANY / 5);
  Peer *b = peer_new ("tomas");

  pnl_panel_folder_start (b->folder);
  g_assert_true (is_scanning (b));
  for (guint i = 0; i < 3; i++)
    pnl_panel_folder_rescan (b->folder);
  g_assert_cmpuint (b->n_scans, ==, 0);

  WAIT_FOR (!is_scanning (b));
  g_assert_cmpuint (b->n_scans, ==, 2);
  g_assert_cmpuint (count_interviews (b), ==, MANY / 5);
  /* The second found nothing new. */
  g_assert_cmpuint (b->n_imported, ==, 1);

  /* Once it is over, a rescan is one scan. */
  pnl_panel_folder_rescan (b->folder);
  g_assert_true (is_scanning (b));
  WAIT_FOR (!is_scanning (b));
  g_assert_cmpuint (b->n_scans, ==, 3);
  g_assert_cmpuint (b->n_imported, ==, 1);
  g_assert_cmpuint (b->problems->len, ==, 0);

  peer_free (b);
  peer_free (lead);
}

/* The folder object goes in the middle of a scan: no crash, no signal
 * after it, and the scan lets go of everything it held. */
static void
test_dispose_during_scan (void)
{
  Peer *lead = make_full_folder (MANY);

  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *name = g_strdup_printf ("reader-%u", round);
      Peer *b = peer_new (name);
      GFile *folder = pnl_panel_folder_get_folder (b->folder);
      gboolean unref = round % 2 == 0;

      /* Held by the folder object and its scan only. */
      g_object_add_weak_pointer (G_OBJECT (folder), (gpointer *) &folder);
      pnl_panel_folder_start (b->folder);

      if (round / 2 == 1)
        {
          /* While the folder is read. */
          for (guint i = 0; i < 3; i++)
            g_main_context_iteration (NULL, FALSE);
        }
      else if (round / 2 == 2)
        {
          /* While the files are imported: looked at without a pause. */
          guint idle = g_idle_add (tick_cb, NULL);

          WAIT_FOR (count_interviews (b) > 0);
          g_source_remove (idle);
        }
      g_assert_true (is_scanning (b));

      b->disposed = TRUE;
      if (unref)
        {
          g_assert_finalize_object (g_steal_pointer (&b->folder));
        }
      else
        {
          g_object_run_dispose (G_OBJECT (b->folder));
          g_assert_false (is_scanning (b));
          pnl_panel_folder_rescan (b->folder);
          g_assert_false (is_scanning (b));
        }

      WAIT_FOR (folder == NULL);
      g_assert_cmpuint (b->n_imported, ==, 0);
      g_assert_cmpuint (b->n_scans, ==, 0);
      g_assert_cmpuint (b->problems->len, ==, 0);
      g_assert_cmpuint (count_interviews (b), <, MANY);

      if (!unref)
        g_assert_finalize_object (g_steal_pointer (&b->folder));
      peer_free (b);
    }

  peer_free (lead);
}

/* The list of waiting publishes is written on a thread: the saves land
 * in order, the file ends up with the last list, and a load before that
 * already gives it (a new folder object must not read an older list). */
typedef struct
{
  char     *path;
  char     *text;
  gboolean  written;
} Arrival;

/* Writes a scorecard into the folder the moment the folder is seen to be
 * there, before the scan that saw it has ended: a sync tool's file that
 * lands between the listing and the start of the watch. */
static void
write_when_online_cb (PnlPanelFolder *folder,
                      GParamSpec     *pspec,
                      Arrival        *arrival)
{
  g_autoptr(GError) error = NULL;

  if (!pnl_panel_folder_get_online (folder) || arrival->written)
    return;

  g_file_set_contents_full (arrival->path, arrival->text, -1,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  arrival->written = TRUE;
}

/* The watch on a folder starts after its first listing; what arrives in
 * between is imported all the same.  It was never imported, and the
 * folder no longer polled: on a fast file system (tmpfs) every time. */
static void
test_arrival_before_watch (void)
{
  g_autofree char *dir = shared_path ();
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GError) error = NULL;
  Arrival arrival = { NULL, NULL, FALSE };
  Peer *a = peer_new ("priya");
  Peer *b = peer_new ("tomas");

  interview = submit_interview (a, "Ana Lima", "Would hire");
  answers = pnl_store_list_answers (a->store, interview, &error);
  g_assert_no_error (error);
  arrival.text = pnl_scorecard_write (interview, answers, &error);
  g_assert_no_error (error);
  arrival.path = file_path (pnl_interview_get_uuid (interview));

  g_signal_connect (b->folder, "notify::online", G_CALLBACK (write_when_online_cb), &arrival);
  pnl_panel_folder_start (b->folder);
  g_assert_false (pnl_panel_folder_get_online (b->folder));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  WAIT_FOR (arrival.written);
  WAIT_FOR (count_interviews (b) == 1);
  g_assert_true (has_interview (b, pnl_interview_get_uuid (interview),
                                pnl_interview_get_revision (interview), "Would hire"));

  g_signal_handlers_disconnect_by_func (b->folder, write_when_online_cb, &arrival);
  g_free (arrival.path);
  g_free (arrival.text);
  peer_free (a);
  peer_free (b);
}

static void
test_pending_list (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "panelist.db.panel-pending", NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *other = g_uuid_string_random ();

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  for (guint i = 0; i < 200; i++)
    {
      g_ptr_array_add (uuids, g_uuid_string_random ());
      pnl_pending_list_save (path, uuids);

      loaded = pnl_pending_list_load (path);
      g_assert_cmpuint (loaded->len, ==, uuids->len);
      for (guint j = 0; j < loaded->len; j++)
        g_assert_cmpstr (g_ptr_array_index (loaded, j), ==, g_ptr_array_index (uuids, j));
      g_clear_pointer (&loaded, g_ptr_array_unref);
    }

  pnl_pending_list_wait (path);
  assert_private_file (path);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, uuids->len + 1);
  for (guint i = 0; i < uuids->len; i++)
    g_assert_cmpstr (lines[i], ==, g_ptr_array_index (uuids, i));
  g_assert_cmpstr (lines[uuids->len], ==, "");

  /* Emptied: the file goes. */
  g_ptr_array_set_size (uuids, 0);
  pnl_pending_list_save (path, uuids);
  pnl_pending_list_wait (path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  loaded = pnl_pending_list_load (path);
  g_assert_cmpuint (loaded->len, ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* What is not a UUID, and a UUID twice, are left out. */
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("not a uuid\n%s\n %s \n", other, other);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  loaded = pnl_pending_list_load (path);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (loaded, 0), ==, other);
}

typedef struct
{
  Peer       *peer;
  const char *uuid;
  guint       n_dropped;
} WithdrawDuring;

/* Called for the warning a scan gives when a waiting interview is gone
 * from the store: by then it has read the scorecards before it in the
 * list, and not written them yet. */
static void
withdraw_on_drop_cb (const char     *log_domain,
                     GLogLevelFlags  log_level,
                     const char     *message,
                     gpointer        user_data)
{
  WithdrawDuring *during = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (message, "Dropped a waiting publish"));

  during->n_dropped++;
  g_assert_true (pnl_panel_folder_withdraw (during->peer->folder, during->uuid, &error));
  g_assert_no_error (error);
}

/* A scorecard withdrawn (its candidate forgotten) after a scan read it
 * to write it, before the scan's thread wrote it: it stays out. */
static void
test_withdraw_during_scan (void)
{
  g_autofree char *dir = shared_path ();
  g_autofree char *path = NULL;
  g_autofree char *pending_path = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  Peer *peer = peer_new ("withdrawer");
  WithdrawDuring during = { peer, NULL, 0 };
  GLogLevelFlags old_fatal;
  guint handler;

  /* Waiting, then a restart with one more on the list, gone from the
   * store: the scan reads the first, then drops the second. */
  interview = submit_interview (peer, "Wanda Withdrawn", "Summary");
  during.uuid = pnl_interview_get_uuid (interview);
  path = file_path (during.uuid);
  publish (peer, interview);
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (peer->folder), ==, 1);
  peer_close_folder (peer);

  pending_path = g_strconcat (pnl_store_get_path (peer->store), ".panel-pending", NULL);
  g_ptr_array_add (uuids, g_strdup (during.uuid));
  g_ptr_array_add (uuids, g_uuid_string_random ());
  pnl_pending_list_save (pending_path, uuids);
  peer_open_folder (peer);
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (peer->folder), ==, 2);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* The warning, expected here, is what lets the test act in between. */
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  handler = g_log_set_handler ("pnl-panel-folder", G_LOG_LEVEL_WARNING,
                               withdraw_on_drop_cb, &during);
  pnl_panel_folder_rescan (peer->folder);
  WAIT_FOR (!is_scanning (peer));
  g_log_remove_handler ("pnl-panel-folder", handler);
  g_log_set_always_fatal (old_fatal);

  g_assert_cmpuint (during.n_dropped, ==, 1);
  g_assert_true (pnl_panel_folder_get_online (peer->folder));
  g_assert_cmpuint (pnl_panel_folder_get_n_pending (peer->folder), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  peer_free (peer);
}


/* Types @word at the end of the current answer's notes and lets the
 * main loop run, as between keystrokes. */
static void
type_word (PnlSession *session,
           guint       word)
{
  PnlAnswer *answer = pnl_session_get_current (session);
  g_autofree char *notes = g_strdup_printf ("%s w%u", pnl_answer_get_notes (answer), word);

  pnl_session_set_notes (session, notes);
  for (guint i = 0; i < 5 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  g_usleep (5 * 1000);
}

/* A database for @name that began as a copy of @source's (one
 * interviewer's other laptop): the same installation identity, so the
 * scorecards of one are the other's own. */
static void
copy_database (const char *source,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = g_build_filename (g_get_user_data_dir (), source, "panelist.db", NULL);
  g_autofree char *to_dir = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autofree char *to = g_build_filename (to_dir, "panelist.db", NULL);
  g_autoptr(PnlStore) store = pnl_store_new (from, &error);
  g_autoptr(GFile) from_file = g_file_new_for_path (from);
  g_autoptr(GFile) to_file = g_file_new_for_path (to);

  g_assert_no_error (error);
  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (to_dir, 0700), ==, 0);
  g_assert_true (g_file_copy (from_file, to_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The interview open and typed into on one machine, a newer revision of
 * it arrives through the panel folder: nothing typed is lost, nothing
 * lands in another question, and the arrival is kept as a conflict that
 * the folder reports.  Both machines are one interviewer's: b's
 * database is a copy of a's. */
static void
test_arrival_while_typing (void)
{
  g_autofree char *dir = shared_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlBank) bank = make_bank ();
  g_autoptr(PnlInterview) theirs = NULL;
  g_autoptr(PnlInterview) mine = NULL;
  g_autoptr(PnlInterview) other = NULL;
  g_autoptr(PnlInterview) after = NULL;
  g_autoptr(PnlSession) session = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PnlAnswer) answer = NULL;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(PnlAnswer) stored_answer = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *uuid = NULL;
  Peer *a;
  Peer *b;
  gint64 typing_until;
  guint word = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  copy_database ("a", "b");
  a = peer_new ("a");
  b = peer_new ("b");
  g_assert_cmpstr (pnl_store_get_identity (a->store), ==, pnl_store_get_identity (b->store));

  /* An interview in progress, shared, and taken in by b. */
  theirs = pnl_store_create_interview (a->store, "Ana Lima", NULL, "Backend developer",
                                       "Technical 1", "a", bank, &error);
  g_assert_no_error (error);
  uuid = g_strdup (pnl_interview_get_uuid (theirs));
  publish (a, theirs);
  pnl_panel_folder_start (b->folder);
  WAIT_FOR (count_interviews (b) == 1 && !is_scanning (b));

  /* Another interview after it, so that answers added again would get
   * other row ids. */
  other = pnl_store_create_interview (b->store, "Bo Chen", NULL, "Backend developer",
                                      "Technical 1", "b", bank, &error);
  g_assert_no_error (error);

  mine = find_interview (b, uuid);
  session = pnl_session_new (b->store, mine, &error);
  g_assert_no_error (error);
  answer = g_list_model_get_item (pnl_session_get_answers (session), 0);
  pnl_session_set_current (session, answer);
  for (; word < 30; word++)
    type_word (session, word);

  /* On a's machine it goes on, and is published again. */
  answers = pnl_store_list_answers (a->store, theirs, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PnlAnswer) theirs_answer = g_list_model_get_item (answers, 0);

    pnl_answer_set_notes (theirs_answer, "Written on the other machine");
    pnl_store_save_answer (a->store, theirs_answer);
  }
  pnl_interview_set_summary (theirs, "Their summary");
  pnl_store_save_interview (a->store, theirs);
  flush (a);
  g_clear_object (&theirs);
  theirs = find_interview (a, uuid);
  publish (a, theirs);
  pnl_panel_folder_rescan (b->folder);

  typing_until = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  while ((count_problems (b, PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT) == 0 || is_scanning (b)) &&
         g_get_monotonic_time () < typing_until)
    type_word (session, word++);
  g_assert_cmpuint (count_problems (b, PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT), ==, 1);
  g_test_message ("%s", ((GError *) g_ptr_array_index (b->problems, 0))->message);

  for (guint i = 0; i < 99; i++)
    type_word (session, word++);

  pnl_session_save_now (session);
  flush (b);

  typed = g_strdup (pnl_answer_get_notes (answer));
  after = find_interview (b, uuid);
  g_assert_cmpstr (pnl_interview_get_summary (after), ==, "");
  stored = pnl_store_list_answers (b->store, after, &error);
  g_assert_no_error (error);
  stored_answer = g_list_model_get_item (stored, 0);
  g_assert_cmpstr (pnl_answer_get_notes (stored_answer), ==, typed);

  /* Kept whole, at its revision. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "b", "panelist.db", NULL);
    g_autoptr(PnlDb) db = pnl_db_open (path, PNL_DB_OPEN_READ_ONLY, &error);
    g_autoptr(PnlDbStatement) stmt = NULL;

    g_assert_no_error (error);
    stmt = pnl_db_prepare (db, "SELECT revision, reason, scorecard FROM conflicts", &error);
    g_assert_no_error (error);
    g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
    g_assert_cmpint (pnl_db_statement_column_int (stmt, 0), ==, revision_of (a, uuid));
    g_assert_cmpstr (pnl_db_statement_column_text (stmt, 1), ==, "changed-here");
    g_assert_nonnull (strstr (pnl_db_statement_column_text (stmt, 2), "Their summary"));
    g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_DONE);
  }

  g_assert_finalize_object (g_steal_pointer (&session));
  peer_free (a);
  peer_free (b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/panel-folder/panel", test_panel);
  g_test_add_func ("/panel-folder/pending", test_pending);
  g_test_add_func ("/panel-folder/arrival-before-watch", test_arrival_before_watch);
  g_test_add_func ("/panel-folder/withdraw", test_withdraw);
  g_test_add_func ("/panel-folder/withdraw-during-scan", test_withdraw_during_scan);
  g_test_add_func ("/panel-folder/publish-async", test_publish_async);
  g_test_add_func ("/panel-folder/switch-during-publish", test_switch_during_publish);
  g_test_add_func ("/panel-folder/pending-list", test_pending_list);
  g_test_add_func ("/panel-folder/scan-main-loop", test_scan_main_loop);
  g_test_add_func ("/panel-folder/rescan-during-scan", test_rescan_during_scan);
  g_test_add_func ("/panel-folder/dispose-during-scan", test_dispose_during_scan);
  g_test_add_func ("/panel-folder/arrival-while-typing", test_arrival_while_typing);

  return g_test_run ();
}
