/* test-session.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "pnl-answer.h"
#include "pnl-bank.h"
#include "pnl-db.h"
#include "pnl-db-statement.h"
#include "pnl-export.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-session-area.h"
#include "pnl-session-private.h"
#include "pnl-store.h"

/* Three areas; "data" comes back after "people", so the areas follow
 * the first appearance of each.  The scale runs 1-4 (middle 2.5). */
static const char bank_text[] =
  "{\n"
  "  \"format\": \"panelist-bank\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"session-test\",\n"
  "  \"title\": \"Session test\",\n"
  "  \"role\": \"Backend developer\",\n"
  "  \"language\": \"en\",\n"
  "  \"scale\": [\n"
  "    { \"value\": 1, \"label\": \"Strong no\", \"meaning\": \"Far below\" },\n"
  "    { \"value\": 2, \"label\": \"No\", \"meaning\": \"Below\" },\n"
  "    { \"value\": 3, \"label\": \"Yes\", \"meaning\": \"At the bar\" },\n"
  "    { \"value\": 4, \"label\": \"Strong yes\", \"meaning\": \"Well above\" }\n"
  "  ],\n"
  "  \"areas\": [\n"
  "    { \"id\": \"design\", \"title\": \"Design\" },\n"
  "    { \"id\": \"data\", \"title\": \"Data\" },\n"
  "    { \"id\": \"people\", \"title\": \"People\" }\n"
  "  ],\n"
  "  \"questions\": [\n"
  "    { \"id\": \"design.api\", \"area\": \"design\", \"kind\": \"technical\",\n"
  "      \"level\": \"experienced\", \"prompt\": \"Design an API.\", \"minutes\": 5 },\n"
  "    { \"id\": \"design.cache\", \"area\": \"design\", \"kind\": \"technical\",\n"
  "      \"level\": \"senior\", \"prompt\": \"Where would you cache?\", \"minutes\": 4 },\n"
  "    { \"id\": \"data.sql\", \"area\": \"data\", \"kind\": \"technical\",\n"
  "      \"level\": \"entry\", \"prompt\": \"Explain a join.\", \"minutes\": 6 },\n"
  "    { \"id\": \"people.conflict\", \"area\": \"people\", \"kind\": \"behavioural\",\n"
  "      \"level\": \"entry\", \"prompt\": \"Tell us about a disagreement.\", \"minutes\": 3 },\n"
  "    { \"id\": \"data.index\", \"area\": \"data\", \"kind\": \"technical\",\n"
  "      \"level\": \"senior\", \"prompt\": \"When is an index slow?\", \"minutes\": 2 }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  char         *path;
  PnlBank      *bank;
  PnlStore     *store;
  PnlInterview *interview;
  PnlSession   *session;

  guint         n_failed;
  guint         n_recovered;
  GError       *failed_error;
} Fixture;

/* Runs the main loop until @cond holds; fails after @timeout_ms. */
#define WAIT_UNTIL(cond, timeout_ms)                                           \
  G_STMT_START {                                                               \
    gint64 wait_deadline = g_get_monotonic_time () + (timeout_ms) * 1000;      \
    while (!(cond))                                                            \
      {                                                                        \
        g_assert_cmpint (g_get_monotonic_time (), <, wait_deadline);           \
        g_main_context_iteration (NULL, FALSE);                                \
        g_usleep (1000);                                                       \
      }                                                                        \
  } G_STMT_END

static void
run_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gint64
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *counter)
{
  (*counter)++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (bank_text, strlen (bank_text));
  g_autoptr(GError) error = NULL;

  f->path = g_build_filename (g_get_user_data_dir (), "panelist", "panelist.db", NULL);

  f->bank = pnl_bank_new_from_bytes (bytes, "session-test.json", &error);
  g_assert_no_error (error);

  f->store = pnl_store_new (f->path, &error);
  g_assert_no_error (error);

  f->interview = pnl_store_create_interview (f->store, "Zoë Ångström", "ATS-1",
                                             "Backend developer", "Technical 1",
                                             "Priya Raman", f->bank, &error);
  g_assert_no_error (error);

  f->session = pnl_session_new (f->store, f->interview, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->session);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (f->session != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->session));

  g_clear_object (&f->interview);

  if (f->store != NULL)
    {
      g_assert_true (pnl_store_close (f->store, &error));
      g_assert_no_error (error);
      g_assert_finalize_object (g_steal_pointer (&f->store));
    }

  g_clear_object (&f->bank);
  g_clear_error (&f->failed_error);
  g_free (f->path);
}

static PnlAnswer *
find (Fixture    *f,
      const char *question_id)
{
  PnlAnswer *answer = pnl_session_find_answer (f->session, question_id);

  g_assert_nonnull (answer);

  return answer;
}

static void
flush (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_store_flush (f->store, &error));
  g_assert_no_error (error);
}

/* The answer as it is in the file now: what is queued is written first,
 * what is only dirty in the session is not. */
static PnlAnswer *
stored_answer (Fixture    *f,
               const char *question_id)
{
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GError) error = NULL;

  flush (f);
  answers = pnl_store_list_answers (f->store, f->interview, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

      if (g_str_equal (pnl_question_get_id (pnl_answer_get_question (answer)), question_id))
        return g_steal_pointer (&answer);
    }

  g_assert_not_reached ();
}

static PnlInterview *
stored_interview (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PnlInterview *interview;

  flush (f);
  interview = pnl_store_find_interview (f->store, pnl_interview_get_uuid (f->interview), &error);
  g_assert_no_error (error);
  g_assert_nonnull (interview);

  return interview;
}

static PnlSessionArea *
area_at (Fixture *f,
         guint    position)
{
  g_autoptr(PnlSessionArea) area = g_list_model_get_item (pnl_session_get_areas (f->session), position);

  g_assert_nonnull (area);

  return area;
}

static void
score (Fixture    *f,
       const char *question_id,
       int         value)
{
  pnl_session_set_current (f->session, find (f, question_id));
  pnl_session_set_score (f->session, value);
  g_assert_cmpint (pnl_answer_get_score (find (f, question_id)), ==, value);
}

/* Tests ------------------------------------------------------------------ */

static void
test_areas (Fixture       *f,
            gconstpointer  data)
{
  static const struct {
    const char *id;
    const char *title;
    const char *questions[3];
  } expected[] = {
    { "design", "Design", { "design.api", "design.cache", NULL } },
    { "data", "Data", { "data.sql", "data.index", NULL } },
    { "people", "People", { "people.conflict", NULL } },
  };
  GListModel *areas = pnl_session_get_areas (f->session);
  GListModel *answers = pnl_session_get_answers (f->session);
  guint n_asked = 99;
  guint n_questions = 99;

  g_assert_true (pnl_session_get_store (f->session) == f->store);
  g_assert_true (pnl_session_get_interview (f->session) == f->interview);
  g_assert_true (g_list_model_get_item_type (areas) == PNL_TYPE_SESSION_AREA);
  g_assert_true (g_list_model_get_item_type (answers) == PNL_TYPE_ANSWER);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PnlSessionArea *area = area_at (f, i);
      GListModel *area_answers = pnl_session_area_get_answers (area);
      guint n = g_strv_length ((char **) expected[i].questions);
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      guint n_questions_prop = 0;
      double mean_prop = 0;

      g_assert_cmpstr (pnl_session_area_get_id (area), ==, expected[i].id);
      g_assert_cmpstr (pnl_session_area_get_title (area), ==, expected[i].title);
      g_assert_true (pnl_session_find_area (f->session, expected[i].id) == area);
      g_assert_cmpuint (pnl_session_area_get_n_questions (area), ==, n);
      g_assert_cmpuint (pnl_session_area_get_n_asked (area), ==, 0);
      g_assert_cmpuint (pnl_session_area_get_n_scored (area), ==, 0);
      g_assert_true (isnan (pnl_session_area_get_mean (area)));
      g_assert_cmpuint (g_list_model_get_n_items (area_answers), ==, n);

      /* The same figures as properties, for bindings. */
      g_object_get (area,
                    "id", &id,
                    "title", &title,
                    "n-questions", &n_questions_prop,
                    "mean", &mean_prop,
                    NULL);
      g_assert_cmpstr (id, ==, expected[i].id);
      g_assert_cmpstr (title, ==, expected[i].title);
      g_assert_cmpuint (n_questions_prop, ==, n);
      g_assert_true (isnan (mean_prop));

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(PnlAnswer) answer = g_list_model_get_item (area_answers, j);

          g_assert_true (answer == find (f, expected[i].questions[j]));
        }
    }

  /* The answers keep the interview's order. */
  {
    static const char *order[] = {
      "design.api", "design.cache", "data.sql", "people.conflict", "data.index",
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

        g_assert_cmpstr (pnl_question_get_id (pnl_answer_get_question (answer)), ==, order[i]);
      }
  }

  g_assert_null (pnl_session_find_area (f->session, "nope"));
  g_assert_null (pnl_session_find_answer (f->session, "nope"));
  g_assert_null (pnl_session_get_current (f->session));
  g_assert_false (pnl_session_get_locked (f->session));
  g_assert_false (pnl_session_get_paused (f->session));
  g_assert_false (pnl_session_get_dirty (f->session));
  g_assert_false (_pnl_session_is_ticking (f->session));
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==, 0);

  pnl_session_get_coverage (f->session, &n_asked, &n_questions);
  g_assert_cmpuint (n_asked, ==, 0);
  g_assert_cmpuint (n_questions, ==, 5);
}

