/* test-store.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-candidate.h"
#include "pnl-comparison.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"

#define BANK_JSON \
  "{\n" \
  "  \"format\": \"panelist-bank\",\n" \
  "  \"version\": 1,\n" \
  "  \"id\": \"test-backend\",\n" \
  "  \"revision\": %u,\n" \
  "  \"title\": \"Test bank\",\n" \
  "  \"role\": \"Backend developer\",\n" \
  "  \"language\": \"en\",\n" \
  "  \"scale\": [\n" \
  "    { \"value\": 1, \"label\": \"Strong no\", \"meaning\": \"Far below the bar\" },\n" \
  "    { \"value\": 2, \"label\": \"No\", \"meaning\": \"Below the bar\" },\n" \
  "    { \"value\": 3, \"label\": \"Yes\", \"meaning\": \"At the bar\" },\n" \
  "    { \"value\": 4, \"label\": \"Strong yes\", \"meaning\": \"Well above the bar\" }\n" \
  "  ],\n" \
  "  \"areas\": [\n" \
  "    { \"id\": \"databases\", \"title\": \"Databases\", \"description\": \"Storing data\" },\n" \
  "    { \"id\": \"collaboration\", \"title\": \"Collaboration\", \"description\": \"Working with others\" }\n" \
  "  ],\n" \
  "  \"questions\": [\n" \
  "    { \"id\": \"sql-joins\", \"area\": \"databases\", \"kind\": \"technical\",\n" \
  "      \"level\": \"experienced\", \"prompt\": \"%s\",\n" \
  "      \"assesses\": \"Relational thinking\",\n" \
  "      \"look_fors\": [\"Mentions rows without a match\"],\n" \
  "      \"red_flags\": [\"Confuses joins with unions\"],\n" \
  "      \"follow_ups\": [\"When would you pick each?\"],\n" \
  "      \"minutes\": 5,\n" \
  "      \"anchors\": { \"1\": \"Cannot tell them apart\", \"4\": \"Explains with a worked example\" } },\n" \
  "    { \"id\": \"indexes\", \"area\": \"databases\", \"kind\": \"technical\",\n" \
  "      \"level\": \"senior\", \"prompt\": \"When does an index make a query slower?\",\n" \
  "      \"assesses\": \"Performance\", \"look_fors\": [], \"red_flags\": [], \"follow_ups\": [],\n" \
  "      \"minutes\": 6 },\n" \
  "    { \"id\": \"conflict\", \"area\": \"collaboration\", \"kind\": \"behavioural\",\n" \
  "      \"level\": \"entry\", \"prompt\": \"Tell me about a disagreement with a colleague.\",\n" \
  "      \"assesses\": \"Handling conflict\", \"look_fors\": [], \"red_flags\": [\"Blames others\"],\n" \
  "      \"follow_ups\": [], \"minutes\": 4 }\n" \
  "  ]\n" \
  "}\n"

#define FIRST_PROMPT "How do an inner join and a left join differ?"

typedef struct
{
  char     *dir;
  char     *path;
  PnlBank  *bank;
  PnlStore *store;

  guint     n_failed;
  guint     n_recovered;
  GError   *failed_error;
} Fixture;

static PnlBank *
make_bank (guint       revision,
           const char *first_prompt)
{
  g_autoptr(GError) error = NULL;
  char *json = g_strdup_printf (BANK_JSON, revision, first_prompt);
  g_autoptr(GBytes) bytes = g_bytes_new_take (json, strlen (json));
  PnlBank *bank;

  bank = pnl_bank_new_from_bytes (bytes, "test-bank.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);

  return bank;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_build_filename (g_get_user_data_dir (), "panelist", NULL);
  f->path = g_build_filename (f->dir, "panelist.db", NULL);
  f->bank = make_bank (1, FIRST_PROMPT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->store));
  g_clear_object (&f->bank);
  g_clear_error (&f->failed_error);
  g_free (f->dir);
  g_free (f->path);
}

static void
save_failed_cb (PnlStore     *store,
                const GError *error,
                Fixture      *f)
{
  f->n_failed++;
  g_clear_error (&f->failed_error);
  f->failed_error = g_error_copy (error);
}

static void
save_recovered_cb (PnlStore *store,
                   Fixture  *f)
{
  f->n_recovered++;
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (f->store);
  f->store = pnl_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_cmpstr (pnl_store_get_path (f->store), ==, f->path);

  g_signal_connect (f->store, "save-failed", G_CALLBACK (save_failed_cb), f);
  g_signal_connect (f->store, "save-recovered", G_CALLBACK (save_recovered_cb), f);
}

static void
close_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_store_close (f->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->store));
}

static void
flush (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 0);
}

static PnlInterview *
create_interview (Fixture    *f,
                  const char *name,
                  const char *reference)
{
  g_autoptr(GError) error = NULL;
  PnlInterview *interview;

  interview = pnl_store_create_interview (f->store, name, reference, "Backend developer",
                                          "Technical 1", "Priya Raman", f->bank, &error);
  g_assert_no_error (error);
  g_assert_nonnull (interview);

  return interview;
}

static PnlInterview *
find_interview (Fixture    *f,
                const char *uuid)
{
  g_autoptr(GError) error = NULL;
  PnlInterview *interview = pnl_store_find_interview (f->store, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (interview);

  return interview;
}

static GListModel *
list_answers (Fixture      *f,
              PnlInterview *interview)
{
  g_autoptr(GError) error = NULL;
  GListModel *answers = pnl_store_list_answers (f->store, interview, &error);

  g_assert_no_error (error);
  g_assert_nonnull (answers);

  return answers;
}

static PnlAnswer *
get_answer (GListModel *answers,
            guint       position)
{
  g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, position);

  g_assert_nonnull (answer);

  return answer;
}

static gint64
revision_of (Fixture      *f,
             PnlInterview *interview)
{
  g_autoptr(PnlInterview) fresh = find_interview (f, pnl_interview_get_uuid (interview));

  return pnl_interview_get_revision (fresh);
}

/* A connection of the test's own, to look at the file behind the store. */
static PnlDb *
open_raw (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PnlDb *db = pnl_db_open (f->path, PNL_DB_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);

  return db;
}

static gint64
raw_int (PnlDb      *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDbStatement) stmt = pnl_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  g_assert_no_error (error);

  return pnl_db_statement_column_int (stmt, 0);
}

static void
raw_exec (PnlDb      *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));

  return st.st_mode & 0777;
}

static void
iterate_until (guint *counter)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (*counter == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Tests ------------------------------------------------------------------ */

static void
test_default_path (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = pnl_store_get_default_path ();

  g_assert_cmpstr (path, ==, f->path);
}

static void
test_file_modes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  open_store (f);
  g_assert_cmpuint (file_mode (f->dir), ==, 0700);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);

  interview = create_interview (f, "Zoë Ångström", "ATS-7");
  answers = list_answers (f, interview);
  pnl_answer_set_notes (get_answer (answers, 0), "private notes");
  pnl_store_save_answer (f->store, get_answer (answers, 0));
  flush (f);

  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
}

