/* crash-typist.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-session.h"
#include "pnl-store.h"

/* A helper of test-crash, not a test: it types and scores into an
 * interview through PnlSession, as the window does, until it is killed.
 *
 *   crash-typist DATABASE LOG SEED [continuous]
 *
 * It opens the store at DATABASE (making the interview on the first
 * run) and follows a script drawn from SEED.  With "continuous" it
 * types without a pause the autosave's debounce would see and stays on
 * its question: only the autosave's cap saves, the case where a crash
 * loses the most.  Before each change it
 * appends to LOG one line, written with a single write():
 *
 *   <monotonic µs> <kind> <key> <value>
 *
 * kind N (notes; key the question id; value the whole text), S (score,
 * 0 for none), F (flags), U (summary; key "-"), R (recommendation;
 * key "-").  "<µs> B - -" says the typing starts.  Writing the line
 * before making the change means every value the database can hold is
 * in the log, and a change is never made earlier than its line says.
 * The log goes to the page cache, which a killed process does not lose:
 * no fsync is needed for what the test checks.  The values are made up
 * here; there is no candidate data. */

static const char bank_text[] =
  "{\n"
  "  \"format\": \"panelist-bank\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"crash-test\",\n"
  "  \"title\": \"Crash test\",\n"
  "  \"role\": \"Backend developer\",\n"
  "  \"language\": \"en\",\n"
  "  \"scale\": [\n"
  "    { \"value\": 1, \"label\": \"Strong no\", \"meaning\": \"Far below\" },\n"
  "    { \"value\": 2, \"label\": \"No\", \"meaning\": \"Below\" },\n"
  "    { \"value\": 3, \"label\": \"Yes\", \"meaning\": \"At the bar\" },\n"
  "    { \"value\": 4, \"label\": \"Strong yes\", \"meaning\": \"Well above\" }\n"
  "  ],\n"
  "  \"areas\": [\n"
  "    { \"id\": \"code\", \"title\": \"Code\" },\n"
  "    { \"id\": \"ops\", \"title\": \"Operations\" }\n"
  "  ],\n"
  "  \"questions\": [\n"
  "    { \"id\": \"code.review\", \"area\": \"code\", \"kind\": \"technical\",\n"
  "      \"level\": \"experienced\", \"prompt\": \"Review this function.\", \"minutes\": 5 },\n"
  "    { \"id\": \"code.tests\", \"area\": \"code\", \"kind\": \"technical\",\n"
  "      \"level\": \"entry\", \"prompt\": \"What would you test first?\", \"minutes\": 4 },\n"
  "    { \"id\": \"code.naming\", \"area\": \"code\", \"kind\": \"competency\",\n"
  "      \"level\": \"entry\", \"prompt\": \"Rename these variables.\", \"minutes\": 2 },\n"
  "    { \"id\": \"ops.pager\", \"area\": \"ops\", \"kind\": \"situational\",\n"
  "      \"level\": \"senior\", \"prompt\": \"The pager goes off at night.\", \"minutes\": 5 },\n"
  "    { \"id\": \"ops.deploy\", \"area\": \"ops\", \"kind\": \"technical\",\n"
  "      \"level\": \"experienced\", \"prompt\": \"How do you roll back?\", \"minutes\": 3 },\n"
  "    { \"id\": \"ops.blame\", \"area\": \"ops\", \"kind\": \"behavioural\",\n"
  "      \"level\": \"experienced\", \"prompt\": \"An outage you caused.\", \"minutes\": 4 }\n"
  "  ]\n"
  "}\n";

static const PnlAnswerFlags flag_values[] = {
  PNL_ANSWER_FLAGS_FOLLOW_UP,
  PNL_ANSWER_FLAGS_RED_FLAG,
  PNL_ANSWER_FLAGS_HIGHLIGHT,
};

static const PnlRecommendation recommendations[] = {
  PNL_RECOMMENDATION_STRONG_NO,
  PNL_RECOMMENDATION_NO,
  PNL_RECOMMENDATION_YES,
  PNL_RECOMMENDATION_STRONG_YES,
};

typedef struct
{
  PnlSession *session;
  GListModel *answers;
  GRand      *rand;
  int         log_fd;
  gboolean    continuous;
} Typist;

static void
log_line (Typist     *typist,
          const char *kind,
          const char *key,
          const char *value)
{
  g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s %s\n",
                                           g_get_monotonic_time (), kind, key, value);
  gsize len = strlen (line);

  if (write (typist->log_fd, line, len) != (gssize) len)
    {
      g_printerr ("crash-typist: could not write the log: %s\n", g_strerror (errno));
      exit (3);
    }
}

static const char *
current_id (Typist *typist)
{
  return pnl_question_get_id (pnl_answer_get_question (pnl_session_get_current (typist->session)));
}

/* A key press: a letter, or now and then a space. */
static char
next_char (Typist *typist)
{
  static const char keys[] = "abcdefghijklmnopqrstuvwxyz    ";

  return keys[g_rand_int_range (typist->rand, 0, sizeof keys - 1)];
}