static void
test_current (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PnlAnswer) api_before = NULL;
  g_autoptr(PnlAnswer) api_after = NULL;
  g_autoptr(PnlAnswer) sql_after = NULL;
  g_autoptr(PnlAnswer) current_prop = NULL;
  PnlAnswer *api = find (f, "design.api");
  PnlAnswer *sql = find (f, "data.sql");
  guint n_current = 0;

  g_signal_connect (f->session, "notify::current", G_CALLBACK (count_cb), &n_current);

  pnl_session_set_current (f->session, api);
  g_assert_true (pnl_session_get_current (f->session) == api);
  /* Opening a question is not asking it. */
  g_assert_false (pnl_answer_get_asked (api));
  g_assert_false (pnl_answer_get_asked (sql));
  g_assert_cmpuint (n_current, ==, 1);
  g_assert_true (_pnl_session_is_ticking (f->session));
  g_object_get (f->session, "current", &current_prop, NULL);
  g_assert_true (current_prop == api);

  /* The same again changes nothing. */
  pnl_session_set_current (f->session, api);
  g_assert_cmpuint (n_current, ==, 1);

  pnl_session_set_notes (f->session, "Talks about versioning");
  g_assert_cmpstr (pnl_answer_get_notes (api), ==, "Talks about versioning");
  g_assert_true (pnl_session_get_dirty (f->session));

  /* Typed notes wait for the debounce... */
  api_before = stored_answer (f, "design.api");
  g_assert_cmpstr (pnl_answer_get_notes (api_before), ==, "");

  /* ... but moving on saves them at once, with no main loop running. */
  g_object_set (f->session, "current", sql, NULL);
  g_assert_true (pnl_session_get_current (f->session) == sql);
  g_assert_cmpuint (n_current, ==, 2);
  g_assert_false (pnl_session_get_dirty (f->session));

  api_after = stored_answer (f, "design.api");
  g_assert_cmpstr (pnl_answer_get_notes (api_after), ==, "Talks about versioning");
  g_assert_true (pnl_answer_get_asked (api_after));
  sql_after = stored_answer (f, "data.sql");
  g_assert_false (pnl_answer_get_asked (sql_after));

  /* Staying on a question, however long, does not make it asked: only
   * the interviewer says so (issue 21). */
  for (guint i = 0; i < 120; i++)
    _pnl_session_tick (f->session);
  g_assert_cmpuint (pnl_answer_get_seconds (sql), ==, 120);
  g_assert_false (pnl_answer_get_asked (sql));
  pnl_session_set_asked (f->session, TRUE);
  g_assert_true (pnl_answer_get_asked (sql));
  g_assert_true (pnl_session_get_dirty (f->session));
  pnl_session_set_asked (f->session, FALSE);
  g_assert_false (pnl_answer_get_asked (sql));
  pnl_session_set_asked (f->session, TRUE);

  /* Nothing current: the summary page. */
  pnl_session_set_current (f->session, NULL);
  g_assert_null (pnl_session_get_current (f->session));
  g_assert_cmpuint (n_current, ==, 3);
  g_assert_false (_pnl_session_is_ticking (f->session));

  /* The helpers have nothing to act on. */
  pnl_session_set_asked (f->session, FALSE);
  g_assert_true (pnl_answer_get_asked (sql));
  pnl_session_set_notes (f->session, "lost");
  pnl_session_set_score (f->session, 3);
  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_RED_FLAG);
  g_assert_false (pnl_session_get_dirty (f->session));
  g_assert_cmpstr (pnl_answer_get_notes (sql), ==, "");
  g_assert_cmpint (pnl_answer_get_score (sql), ==, 0);
  g_assert_cmpint (pnl_answer_get_flags (sql), ==, PNL_ANSWER_FLAGS_NONE);
}

static void
test_notes_debounce (Fixture       *f,
                     gconstpointer  data)
{
  static const char *keystrokes[] = { "R", "Re", "Red", "Redi", "Redis" };
  g_autoptr(PnlAnswer) stored = NULL;
  PnlAnswer *cache = find (f, "design.cache");
  guint n_dirty = 0;
  gint64 first_keystroke = 0;
  gint64 last_keystroke = 0;

  /* No clock in the way. */
  pnl_session_set_paused (f->session, TRUE);
  pnl_session_set_current (f->session, cache);
  flush (f);
  g_assert_false (pnl_session_get_dirty (f->session));
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 0);

  g_signal_connect (f->session, "notify::dirty", G_CALLBACK (count_cb), &n_dirty);

  /* Each keystroke comes well within the delay of the one before: the
   * timer keeps being pushed back and nothing is queued. */
  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      g_autoptr(PnlAnswer) during = NULL;

      pnl_session_set_notes (f->session, keystrokes[i]);
      last_keystroke = g_get_monotonic_time ();
      if (first_keystroke == 0)
        first_keystroke = last_keystroke;
      g_assert_true (pnl_session_get_dirty (f->session));

      run_for (PNL_SESSION_SAVE_DELAY_MS / 10);

      g_assert_true (pnl_session_get_dirty (f->session));
      g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 0);
      during = stored_answer (f, "design.cache");
      g_assert_cmpstr (pnl_answer_get_notes (during), ==, "");
    }

  /* The delay after the last keystroke, unless the cap, counted from the
   * first, comes sooner (a slow machine types these five slowly). */
  WAIT_UNTIL (!pnl_session_get_dirty (f->session), 5000);
  g_assert_cmpint (ms_since (last_keystroke), >=,
                   MIN (PNL_SESSION_SAVE_DELAY_MS,
                        PNL_SESSION_SAVE_MAX_DELAY_MS - (last_keystroke - first_keystroke) / 1000) - 20);

  /* Dirty once, clean once: one save. */
  g_assert_cmpuint (n_dirty, ==, 2);

  stored = stored_answer (f, "design.cache");
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Redis");
  g_assert_true (pnl_answer_get_asked (stored));
}

static void
test_max_delay (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(PnlAnswer) stored = NULL;
  gint64 first_keystroke = 0;
  gint64 saved_after = -1;

  pnl_session_set_paused (f->session, TRUE);
  pnl_session_set_current (f->session, find (f, "design.api"));
  flush (f);

  /* Someone who never pauses for the debounce's length. */
  for (guint i = 0; i < 40; i++)
    {
      g_string_append_c (notes, 'a' + (i % 26));
      pnl_session_set_notes (f->session, notes->str);
      if (first_keystroke == 0)
        first_keystroke = g_get_monotonic_time ();

      run_for (PNL_SESSION_SAVE_DELAY_MS / 5);

      if (!pnl_session_get_dirty (f->session))
        {
          saved_after = ms_since (first_keystroke);
          break;
        }
    }

  g_assert_cmpint (saved_after, >=, PNL_SESSION_SAVE_MAX_DELAY_MS - 20);
  g_assert_cmpint (saved_after, <=, PNL_SESSION_SAVE_MAX_DELAY_MS + 800);

  /* What was there when the cap struck is on disk. */
  stored = stored_answer (f, "design.api");
  g_assert_cmpuint (strlen (pnl_answer_get_notes (stored)), >, 0);
  g_assert_true (g_str_has_prefix (notes->str, pnl_answer_get_notes (stored)));
}

static void
dirty_cleared_cb (PnlSession *session,
                  GParamSpec *pspec,
                  gint64     *cleared_at)
{
  if (!pnl_session_get_dirty (session) && *cleared_at == 0)
    *cleared_at = g_get_monotonic_time ();
}