static void
test_create_and_read (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) again = NULL;
  g_autoptr(PnlInterview) other = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *questions = pnl_bank_get_questions (f->bank);
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  PnlAnswer *answer;
  PnlQuestion *question;

  open_store (f);
  interview = create_interview (f, "Zoë Ångström", "ATS-7");

  g_assert_cmpint (pnl_interview_get_id (interview), >, 0);
  g_assert_true (g_uuid_string_is_valid (pnl_interview_get_uuid (interview)));
  g_assert_cmpint (pnl_interview_get_revision (interview), ==, 1);
  g_assert_cmpstr (pnl_interview_get_candidate_name (interview), ==, "Zoë Ångström");
  g_assert_cmpstr (pnl_interview_get_candidate_reference (interview), ==, "ATS-7");
  g_assert_cmpstr (pnl_interview_get_role (interview), ==, "Backend developer");
  g_assert_cmpstr (pnl_interview_get_round (interview), ==, "Technical 1");
  g_assert_cmpstr (pnl_interview_get_interviewer (interview), ==, "Priya Raman");
  g_assert_cmpstr (pnl_interview_get_bank_id (interview), ==, "test-backend");
  g_assert_cmpuint (pnl_interview_get_bank_revision (interview), ==, 1);
  g_assert_true (pnl_scale_equal (pnl_interview_get_scale (interview), pnl_bank_get_scale (f->bank)));
  g_assert_cmpint (pnl_interview_get_state (interview), ==, PNL_INTERVIEW_STATE_IN_PROGRESS);
  g_assert_cmpint (pnl_interview_get_recommendation (interview), ==, PNL_RECOMMENDATION_NONE);
  g_assert_cmpstr (pnl_interview_get_summary (interview), ==, "");
  g_assert_null (pnl_interview_get_ended_at (interview));
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_started_at (interview)), >=, before);
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_started_at (interview)), <=, before + 5);
  g_assert_cmpint (g_date_time_get_utc_offset (pnl_interview_get_started_at (interview)), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_updated_at (interview)), ==,
                   g_date_time_to_unix (pnl_interview_get_started_at (interview)));

  /* One answer per question, in the bank's order, with its text. */
  answers = list_answers (f, interview);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, g_list_model_get_n_items (questions));

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlQuestion) expected = g_list_model_get_item (questions, i);

      answer = get_answer (answers, i);
      question = pnl_answer_get_question (answer);

      g_assert_cmpint (pnl_answer_get_interview_id (answer), ==, pnl_interview_get_id (interview));
      g_assert_cmpuint (pnl_answer_get_position (answer), ==, i);
      g_assert_cmpstr (pnl_question_get_id (question), ==, pnl_question_get_id (expected));
      g_assert_cmpstr (pnl_question_get_prompt (question), ==, pnl_question_get_prompt (expected));
      g_assert_cmpstr (pnl_question_get_assesses (question), ==, pnl_question_get_assesses (expected));
      g_assert_cmpint (pnl_question_get_kind (question), ==, pnl_question_get_kind (expected));
      g_assert_cmpint (pnl_question_get_level (question), ==, pnl_question_get_level (expected));
      g_assert_cmpuint (pnl_question_get_minutes (question), ==, pnl_question_get_minutes (expected));
      g_assert_false (pnl_answer_get_custom (answer));
      g_assert_false (pnl_answer_get_asked (answer));
      g_assert_cmpint (pnl_answer_get_score (answer), ==, 0);
      g_assert_cmpstr (pnl_answer_get_notes (answer), ==, "");
      g_assert_cmpuint (pnl_answer_get_flags (answer), ==, PNL_ANSWER_FLAGS_NONE);
      g_assert_cmpuint (pnl_answer_get_seconds (answer), ==, 0);
    }

  answer = get_answer (answers, 0);
  question = pnl_answer_get_question (answer);
  g_assert_cmpstr (pnl_answer_get_area_title (answer), ==, "Databases");
  g_assert_cmpstr (pnl_question_get_anchor (question, 1), ==, "Cannot tell them apart");
  g_assert_cmpstr (pnl_question_get_anchor (question, 4), ==, "Explains with a worked example");
  g_assert_null (pnl_question_get_anchor (question, 2));
  g_assert_cmpstr (pnl_question_get_look_fors (question)[0], ==, "Mentions rows without a match");
  g_assert_cmpstr (pnl_question_get_follow_ups (question)[0], ==, "When would you pick each?");
  g_assert_cmpstr (pnl_answer_get_area_title (get_answer (answers, 2)), ==, "Collaboration");

  /* Found again by UUID, equal. */
  again = find_interview (f, pnl_interview_get_uuid (interview));
  g_assert_cmpint (pnl_interview_get_id (again), ==, pnl_interview_get_id (interview));
  g_assert_cmpstr (pnl_interview_get_candidate_name (again), ==, "Zoë Ångström");

  /* An unknown UUID is an error of its own. */
  g_assert_null (pnl_store_find_interview (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Same name and reference: the same candidate.  Another reference:
   * another person. */
  other = create_interview (f, "Zoë Ångström", "ATS-7");
  g_assert_cmpint (pnl_interview_get_candidate_id (other), ==, pnl_interview_get_candidate_id (interview));
  g_assert_cmpstr (pnl_interview_get_uuid (other), !=, pnl_interview_get_uuid (interview));
  g_clear_object (&other);
  other = create_interview (f, "Zoë Ångström", "ATS-8");
  g_assert_cmpint (pnl_interview_get_candidate_id (other), !=, pnl_interview_get_candidate_id (interview));

  candidates = pnl_store_list_candidates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);
  {
    g_autoptr(PnlCandidate) candidate = g_list_model_get_item (candidates, 0);

    g_assert_cmpint (pnl_candidate_get_id (candidate), ==, pnl_interview_get_candidate_id (interview));
    g_assert_cmpstr (pnl_candidate_get_name (candidate), ==, "Zoë Ångström");
    g_assert_cmpstr (pnl_candidate_get_role (candidate), ==, "Backend developer");
    g_assert_cmpstr (pnl_candidate_get_reference (candidate), ==, "ATS-7");
  }
}

static void
test_save_and_reopen (Fixture       *f,
                      gconstpointer  data)
{
  static const char *notes = "Drew the Venn diagram — then said “it depends”.\n日本語 🦊";
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) found = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GDateTime) ended_at = g_date_time_new_from_unix_utc (1767265200);
  g_autofree char *uuid = NULL;
  PnlAnswer *answer;

  open_store (f);
  interview = create_interview (f, "Zoë Ångström", "ATS-7");
  uuid = g_strdup (pnl_interview_get_uuid (interview));
  answers = list_answers (f, interview);

  answer = get_answer (answers, 1);
  pnl_answer_set_asked (answer, TRUE);
  pnl_answer_set_score (answer, 3);
  pnl_answer_set_notes (answer, notes);
  pnl_answer_set_flags (answer, PNL_ANSWER_FLAGS_FOLLOW_UP | PNL_ANSWER_FLAGS_HIGHLIGHT);
  pnl_answer_set_seconds (answer, 421);
  pnl_store_save_answer (f->store, answer);
  flush (f);
  g_assert_cmpint (revision_of (f, interview), ==, 2);

  pnl_interview_set_round (interview, "Technical 2");
  pnl_interview_set_interviewer (interview, "Tomás Ortega");
  pnl_interview_set_summary (interview, "Would hire.\nStrong on SQL.");
  pnl_interview_set_recommendation (interview, PNL_RECOMMENDATION_STRONG_YES);
  pnl_interview_set_state (interview, PNL_INTERVIEW_STATE_SUBMITTED);
  pnl_interview_set_ended_at (interview, ended_at);
  pnl_store_save_interview (f->store, interview);
  flush (f);
  g_assert_cmpint (revision_of (f, interview), ==, 3);

  close_store (f);
  g_clear_object (&answers);

  /* A new store on the same file finds everything. */
  open_store (f);
  found = find_interview (f, uuid);
  g_assert_cmpint (pnl_interview_get_revision (found), ==, 3);
  g_assert_cmpstr (pnl_interview_get_round (found), ==, "Technical 2");
  g_assert_cmpstr (pnl_interview_get_interviewer (found), ==, "Tomás Ortega");
  g_assert_cmpstr (pnl_interview_get_summary (found), ==, "Would hire.\nStrong on SQL.");
  g_assert_cmpint (pnl_interview_get_recommendation (found), ==, PNL_RECOMMENDATION_STRONG_YES);
  g_assert_cmpint (pnl_interview_get_state (found), ==, PNL_INTERVIEW_STATE_SUBMITTED);
  g_assert_nonnull (pnl_interview_get_ended_at (found));
  g_assert_true (g_date_time_equal (pnl_interview_get_ended_at (found), ended_at));
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_updated_at (found)), >=,
                   g_date_time_to_unix (pnl_interview_get_started_at (found)));
  g_assert_cmpstr (pnl_interview_get_candidate_name (found), ==, "Zoë Ångström");

  answers = list_answers (f, found);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 3);
  answer = get_answer (answers, 1);
  g_assert_true (pnl_answer_get_asked (answer));
  g_assert_cmpint (pnl_answer_get_score (answer), ==, 3);
  g_assert_cmpstr (pnl_answer_get_notes (answer), ==, notes);
  g_assert_cmpuint (pnl_answer_get_flags (answer), ==, PNL_ANSWER_FLAGS_FOLLOW_UP | PNL_ANSWER_FLAGS_HIGHLIGHT);
  g_assert_cmpuint (pnl_answer_get_seconds (answer), ==, 421);

  /* The others are as they were. */
  answer = get_answer (answers, 0);
  g_assert_false (pnl_answer_get_asked (answer));
  g_assert_cmpstr (pnl_answer_get_notes (answer), ==, "");

  /* Clearing the recommendation and the end stores NULL again. */
  pnl_interview_set_recommendation (found, PNL_RECOMMENDATION_NONE);
  pnl_interview_set_ended_at (found, NULL);
  pnl_store_save_interview (f->store, found);
  flush (f);
  {
    g_autoptr(PnlInterview) cleared = find_interview (f, uuid);
    g_autoptr(PnlDb) raw = open_raw (f);

    g_assert_cmpint (pnl_interview_get_recommendation (cleared), ==, PNL_RECOMMENDATION_NONE);
    g_assert_null (pnl_interview_get_ended_at (cleared));
    g_assert_cmpint (raw_int (raw, "SELECT recommendation IS NULL AND ended_at IS NULL FROM interviews"), ==, 1);
  }
}

static void
test_revision_rises (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  PnlAnswer *answer;
  gint64 revision;

  open_store (f);
  interview = create_interview (f, "Kwame Mensah", NULL);
  answers = list_answers (f, interview);
  answer = get_answer (answers, 0);
  g_assert_cmpint (revision_of (f, interview), ==, 1);

  for (guint i = 1; i <= 5; i++)
    {
      pnl_answer_set_seconds (answer, i * 10);
      pnl_store_save_answer (f->store, answer);
      flush (f);
      g_assert_cmpint (revision_of (f, interview), ==, 1 + i);
    }

  revision = revision_of (f, interview);
  pnl_interview_set_summary (interview, "ok");
  pnl_store_save_interview (f->store, interview);
  pnl_store_save_answer (f->store, get_answer (answers, 2));
  flush (f);
  g_assert_cmpint (revision_of (f, interview), ==, revision + 2);
}

static void
test_score_none (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PnlDb) raw = NULL;
  PnlAnswer *answer;

  open_store (f);
  interview = create_interview (f, "Kwame Mensah", NULL);
  answers = list_answers (f, interview);
  answer = get_answer (answers, 0);
  raw = open_raw (f);

  /* Not assessed is NULL in the file, not a level. */
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers WHERE score IS NULL"), ==, 3);

  for (int score = 1; score <= 4; score++)
    {
      g_autoptr(GListModel) fresh = NULL;

      pnl_answer_set_score (answer, score);
      pnl_store_save_answer (f->store, answer);
      flush (f);

      g_assert_cmpint (raw_int (raw, "SELECT score FROM answers WHERE position = 0"), ==, score);
      fresh = list_answers (f, interview);
      g_assert_cmpint (pnl_answer_get_score (get_answer (fresh, 0)), ==, score);
    }

  pnl_answer_set_score (answer, 0);
  pnl_store_save_answer (f->store, answer);
  flush (f);
  g_assert_cmpint (raw_int (raw, "SELECT score IS NULL FROM answers WHERE position = 0"), ==, 1);
  {
    g_autoptr(GListModel) fresh = list_answers (f, interview);

    g_assert_cmpint (pnl_answer_get_score (get_answer (fresh, 0)), ==, 0);
  }
}