static void
do_one_change (Typist *typist)
{
  PnlAnswer *current = pnl_session_get_current (typist->session);
  PnlInterview *interview = pnl_session_get_interview (typist->session);
  int choice = g_rand_int_range (typist->rand, 0, 100);

  if (choice < 72)
    {
      g_autofree char *notes = g_strdup_printf ("%s%c", pnl_answer_get_notes (current),
                                                next_char (typist));

      log_line (typist, "N", current_id (typist), notes);
      pnl_session_set_notes (typist->session, notes);
    }
  else if (choice < 79)
    {
      int score = g_rand_int_range (typist->rand, 0, 5);
      g_autofree char *value = g_strdup_printf ("%d", score);

      log_line (typist, "S", current_id (typist), value);
      pnl_session_set_score (typist->session, score);
    }
  else if (choice < 84)
    {
      PnlAnswerFlags flag = flag_values[g_rand_int_range (typist->rand, 0, G_N_ELEMENTS (flag_values))];
      g_autofree char *value = g_strdup_printf ("%u", pnl_answer_get_flags (current) ^ flag);

      log_line (typist, "F", current_id (typist), value);
      pnl_session_toggle_flag (typist->session, flag);
    }
  else if (choice < 92 && !typist->continuous)
    {
      guint n = g_list_model_get_n_items (typist->answers);
      g_autoptr(PnlAnswer) next = g_list_model_get_item (typist->answers,
                                                         g_rand_int_range (typist->rand, 0, n));

      /* Not in the database: nothing to check, but it saves at once. */
      pnl_session_set_current (typist->session, next);
    }
  else if (choice < 92)
    {
      /* Continuous typing stays on its question: one more key. */
      g_autofree char *notes = g_strdup_printf ("%s%c", pnl_answer_get_notes (current),
                                                next_char (typist));

      log_line (typist, "N", current_id (typist), notes);
      pnl_session_set_notes (typist->session, notes);
    }
  else if (choice < 97)
    {
      g_autofree char *summary = g_strdup_printf ("%s%c", pnl_interview_get_summary (interview),
                                                  next_char (typist));

      log_line (typist, "U", "-", summary);
      pnl_session_set_summary (typist->session, summary);
    }
  else
    {
      PnlRecommendation rec = recommendations[g_rand_int_range (typist->rand, 0,
                                                                G_N_ELEMENTS (recommendations))];

      log_line (typist, "R", "-", pnl_recommendation_to_string (rec));
      pnl_session_set_recommendation (typist->session, rec);
    }
}

static gboolean
step_cb (gpointer data)
{
  Typist *typist = data;
  guint delay_ms;

  do_one_change (typist);

  /* Keys every 15 to 120 ms; now and then a pause long enough for the
   * autosave's debounce, now and then one too short for it. */
  if (!typist->continuous && g_rand_int_range (typist->rand, 0, 100) < 8)
    delay_ms = g_rand_int_range (typist->rand, 300, 900);
  else
    delay_ms = g_rand_int_range (typist->rand, 15, 120);

  g_timeout_add (delay_ms, step_cb, typist);

  return G_SOURCE_REMOVE;
}

static PnlInterview *
find_or_create_interview (PnlStore  *store,
                          GError   **error)
{
  g_autoptr(GListModel) interviews = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PnlBank) bank = NULL;

  if (!(interviews = pnl_store_list_interviews (store, error)))
    return NULL;

  if (g_list_model_get_n_items (interviews) > 0)
    return g_list_model_get_item (interviews, 0);

  bytes = g_bytes_new_static (bank_text, strlen (bank_text));
  if (!(bank = pnl_bank_new_from_bytes (bytes, "crash-test.json", error)))
    return NULL;

  return pnl_store_create_interview (store, "Test Candidate", "T-1", "Backend developer",
                                     "Technical 1", "Test Interviewer", bank, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(PnlSession) session = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GRand) rand = NULL;
  Typist typist = { 0 };
  guint64 seed;

  if (argc != 4 && !(argc == 5 && g_str_equal (argv[4], "continuous")))
    {
      g_printerr ("usage: crash-typist DATABASE LOG SEED [continuous]\n");
      return 2;
    }
  typist.continuous = argc == 5;

  seed = g_ascii_strtoull (argv[3], NULL, 10);
  rand = g_rand_new_with_seed ((guint32) seed);

  typist.log_fd = g_open (argv[2], O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (typist.log_fd < 0)
    {
      g_printerr ("crash-typist: could not open the log: %s\n", g_strerror (errno));
      return 3;
    }

  if (!(store = pnl_store_new (argv[1], &error)) ||
      !(interview = find_or_create_interview (store, &error)) ||
      !(session = pnl_session_new (store, interview, &error)))
    {
      g_printerr ("crash-typist: %s\n", error->message);
      return 4;
    }

  typist.session = session;
  typist.answers = pnl_session_get_answers (session);
  typist.rand = rand;

  {
    g_autoptr(PnlAnswer) first = g_list_model_get_item (typist.answers,
                                                        g_rand_int_range (rand, 0, g_list_model_get_n_items (typist.answers)));

    pnl_session_set_current (session, first);
  }

  log_line (&typist, "B", "-", "-");
  g_idle_add (step_cb, &typist);

  /* Until killed. */
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);

  return 0;
}