static void
test_ticks_do_not_delay (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PnlAnswer) stored = NULL;
  PnlAnswer *api = find (f, "design.api");
  gint64 typed_at;
  gint64 cleared_at = 0;

  pnl_session_set_current (f->session, api);
  flush (f);

  g_signal_connect (f->session, "notify::dirty", G_CALLBACK (dirty_cleared_cb), &cleared_at);

  pnl_session_set_notes (f->session, "Knows HTTP caching");
  typed_at = g_get_monotonic_time ();

  /* The clock ticks faster than the debounce: it must not push it back. */
  while (cleared_at == 0)
    {
      g_assert_cmpint (ms_since (typed_at), <, 5000);
      _pnl_session_tick (f->session);
      run_for (PNL_SESSION_SAVE_DELAY_MS / 5);
    }

  g_assert_cmpint ((cleared_at - typed_at) / 1000, >=, PNL_SESSION_SAVE_DELAY_MS - 20);
  g_assert_cmpint ((cleared_at - typed_at) / 1000, <, PNL_SESSION_SAVE_MAX_DELAY_MS - 200);

  /* Ticks alone do not save soon: they wait for the next save. */
  _pnl_session_tick (f->session);
  g_assert_true (pnl_session_get_dirty (f->session));
  run_for (PNL_SESSION_SAVE_DELAY_MS * 2);
  g_assert_true (pnl_session_get_dirty (f->session));
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 0);

  pnl_session_save_now (f->session);
  g_assert_false (pnl_session_get_dirty (f->session));

  stored = stored_answer (f, "design.api");
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Knows HTTP caching");
  g_assert_cmpuint (pnl_answer_get_seconds (stored), ==, pnl_answer_get_seconds (api));
  g_assert_cmpuint (pnl_answer_get_seconds (stored), >=, 3);
}

#define CLOCK_SAVE_DELAY_MS 700

static void
test_clock_save (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PnlAnswer) stored = NULL;
  PnlAnswer *api = find (f, "design.api");
  gint64 ticked_at;

  /* Ten seconds in the app; a test need not wait that long to see the
   * timer work. */
  g_assert_cmpuint (_pnl_session_get_clock_save_delay (f->session), ==, PNL_SESSION_CLOCK_SAVE_DELAY_MS);
  g_assert_cmpuint (PNL_SESSION_CLOCK_SAVE_DELAY_MS, ==, 10000);
  _pnl_session_set_clock_save_delay (f->session, CLOCK_SAVE_DELAY_MS);

  pnl_session_set_current (f->session, api);
  flush (f);

  _pnl_session_tick (f->session);
  ticked_at = g_get_monotonic_time ();
  pnl_session_set_paused (f->session, TRUE);
  g_assert_cmpuint (pnl_answer_get_seconds (api), ==, 1);
  g_assert_true (pnl_session_get_dirty (f->session));

  /* Saved on its own after a while, even with nothing else going on. */
  WAIT_UNTIL (!pnl_session_get_dirty (f->session), CLOCK_SAVE_DELAY_MS + 3000);
  g_assert_cmpint (ms_since (ticked_at), >=, CLOCK_SAVE_DELAY_MS - 20);

  stored = stored_answer (f, "design.api");
  g_assert_cmpuint (pnl_answer_get_seconds (stored), ==, 1);
}

static void
test_area_figures (Fixture       *f,
                   gconstpointer  data)
{
  PnlSessionArea *design = pnl_session_find_area (f->session, "design");
  PnlSessionArea *area_data = pnl_session_find_area (f->session, "data");
  guint n_asked = 0;
  guint n_scored = 0;
  guint n_mean = 0;
  guint n_questions = 0;
  guint n_other = 0;

  pnl_session_set_paused (f->session, TRUE);

  g_signal_connect (design, "notify::n-asked", G_CALLBACK (count_cb), &n_asked);
  g_signal_connect (design, "notify::n-scored", G_CALLBACK (count_cb), &n_scored);
  g_signal_connect (design, "notify::mean", G_CALLBACK (count_cb), &n_mean);
  g_signal_connect (design, "notify::n-questions", G_CALLBACK (count_cb), &n_questions);
  g_signal_connect (area_data, "notify", G_CALLBACK (count_cb), &n_other);

  pnl_session_set_current (f->session, find (f, "design.api"));
  g_assert_cmpuint (pnl_session_area_get_n_asked (design), ==, 0);
  g_assert_cmpuint (n_asked, ==, 0);
  g_assert_cmpuint (n_scored, ==, 0);
  g_assert_cmpuint (n_mean, ==, 0);

  /* Scoring a question makes it asked. */
  pnl_session_set_score (f->session, 3);
  g_assert_cmpuint (pnl_session_area_get_n_asked (design), ==, 1);
  g_assert_cmpuint (pnl_session_area_get_n_scored (design), ==, 1);
  g_assert_cmpfloat (pnl_session_area_get_mean (design), ==, 3.0);
  g_assert_cmpuint (n_asked, ==, 1);
  g_assert_cmpuint (n_scored, ==, 1);
  g_assert_cmpuint (n_mean, ==, 1);

  /* Notes and flags do not touch the figures. */
  pnl_session_set_notes (f->session, "Solid");
  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_HIGHLIGHT);
  g_assert_cmpuint (n_asked + n_scored + n_mean, ==, 3);

  /* The same score again: no notification. */
  pnl_session_set_score (f->session, 3);
  g_assert_cmpuint (n_scored, ==, 1);
  g_assert_cmpuint (n_mean, ==, 1);

  score (f, "design.cache", 1);
  g_assert_cmpuint (pnl_session_area_get_n_asked (design), ==, 2);
  g_assert_cmpuint (pnl_session_area_get_n_scored (design), ==, 2);
  g_assert_cmpfloat (pnl_session_area_get_mean (design), ==, 2.0);
  g_assert_cmpuint (n_asked, ==, 2);
  g_assert_cmpuint (n_scored, ==, 2);
  g_assert_cmpuint (n_mean, ==, 2);

  /* Scores change, their count does not. */
  pnl_session_set_score (f->session, 3);
  pnl_session_set_current (f->session, find (f, "design.api"));
  pnl_session_set_score (f->session, 1);
  g_assert_cmpfloat (pnl_session_area_get_mean (design), ==, 2.0);
  g_assert_cmpuint (n_mean, ==, 4);
  g_assert_cmpuint (n_scored, ==, 2);

  /* Another area did not move, and n-questions never did. */
  g_assert_cmpuint (n_other, ==, 0);
  g_assert_cmpuint (n_questions, ==, 0);

  /* Anyone's change to an answer counts, not only the session's. */
  pnl_answer_set_score (find (f, "data.index"), 4);
  g_assert_cmpuint (pnl_session_area_get_n_scored (area_data), ==, 1);
  g_assert_cmpuint (pnl_session_area_get_n_asked (area_data), ==, 0);
  g_assert_cmpfloat (pnl_session_area_get_mean (area_data), ==, 4.0);
  g_assert_cmpuint (n_other, ==, 2);
  g_assert_true (pnl_session_get_dirty (f->session));
}

static void
test_score_none (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PnlAnswer) lowest = NULL;
  g_autoptr(PnlAnswer) cleared = NULL;
  PnlSessionArea *design = pnl_session_find_area (f->session, "design");
  PnlAnswer *api = find (f, "design.api");

  pnl_session_set_paused (f->session, TRUE);
  pnl_session_set_current (f->session, api);

  /* The lowest level is a score... */
  pnl_session_set_score (f->session, 1);
  g_assert_cmpint (pnl_answer_get_score (api), ==, 1);
  g_assert_cmpuint (pnl_session_area_get_n_scored (design), ==, 1);
  g_assert_cmpfloat (pnl_session_area_get_mean (design), ==, 1.0);
  pnl_session_save_now (f->session);
  lowest = stored_answer (f, "design.api");
  g_assert_cmpint (pnl_answer_get_score (lowest), ==, 1);

  /* ... 0 is none at all. */
  pnl_session_set_score (f->session, 0);
  g_assert_cmpint (pnl_answer_get_score (api), ==, 0);
  g_assert_true (pnl_answer_get_asked (api));
  g_assert_cmpuint (pnl_session_area_get_n_scored (design), ==, 0);
  g_assert_true (isnan (pnl_session_area_get_mean (design)));
  pnl_session_save_now (f->session);
  cleared = stored_answer (f, "design.api");
  g_assert_cmpint (pnl_answer_get_score (cleared), ==, 0);
  g_assert_true (pnl_answer_get_asked (cleared));

  /* A value the scale does not have is a programming error. */
  g_test_expect_message ("pnl-session", G_LOG_LEVEL_CRITICAL, "*pnl_scale_find*");
  pnl_session_set_score (f->session, 5);
  g_test_assert_expected_messages ();
  g_assert_cmpint (pnl_answer_get_score (api), ==, 0);
  g_assert_false (pnl_session_get_dirty (f->session));
}