static void
test_flags (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  PnlAnswer *answer;

  open_store (f);
  interview = create_interview (f, "Kwame Mensah", NULL);
  answers = list_answers (f, interview);
  answer = get_answer (answers, 2);

  for (guint flags = 0; flags < 8; flags++)
    {
      g_autoptr(GListModel) fresh = NULL;

      pnl_answer_set_flags (answer, flags);
      pnl_store_save_answer (f->store, answer);
      flush (f);

      fresh = list_answers (f, interview);
      g_assert_cmpuint (pnl_answer_get_flags (get_answer (fresh, 2)), ==, flags);
      g_assert_cmpuint (pnl_answer_get_flags (get_answer (fresh, 1)), ==, 0);
    }
}

static void
test_custom_question (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlAnswer) first = NULL;
  g_autoptr(PnlAnswer) second = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;
  g_autofree char *uuid = NULL;

  open_store (f);
  interview = create_interview (f, "Kwame Mensah", NULL);
  uuid = g_strdup (pnl_interview_get_uuid (interview));

  first = pnl_store_add_custom_question (f->store, interview, "databases", "Databases",
                                         "How would you shard the orders table?", &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (pnl_answer_get_custom (first));
  g_assert_cmpuint (pnl_answer_get_position (first), ==, 3);
  g_assert_cmpstr (pnl_question_get_id (pnl_answer_get_question (first)), ==, "custom-1");
  g_assert_cmpstr (pnl_question_get_area_id (pnl_answer_get_question (first)), ==, "databases");
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (first)), ==,
                   "How would you shard the orders table?");
  g_assert_cmpstr (pnl_answer_get_area_title (first), ==, "Databases");
  g_assert_cmpint (revision_of (f, interview), ==, 2);

  second = pnl_store_add_custom_question (f->store, interview, "collaboration", "Collaboration",
                                          "Who do you ask for help?", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_answer_get_position (second), ==, 4);
  g_assert_cmpstr (pnl_question_get_id (pnl_answer_get_question (second)), ==, "custom-2");

  /* Its row in custom_questions and its answer, together. */
  raw = open_raw (f);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM custom_questions"), ==, 2);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers WHERE custom = 1"), ==, 2);
  g_assert_cmpint (raw_int (raw,
                            "SELECT COUNT (*) FROM custom_questions c JOIN answers a"
                            " ON a.interview_id = c.interview_id AND a.question_id = c.question_id"
                            " AND a.prompt = c.prompt AND a.area_id = c.area_id"), ==, 2);

  /* Saved like any other answer. */
  pnl_answer_set_asked (second, TRUE);
  pnl_answer_set_score (second, 2);
  pnl_answer_set_notes (second, "Nobody, at first.");
  pnl_store_save_answer (f->store, second);
  flush (f);

  close_store (f);
  g_clear_object (&interview);
  open_store (f);

  interview = find_interview (f, uuid);
  answers = list_answers (f, interview);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 5);
  g_assert_false (pnl_answer_get_custom (get_answer (answers, 2)));
  g_assert_true (pnl_answer_get_custom (get_answer (answers, 3)));
  g_assert_true (pnl_answer_get_custom (get_answer (answers, 4)));
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (get_answer (answers, 4))), ==,
                   "Who do you ask for help?");
  g_assert_cmpstr (pnl_answer_get_area_title (get_answer (answers, 4)), ==, "Collaboration");
  g_assert_cmpint (pnl_answer_get_score (get_answer (answers, 4)), ==, 2);
  g_assert_cmpstr (pnl_answer_get_notes (get_answer (answers, 4)), ==, "Nobody, at first.");
}

/* Rename, remove and return of a custom question, each saved like an
 * answer: the rows follow, a return is the question as it was, and a
 * save waiting when the removal comes never brings it back. */
static void
test_custom_question_change (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlAnswer) first = NULL;
  g_autoptr(PnlAnswer) second = NULL;
  g_autoptr(PnlQuestion) renamed = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;
  g_autofree char *uuid = NULL;
  gint64 revision;

  open_store (f);
  interview = create_interview (f, "Kwame Mensah", NULL);
  uuid = g_strdup (pnl_interview_get_uuid (interview));

  first = pnl_store_add_custom_question (f->store, interview, "databases", "Databases",
                                         "How would you shard the orders tabel?", &error);
  g_assert_no_error (error);
  second = pnl_store_add_custom_question (f->store, interview, "databases", "Databases",
                                          "Who do you ask for help?", &error);
  g_assert_no_error (error);

  renamed = pnl_question_new_custom ("custom-1", "databases", "How would you shard the orders table?");
  pnl_answer_set_question (first, renamed);
  pnl_store_rename_custom_question (f->store, first);
  flush (f);
  raw = open_raw (f);
  g_assert_cmpint (raw_int (raw,
                            "SELECT COUNT (*) FROM custom_questions c JOIN answers a"
                            " ON a.interview_id = c.interview_id AND a.question_id = c.question_id"
                            " WHERE c.prompt = 'How would you shard the orders table?'"
                            "   AND a.prompt = c.prompt AND a.question LIKE '%orders table?%'"), ==, 1);

  /* Removed while a save of it waits: the removal takes its place. */
  pnl_answer_set_notes (first, "Shards by customer");
  pnl_answer_set_score (first, 3);
  pnl_answer_set_flags (first, PNL_ANSWER_FLAGS_HIGHLIGHT);
  pnl_answer_set_seconds (first, 75);
  pnl_answer_set_asked (first, TRUE);
  pnl_store_save_answer (f->store, first);
  revision = revision_of (f, interview);
  pnl_store_remove_custom_question (f->store, first);
  flush (f);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM custom_questions WHERE question_id = 'custom-1'"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers WHERE question_id = 'custom-1'"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM custom_questions"), ==, 1);
  g_assert_cmpint (revision_of (f, interview), >, revision);
  g_clear_object (&answers);
  answers = list_answers (f, interview);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 4);
  g_assert_cmpstr (pnl_question_get_id (pnl_answer_get_question (get_answer (answers, 3))), ==, "custom-2");

  /* Back, exactly, before the other one. */
  pnl_store_restore_custom_question (f->store, first);
  flush (f);

  close_store (f);
  g_clear_object (&interview);
  g_clear_object (&answers);
  open_store (f);

  interview = find_interview (f, uuid);
  answers = list_answers (f, interview);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 5);
  g_assert_cmpstr (pnl_question_get_id (pnl_answer_get_question (get_answer (answers, 3))), ==, "custom-1");
  g_assert_cmpuint (pnl_answer_get_position (get_answer (answers, 3)), ==, 3);
  g_assert_true (pnl_answer_get_custom (get_answer (answers, 3)));
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (get_answer (answers, 3))), ==,
                   "How would you shard the orders table?");
  g_assert_cmpstr (pnl_answer_get_area_title (get_answer (answers, 3)), ==, "Databases");
  g_assert_cmpstr (pnl_answer_get_notes (get_answer (answers, 3)), ==, "Shards by customer");
  g_assert_cmpint (pnl_answer_get_score (get_answer (answers, 3)), ==, 3);
  g_assert_cmpint (pnl_answer_get_flags (get_answer (answers, 3)), ==, PNL_ANSWER_FLAGS_HIGHLIGHT);
  g_assert_cmpuint (pnl_answer_get_seconds (get_answer (answers, 3)), ==, 75);
  g_assert_true (pnl_answer_get_asked (get_answer (answers, 3)));
  g_assert_cmpstr (pnl_question_get_id (pnl_answer_get_question (get_answer (answers, 4))), ==, "custom-2");
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM custom_questions"), ==, 2);

  /* A removal and its undo both waiting: the return wins. */
  pnl_store_remove_custom_question (f->store, second);
  pnl_store_restore_custom_question (f->store, second);
  flush (f);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers WHERE question_id = 'custom-2'"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM custom_questions"), ==, 2);
}

static void
load_v1_fixture (Fixture *f)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "data", "schema-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) db = NULL;

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, &error));
  g_assert_no_error (error);

  db = open_raw (f);
  g_assert_true (pnl_db_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_db_get_user_version (db, &error), ==, 1);
}

static void
assert_v1_answer (PnlAnswer      *answer,
                  gint64          id,
                  guint           position,
                  const char     *question_id,
                  const char     *area_title,
                  PnlQuestionKind kind,
                  const char     *prompt,
                  gboolean        asked,
                  int             score,
                  const char     *notes,
                  PnlAnswerFlags  flags,
                  guint           seconds)
{
  PnlQuestion *question = pnl_answer_get_question (answer);

  g_assert_cmpint (pnl_answer_get_id (answer), ==, id);
  g_assert_cmpuint (pnl_answer_get_position (answer), ==, position);
  g_assert_cmpstr (pnl_question_get_id (question), ==, question_id);
  g_assert_cmpstr (pnl_answer_get_area_title (answer), ==, area_title);
  g_assert_cmpint (pnl_question_get_kind (question), ==, kind);
  g_assert_cmpstr (pnl_question_get_prompt (question), ==, prompt);
  g_assert_false (pnl_answer_get_custom (answer));
  g_assert_cmpint (pnl_answer_get_asked (answer), ==, asked);
  g_assert_cmpint (pnl_answer_get_score (answer), ==, score);
  g_assert_cmpstr (pnl_answer_get_notes (answer), ==, notes);
  g_assert_cmpuint (pnl_answer_get_flags (answer), ==, flags);
  g_assert_cmpuint (pnl_answer_get_seconds (answer), ==, seconds);
}