static void
test_flags (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PnlAnswer) stored = NULL;
  PnlAnswer *conflict = find (f, "people.conflict");

  pnl_session_set_paused (f->session, TRUE);
  pnl_session_set_current (f->session, conflict);
  pnl_session_save_now (f->session);

  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_FOLLOW_UP);
  g_assert_cmpint (pnl_answer_get_flags (conflict), ==, PNL_ANSWER_FLAGS_FOLLOW_UP);
  g_assert_true (pnl_session_get_dirty (f->session));

  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_RED_FLAG);
  g_assert_cmpint (pnl_answer_get_flags (conflict), ==,
                   PNL_ANSWER_FLAGS_FOLLOW_UP | PNL_ANSWER_FLAGS_RED_FLAG);

  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_FOLLOW_UP);
  g_assert_cmpint (pnl_answer_get_flags (conflict), ==, PNL_ANSWER_FLAGS_RED_FLAG);

  /* Flagging alone marks the question asked. */
  pnl_answer_set_asked (conflict, FALSE);
  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_HIGHLIGHT);
  g_assert_true (pnl_answer_get_asked (conflict));
  g_assert_cmpint (pnl_answer_get_flags (conflict), ==,
                   PNL_ANSWER_FLAGS_RED_FLAG | PNL_ANSWER_FLAGS_HIGHLIGHT);

  WAIT_UNTIL (!pnl_session_get_dirty (f->session), 5000);
  stored = stored_answer (f, "people.conflict");
  g_assert_cmpint (pnl_answer_get_flags (stored), ==,
                   PNL_ANSWER_FLAGS_RED_FLAG | PNL_ANSWER_FLAGS_HIGHLIGHT);
}

typedef struct
{
  Fixture *f;
  guint    n_submitted;
  gint64   revision;
} Submitted;

/* At "submitted", everything is queued: a flush finds the submitted
 * state, answers included. */
static void
submitted_cb (PnlSession *session,
              Submitted  *submitted)
{
  g_autoptr(PnlInterview) stored = stored_interview (submitted->f);
  g_autoptr(PnlAnswer) answer = stored_answer (submitted->f, "design.api");

  g_assert_true (pnl_session_get_locked (session));
  g_assert_cmpint (pnl_interview_get_state (stored), ==, PNL_INTERVIEW_STATE_SUBMITTED);
  g_assert_nonnull (pnl_interview_get_ended_at (stored));
  g_assert_cmpint (pnl_interview_get_recommendation (stored), ==, PNL_RECOMMENDATION_YES);
  g_assert_cmpstr (pnl_answer_get_notes (answer), ==, "Versioned URLs");
  g_assert_cmpint (pnl_interview_get_revision (stored), >, submitted->revision);

  submitted->revision = pnl_interview_get_revision (stored);
  submitted->n_submitted++;
}

static void
test_submit_reopen (Fixture       *f,
                    gconstpointer  data)
{
  Submitted submitted_data = { f, 0, 0 };
  g_autoptr(PnlInterview) submitted = NULL;
  g_autoptr(PnlInterview) reopened = NULL;
  g_autoptr(PnlAnswer) stored = NULL;
  g_autoptr(PnlAnswer) stored_again = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  PnlAnswer *api = find (f, "design.api");
  PnlAnswer *sql = find (f, "data.sql");
  GDateTime *ended_at;
  guint n_locked = 0;
  gboolean locked_prop = FALSE;

  g_signal_connect (f->session, "notify::locked", G_CALLBACK (count_cb), &n_locked);
  g_signal_connect (f->session, "submitted", G_CALLBACK (submitted_cb), &submitted_data);

  pnl_session_set_current (f->session, api);
  pnl_session_set_notes (f->session, "Versioned URLs");
  pnl_session_set_score (f->session, 3);
  pnl_session_set_recommendation (f->session, PNL_RECOMMENDATION_YES);
  pnl_session_set_summary (f->session, "Good on design");
  g_assert_true (_pnl_session_is_ticking (f->session));

  pnl_session_submit (f->session);
  g_assert_true (pnl_session_get_locked (f->session));
  g_object_get (f->session, "locked", &locked_prop, NULL);
  g_assert_true (locked_prop);
  g_assert_cmpuint (n_locked, ==, 1);
  g_assert_cmpuint (submitted_data.n_submitted, ==, 1);
  g_assert_false (pnl_session_get_dirty (f->session));
  g_assert_false (_pnl_session_is_ticking (f->session));
  g_assert_cmpint (pnl_interview_get_state (f->interview), ==, PNL_INTERVIEW_STATE_SUBMITTED);
  ended_at = pnl_interview_get_ended_at (f->interview);
  g_assert_nonnull (ended_at);
  g_assert_cmpint (g_date_time_get_utc_offset (ended_at), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (ended_at), >=, g_date_time_to_unix (before));

  /* Submitting twice changes nothing. */
  pnl_session_submit (f->session);
  g_assert_cmpuint (n_locked, ==, 1);
  g_assert_cmpuint (submitted_data.n_submitted, ==, 1);

  /* Locked: the helpers do nothing and the clock stands still. */
  pnl_session_set_notes (f->session, "changed my mind");
  pnl_session_set_score (f->session, 1);
  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_RED_FLAG);
  pnl_session_set_recommendation (f->session, PNL_RECOMMENDATION_STRONG_NO);
  pnl_session_set_summary (f->session, "Rewritten");
  _pnl_session_tick (f->session);
  g_assert_cmpstr (pnl_answer_get_notes (api), ==, "Versioned URLs");
  g_assert_cmpint (pnl_answer_get_score (api), ==, 3);
  g_assert_cmpint (pnl_answer_get_flags (api), ==, PNL_ANSWER_FLAGS_NONE);
  g_assert_cmpuint (pnl_answer_get_seconds (api), ==, 0);
  g_assert_cmpint (pnl_interview_get_recommendation (f->interview), ==, PNL_RECOMMENDATION_YES);
  g_assert_cmpstr (pnl_interview_get_summary (f->interview), ==, "Good on design");
  g_assert_false (pnl_session_get_dirty (f->session));

  /* Looking at another question does not mark it asked. */
  pnl_session_set_current (f->session, sql);
  g_assert_true (pnl_session_get_current (f->session) == sql);
  g_assert_false (pnl_answer_get_asked (sql));
  g_assert_false (_pnl_session_is_ticking (f->session));

  g_assert_null (pnl_session_add_question (f->session, "design", "Anything else?", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  submitted = stored_interview (f);
  g_assert_cmpint (pnl_interview_get_state (submitted), ==, PNL_INTERVIEW_STATE_SUBMITTED);
  g_assert_nonnull (pnl_interview_get_ended_at (submitted));
  g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_ended_at (submitted)), ==,
                   g_date_time_to_unix (ended_at));
  g_assert_cmpint (pnl_interview_get_recommendation (submitted), ==, PNL_RECOMMENDATION_YES);
  g_assert_cmpstr (pnl_interview_get_summary (submitted), ==, "Good on design");
  stored = stored_answer (f, "design.api");
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Versioned URLs");
  g_assert_cmpint (pnl_answer_get_score (stored), ==, 3);

  /* A session opened on a submitted interview starts locked. */
  {
    g_autoptr(PnlSession) other = NULL;

    other = pnl_session_new (f->store, submitted, &error);
    g_assert_no_error (error);
    g_assert_true (pnl_session_get_locked (other));
  }

  pnl_session_reopen (f->session);
  g_assert_false (pnl_session_get_locked (f->session));
  g_assert_cmpuint (n_locked, ==, 2);
  g_assert_null (pnl_interview_get_ended_at (f->interview));
  g_assert_cmpint (pnl_interview_get_state (f->interview), ==, PNL_INTERVIEW_STATE_IN_PROGRESS);
  g_assert_true (_pnl_session_is_ticking (f->session));

  pnl_session_set_notes (f->session, "After all");
  g_assert_cmpstr (pnl_answer_get_notes (sql), ==, "After all");
  g_assert_true (pnl_answer_get_asked (sql));
  pnl_session_save_now (f->session);

  reopened = stored_interview (f);
  g_assert_cmpint (pnl_interview_get_state (reopened), ==, PNL_INTERVIEW_STATE_IN_PROGRESS);
  g_assert_null (pnl_interview_get_ended_at (reopened));
  stored_again = stored_answer (f, "data.sql");
  g_assert_cmpstr (pnl_answer_get_notes (stored_again), ==, "After all");
  g_assert_cmpuint (submitted_data.n_submitted, ==, 1);

  /* Reopening is no submit; submitting again is, at a higher revision. */
  pnl_session_submit (f->session);
  g_assert_cmpuint (submitted_data.n_submitted, ==, 2);
}

static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  PnlAnswer *api = find (f, "design.api");
  PnlAnswer *sql = find (f, "data.sql");
  guint n_elapsed = 0;
  guint n_paused = 0;
  guint elapsed_prop = 0;
  guint before;

  g_signal_connect (f->session, "notify::elapsed", G_CALLBACK (count_cb), &n_elapsed);
  g_signal_connect (f->session, "notify::paused", G_CALLBACK (count_cb), &n_paused);

  /* Nothing current: nothing to count. */
  _pnl_session_tick (f->session);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==, 0);

  pnl_session_set_current (f->session, api);
  g_assert_true (_pnl_session_is_ticking (f->session));
  for (guint i = 0; i < 3; i++)
    _pnl_session_tick (f->session);
  g_assert_cmpuint (pnl_answer_get_seconds (api), ==, 3);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==, 3);
  g_assert_cmpuint (n_elapsed, ==, 3);

  pnl_session_set_current (f->session, sql);
  _pnl_session_tick (f->session);
  _pnl_session_tick (f->session);
  g_assert_cmpuint (pnl_answer_get_seconds (api), ==, 3);
  g_assert_cmpuint (pnl_answer_get_seconds (sql), ==, 2);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==, 5);
  g_object_get (f->session, "elapsed", &elapsed_prop, NULL);
  g_assert_cmpuint (elapsed_prop, ==, 5);

  g_object_set (f->session, "paused", TRUE, NULL);
  g_assert_true (pnl_session_get_paused (f->session));
  g_assert_cmpuint (n_paused, ==, 1);
  g_assert_false (_pnl_session_is_ticking (f->session));
  _pnl_session_tick (f->session);
  g_assert_cmpuint (pnl_answer_get_seconds (sql), ==, 2);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==, 5);
  g_assert_cmpuint (n_elapsed, ==, 5);

  pnl_session_set_paused (f->session, TRUE);
  g_assert_cmpuint (n_paused, ==, 1);

  /* Anyone's change to the seconds counts in the elapsed time. */
  pnl_answer_set_seconds (api, 10);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==, 12);

  /* The real timer ticks once a second. */
  pnl_session_set_paused (f->session, FALSE);
  g_assert_cmpuint (n_paused, ==, 2);
  g_assert_true (_pnl_session_is_ticking (f->session));
  before = pnl_answer_get_seconds (sql);
  WAIT_UNTIL (pnl_answer_get_seconds (sql) > before, 3000);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==,
                    pnl_answer_get_seconds (api) + pnl_answer_get_seconds (sql));

  pnl_session_set_current (f->session, NULL);
  g_assert_false (_pnl_session_is_ticking (f->session));
}

static void
test_pacing (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PnlSession) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  guint suggested = 99;
  guint used = 99;
  guint n_asked = 99;
  guint n_questions = 99;

  pnl_session_get_pacing (f->session, &suggested, &used);
  g_assert_cmpuint (suggested, ==, 0);
  g_assert_cmpuint (used, ==, 0);

  pnl_session_set_current (f->session, find (f, "design.api"));    /* 5 min */
  for (guint i = 0; i < 400; i++)
    _pnl_session_tick (f->session);
  /* Time on screen alone asks nothing: pacing waits for "asked". */
  pnl_session_get_pacing (f->session, &suggested, &used);
  g_assert_cmpuint (suggested, ==, 0);
  g_assert_cmpuint (used, ==, 0);
  pnl_session_set_asked (f->session, TRUE);
  pnl_session_get_pacing (f->session, &suggested, &used);
  g_assert_cmpuint (suggested, ==, 300);
  g_assert_cmpuint (used, ==, 400);

  pnl_session_set_current (f->session, find (f, "data.sql"));      /* 6 min */
  for (guint i = 0; i < 60; i++)
    _pnl_session_tick (f->session);
  pnl_session_set_notes (f->session, "Joins, then window functions");
  pnl_session_get_pacing (f->session, &suggested, &used);
  g_assert_cmpuint (suggested, ==, 660);
  g_assert_cmpuint (used, ==, 460);
  pnl_session_get_coverage (f->session, &n_asked, &n_questions);
  g_assert_cmpuint (n_asked, ==, 2);
  g_assert_cmpuint (n_questions, ==, 5);

  /* Unasked again: it no longer counts, but its time still elapsed. */
  pnl_answer_set_asked (find (f, "design.api"), FALSE);
  pnl_session_get_pacing (f->session, &suggested, &used);
  g_assert_cmpuint (suggested, ==, 360);
  g_assert_cmpuint (used, ==, 60);
  pnl_session_get_coverage (f->session, &n_asked, NULL);
  g_assert_cmpuint (n_asked, ==, 1);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==, 460);

  /* A session loaded from the file finds the same figures. */
  pnl_session_save_now (f->session);
  flush (f);
  reloaded = pnl_session_new (f->store, f->interview, &error);
  g_assert_no_error (error);
  pnl_session_get_pacing (reloaded, &suggested, &used);
  g_assert_cmpuint (suggested, ==, 360);
  g_assert_cmpuint (used, ==, 60);
  pnl_session_get_coverage (reloaded, &n_asked, &n_questions);
  g_assert_cmpuint (n_asked, ==, 1);
  g_assert_cmpuint (n_questions, ==, 5);
  g_assert_cmpuint (pnl_session_get_elapsed (reloaded), ==, 460);
}

static void
assert_check (Fixture           *f,
              PnlRecommendation  recommendation,
              const char        *expected)
{
  g_autofree char *message = NULL;

  pnl_session_set_recommendation (f->session, recommendation);
  message = pnl_session_check_recommendation (f->session);

  if (expected == NULL)
    g_assert_null (message);
  else
    g_assert_cmpstr (message, ==, expected);
}

static void
test_recommendation (Fixture       *f,
                     gconstpointer  data)
{
  pnl_session_set_paused (f->session, TRUE);

  /* Nothing scored: nothing to contradict. */
  assert_check (f, PNL_RECOMMENDATION_STRONG_YES, NULL);

  /* One area only, below the middle. */
  score (f, "data.sql", 1);
  assert_check (f, PNL_RECOMMENDATION_YES,
                "You recommend “Yes”, but the only scored area is below the middle of the scale.");
  assert_check (f, PNL_RECOMMENDATION_NO, NULL);

  /* Design 1.5 and data 1 below, people 4 above. */
  score (f, "design.api", 1);
  score (f, "design.cache", 2);
  score (f, "people.conflict", 4);
  assert_check (f, PNL_RECOMMENDATION_NONE, NULL);
  assert_check (f, PNL_RECOMMENDATION_YES,
                "You recommend “Yes”, but 2 of 3 scored areas are below the middle of the scale.");
  assert_check (f, PNL_RECOMMENDATION_STRONG_YES,
                "You recommend “Strong yes”, but 2 of 3 scored areas are below the middle of the scale.");
  assert_check (f, PNL_RECOMMENDATION_NO, NULL);
  /* A strong no while every score in an area is the highest one. */
  assert_check (f, PNL_RECOMMENDATION_STRONG_NO,
                "You recommend “Strong no”, but every scored answer in “People” has the highest score.");

  /* Design 3.5, data 3, people 4: all above. */
  score (f, "design.api", 4);
  score (f, "design.cache", 3);
  score (f, "data.sql", 3);
  assert_check (f, PNL_RECOMMENDATION_YES, NULL);
  assert_check (f, PNL_RECOMMENDATION_STRONG_YES, NULL);
  assert_check (f, PNL_RECOMMENDATION_NO,
                "You recommend “No”, but 3 of 3 scored areas are above the middle of the scale.");
  assert_check (f, PNL_RECOMMENDATION_STRONG_NO,
                "You recommend “Strong no”, but 3 of 3 scored areas are above the middle of the scale.");

  /* People at the lowest: a yes stands, a strong yes is questioned. */
  score (f, "people.conflict", 1);
  assert_check (f, PNL_RECOMMENDATION_YES, NULL);
  assert_check (f, PNL_RECOMMENDATION_STRONG_YES,
                "You recommend “Strong yes”, but every scored answer in “People” has the lowest score.");
  assert_check (f, PNL_RECOMMENDATION_NO,
                "You recommend “No”, but 2 of 3 scored areas are above the middle of the scale.");

  /* Design 2.5 sits on the middle and counts for neither side; people 2
   * below and data 3 above are a tie, not a majority. */
  score (f, "design.api", 2);
  score (f, "design.cache", 3);
  score (f, "people.conflict", 2);
  assert_check (f, PNL_RECOMMENDATION_NO, NULL);
  assert_check (f, PNL_RECOMMENDATION_YES, NULL);
  score (f, "data.sql", 1);
  assert_check (f, PNL_RECOMMENDATION_YES,
                "You recommend “Yes”, but 2 of 3 scored areas are below the middle of the scale.");
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *counter)
{
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  (*counter)++;
}