static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PnlInterview) first = NULL;
  g_autoptr(PnlInterview) second = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GListModel) interviews = NULL;
  g_autoptr(PnlAnswer) custom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;
  PnlQuestion *question;
  PnlScale *scale;

  load_v1_fixture (f);
  open_store (f);

  raw = open_raw (f);
  g_assert_cmpuint (pnl_db_get_user_version (raw, &error), ==, PNL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM candidates"), ==, 2);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM interviews"), ==, 2);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers"), ==, 4);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers WHERE custom = 0"), ==, 4);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM custom_questions"), ==, 0);
  /* Version 4 summed the old answers up by interview and area. */
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM area_scores"), ==,
                   raw_int (raw, "SELECT COUNT (*) FROM (SELECT DISTINCT interview_id, area_id FROM answers)"));
  g_assert_cmpint (raw_int (raw, "SELECT total (score_sum) FROM area_scores"), ==,
                   raw_int (raw, "SELECT total (score) FROM answers WHERE score > 0"));
  g_assert_cmpint (raw_int (raw,
                            "SELECT COUNT (*) FROM sqlite_schema WHERE type = 'index' AND name IN"
                            " ('interviews_candidate_id', 'interviews_updated_at',"
                            "  'answers_interview_position')"), ==, 3);
  /* Version 5: a submitted interview is in step at its revision, one in
   * progress changed here; no leases, no conflicts yet. */
  g_assert_cmpint (raw_int (raw, "SELECT synced_revision FROM interviews WHERE id = 1"), ==, 7);
  g_assert_cmpint (raw_int (raw, "SELECT synced_revision FROM interviews WHERE id = 2"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT revision FROM interviews WHERE id = 1"), ==, 7);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM leases"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM conflicts"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM settings WHERE key = 'installation'"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (DISTINCT origin) FROM interviews"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM interviews WHERE origin = ''"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT created_at FROM candidates WHERE id = 1"), ==, 1767225600);
  g_assert_cmpint (raw_int (raw, "SELECT created_at FROM candidates WHERE id = 2"), ==, 1767312000);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);

  candidates = pnl_store_list_candidates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);
  {
    g_autoptr(PnlCandidate) kwame = g_list_model_get_item (candidates, 0);
    g_autoptr(PnlCandidate) zoe = g_list_model_get_item (candidates, 1);

    g_assert_cmpint (pnl_candidate_get_id (kwame), ==, 2);
    g_assert_cmpstr (pnl_candidate_get_name (kwame), ==, "Kwame Mensah");
    g_assert_cmpstr (pnl_candidate_get_role (kwame), ==, "Backend developer");
    g_assert_cmpstr (pnl_candidate_get_reference (kwame), ==, "");
    g_assert_cmpint (pnl_candidate_get_id (zoe), ==, 1);
    g_assert_cmpstr (pnl_candidate_get_name (zoe), ==, "Zoë Ångström");
    g_assert_cmpstr (pnl_candidate_get_reference (zoe), ==, "ATS-1042");
  }

  /* Most recently changed first. */
  interviews = pnl_store_list_interviews (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (interviews), ==, 2);
  second = g_list_model_get_item (interviews, 0);
  first = g_list_model_get_item (interviews, 1);

  g_assert_cmpint (pnl_interview_get_id (first), ==, 1);
  g_assert_cmpstr (pnl_interview_get_uuid (first), ==, "3f2b8c1e-7d4a-4e6b-9a1c-5e8f2d7b4a90");
  g_assert_cmpint (pnl_interview_get_revision (first), ==, 7);
  /* Version 6: an identity for the file, and every interview already
   * there taken as this installation's own. */
  g_assert_true (g_uuid_string_is_valid (pnl_store_get_identity (f->store)));
  g_assert_cmpstr (pnl_interview_get_origin (first), ==, pnl_store_get_identity (f->store));
  g_assert_cmpstr (pnl_interview_get_origin (second), ==, pnl_store_get_identity (f->store));
  g_assert_true (pnl_store_interview_is_mine (f->store, first));
  g_assert_cmpint (pnl_interview_get_candidate_id (first), ==, 1);
  g_assert_cmpstr (pnl_interview_get_candidate_name (first), ==, "Zoë Ångström");
  g_assert_cmpstr (pnl_interview_get_candidate_reference (first), ==, "ATS-1042");
  g_assert_cmpstr (pnl_interview_get_role (first), ==, "Backend developer");
  g_assert_cmpstr (pnl_interview_get_round (first), ==, "Technical 1");
  g_assert_cmpstr (pnl_interview_get_interviewer (first), ==, "Priya Raman");
  g_assert_cmpstr (pnl_interview_get_bank_id (first), ==, "backend-developer");
  g_assert_cmpuint (pnl_interview_get_bank_revision (first), ==, 3);
  g_assert_cmpint (pnl_interview_get_state (first), ==, PNL_INTERVIEW_STATE_SUBMITTED);
  g_assert_cmpint (pnl_interview_get_recommendation (first), ==, PNL_RECOMMENDATION_YES);
  g_assert_cmpstr (pnl_interview_get_summary (first), ==,
                   "Solid on SQL, unsure about caching.\n"
                   "Would hire for the platform team — “pragmatic”.");
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_started_at (first)), ==, 1767261600);
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_ended_at (first)), ==, 1767265200);
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_updated_at (first)), ==, 1767265300);
  scale = pnl_interview_get_scale (first);
  g_assert_cmpuint (pnl_scale_get_n_levels (scale), ==, 4);
  g_assert_cmpint (pnl_scale_get_value (scale, 0), ==, 1);
  g_assert_cmpstr (pnl_scale_get_label (scale, 0), ==, "Strong no");
  g_assert_cmpstr (pnl_scale_get_meaning (scale, 3), ==, "Well above the bar");

  g_assert_cmpint (pnl_interview_get_id (second), ==, 2);
  g_assert_cmpstr (pnl_interview_get_uuid (second), ==, "c0a8e4d2-1b3f-4c5d-8e7f-901a2b3c4d5e");
  g_assert_cmpint (pnl_interview_get_revision (second), ==, 2);
  g_assert_cmpint (pnl_interview_get_candidate_id (second), ==, 2);
  g_assert_cmpstr (pnl_interview_get_candidate_name (second), ==, "Kwame Mensah");
  g_assert_cmpstr (pnl_interview_get_round (second), ==, "Culture");
  g_assert_cmpstr (pnl_interview_get_interviewer (second), ==, "Tomás Ortega");
  g_assert_cmpint (pnl_interview_get_state (second), ==, PNL_INTERVIEW_STATE_IN_PROGRESS);
  g_assert_cmpint (pnl_interview_get_recommendation (second), ==, PNL_RECOMMENDATION_NONE);
  g_assert_cmpstr (pnl_interview_get_summary (second), ==, "");
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_started_at (second)), ==, 1767348000);
  g_assert_null (pnl_interview_get_ended_at (second));
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_updated_at (second)), ==, 1767348600);

  answers = list_answers (f, first);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 3);
  assert_v1_answer (get_answer (answers, 0), 1, 0, "sql-joins", "Databases",
                    PNL_QUESTION_KIND_TECHNICAL, "How do an inner join and a left join differ?",
                    TRUE, 4, "Used the \"orders without customers\" example; drew it.",
                    PNL_ANSWER_FLAGS_HIGHLIGHT, 420);
  assert_v1_answer (get_answer (answers, 1), 2, 1, "cache-invalidation", "Caching",
                    PNL_QUESTION_KIND_TECHNICAL,
                    "A cached value is stale after an update. What do you do?",
                    TRUE, 2, "Only TTL. Ask again in round 2?",
                    PNL_ANSWER_FLAGS_FOLLOW_UP | PNL_ANSWER_FLAGS_RED_FLAG, 300);
  assert_v1_answer (get_answer (answers, 2), 3, 2, "conflict", "Collaboration",
                    PNL_QUESTION_KIND_BEHAVIOURAL, "Tell me about a disagreement with a colleague.",
                    FALSE, 0, "", PNL_ANSWER_FLAGS_NONE, 0);

  question = pnl_answer_get_question (get_answer (answers, 0));
  g_assert_cmpint (pnl_question_get_level (question), ==, PNL_QUESTION_LEVEL_EXPERIENCED);
  g_assert_cmpstr (pnl_question_get_area_id (question), ==, "databases");
  g_assert_cmpstr (pnl_question_get_assesses (question), ==, "Relational thinking");
  g_assert_cmpstr (pnl_question_get_look_fors (question)[0], ==, "Mentions rows without a match");
  g_assert_cmpstr (pnl_question_get_red_flags (question)[0], ==, "Confuses joins with unions");
  g_assert_cmpstr (pnl_question_get_follow_ups (question)[0], ==, "When would you pick each?");
  g_assert_cmpuint (pnl_question_get_minutes (question), ==, 5);
  g_assert_cmpstr (pnl_question_get_anchor (question, 4), ==, "Explains with a worked example");
  question = pnl_answer_get_question (get_answer (answers, 1));
  g_assert_cmpint (pnl_question_get_level (question), ==, PNL_QUESTION_LEVEL_SENIOR);

  g_clear_object (&answers);
  answers = list_answers (f, second);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 1);
  assert_v1_answer (get_answer (answers, 0), 4, 0, "team-values", "Collaboration",
                    PNL_QUESTION_KIND_CULTURE, "What makes a team good to work in?",
                    TRUE, 0, "Asked about on-call — 日本語 too.", PNL_ANSWER_FLAGS_FOLLOW_UP, 90);

  /* And what schema 2 adds works on the old rows. */
  custom = pnl_store_add_custom_question (f->store, second, "collaboration", "Collaboration",
                                          "What would you change here?", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pnl_answer_get_position (custom), ==, 1);
  g_assert_cmpint (revision_of (f, second), ==, 3);
}