static void
test_add_question (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PnlSession) reloaded = NULL;
  g_autoptr(PnlAnswer) stored = NULL;
  g_autoptr(PnlAnswer) last = NULL;
  g_autoptr(GError) error = NULL;
  PnlSessionArea *people = pnl_session_find_area (f->session, "people");
  PnlSessionArea *extra;
  PnlAnswer *answer;
  PnlAnswer *other;
  const char *question_id;
  guint n_current = 0;
  guint n_items_changed = 0;
  guint n_asked = 0;
  guint n_questions = 0;

  pnl_session_set_paused (f->session, TRUE);
  g_signal_connect (f->session, "notify::current", G_CALLBACK (count_cb), &n_current);
  g_signal_connect (pnl_session_get_answers (f->session), "items-changed",
                    G_CALLBACK (items_changed_cb), &n_items_changed);

  answer = pnl_session_add_question (f->session, "people", "Why did you leave?", &error);
  g_assert_no_error (error);
  g_assert_nonnull (answer);
  question_id = pnl_question_get_id (pnl_answer_get_question (answer));

  g_assert_true (pnl_answer_get_custom (answer));
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (answer)), ==, "Why did you leave?");
  g_assert_cmpstr (pnl_question_get_area_id (pnl_answer_get_question (answer)), ==, "people");
  g_assert_cmpstr (pnl_answer_get_area_title (answer), ==, "People");
  g_assert_true (pnl_session_get_current (f->session) == answer);
  g_assert_cmpuint (n_current, ==, 1);
  g_assert_true (pnl_answer_get_asked (answer));
  g_assert_true (pnl_session_find_answer (f->session, question_id) == answer);

  /* Last of the answers, last of its area. */
  g_assert_cmpuint (n_items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_session_get_answers (f->session)), ==, 6);
  last = g_list_model_get_item (pnl_session_get_answers (f->session), 5);
  g_assert_true (last == answer);
  g_assert_cmpuint (pnl_session_area_get_n_questions (people), ==, 2);
  g_assert_cmpuint (pnl_session_area_get_n_asked (people), ==, 1);
  g_clear_object (&last);
  last = g_list_model_get_item (pnl_session_area_get_answers (people), 1);
  g_assert_true (last == answer);
  pnl_session_get_coverage (f->session, &n_asked, &n_questions);
  g_assert_cmpuint (n_asked, ==, 1);
  g_assert_cmpuint (n_questions, ==, 6);

  pnl_session_set_notes (f->session, "Wants to grow");
  pnl_session_set_score (f->session, 4);
  g_assert_cmpfloat (pnl_session_area_get_mean (people), ==, 4.0);
  pnl_session_save_now (f->session);
  stored = stored_answer (f, question_id);
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Wants to grow");
  g_assert_cmpint (pnl_answer_get_score (stored), ==, 4);
  g_assert_true (pnl_answer_get_custom (stored));

  /* An area the bank does not have becomes a new one, at the end. */
  other = pnl_session_add_question (f->session, "extra", "Anything to add?", &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_true (pnl_session_get_current (f->session) == other);
  extra = pnl_session_find_area (f->session, "extra");
  g_assert_nonnull (extra);
  g_assert_cmpstr (pnl_session_area_get_title (extra), ==, "extra");
  g_assert_cmpuint (pnl_session_area_get_n_questions (extra), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_session_get_areas (f->session)), ==, 4);
  g_assert_true (area_at (f, 3) == extra);

  /* And it all comes back. */
  pnl_session_save_now (f->session);
  flush (f);
  reloaded = pnl_session_new (f->store, f->interview, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_session_get_answers (reloaded)), ==, 7);
  g_assert_cmpuint (pnl_session_area_get_n_questions (pnl_session_find_area (reloaded, "people")), ==, 2);
  g_assert_cmpuint (pnl_session_area_get_n_questions (pnl_session_find_area (reloaded, "extra")), ==, 1);
  g_assert_nonnull (pnl_session_find_answer (reloaded, question_id));
  g_assert_cmpstr (pnl_answer_get_notes (pnl_session_find_answer (reloaded, question_id)), ==, "Wants to grow");
}

/* How many custom_questions rows @f's interview has in the file. */
static gint64
count_custom_rows (Fixture    *f,
                   const char *question_id)
{
  g_autoptr(PnlDb) db = NULL;
  g_autoptr(PnlDbStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  flush (f);
  db = pnl_db_open (f->path, PNL_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  stmt = pnl_db_prepare (db,
                         "SELECT COUNT (*) FROM custom_questions"
                         " WHERE interview_id = ?1 AND question_id = ?2",
                         &error);
  g_assert_no_error (error);
  pnl_db_statement_bind_int (stmt, 1, pnl_interview_get_id (f->interview));
  pnl_db_statement_bind_text (stmt, 2, question_id);
  g_assert_cmpint (pnl_db_statement_step (stmt, &error), ==, PNL_DB_STEP_ROW);
  n = pnl_db_statement_column_int (stmt, 0);

  return n;
}

static gboolean
stored_has (Fixture    *f,
            const char *question_id)
{
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GError) error = NULL;

  flush (f);
  answers = pnl_store_list_answers (f->store, f->interview, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

      if (g_str_equal (pnl_question_get_id (pnl_answer_get_question (answer)), question_id))
        return TRUE;
    }

  return FALSE;
}

/* Whether the Markdown and JSON exports of the interview hold @text. */
static gboolean
exported_has (Fixture    *f,
              const char *text)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *json = NULL;

  flush (f);
  items = pnl_export_collect (f->store, PNL_EXPORT_SCOPE_INTERVIEW, pnl_interview_get_uuid (f->interview), &error);
  g_assert_no_error (error);
  md = pnl_export_to_string (PNL_EXPORT_FORMAT_MARKDOWN, PNL_EXPORT_SCOPE_INTERVIEW, items, &error);
  g_assert_no_error (error);
  json = pnl_export_to_string (PNL_EXPORT_FORMAT_JSON, PNL_EXPORT_SCOPE_INTERVIEW, items, &error);
  g_assert_no_error (error);
  g_assert_cmpint (strstr (md, text) != NULL, ==, strstr (json, text) != NULL);

  return strstr (md, text) != NULL;
}

static void
test_rename_question (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PnlSession) reloaded = NULL;
  g_autoptr(PnlAnswer) stored = NULL;
  g_autoptr(PnlInterview) before = NULL;
  g_autoptr(PnlInterview) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *question_id = NULL;
  PnlAnswer *answer;
  guint n_question = 0;

  pnl_session_set_paused (f->session, TRUE);
  answer = pnl_session_add_question (f->session, "people", "How do you test retries?typo", &error);
  g_assert_no_error (error);
  question_id = g_strdup (pnl_question_get_id (pnl_answer_get_question (answer)));
  pnl_session_set_notes (f->session, "Uses fakes");
  pnl_session_save_now (f->session);
  before = stored_interview (f);

  g_signal_connect (answer, "notify::question", G_CALLBACK (count_cb), &n_question);
  g_assert_true (pnl_session_rename_question (f->session, answer, "  How do you test retries?  ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_question, ==, 1);
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (answer)), ==, "How do you test retries?");
  g_assert_cmpstr (pnl_question_get_id (pnl_answer_get_question (answer)), ==, question_id);
  g_assert_true (pnl_session_find_answer (f->session, question_id) == answer);
  g_assert_cmpstr (pnl_answer_get_notes (answer), ==, "Uses fakes");

  /* The same text again changes nothing; no text is refused. */
  g_assert_true (pnl_session_rename_question (f->session, answer, "How do you test retries?", &error));
  g_assert_cmpuint (n_question, ==, 1);
  g_assert_false (pnl_session_rename_question (f->session, answer, " \n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  stored = stored_answer (f, question_id);
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (stored)), ==, "How do you test retries?");
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Uses fakes");
  after = stored_interview (f);
  g_assert_cmpint (pnl_interview_get_revision (after), >, pnl_interview_get_revision (before));

  /* A shipped question keeps its text. */
  g_assert_false (pnl_session_rename_question (f->session, find (f, "design.api"), "Other", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (find (f, "design.api"))), ==, "Design an API.");

  g_clear_object (&f->session);
  reloaded = pnl_session_new (f->store, f->interview, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (pnl_session_find_answer (reloaded, question_id))),
                   ==, "How do you test retries?");
}

static void
test_remove_question (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PnlSession) reloaded = NULL;
  g_autoptr(PnlAnswer) removed = NULL;
  g_autoptr(PnlAnswer) stored = NULL;
  g_autoptr(PnlAnswer) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *question_id = NULL;
  g_autofree char *extra_id = NULL;
  PnlSessionArea *people = pnl_session_find_area (f->session, "people");
  PnlAnswer *answer;
  PnlAnswer *extra;
  guint n_asked = 0;
  guint n_questions = 0;
  guint position;

  pnl_session_set_paused (f->session, TRUE);
  answer = pnl_session_add_question (f->session, "people", "Why did you leave?", &error);
  g_assert_no_error (error);
  question_id = g_strdup (pnl_question_get_id (pnl_answer_get_question (answer)));
  position = pnl_answer_get_position (answer);
  pnl_session_set_notes (f->session, "Wants to grow");
  pnl_session_set_score (f->session, 4);
  pnl_session_toggle_flag (f->session, PNL_ANSWER_FLAGS_RED_FLAG);
  pnl_answer_set_seconds (answer, 42);
  pnl_session_save_now (f->session);

  extra = pnl_session_add_question (f->session, "extra", "Anything to add?", &error);
  g_assert_no_error (error);
  extra_id = g_strdup (pnl_question_get_id (pnl_answer_get_question (extra)));
  pnl_session_set_current (f->session, answer);
  g_assert_cmpuint (pnl_session_area_get_n_questions (people), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_session_get_answers (f->session)), ==, 7);

  /* A shipped question stays. */
  g_assert_false (pnl_session_remove_question (f->session, find (f, "design.api"), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_session_get_answers (f->session)), ==, 7);

  /* Typed just before: the waiting save must not bring it back. */
  pnl_session_set_notes (f->session, "Wants to grow, fast");
  removed = g_object_ref (answer);
  g_assert_true (pnl_session_remove_question (f->session, removed, &error));
  g_assert_no_error (error);
  g_assert_null (pnl_session_find_answer (f->session, question_id));
  g_assert_true (pnl_session_get_current (f->session) == extra);
  g_assert_cmpuint (g_list_model_get_n_items (pnl_session_get_answers (f->session)), ==, 6);
  g_assert_false (g_list_store_find (G_LIST_STORE (pnl_session_get_answers (f->session)), removed, NULL));
  g_assert_cmpuint (pnl_session_area_get_n_questions (people), ==, 1);
  g_assert_cmpuint (pnl_session_area_get_n_scored (people), ==, 0);
  g_assert_true (isnan (pnl_session_area_get_mean (people)));
  pnl_session_get_coverage (f->session, &n_asked, &n_questions);
  g_assert_cmpuint (n_asked, ==, 1);
  g_assert_cmpuint (n_questions, ==, 6);
  g_assert_false (pnl_session_get_dirty (f->session));
  g_assert_false (stored_has (f, question_id));
  g_assert_cmpint (count_custom_rows (f, question_id), ==, 0);
  g_assert_false (exported_has (f, "Why did you leave?"));
  g_assert_false (exported_has (f, "Wants to grow"));
  g_assert_true (exported_has (f, "Anything to add?"));
  /* Twice is refused. */
  g_assert_false (pnl_session_remove_question (f->session, removed, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo: back where it was, as it was. */
  g_assert_true (pnl_session_restore_question (f->session, removed, &error));
  g_assert_no_error (error);
  g_assert_true (pnl_session_get_current (f->session) == removed);
  g_assert_true (pnl_session_find_answer (f->session, question_id) == removed);
  item = g_list_model_get_item (pnl_session_get_answers (f->session), 5);
  g_assert_true (item == removed);
  g_clear_object (&item);
  item = g_list_model_get_item (pnl_session_area_get_answers (people), 1);
  g_assert_true (item == removed);
  g_assert_cmpuint (pnl_session_area_get_n_questions (people), ==, 2);
  g_assert_cmpfloat (pnl_session_area_get_mean (people), ==, 4.0);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), >=, 42);
  stored = stored_answer (f, question_id);
  g_assert_cmpuint (pnl_answer_get_position (stored), ==, position);
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "Wants to grow, fast");
  g_assert_cmpint (pnl_answer_get_score (stored), ==, 4);
  g_assert_cmpint (pnl_answer_get_flags (stored), ==, PNL_ANSWER_FLAGS_RED_FLAG);
  g_assert_cmpuint (pnl_answer_get_seconds (stored), ==, 42);
  g_assert_true (pnl_answer_get_asked (stored));
  g_assert_true (pnl_answer_get_custom (stored));
  g_assert_cmpint (count_custom_rows (f, question_id), ==, 1);
  g_assert_true (exported_has (f, "Why did you leave?"));

  /* The only question of its area takes the area with it, and brings
   * it back in its place. */
  g_clear_object (&removed);
  removed = g_object_ref (extra);
  g_assert_true (pnl_session_remove_question (f->session, removed, &error));
  g_assert_no_error (error);
  g_assert_null (pnl_session_find_area (f->session, "extra"));
  g_assert_cmpuint (g_list_model_get_n_items (pnl_session_get_areas (f->session)), ==, 3);
  g_assert_true (pnl_session_restore_question (f->session, removed, &error));
  g_assert_no_error (error);
  g_assert_nonnull (pnl_session_find_area (f->session, "extra"));
  g_assert_true (area_at (f, 3) == pnl_session_find_area (f->session, "extra"));
  g_assert_true (pnl_session_restore_question (f->session, removed, &error) == FALSE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Removed for good: not there after a reload. */
  g_assert_true (pnl_session_remove_question (f->session, removed, &error));
  g_assert_no_error (error);
  g_clear_object (&f->session);
  reloaded = pnl_session_new (f->store, f->interview, &error);
  g_assert_no_error (error);
  g_assert_null (pnl_session_find_answer (reloaded, extra_id));
  g_assert_null (pnl_session_find_area (reloaded, "extra"));
  g_assert_nonnull (pnl_session_find_answer (reloaded, question_id));
  g_assert_cmpuint (g_list_model_get_n_items (pnl_session_get_answers (reloaded)), ==, 6);
  g_assert_cmpstr (pnl_answer_get_notes (pnl_session_find_answer (reloaded, question_id)), ==, "Wants to grow, fast");
}