static void
test_newer_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents_before = NULL;
  g_autofree char *contents_after = NULL;
  g_autofree char *sql = NULL;
  struct utimbuf times = { 1000000000, 1000000000 };
  gsize len_before, len_after;
  struct stat st;

  load_v1_fixture (f);
  {
    g_autoptr(PnlDb) raw = open_raw (f);

    sql = g_strdup_printf ("PRAGMA user_version = %u", PNL_STORE_SCHEMA_VERSION + 1);
    raw_exec (raw, sql);
  }
  g_assert_no_errno (g_utime (f->path, &times));
  g_assert_true (g_file_get_contents (f->path, &contents_before, &len_before, NULL));

  store = pnl_store_new (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, PNL_DB_ERROR, PNL_DB_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "newer version of Panelist"));
  g_test_message ("%s", error->message);

  g_assert_true (g_file_get_contents (f->path, &contents_after, &len_after, NULL));
  g_assert_cmpmem (contents_before, len_before, contents_after, len_after);
  g_assert_no_errno (stat (f->path, &st));
  g_assert_cmpint (st.st_mtim.tv_sec, ==, 1000000000);
  g_assert_cmpint (st.st_mtim.tv_nsec, ==, 0);
}

static void
test_create_rolls_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) interviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;

  open_store (f);

  /* The third answer cannot be written: the first two, the interview
   * and the candidate are already in the transaction. */
  raw = open_raw (f);
  raw_exec (raw,
            "CREATE TRIGGER refuse_third BEFORE INSERT ON answers"
            " WHEN NEW.question_id = 'conflict'"
            " BEGIN SELECT RAISE (ABORT, 'the disk said no'); END;");

  interview = pnl_store_create_interview (f->store, "Zoë Ångström", "ATS-7", "Backend developer",
                                          "Technical 1", "Priya Raman", f->bank, &error);
  g_assert_null (interview);
  g_assert_error (error, PNL_DB_ERROR, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "the disk said no"));
  g_clear_error (&error);

  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM candidates"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM interviews"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers"), ==, 0);
  interviews = pnl_store_list_interviews (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (interviews), ==, 0);

  /* Nothing is stuck: once the trouble is gone it works. */
  raw_exec (raw, "DROP TRIGGER refuse_third");
  interview = create_interview (f, "Zoë Ångström", "ATS-7");
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers"), ==, 3);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM candidates"), ==, 1);
}

static void
test_save_failure_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;
  PnlAnswer *answer;

  open_store (f);
  interview = create_interview (f, "Zoë Ångström", "ATS-7");
  answers = list_answers (f, interview);
  answer = get_answer (answers, 0);

  raw = open_raw (f);
  raw_exec (raw,
            "CREATE TRIGGER refuse_saves BEFORE UPDATE ON answers"
            " BEGIN SELECT RAISE (ABORT, 'no room'); END;");

  pnl_answer_set_notes (answer, "first thoughts");
  pnl_store_save_answer (f->store, answer);
  g_assert_false (pnl_store_flush (f->store, &error));
  g_assert_error (error, PNL_DB_ERROR, SQLITE_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 1);

  iterate_until (&f->n_failed);
  g_assert_error (f->failed_error, PNL_DB_ERROR, SQLITE_CONSTRAINT);

  /* Typing goes on while saves fail: the latest state is what waits. */
  pnl_answer_set_notes (answer, "first thoughts, then more");
  pnl_store_save_answer (f->store, answer);
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), <=, 2);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers WHERE notes != ''"), ==, 0);

  raw_exec (raw, "DROP TRIGGER refuse_saves");
  flush (f);
  {
    g_autoptr(GListModel) fresh = list_answers (f, interview);

    g_assert_cmpstr (pnl_answer_get_notes (get_answer (fresh, 0)), ==, "first thoughts, then more");
  }

  iterate_until (&f->n_recovered);
  g_assert_cmpuint (f->n_failed, ==, 1);
}

/* A revision stays an integer no larger than 2^53 - 1: a change that
 * would take it further is refused and stores nothing.  SQLite turned
 * 2^63 - 1 + 1 into a REAL, 9.22e18. */
static void
test_revision_bound (Fixture       *f,
                     gconstpointer  data)
{
  static const char *limits[] = { "9007199254740991", "9223372036854775807" };
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PnlAnswer) custom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;
  PnlAnswer *answer;

  open_store (f);
  interview = create_interview (f, "Zoë Ångström", "ATS-7");
  answers = list_answers (f, interview);
  answer = get_answer (answers, 0);
  raw = open_raw (f);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autofree char *set = g_strdup_printf ("UPDATE interviews SET revision = %s", limits[i]);
      g_autofree char *same = g_strdup_printf ("SELECT typeof (revision) = 'integer' AND revision = %s"
                                               "  FROM interviews", limits[i]);

      raw_exec (raw, set);

      pnl_answer_set_notes (answer, "typed at the limit");
      pnl_store_save_answer (f->store, answer);
      g_assert_false (pnl_store_flush (f->store, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, pnl_interview_get_uuid (interview)));
      g_assert_nonnull (strstr (error->message, "the largest revision, 9007199254740991"));
      g_clear_error (&error);

      pnl_interview_set_summary (interview, "summed up at the limit");
      pnl_store_save_interview (f->store, interview);
      g_assert_false (pnl_store_flush (f->store, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);

      custom = pnl_store_add_custom_question (f->store, interview, "alpha", "Alpha",
                                              "One more?", &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_null (custom);
      g_clear_error (&error);

      g_assert_cmpint (raw_int (raw, same), ==, 1);
      g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers WHERE notes != ''"), ==, 0);
      g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM interviews WHERE summary != ''"), ==, 0);
      g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM custom_questions"), ==, 0);
    }

  /* A scorecard with such a revision, made here rather than read from
   * a file (the reader refuses it), does not go into another store. */
  {
    g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
    g_autoptr(PnlStore) other = pnl_store_new (other_path, &error);
    g_autoptr(PnlScorecard) card = NULL;
    g_autoptr(GPtrArray) cards = g_ptr_array_new ();
    g_autoptr(GArray) outcomes = NULL;
    g_autoptr(GPtrArray) listed = NULL;

    g_assert_no_error (error);
    card = pnl_store_load_scorecard (f->store, pnl_interview_get_uuid (interview), &error);
    g_assert_no_error (error);
    g_assert_cmpint (pnl_interview_get_revision (pnl_scorecard_get_interview (card)), ==, G_MAXINT64);
    g_ptr_array_add (cards, card);

    outcomes = pnl_store_import_scorecards (other, cards, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_null (outcomes);
    g_assert_nonnull (strstr (error->message, "the revision 9223372036854775807"));
    g_clear_error (&error);

    listed = pnl_store_list_scorecards (other, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 0);
    g_assert_true (pnl_store_close (other, &error));
    g_assert_no_error (error);
  }

  /* Below the limit the waiting changes go through. */
  raw_exec (raw, "UPDATE interviews SET revision = 9007199254740989");
  flush (f);
  g_assert_cmpint (raw_int (raw, "SELECT COUNT (*) FROM answers WHERE notes != ''"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT revision FROM interviews"), ==, G_GINT64_CONSTANT (9007199254740991));
  close_store (f);
}

static void
test_snapshot_kept (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PnlInterview) old = NULL;
  g_autoptr(PnlInterview) recent = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autofree char *uuid = NULL;

  open_store (f);
  old = create_interview (f, "Zoë Ångström", "ATS-7");
  uuid = g_strdup (pnl_interview_get_uuid (old));

  /* The bank is edited: a new revision rewords the first question. */
  g_clear_object (&f->bank);
  f->bank = make_bank (2, "Explain joins to a new colleague.");
  recent = create_interview (f, "Kwame Mensah", NULL);
  g_assert_cmpuint (pnl_interview_get_bank_revision (recent), ==, 2);

  answers = list_answers (f, recent);
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (get_answer (answers, 0))), ==,
                   "Explain joins to a new colleague.");
  g_clear_object (&answers);

  close_store (f);
  g_clear_object (&old);
  open_store (f);

  /* History is not rewritten. */
  old = find_interview (f, uuid);
  g_assert_cmpuint (pnl_interview_get_bank_revision (old), ==, 1);
  answers = list_answers (f, old);
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (get_answer (answers, 0))), ==,
                   FIRST_PROMPT);
}

/* The interviews in @list are @expected, in that order. */
static void
assert_uuids (GListModel  *list,
              const char **expected,
              guint        n_expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(PnlInterview) item = g_list_model_get_item (list, i);
      g_assert_cmpstr (pnl_interview_get_uuid (item), ==, expected[i]);
    }
}

/* By when each interview was held, never by when it last changed: a
 * change or an import (which sets updated_at) does not move one. */