static void
test_custom_question_locked (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PnlAnswer) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *question_id = NULL;
  PnlAnswer *answer;

  pnl_session_set_paused (f->session, TRUE);
  answer = pnl_session_add_question (f->session, "people", "Why did you leave?", &error);
  g_assert_no_error (error);
  question_id = g_strdup (pnl_question_get_id (pnl_answer_get_question (answer)));
  pnl_session_submit (f->session);
  g_assert_true (pnl_session_get_locked (f->session));

  g_assert_false (pnl_session_rename_question (f->session, answer, "Other", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (pnl_session_remove_question (f->session, answer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (pnl_session_find_answer (f->session, question_id) == answer);
  {
    g_autoptr(PnlAnswer) kept = stored_answer (f, question_id);

    g_assert_cmpstr (pnl_question_get_prompt (pnl_answer_get_question (kept)), ==, "Why did you leave?");
  }

  /* Reopened, it can change again; an undo waits for the next reopen. */
  pnl_session_reopen (f->session);
  removed = g_object_ref (answer);
  g_assert_true (pnl_session_remove_question (f->session, removed, &error));
  g_assert_no_error (error);
  pnl_session_submit (f->session);
  g_assert_false (pnl_session_restore_question (f->session, removed, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (stored_has (f, question_id));
  pnl_session_reopen (f->session);
  g_assert_true (pnl_session_restore_question (f->session, removed, &error));
  g_assert_no_error (error);
  g_assert_true (stored_has (f, question_id));
}

static void
test_interview_saves (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PnlInterview) during = NULL;
  g_autoptr(PnlInterview) after = NULL;
  g_autoptr(PnlInterview) decided = NULL;

  /* The summary is typed: debounced like notes. */
  pnl_session_set_summary (f->session, "Stro");
  pnl_session_set_summary (f->session, "Strong on data");
  g_assert_true (pnl_session_get_dirty (f->session));
  g_assert_cmpuint (pnl_store_get_n_pending (f->store), ==, 0);
  during = stored_interview (f);
  g_assert_cmpstr (pnl_interview_get_summary (during), ==, "");

  WAIT_UNTIL (!pnl_session_get_dirty (f->session), 5000);
  after = stored_interview (f);
  g_assert_cmpstr (pnl_interview_get_summary (after), ==, "Strong on data");

  /* A recommendation is a decision: queued at once. */
  pnl_session_set_recommendation (f->session, PNL_RECOMMENDATION_STRONG_YES);
  g_assert_false (pnl_session_get_dirty (f->session));
  decided = stored_interview (f);
  g_assert_cmpint (pnl_interview_get_recommendation (decided), ==, PNL_RECOMMENDATION_STRONG_YES);
}

static void
test_dispose_saves (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(PnlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PnlSession *session = g_steal_pointer (&f->session);
  g_autofree char *uuid = g_strdup (pnl_interview_get_uuid (f->interview));
  gboolean found = FALSE;

  pnl_session_set_current (session, pnl_session_find_answer (session, "design.api"));
  pnl_session_save_now (session);
  flush (f);

  pnl_session_set_notes (session, "typed just before closing");
  _pnl_session_tick (session);
  _pnl_session_tick (session);
  pnl_session_set_summary (session, "last words");
  g_assert_true (pnl_session_get_dirty (session));

  /* No main loop runs: only dispose can have saved it. */
  g_assert_finalize_object (session);

  g_assert_true (pnl_store_close (f->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  store = pnl_store_new (f->path, &error);
  g_assert_no_error (error);
  interview = pnl_store_find_interview (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pnl_interview_get_summary (interview), ==, "last words");

  answers = pnl_store_list_answers (store, interview, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

      if (!g_str_equal (pnl_question_get_id (pnl_answer_get_question (answer)), "design.api"))
        continue;

      g_assert_cmpstr (pnl_answer_get_notes (answer), ==, "typed just before closing");
      g_assert_cmpuint (pnl_answer_get_seconds (answer), ==, 2);
      g_assert_true (pnl_answer_get_asked (answer));
      found = TRUE;
    }
  g_assert_true (found);

  g_assert_true (pnl_store_close (store, &error));
  g_assert_no_error (error);
}

static void
save_failed_cb (PnlSession   *session,
                const GError *error,
                Fixture      *f)
{
  f->n_failed++;
  g_clear_error (&f->failed_error);
  f->failed_error = g_error_copy (error);
}

static void
save_recovered_cb (PnlSession *session,
                   Fixture    *f)
{
  f->n_recovered++;
}

static void
raw_exec (PnlDb      *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pnl_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
test_save_failed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PnlAnswer) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnlDb) raw = NULL;

  g_signal_connect (f->session, "save-failed", G_CALLBACK (save_failed_cb), f);
  g_signal_connect (f->session, "save-recovered", G_CALLBACK (save_recovered_cb), f);

  pnl_session_set_paused (f->session, TRUE);
  pnl_session_set_current (f->session, find (f, "design.api"));
  flush (f);

  /* The disk says no to every change of an answer. */
  raw = pnl_db_open (f->path, PNL_DB_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  raw_exec (raw,
            "CREATE TRIGGER refuse_saves BEFORE UPDATE ON answers"
            " BEGIN SELECT RAISE (ABORT, 'no room'); END;");

  pnl_session_set_notes (f->session, "kept while failing");
  pnl_session_save_now (f->session);

  WAIT_UNTIL (f->n_failed > 0, 10000);
  g_assert_error (f->failed_error, PNL_DB_ERROR, SQLITE_CONSTRAINT);
  g_assert_cmpuint (f->n_recovered, ==, 0);

  raw_exec (raw, "DROP TRIGGER refuse_saves");
  WAIT_UNTIL (f->n_recovered > 0, 10000);
  g_assert_cmpuint (f->n_failed, ==, 1);

  stored = stored_answer (f, "design.api");
  g_assert_cmpstr (pnl_answer_get_notes (stored), ==, "kept while failing");
}

/* Opening an interview changes nothing about it: reopened again and
 * again without a change, its clock, revision and updated_at stay; the
 * first change the interviewer makes starts the clock. */
static void
test_reopen_unchanged (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PnlInterview) before = NULL;
  g_autofree char *uuid = g_strdup (pnl_interview_get_uuid (f->interview));
  g_autoptr(GError) error = NULL;
  gint64 revision, updated_at;

  pnl_session_set_current (f->session, find (f, "design.api"));
  g_assert_false (pnl_session_get_paused (f->session));
  _pnl_session_tick (f->session);
  _pnl_session_tick (f->session);
  pnl_session_set_notes (f->session, "REST, then versioning");
  pnl_session_save_now (f->session);
  g_assert_finalize_object (g_steal_pointer (&f->session));

  before = stored_interview (f);
  revision = pnl_interview_get_revision (before);
  updated_at = g_date_time_to_unix (pnl_interview_get_updated_at (before));
  {
    g_autoptr(PnlAnswer) api_before = stored_answer (f, "design.api");

    g_assert_cmpuint (pnl_answer_get_seconds (api_before), ==, 2);
  }

  /* A change now would show in updated_at. */
  g_usleep (1100 * 1000);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PnlInterview) interview = NULL;
      g_autoptr(PnlInterview) after = NULL;
      g_autoptr(PnlAnswer) api = NULL;
      PnlSession *session;

      interview = pnl_store_find_interview (f->store, uuid, &error);
      g_assert_no_error (error);
      session = pnl_session_new (f->store, interview, &error);
      g_assert_no_error (error);

      /* Back at the question the interviewer left, as the window does. */
      pnl_session_set_current (session, pnl_session_find_answer (session, "design.api"));
      for (guint j = 0; j < 5; j++)
        _pnl_session_tick (session);
      pnl_session_set_current (session, pnl_session_find_answer (session, "data.sql"));
      _pnl_session_tick (session);
      g_assert_cmpuint (pnl_session_get_elapsed (session), ==, 2);
      g_assert_true (pnl_session_get_paused (session));
      g_assert_false (_pnl_session_is_ticking (session));
      pnl_session_save_now (session);
      g_assert_finalize_object (session);

      after = stored_interview (f);
      g_assert_cmpint (pnl_interview_get_revision (after), ==, revision);
      g_assert_cmpint (g_date_time_to_unix (pnl_interview_get_updated_at (after)), ==, updated_at);
      api = stored_answer (f, "design.api");
      g_assert_cmpuint (pnl_answer_get_seconds (api), ==, 2);
      g_assert_cmpstr (pnl_answer_get_notes (api), ==, "REST, then versioning");
      g_clear_object (&api);
      api = stored_answer (f, "data.sql");
      g_assert_cmpuint (pnl_answer_get_seconds (api), ==, 0);
    }

  /* The interviewer's first change starts the clock again. */
  f->session = pnl_session_new (f->store, before, &error);
  g_assert_no_error (error);
  pnl_session_set_current (f->session, find (f, "design.api"));
  g_assert_true (pnl_session_get_paused (f->session));
  pnl_session_set_score (f->session, 3);
  g_assert_false (pnl_session_get_paused (f->session));
  g_assert_true (_pnl_session_is_ticking (f->session));
  _pnl_session_tick (f->session);
  g_assert_cmpuint (pnl_session_get_elapsed (f->session), ==, 3);

  /* Paused by the interviewer, it stays paused through a change. */
  pnl_session_set_paused (f->session, TRUE);
  pnl_session_set_notes (f->session, "written during the break");
  g_assert_true (pnl_session_get_paused (f->session));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/session/areas", test_areas);
  ADD ("/core/session/current", test_current);
  ADD ("/core/session/notes-debounce", test_notes_debounce);
  ADD ("/core/session/max-delay", test_max_delay);
  ADD ("/core/session/ticks-do-not-delay", test_ticks_do_not_delay);
  ADD ("/core/session/clock-save", test_clock_save);
  ADD ("/core/session/area-figures", test_area_figures);
  ADD ("/core/session/score-none", test_score_none);
  ADD ("/core/session/flags", test_flags);
  ADD ("/core/session/submit-reopen", test_submit_reopen);
  ADD ("/core/session/clock", test_clock);
  ADD ("/core/session/reopen-unchanged", test_reopen_unchanged);
  ADD ("/core/session/pacing", test_pacing);
  ADD ("/core/session/recommendation", test_recommendation);
  ADD ("/core/session/add-question", test_add_question);
  ADD ("/core/session/rename-question", test_rename_question);
  ADD ("/core/session/remove-question", test_remove_question);
  ADD ("/core/session/custom-question-locked", test_custom_question_locked);
  ADD ("/core/session/interview-saves", test_interview_saves);
  ADD ("/core/session/dispose-saves", test_dispose_saves);
  ADD ("/core/session/save-failed", test_save_failed);

#undef ADD

  return g_test_run ();
}