static void
test_list_interviews_order (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PnlInterview) a = NULL;
  g_autoptr(PnlInterview) b = NULL;
  g_autoptr(PnlInterview) c = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;
  g_autoptr(PnlDbStatement) plan = NULL;
  g_autofree char *sql = NULL;
  const char *expected[3];
  gboolean seen_scan = FALSE;
  guint n_total = 0;

  open_store (f);
  a = create_interview (f, "Ana", NULL);
  b = create_interview (f, "Ben", NULL);
  c = create_interview (f, "Cleo", NULL);

  /* Held: Ana first, then Cleo, Ben last; changed: Ana last. */
  raw = open_raw (f);
  sql = g_strdup_printf ("UPDATE interviews SET"
                         " started_at = CASE id"
                         "  WHEN %" G_GINT64_FORMAT " THEN 1000"
                         "  WHEN %" G_GINT64_FORMAT " THEN 3000"
                         "  WHEN %" G_GINT64_FORMAT " THEN 2000 END,"
                         " updated_at = CASE id"
                         "  WHEN %" G_GINT64_FORMAT " THEN 9000"
                         "  WHEN %" G_GINT64_FORMAT " THEN 4000"
                         "  WHEN %" G_GINT64_FORMAT " THEN 5000 END",
                         pnl_interview_get_id (a), pnl_interview_get_id (b), pnl_interview_get_id (c),
                         pnl_interview_get_id (a), pnl_interview_get_id (b), pnl_interview_get_id (c));
  raw_exec (raw, sql);

  expected[0] = pnl_interview_get_uuid (b);
  expected[1] = pnl_interview_get_uuid (c);
  expected[2] = pnl_interview_get_uuid (a);

  list = pnl_store_list_interviews (f->store, &error);
  g_assert_no_error (error);
  assert_uuids (list, expected, 3);
  g_clear_object (&list);

  list = pnl_store_list_recent_interviews (f->store, 2, &n_total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_total, ==, 3);
  assert_uuids (list, expected, 2);
  g_clear_object (&list);

  /* A change does not move an interview. */
  pnl_interview_set_summary (a, "changed");
  pnl_store_save_interview (f->store, a);
  flush (f);

  list = pnl_store_list_interviews (f->store, &error);
  g_assert_no_error (error);
  assert_uuids (list, expected, 3);

  /* The start page reads through the index, sorting nothing. */
  plan = pnl_db_prepare (raw,
                         "EXPLAIN QUERY PLAN SELECT i.uuid, c.name"
                         " FROM interviews i JOIN candidates c ON c.id = i.candidate_id"
                         " ORDER BY i.started_at DESC, i.id DESC LIMIT 20",
                         &error);
  g_assert_no_error (error);
  while (pnl_db_statement_step (plan, &error) == PNL_DB_STEP_ROW)
    {
      const char *detail = pnl_db_statement_column_text (plan, 3);

      g_assert_null (strstr (detail, "TEMP B-TREE"));
      if (g_str_has_prefix (detail, "SCAN"))
        {
          g_assert_nonnull (strstr (detail, "interviews_started_at"));
          seen_scan = TRUE;
        }
    }
  g_assert_no_error (error);
  g_assert_true (seen_scan);
}

static PnlInterview *
create_interview_for (Fixture    *f,
                      const char *name,
                      const char *reference,
                      const char *role,
                      gint64      updated_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;
  g_autofree char *sql = NULL;
  PnlInterview *interview;

  interview = pnl_store_create_interview (f->store, name, reference, role,
                                          "Technical 1", "Priya Raman", f->bank, &error);
  g_assert_no_error (error);

  raw = open_raw (f);
  sql = g_strdup_printf ("UPDATE interviews SET updated_at = %" G_GINT64_FORMAT
                         " WHERE id = %" G_GINT64_FORMAT, updated_at, pnl_interview_get_id (interview));
  raw_exec (raw, sql);

  return interview;
}

/* The UUIDs of @list in order, joined by spaces, for comparing. */
static char *
uuids_of (GListModel *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PnlInterview) interview = g_list_model_get_item (list, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, pnl_interview_get_uuid (interview));
    }

  return g_string_free (out, FALSE);
}

static char *
uuids_of_interviews (PnlInterview *first,
                     ...)
{
  GString *out = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (PnlInterview *interview = first; interview != NULL; interview = va_arg (args, PnlInterview *))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, pnl_interview_get_uuid (interview));
    }
  va_end (args);

  return g_string_free (out, FALSE);
}

/* The queries the compare view and exports use instead of reading every
 * interview: each gives what filtering the whole list would. */
static void
test_list_by_role_and_candidate (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(PnlInterview) ana_be = NULL;
  g_autoptr(PnlInterview) ana_be_again = NULL;
  g_autoptr(PnlInterview) ana_fe = NULL;
  g_autoptr(PnlInterview) other_ana = NULL;
  g_autoptr(PnlInterview) ben = NULL;
  g_autoptr(PnlInterview) nameless_ref = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) roles = NULL;

  open_store (f);

  /* Nothing yet: no roles, no interviews. */
  roles = pnl_store_list_roles (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (roles), ==, 0);
  g_clear_pointer (&roles, g_strfreev);

  ana_be = create_interview_for (f, "Ana", "R-1", "Backend", 1000);
  ana_fe = create_interview_for (f, "Ana", "R-1", "Frontend", 4000);
  other_ana = create_interview_for (f, "Ana", "R-2", "Backend", 3000);
  ben = create_interview_for (f, "Ben", "", "Data", 2000);
  ana_be_again = create_interview_for (f, "Ana", "R-1", "Backend", 5000);
  nameless_ref = create_interview_for (f, "R-2", "", "Data", 500);

  /* Roles by their most recent interview: Backend (5000), Frontend
   * (4000), Data (2000). */
  roles = pnl_store_list_roles (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (roles), ==, 3);
  g_assert_cmpstr (roles[0], ==, "Backend");
  g_assert_cmpstr (roles[1], ==, "Frontend");
  g_assert_cmpstr (roles[2], ==, "Data");

  {
    g_autoptr(GListModel) list = pnl_store_list_role_interviews (f->store, "Backend", &error);
    g_autofree char *got = NULL;
    g_autofree char *want = uuids_of_interviews (ana_be_again, other_ana, ana_be, NULL);

    g_assert_no_error (error);
    got = uuids_of (list);
    g_assert_cmpstr (got, ==, want);
  }

  {
    g_autoptr(GListModel) list = pnl_store_list_role_interviews (f->store, "Nobody's", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }

  /* Name and reference both, with or without the role. */
  {
    g_autoptr(GListModel) list = pnl_store_list_candidate_interviews (f->store, "Ana", "R-1", "Backend", &error);
    g_autofree char *got = NULL;
    g_autofree char *want = uuids_of_interviews (ana_be_again, ana_be, NULL);

    g_assert_no_error (error);
    got = uuids_of (list);
    g_assert_cmpstr (got, ==, want);
  }
  {
    g_autoptr(GListModel) list = pnl_store_list_candidate_interviews (f->store, "Ana", "R-1", NULL, &error);
    g_autofree char *got = NULL;
    g_autofree char *want = uuids_of_interviews (ana_be_again, ana_fe, ana_be, NULL);

    g_assert_no_error (error);
    got = uuids_of (list);
    g_assert_cmpstr (got, ==, want);
  }
  {
    g_autoptr(GListModel) list = pnl_store_list_candidate_interviews (f->store, "Ben", "", NULL, &error);
    g_autofree char *got = NULL;
    g_autofree char *want = uuids_of_interviews (ben, NULL);

    g_assert_no_error (error);
    got = uuids_of (list);
    g_assert_cmpstr (got, ==, want);
  }

  /* By name or by reference: "R-2" is one candidate's reference and
   * another's name; an empty reference matches no one. */
  {
    g_autoptr(GListModel) list = pnl_store_find_candidate_interviews (f->store, "R-2", &error);
    g_autofree char *got = NULL;
    g_autofree char *want = uuids_of_interviews (other_ana, nameless_ref, NULL);

    g_assert_no_error (error);
    got = uuids_of (list);
    g_assert_cmpstr (got, ==, want);
  }
  {
    g_autoptr(GListModel) list = pnl_store_find_candidate_interviews (f->store, "", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }
}

/* Whether @needle is anywhere in the bytes of @path (absent: FALSE). */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* The files hold NUL bytes: no string search will do. */
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
files_contain (Fixture    *f,
               const char *needle)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  return file_contains (f->path, needle) || file_contains (wal, needle) || file_contains (shm, needle);
}

static void
test_forget_candidate (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlInterview) other = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(PnlScorecard) card = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = NULL;
  g_autofree char *uuid = NULL;
  gint64 candidate_id;

  open_store (f);
  interview = create_interview (f, "Quillon Vantablack", "ATS-QV-9931");
  other = create_interview (f, "Ada Keeper", "");
  uuid = g_strdup (pnl_interview_get_uuid (interview));
  candidate_id = pnl_interview_get_candidate_id (interview);

  /* Their notes, changed several times: every old version of a page
   * lands in the log and the file along the way. */
  answers = list_answers (f, interview);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *notes = g_strdup_printf ("Zanzibarite remark %u about the heap", i);
      PnlAnswer *answer = get_answer (answers, i % 3);

      pnl_answer_set_asked (answer, TRUE);
      pnl_answer_set_notes (answer, notes);
      pnl_store_save_answer (f->store, answer);
      flush (f);
    }
  pnl_interview_set_summary (interview, "Kept saying Xylophonic things");
  pnl_store_save_interview (f->store, interview);
  flush (f);

  /* Its scorecard, as a panel folder would hold it. */
  card = pnl_store_load_scorecard (f->store, uuid, &error);
  g_assert_no_error (error);

  /* The test must be able to see the text before it is gone. */
  g_assert_true (files_contain (f, "Zanzibarite") || files_contain (f, "Quillon"));

  g_assert_true (pnl_store_forget_candidate (f->store, candidate_id, &uuids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uuids), ==, 1);
  g_assert_cmpstr (uuids[0], ==, uuid);

  /* Gone from the store; the other candidate stays. */
  g_assert_null (pnl_store_find_interview (f->store, uuid, NULL));
  candidates = pnl_store_list_candidates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
  {
    g_autoptr(PnlInterview) kept = find_interview (f, pnl_interview_get_uuid (other));

    g_assert_cmpstr (pnl_interview_get_candidate_name (kept), ==, "Ada Keeper");
  }

  /* Importing the scorecard again does nothing. */
  cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (cards, g_object_ref (card));
  outcomes = pnl_store_import_scorecards (f->store, cards, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (outcomes, PnlImportOutcome, 0), ==, PNL_IMPORT_OUTCOME_UNCHANGED);
  g_assert_null (pnl_store_find_interview (f->store, uuid, NULL));

  close_store (f);

  /* Not a byte of them left in the files, and the file is sound. */
  g_assert_false (files_contain (f, "Zanzibarite"));
  g_assert_false (files_contain (f, "Quillon"));
  g_assert_false (files_contain (f, "ATS-QV-9931"));
  g_assert_false (files_contain (f, "Xylophonic"));
  g_assert_true (files_contain (f, "Ada Keeper"));
  {
    g_autoptr(PnlDb) raw = open_raw (f);
    g_autoptr(PnlDbStatement) stmt = pnl_db_prepare (raw, "PRAGMA integrity_check", &error);

    g_assert_no_error (error);
    g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
    g_assert_cmpstr (pnl_db_statement_column_text (stmt, 0), ==, "ok");
    g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM answers"), ==,
                     raw_int (raw, "SELECT count(*) FROM answers a JOIN interviews i ON i.id = a.interview_id"));
    g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM forgotten"), ==, 1);
  }
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
}

static void
test_stale_candidates (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PnlInterview) old = NULL;
  g_autoptr(PnlInterview) recent = NULL;
  g_autoptr(GListModel) stale = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  open_store (f);
  old = create_interview (f, "Olga Old", "");
  recent = create_interview (f, "Rita Recent", "");
  flush (f);

  /* Olga's interview last changed 200 days ago. */
  {
    g_autoptr(PnlDb) raw = open_raw (f);
    g_autofree char *sql = g_strdup_printf ("UPDATE interviews SET updated_at = %" G_GINT64_FORMAT
                                            " WHERE uuid = '%s'",
                                            now - 200 * 24 * 3600, pnl_interview_get_uuid (old));
    raw_exec (raw, sql);
  }

  stale = pnl_store_list_stale_candidates (f->store, now - 180 * 24 * 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stale), ==, 1);
  {
    g_autoptr(PnlCandidate) candidate = g_list_model_get_item (stale, 0);

    g_assert_cmpstr (pnl_candidate_get_name (candidate), ==, "Olga Old");
  }
  g_clear_object (&stale);

  stale = pnl_store_list_stale_candidates (f->store, now - 300 * 24 * 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stale), ==, 0);
  g_clear_object (&stale);

  stale = pnl_store_list_stale_candidates (f->store, now + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stale), ==, 2);
}

/* An interview with these scores (0: unscored) for its three answers. */
static void
scored_interview (Fixture          *f,
                  const char       *candidate,
                  const char       *interviewer,
                  PnlInterviewState state,
                  PnlRecommendation rec,
                  int               s0,
                  int               s1,
                  int               s2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  const int scores[] = { s0, s1, s2 };

  interview = pnl_store_create_interview (f->store, candidate, "", "Backend developer",
                                          "Technical 1", interviewer, f->bank, &error);
  g_assert_no_error (error);
  answers = list_answers (f, interview);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      PnlAnswer *answer = get_answer (answers, i);

      pnl_answer_set_asked (answer, TRUE);
      pnl_answer_set_score (answer, scores[i]);
      pnl_store_save_answer (f->store, answer);
    }
  pnl_interview_set_state (interview, state);
  pnl_interview_set_recommendation (interview, rec);
  pnl_store_save_interview (f->store, interview);
}

/* The comparison summed up in SQL gives what the answers give. */
static void
test_role_tallies (Fixture       *f,
                   gconstpointer  data)
{
  const PnlInterviewState done = PNL_INTERVIEW_STATE_SUBMITTED;
  g_autoptr(PnlComparison) fast = NULL;
  g_autoptr(PnlComparison) slow = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  int min, max;

  open_store (f);
  scored_interview (f, "Ada", "Grace", done, PNL_RECOMMENDATION_YES, 1, 4, 3);
  scored_interview (f, "Ada", "Linus", done, PNL_RECOMMENDATION_STRONG_YES, 4, 0, 2);
  scored_interview (f, "Ada", "Grace", done, PNL_RECOMMENDATION_NO, 2, 2, 0);
  scored_interview (f, "Bob", "Linus", done, PNL_RECOMMENDATION_NONE, 0, 0, 0);
  scored_interview (f, "Bob", "Grace", PNL_INTERVIEW_STATE_IN_PROGRESS, PNL_RECOMMENDATION_NO, 4, 4, 4);
  scored_interview (f, "Cy", "Grace", done, PNL_RECOMMENDATION_STRONG_NO, 1, 1, 1);
  scored_interview (f, "Cy", "Linus", done, PNL_RECOMMENDATION_YES, 4, 4, 4);
  flush (f);

  fast = pnl_comparison_new_for_role (f->store, "Backend developer", &error);
  g_assert_no_error (error);
  items = pnl_export_collect (f->store, PNL_EXPORT_SCOPE_ROLE, "Backend developer", &error);
  g_assert_no_error (error);
  pnl_export_sort_items (items);
  slow = pnl_comparison_new_for_items ("Backend developer", items);

  for (guint local = 0; local < 2; local++)
    {
      /* Nobody, then Grace, who is still interviewing Bob. */
      pnl_comparison_set_local_interviewer (fast, local ? "Grace" : NULL);
      pnl_comparison_set_local_interviewer (slow, local ? "Grace" : NULL);

      g_assert_cmpuint (pnl_comparison_get_n_candidates (fast), ==, pnl_comparison_get_n_candidates (slow));
      g_assert_cmpuint (pnl_comparison_get_n_areas (fast), ==, pnl_comparison_get_n_areas (slow));
      for (guint a = 0; a < pnl_comparison_get_n_areas (fast); a++)
        {
          g_assert_cmpstr (pnl_comparison_get_area_id (fast, a), ==, pnl_comparison_get_area_id (slow, a));
          g_assert_cmpstr (pnl_comparison_get_area_title (fast, a), ==, pnl_comparison_get_area_title (slow, a));
        }

      for (guint c = 0; c < pnl_comparison_get_n_candidates (fast); c++)
        {
#define SAME_DOUBLE(a, b) G_STMT_START { double a_ = (a), b_ = (b); \
            if (isnan (a_) || isnan (b_)) g_assert_true (isnan (a_) && isnan (b_)); \
            else g_assert_cmpfloat_with_epsilon (a_, b_, 1e-9); } G_STMT_END

          g_assert_cmpstr (pnl_comparison_get_candidate_name (fast, c), ==, pnl_comparison_get_candidate_name (slow, c));
          g_assert_cmpuint (pnl_comparison_get_n_interviews (fast, c), ==, pnl_comparison_get_n_interviews (slow, c));
          g_assert_cmpuint (pnl_comparison_get_n_interviewers (fast, c), ==, pnl_comparison_get_n_interviewers (slow, c));
          g_assert_cmpint (pnl_comparison_is_hidden (fast, c), ==, pnl_comparison_is_hidden (slow, c));
          g_assert_cmpuint (pnl_comparison_get_n_disagreements (fast, c), ==, pnl_comparison_get_n_disagreements (slow, c));
          SAME_DOUBLE (pnl_comparison_get_mean (fast, c), pnl_comparison_get_mean (slow, c));
          for (guint r = PNL_RECOMMENDATION_NONE; r <= PNL_RECOMMENDATION_STRONG_YES; r++)
            g_assert_cmpuint (pnl_comparison_get_n_recommendations (fast, c, r), ==,
                              pnl_comparison_get_n_recommendations (slow, c, r));
          for (guint a = 0; a < pnl_comparison_get_n_areas (fast); a++)
            {
              SAME_DOUBLE (pnl_comparison_get_area_score (fast, c, a), pnl_comparison_get_area_score (slow, c, a));
              SAME_DOUBLE (pnl_comparison_get_area_spread (fast, c, a), pnl_comparison_get_area_spread (slow, c, a));
              g_assert_cmpuint (pnl_comparison_get_area_n_interviewers (fast, c, a), ==,
                                pnl_comparison_get_area_n_interviewers (slow, c, a));
            }
        }

      g_assert_cmpuint (pnl_comparison_get_n_calibrations (fast), ==, pnl_comparison_get_n_calibrations (slow));
      for (guint i = 0; i < pnl_comparison_get_n_calibrations (fast); i++)
        {
          g_assert_cmpstr (pnl_comparison_get_calibration_interviewer (fast, i), ==,
                           pnl_comparison_get_calibration_interviewer (slow, i));
          SAME_DOUBLE (pnl_comparison_get_calibration_difference (fast, i),
                       pnl_comparison_get_calibration_difference (slow, i));
        }
#undef SAME_DOUBLE
    }

  /* Hand-checked: Ada's mean is Grace's (1+4+3+2+2)/5 = 2.4 and Linus's
   * (4+2)/2 = 3.0, so 2.7; Cy's databases 1 and 4 are 3 apart. */
  g_assert_cmpfloat_with_epsilon (pnl_comparison_get_mean (fast, 0), 2.7, 1e-9);
  g_assert_true (pnl_comparison_has_disagreements (fast, pnl_comparison_find_candidate (fast, "Cy", "")));
  g_assert_true (pnl_comparison_is_hidden (fast, pnl_comparison_find_candidate (fast, "Bob", "")));
  pnl_comparison_get_scale_range (fast, &min, &max);
  g_assert_cmpint (min, ==, 1);
  g_assert_cmpint (max, ==, 4);
}

static void
test_closed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  open_store (f);
  g_assert_true (pnl_store_close (f->store, &error));
  g_assert_no_error (error);
  /* Twice is fine. */
  g_assert_true (pnl_store_close (f->store, &error));

  list = pnl_store_list_interviews (f->store, &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

/* Damaged files --------------------------------------------------------- */

typedef enum
{
  DAMAGE_TRUNCATED,
  DAMAGE_TRUNCATED_HEADER,
  DAMAGE_RANDOM_BYTES,
  DAMAGE_GARBAGE_PAGES,
  DAMAGE_GARBAGE_PAGES_HOT_WAL,
} Damage;

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
}

static void
overwrite_with_noise (const char *path,
                      goffset     from,
                      goffset     length,
                      guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_no_errno (fseek (file, from, SEEK_SET));
  for (goffset i = 0; i < length; i++)
    fputc (g_rand_int_range (rand, 0, 256), file);
  g_assert_no_errno (fclose (file));
}

/* A file several pages long, with interviews in it. */
static void
make_damaged_file (Fixture *f,
                   Damage   damage)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  open_store (f);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Candidate %u", i);
      g_autoptr(PnlInterview) interview = create_interview (f, name, "");
      g_autoptr(GListModel) answers = list_answers (f, interview);
      g_autofree char *notes = g_strnfill (1500, 'n');

      pnl_answer_set_notes (get_answer (answers, 0), notes);
      pnl_store_save_answer (f->store, get_answer (answers, 0));
    }
  close_store (f);

  g_assert_true (g_file_get_contents (f->path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >=, 8 * 4096);

  switch (damage)
    {
    case DAMAGE_TRUNCATED:
      g_assert_no_errno (truncate (f->path, len / 2 + 123));
      break;

    case DAMAGE_TRUNCATED_HEADER:
      g_assert_no_errno (truncate (f->path, 60));
      break;

    case DAMAGE_RANDOM_BYTES:
      overwrite_with_noise (f->path, 0, len, 11);
      break;

    case DAMAGE_GARBAGE_PAGES_HOT_WAL:
      {
        sqlite3 *raw = NULL;

        /* More in the log, as a crash leaves it: not copied back. */
        g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
        sqlite3_db_config (raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
        g_assert_cmpint (sqlite3_exec (raw, "UPDATE answers SET notes = 'in the log'",
                                       NULL, NULL, NULL), ==, SQLITE_OK);
        sqlite3_close (raw);
      }
      G_GNUC_FALLTHROUGH;

    case DAMAGE_GARBAGE_PAGES:
      /* The header and the schema (page 1) stay good. */
      overwrite_with_noise (f->path, 4096, len - 4096, 12);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A file that is not a database, or is damaged: refused untouched by
 * pnl_store_new(); kept aside, byte for byte, by
 * pnl_store_new_or_set_aside(), which starts a new one that works. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  Damage damage = GPOINTER_TO_UINT (data);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *sum_before = NULL;
  g_autofree char *wal_sum_before = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_wal = NULL;
  g_autofree char *kept_sum = NULL;
  g_autofree char *kept_wal_sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) refused = NULL;
  struct utimbuf times = { 1000000000, 1000000000 };
  struct stat st;

  make_damaged_file (f, damage);
  g_assert_no_errno (g_utime (f->path, &times));
  sum_before = checksum_of (f->path);
  wal_sum_before = checksum_of (wal);
  g_assert_true ((wal_sum_before != NULL) == (damage == DAMAGE_GARBAGE_PAGES_HOT_WAL));

  /* Refused, with a message naming it, and not touched. */
  refused = pnl_store_new (f->path, &error);
  g_assert_null (refused);
  g_assert_true (pnl_db_error_is_damage (error));
  g_assert_nonnull (strstr (error->message, f->path));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  sum_after = checksum_of (f->path);
  g_assert_cmpstr (sum_after, ==, sum_before);
  g_assert_no_errno (stat (f->path, &st));
  g_assert_cmpint (st.st_mtim.tv_sec, ==, 1000000000);
  g_clear_pointer (&sum_after, g_free);
  sum_after = checksum_of (wal);
  g_assert_cmpstr (sum_after, ==, wal_sum_before);

  /* Kept aside, byte for byte, with its log and its mode. */
  f->store = pnl_store_new_or_set_aside (f->path, &kept, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_nonnull (kept);
  g_test_message ("kept as %s", kept);
  g_assert_true (g_str_has_prefix (kept, f->path));
  g_assert_nonnull (strstr (kept, ".damaged-"));
  kept_sum = checksum_of (kept);
  g_assert_cmpstr (kept_sum, ==, sum_before);
  g_assert_cmpuint (file_mode (kept), ==, 0600);
  g_assert_no_errno (stat (kept, &st));
  g_assert_cmpint (st.st_mtim.tv_sec, ==, 1000000000);
  kept_wal = g_strconcat (kept, "-wal", NULL);
  kept_wal_sum = checksum_of (kept_wal);
  g_assert_cmpstr (kept_wal_sum, ==, wal_sum_before);

  /* A new database in its place, that works. */
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  g_signal_connect (f->store, "save-failed", G_CALLBACK (save_failed_cb), f);
  {
    g_autoptr(GListModel) list = pnl_store_list_interviews (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }
  interview = create_interview (f, "Zoë Ångström", "ATS-7");
  {
    g_autoptr(GListModel) answers = list_answers (f, interview);

    pnl_answer_set_notes (get_answer (answers, 0), "after the damage");
    pnl_store_save_answer (f->store, get_answer (answers, 0));
  }
  close_store (f);
  g_assert_cmpuint (f->n_failed, ==, 0);

  open_store (f);
  {
    g_autoptr(PnlInterview) again = find_interview (f, pnl_interview_get_uuid (interview));
    g_autoptr(GListModel) answers = list_answers (f, again);

    g_assert_cmpstr (pnl_answer_get_notes (get_answer (answers, 0)), ==, "after the damage");
  }

  /* The damaged file is still there, as it was. */
  g_clear_pointer (&kept_sum, g_free);
  kept_sum = checksum_of (kept);
  g_assert_cmpstr (kept_sum, ==, sum_before);
}

/* A newer database is not damaged: it is refused, not set aside. */
static void
test_newer_not_set_aside (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  load_v1_fixture (f);
  {
    g_autoptr(PnlDb) raw = open_raw (f);

    sql = g_strdup_printf ("PRAGMA user_version = %u", PNL_STORE_SCHEMA_VERSION + 1);
    raw_exec (raw, sql);
  }
  sum_before = checksum_of (f->path);

  g_assert_null (pnl_store_new_or_set_aside (f->path, &kept, &error));
  g_assert_error (error, PNL_DB_ERROR, PNL_DB_ERROR_NEWER);
  g_assert_false (pnl_db_error_is_damage (error));
  g_assert_null (kept);

  sum_after = checksum_of (f->path);
  g_assert_cmpstr (sum_after, ==, sum_before);

  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir))
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/store/default-path", test_default_path);
  ADD ("/core/store/file-modes", test_file_modes);
  ADD ("/core/store/create-and-read", test_create_and_read);
  ADD ("/core/store/save-and-reopen", test_save_and_reopen);
  ADD ("/core/store/revision-rises", test_revision_rises);
  ADD ("/core/store/score-none", test_score_none);
  ADD ("/core/store/flags", test_flags);
  ADD ("/core/store/custom-question", test_custom_question);
  ADD ("/core/store/custom-question-change", test_custom_question_change);
  ADD ("/core/store/migrate-v1", test_migrate_v1);
  ADD ("/core/store/newer-refused", test_newer_refused);
  ADD ("/core/store/create-rolls-back", test_create_rolls_back);
  ADD ("/core/store/save-failure-kept", test_save_failure_kept);
  ADD ("/core/store/revision-bound", test_revision_bound);
  ADD ("/core/store/snapshot-kept", test_snapshot_kept);
  ADD ("/core/store/list-interviews-order", test_list_interviews_order);
  ADD ("/core/store/list-by-role-and-candidate", test_list_by_role_and_candidate);
  ADD ("/core/store/closed", test_closed);
  ADD ("/core/store/forget-candidate", test_forget_candidate);
  ADD ("/core/store/stale-candidates", test_stale_candidates);
  ADD ("/core/store/role-tallies", test_role_tallies);
  ADD ("/core/store/newer-not-set-aside", test_newer_not_set_aside);

#define ADD_DAMAGE(path, damage) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (damage), fixture_set_up, test_damaged, fixture_tear_down)

  ADD_DAMAGE ("/core/store/damaged/truncated", DAMAGE_TRUNCATED);
  ADD_DAMAGE ("/core/store/damaged/truncated-header", DAMAGE_TRUNCATED_HEADER);
  ADD_DAMAGE ("/core/store/damaged/random-bytes", DAMAGE_RANDOM_BYTES);
  ADD_DAMAGE ("/core/store/damaged/garbage-pages", DAMAGE_GARBAGE_PAGES);
  ADD_DAMAGE ("/core/store/damaged/garbage-pages-hot-wal", DAMAGE_GARBAGE_PAGES_HOT_WAL);

#undef ADD_DAMAGE

#undef ADD

  return g_test_run ();
}
