/* pnl-session.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-session"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "pnl-answer.h"
#include "pnl-interview.h"
#include "pnl-question.h"
#include "pnl-scale.h"
#include "pnl-session-area-private.h"
#include "pnl-session-private.h"
#include "pnl-store.h"

/* Autosave, in short: every change to an answer or to the interview
 * marks it dirty.  Changes people make (typing, scoring, flags) start
 * or push back one debounce timer, capped so that a long stretch of
 * typing is still saved every PNL_SESSION_SAVE_MAX_DELAY_MS.  The
 * clock's changes (seconds, once a second) never push that timer back:
 * they ride along with the next save, or get one of their own after
 * PNL_SESSION_CLOCK_SAVE_DELAY_MS.  "Saving" only queues copies on the
 * store's writer thread; nothing here waits on the disk.
 *
 * The figures (elapsed, pacing, coverage) are kept incrementally from
 * what each answer held when last seen, so a tick costs the same with
 * ten answers or ten thousand. */

#define KNOWN_FLAGS (PNL_ANSWER_FLAGS_FOLLOW_UP | \
                     PNL_ANSWER_FLAGS_RED_FLAG | \
                     PNL_ANSWER_FLAGS_HIGHLIGHT)

/* What the session last saw of an answer. */
typedef struct
{
  /* Borrowed: the session's areas outlive its answers' info */
  PnlSessionArea *area;
  guint           minutes;
  guint           seconds;
  guint           asked : 1;
} AnswerInfo;

struct _PnlSession
{
  GObject       parent_instance;

  /* Owned references */
  PnlStore     *store;
  PnlInterview *interview;
  GListStore   *answers;
  GListStore   *areas;
  PnlAnswer    *current;
  /* PnlAnswer -> AnswerInfo */
  GHashTable   *infos;
  /* area id -> PnlSessionArea (borrowed from @areas) */
  GHashTable   *areas_by_id;
  /* question id -> PnlAnswer (borrowed from @answers) */
  GHashTable   *answers_by_question;
  /* Answers changed since the last save (borrowed) */
  GHashTable   *dirty_answers;
  /* The session's name for its lease on the interview */
  char         *lease_owner;

  /* Timers */
  guint         save_source;
  guint         clock_save_source;
  guint         tick_source;
  guint         lease_source;
  /* PNL_SESSION_CLOCK_SAVE_DELAY_MS, shorter in tests */
  guint         clock_save_delay_ms;
  /* When the oldest change not yet saved was made (monotonic), or 0 */
  gint64        first_dirty_at;

  /* Figures */
  guint         n_asked;
  guint64       elapsed;
  guint64       suggested;
  guint64       used;

  guint         interview_dirty : 1;
  guint         dirty : 1;
  guint         locked : 1;
  /* Another interviewer's scorecard: locked for good */
  guint         foreign : 1;
  guint         paused : 1;
  /* Paused by opening, not by the interviewer: the first change they
   * make starts the clock (see pnl_session_new()). */
  guint         waiting : 1;
  /* Set while several interview fields change together. */
  guint         batching : 1;
  guint         disposed : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_INTERVIEW,
  PROP_CURRENT,
  PROP_LOCKED,
  PROP_FOREIGN,
  PROP_PAUSED,
  PROP_ELAPSED,
  PROP_DIRTY,
  N_PROPS
};

enum {
  SAVE_FAILED,
  SAVE_RECOVERED,
  SUBMITTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (PnlSession, pnl_session, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void pnl_session_save_dirty (PnlSession *self);
static void pnl_session_update_clock (PnlSession *self);

static guint
clamp_uint (guint64 value)
{
  return (guint) MIN (value, G_MAXUINT);
}

static void
pnl_session_update_dirty (PnlSession *self)
{
  gboolean dirty;

  dirty = self->interview_dirty || g_hash_table_size (self->dirty_answers) > 0;

  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

/* Saving ----------------------------------------------------------------- */

static gboolean
save_timeout_cb (gpointer data)
{
  PnlSession *self = data;

  self->save_source = 0;
  pnl_session_save_dirty (self);

  return G_SOURCE_REMOVE;
}

static gboolean
clock_save_timeout_cb (gpointer data)
{
  PnlSession *self = data;

  self->clock_save_source = 0;
  pnl_session_save_dirty (self);

  return G_SOURCE_REMOVE;
}

/* A change someone made: (re)start the debounce, but never beyond the
 * cap counted from the oldest change not saved yet. */
static void
pnl_session_schedule_save (PnlSession *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 remaining_ms;
  guint delay_ms;

  if (self->first_dirty_at == 0)
    self->first_dirty_at = now;

  remaining_ms = (self->first_dirty_at - now) / 1000 + PNL_SESSION_SAVE_MAX_DELAY_MS;
  delay_ms = (guint) CLAMP (remaining_ms, 0, PNL_SESSION_SAVE_DELAY_MS);

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (delay_ms, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[panelist] session save");
}

/* A change the clock made: it waits for the next save, or for its own
 * timer, which nothing pushes back. */
static void
pnl_session_schedule_clock_save (PnlSession *self)
{
  if (self->save_source != 0 || self->clock_save_source != 0)
    return;

  self->clock_save_source = g_timeout_add (self->clock_save_delay_ms,
                                           clock_save_timeout_cb, self);
  g_source_set_name_by_id (self->clock_save_source, "[panelist] session clock save");
}

/* Queues every dirty answer, then the interview when it is dirty. */
static void
pnl_session_save_dirty (PnlSession *self)
{
  GHashTableIter iter;
  gpointer key;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->clock_save_source, g_source_remove);
  self->first_dirty_at = 0;

  if (self->store == NULL)
    return;

  if (g_hash_table_size (self->dirty_answers) > 0)
    g_debug ("Queueing %u answers", g_hash_table_size (self->dirty_answers));

  g_hash_table_iter_init (&iter, self->dirty_answers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      pnl_store_save_answer (self->store, key);
      g_hash_table_iter_remove (&iter);
    }

  if (self->interview_dirty)
    {
      self->interview_dirty = FALSE;
      pnl_store_save_interview (self->store, self->interview);
    }

  pnl_session_update_dirty (self);
}

/* The lease ------------------------------------------------------------- */

/* While the session is open the interview is held (docs/database.md):
 * an import keeps what arrives for it aside instead of changing the rows
 * the session saves into.  A heartbeat keeps the lease fresh; a session
 * that dies leaves one that does not count. */

static gboolean
lease_heartbeat_cb (gpointer data)
{
  PnlSession *self = data;

  pnl_store_hold_interview (self->store, self->interview, self->lease_owner, FALSE, NULL);

  return G_SOURCE_CONTINUE;
}

static void
pnl_session_hold (PnlSession *self)
{
  g_autoptr(GError) error = NULL;

  self->lease_owner = g_uuid_string_random ();

  /* On disk before the answers are read; a database that cannot be
   * written still opens, and its saves report the failure. */
  if (!pnl_store_hold_interview (self->store, self->interview, self->lease_owner, TRUE, &error))
    g_debug ("The interview could not be held: %s", error->message);

  self->lease_source = g_timeout_add_seconds (PNL_STORE_LEASE_HEARTBEAT_S, lease_heartbeat_cb, self);
  g_source_set_name_by_id (self->lease_source, "[panelist] session lease");
}

/* The interviewer changed something: an interview opened with its clock
 * waiting is being held again, and its time counts from now. */
static void
pnl_session_changed (PnlSession *self)
{
  if (!self->waiting)
    return;

  self->waiting = FALSE;
  pnl_session_set_paused (self, FALSE);
}

/* Watching the answers --------------------------------------------------- */

static void
pnl_session_answer_notify_cb (PnlSession *self,
                              GParamSpec *pspec,
                              PnlAnswer  *answer)
{
  const char *name = g_param_spec_get_name (pspec);
  AnswerInfo *info;

  if (!(info = g_hash_table_lookup (self->infos, answer)))
    return;

  if (g_str_equal (name, "seconds"))
    {
      guint seconds = pnl_answer_get_seconds (answer);

      if (seconds == info->seconds)
        return;

      self->elapsed = self->elapsed - info->seconds + seconds;
      if (info->asked)
        self->used = self->used - info->seconds + seconds;
      info->seconds = seconds;

      g_hash_table_add (self->dirty_answers, answer);
      pnl_session_schedule_clock_save (self);
      pnl_session_update_dirty (self);

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);
      return;
    }

  if (g_str_equal (name, "asked"))
    {
      gboolean asked = pnl_answer_get_asked (answer);

      if (asked != info->asked)
        {
          info->asked = asked;

          if (asked)
            {
              self->n_asked++;
              self->suggested += (guint64) info->minutes * 60;
              self->used += info->seconds;
            }
          else
            {
              self->n_asked--;
              self->suggested -= (guint64) info->minutes * 60;
              self->used -= info->seconds;
            }

          _pnl_session_area_update (info->area);
        }
    }
  else if (g_str_equal (name, "score"))
    {
      _pnl_session_area_update (info->area);
    }
  else if (!g_str_equal (name, "notes") && !g_str_equal (name, "flags"))
    {
      /* Nothing else of an answer is saved. */
      return;
    }

  g_hash_table_add (self->dirty_answers, answer);
  pnl_session_changed (self);
  pnl_session_schedule_save (self);
  pnl_session_update_dirty (self);
}

static void
pnl_session_watch_answer (PnlSession     *self,
                          PnlAnswer      *answer,
                          PnlSessionArea *area)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  AnswerInfo *info;

  info = g_new0 (AnswerInfo, 1);
  info->area = area;
  info->minutes = question ? pnl_question_get_minutes (question) : 0;
  info->seconds = pnl_answer_get_seconds (answer);
  info->asked = pnl_answer_get_asked (answer);

  g_hash_table_insert (self->infos, answer, info);

  if (question != NULL)
    g_hash_table_insert (self->answers_by_question,
                         (gpointer) pnl_question_get_id (question),
                         answer);

  self->elapsed += info->seconds;
  if (info->asked)
    {
      self->n_asked++;
      self->suggested += (guint64) info->minutes * 60;
      self->used += info->seconds;
    }

  g_signal_connect_swapped (answer, "notify",
                            G_CALLBACK (pnl_session_answer_notify_cb),
                            self);
}

static PnlSessionArea *
pnl_session_ensure_area (PnlSession *self,
                         const char *area_id,
                         const char *title)
{
  PnlSessionArea *area;

  if ((area = g_hash_table_lookup (self->areas_by_id, area_id)))
    return area;

  area = _pnl_session_area_new (area_id, title);
  g_list_store_append (self->areas, area);
  g_hash_table_insert (self->areas_by_id,
                       (gpointer) pnl_session_area_get_id (area),
                       area);
  g_object_unref (area);

  return area;
}

static const char *
answer_area_id (PnlAnswer *answer)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  const char *area_id = question ? pnl_question_get_area_id (question) : NULL;

  return area_id ? area_id : "";
}

/* The interview ---------------------------------------------------------- */

static void
pnl_session_update_locked (PnlSession *self)
{
  gboolean locked;

  locked = self->foreign ||
           pnl_interview_get_state (self->interview) == PNL_INTERVIEW_STATE_SUBMITTED;

  if (self->locked != locked)
    {
      self->locked = locked;
      pnl_session_update_clock (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
    }
}

static void
pnl_session_interview_notify_cb (PnlSession   *self,
                                 GParamSpec   *pspec,
                                 PnlInterview *interview)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "summary"))
    {
      /* Typed like notes: debounced like them. */
      self->interview_dirty = TRUE;
      pnl_session_changed (self);
      pnl_session_schedule_save (self);
      pnl_session_update_dirty (self);
      return;
    }

  if (!g_str_equal (name, "state") &&
      !g_str_equal (name, "recommendation") &&
      !g_str_equal (name, "ended-at") &&
      !g_str_equal (name, "round") &&
      !g_str_equal (name, "interviewer"))
    return;

  if (g_str_equal (name, "state"))
    pnl_session_update_locked (self);

  /* A decision, not typing: saved at once (unless more comes with it). */
  self->interview_dirty = TRUE;
  pnl_session_changed (self);
  if (self->batching)
    pnl_session_update_dirty (self);
  else
    pnl_session_save_dirty (self);
}

static void
pnl_session_store_save_failed_cb (PnlSession   *self,
                                  const GError *error,
                                  PnlStore     *store)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static void
pnl_session_store_save_recovered_cb (PnlSession *self,
                                     PnlStore   *store)
{
  g_signal_emit (self, signals[SAVE_RECOVERED], 0);
}

/* The clock -------------------------------------------------------------- */

static gboolean
tick_cb (gpointer data)
{
  _pnl_session_tick (data);

  return G_SOURCE_CONTINUE;
}

static gboolean
pnl_session_clock_should_run (PnlSession *self)
{
  return !self->disposed && self->current != NULL && !self->paused && !self->locked;
}

static void
pnl_session_update_clock (PnlSession *self)
{
  if (!pnl_session_clock_should_run (self))
    {
      g_clear_handle_id (&self->tick_source, g_source_remove);
      return;
    }

  if (self->tick_source == 0)
    {
      self->tick_source = g_timeout_add (1000, tick_cb, self);
      g_source_set_name_by_id (self->tick_source, "[panelist] session clock");
    }
}

void
_pnl_session_tick (PnlSession *self)
{
  guint seconds;

  g_return_if_fail (PNL_IS_SESSION (self));

  if (!pnl_session_clock_should_run (self))
    return;

  /* Time on a question says how long it was on screen, not that it was
   * asked: browsing ahead, or leaving the window on one, asks nothing. */
  seconds = pnl_answer_get_seconds (self->current);
  if (seconds < G_MAXUINT)
    pnl_answer_set_seconds (self->current, seconds + 1);
}

gboolean
_pnl_session_is_ticking (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), FALSE);

  return self->tick_source != 0;
}

guint
_pnl_session_get_clock_save_delay (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), 0);

  return self->clock_save_delay_ms;
}

void
_pnl_session_set_clock_save_delay (PnlSession *self,
                                   guint       delay_ms)
{
  g_return_if_fail (PNL_IS_SESSION (self));
  g_return_if_fail (delay_ms > 0);

  self->clock_save_delay_ms = delay_ms;
}

/* Object ----------------------------------------------------------------- */

static void
pnl_session_dispose (GObject *object)
{
  PnlSession *self = (PnlSession *)object;

  self->disposed = TRUE;

  /* Nothing is lost: whatever is not saved yet is queued now, and the
   * lease ends after it. */
  if (self->store != NULL && self->interview != NULL)
    {
      pnl_session_save_dirty (self);
      if (self->lease_owner != NULL)
        pnl_store_release_interview (self->store, self->interview, self->lease_owner);
    }
  g_clear_pointer (&self->lease_owner, g_free);

  g_clear_handle_id (&self->lease_source, g_source_remove);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->clock_save_source, g_source_remove);
  g_clear_handle_id (&self->tick_source, g_source_remove);

  /* The answers and the interview may outlive the session (a widget may
   * hold them): stop listening to them. */
  if (self->infos != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->infos);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_signal_handlers_disconnect_by_data (key, self);
    }

  if (self->interview != NULL)
    g_signal_handlers_disconnect_by_data (self->interview, self);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_pointer (&self->dirty_answers, g_hash_table_unref);
  g_clear_pointer (&self->answers_by_question, g_hash_table_unref);
  g_clear_pointer (&self->areas_by_id, g_hash_table_unref);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_clear_object (&self->current);
  g_clear_object (&self->answers);
  g_clear_object (&self->areas);
  g_clear_object (&self->interview);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pnl_session_parent_class)->dispose (object);
}

static void
pnl_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PnlSession *self = PNL_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_INTERVIEW:
      g_value_set_object (value, self->interview);
      break;

    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case PROP_FOREIGN:
      g_value_set_boolean (value, self->foreign);
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;

    case PROP_ELAPSED:
      g_value_set_uint (value, pnl_session_get_elapsed (self));
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PnlSession *self = PNL_SESSION (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      pnl_session_set_current (self, g_value_get_object (value));
      break;

    case PROP_PAUSED:
      pnl_session_set_paused (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_session_class_init (PnlSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags readable = (G_PARAM_READABLE |
                                G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS);
  const GParamFlags writable = (G_PARAM_READWRITE |
                                G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS);

  object_class->dispose = pnl_session_dispose;
  object_class->get_property = pnl_session_get_property;
  object_class->set_property = pnl_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PNL_TYPE_STORE,
                         readable);

  properties[PROP_INTERVIEW] =
    g_param_spec_object ("interview", NULL, NULL,
                         PNL_TYPE_INTERVIEW,
                         readable);

  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL,
                         PNL_TYPE_ANSWER,
                         writable);

  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL,
                          FALSE,
                          readable);

  /* Another interviewer's scorecard: locked, and never unlocked. */
  properties[PROP_FOREIGN] =
    g_param_spec_boolean ("foreign", NULL, NULL,
                          FALSE,
                          readable);

  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL,
                          FALSE,
                          writable);

  /* Seconds, over every answer. */
  properties[PROP_ELAPSED] =
    g_param_spec_uint ("elapsed", NULL, NULL,
                       0, G_MAXUINT, 0,
                       readable);

  /* Changes that are not queued on the store yet. */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PnlSession::save-failed:
   * @self: a #PnlSession
   * @error: why
   *
   * The store's #PnlStore::save-failed, passed on: saves are failing and
   * stay queued to be retried.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * PnlSession::save-recovered:
   * @self: a #PnlSession
   *
   * The store's #PnlStore::save-recovered, passed on.
   */
  signals[SAVE_RECOVERED] =
    g_signal_new ("save-recovered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * PnlSession::submitted:
   * @self: a #PnlSession
   *
   * pnl_session_submit() locked the scorecard and queued everything on
   * the store: a flush from here on finds the submitted state.
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
pnl_session_init (PnlSession *self)
{
  self->answers = g_list_store_new (PNL_TYPE_ANSWER);
  self->areas = g_list_store_new (PNL_TYPE_SESSION_AREA);
  self->infos = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->areas_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->answers_by_question = g_hash_table_new (g_str_hash, g_str_equal);
  self->dirty_answers = g_hash_table_new (NULL, NULL);
  self->clock_save_delay_ms = PNL_SESSION_CLOCK_SAVE_DELAY_MS;
}

/**
 * pnl_session_new:
 * @store: the store @interview comes from
 * @interview: the interview to conduct
 * @error: a location for a #GError
 *
 * Reads the answers of @interview and groups them by skill area.
 *
 * Opening an interview changes nothing about it: when it has been worked
 * on already (a revision above 1, or time on its clock), the session
 * starts paused, and the first change the interviewer makes (notes, a
 * score, a flag, asked, the summary, a recommendation) or
 * pnl_session_set_paused() starts the clock.  A new interview's clock
 * runs from its first question.
 *
 * Returns: (transfer full): a new #PnlSession, or %NULL with @error set
 */
PnlSession *
pnl_session_new (PnlStore      *store,
                 PnlInterview  *interview,
                 GError       **error)
{
  g_autoptr(PnlSession) self = NULL;
  g_autoptr(GListModel) answers = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_answers;
  guint n_areas;

  g_return_val_if_fail (PNL_IS_STORE (store), NULL);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PNL_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  self->interview = g_object_ref (interview);
  self->foreign = !pnl_store_interview_is_mine (store, interview);

  /* Another interviewer's scorecard is only read: it holds nothing, so
   * that what they publish next still arrives. */
  if (!self->foreign)
    pnl_session_hold (self);

  if (!(answers = pnl_store_list_answers (store, interview, error)))
    return NULL;
  self->locked = self->foreign ||
                 pnl_interview_get_state (interview) == PNL_INTERVIEW_STATE_SUBMITTED;

  n_answers = g_list_model_get_n_items (answers);
  items = g_ptr_array_new_full (n_answers, g_object_unref);

  for (guint i = 0; i < n_answers; i++)
    {
      PnlAnswer *answer = g_list_model_get_item (answers, i);
      PnlSessionArea *area;

      g_ptr_array_add (items, answer);

      area = pnl_session_ensure_area (self,
                                      answer_area_id (answer),
                                      pnl_answer_get_area_title (answer));
      _pnl_session_area_append (area, answer);
      pnl_session_watch_answer (self, answer, area);
    }

  g_list_store_splice (self->answers, 0, 0, items->pdata, items->len);

  /* Reading an old interview adds no time to it, nor a revision. */
  if (pnl_interview_get_revision (interview) > 1 || self->elapsed > 0)
    self->paused = self->waiting = TRUE;

  n_areas = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(PnlSessionArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);

      _pnl_session_area_update (area);
    }

  g_signal_connect_object (interview, "notify",
                           G_CALLBACK (pnl_session_interview_notify_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "save-failed",
                           G_CALLBACK (pnl_session_store_save_failed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "save-recovered",
                           G_CALLBACK (pnl_session_store_save_recovered_cb),
                           self,
                           G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

/**
 * pnl_session_get_store:
 * @self: a #PnlSession
 *
 * Returns: (transfer none): the store
 */
PnlStore *
pnl_session_get_store (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);

  return self->store;
}

/**
 * pnl_session_get_interview:
 * @self: a #PnlSession
 *
 * Returns: (transfer none): the interview
 */
PnlInterview *
pnl_session_get_interview (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);

  return self->interview;
}

/**
 * pnl_session_get_answers:
 * @self: a #PnlSession
 *
 * Returns: (transfer none): a #GListModel of #PnlAnswer, in the
 *   interview's order, ad-hoc questions last
 */
GListModel *
pnl_session_get_answers (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->answers);
}

/**
 * pnl_session_get_areas:
 * @self: a #PnlSession
 *
 * Returns: (transfer none): a #GListModel of #PnlSessionArea, in the
 *   order their first question comes in the interview
 */
GListModel *
pnl_session_get_areas (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->areas);
}

/**
 * pnl_session_find_area:
 * @self: a #PnlSession
 * @area_id: the id of a skill area
 *
 * Returns: (transfer none) (nullable): the area, or %NULL
 */
PnlSessionArea *
pnl_session_find_area (PnlSession *self,
                       const char *area_id)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);
  g_return_val_if_fail (area_id != NULL, NULL);

  return g_hash_table_lookup (self->areas_by_id, area_id);
}

/**
 * pnl_session_find_answer:
 * @self: a #PnlSession
 * @question_id: the id of a question
 *
 * Returns: (transfer none) (nullable): the answer, or %NULL
 */
PnlAnswer *
pnl_session_find_answer (PnlSession *self,
                         const char *question_id)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->answers_by_question, question_id);
}

/**
 * pnl_session_get_current:
 * @self: a #PnlSession
 *
 * Returns: (transfer none) (nullable): the question being asked
 */
PnlAnswer *
pnl_session_get_current (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);

  return self->current;
}

/**
 * pnl_session_set_current:
 * @self: a #PnlSession
 * @answer: (nullable): one of the session's answers, or %NULL
 *
 * Saves what is not saved yet at once and makes the clock count for
 * @answer.  Passing over a question, or staying on it, does not make it
 * asked: writing notes, scoring, flagging it or pnl_session_set_asked()
 * does.
 */
void
pnl_session_set_current (PnlSession *self,
                         PnlAnswer  *answer)
{
  g_return_if_fail (PNL_IS_SESSION (self));
  g_return_if_fail (answer == NULL || PNL_IS_ANSWER (answer));
  g_return_if_fail (answer == NULL || g_hash_table_contains (self->infos, answer));

  if (self->current == answer)
    return;

  g_set_object (&self->current, answer);

  /* The previous question is done with: no debounce for it. */
  pnl_session_save_dirty (self);

  /* Each question starts with a whole second on the clock. */
  g_clear_handle_id (&self->tick_source, g_source_remove);
  pnl_session_update_clock (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

gboolean
pnl_session_get_locked (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), FALSE);

  return self->locked;
}

/**
 * pnl_session_get_foreign:
 * @self: a #PnlSession
 *
 * Whether the interview is another interviewer's
 * (pnl_store_interview_is_mine()): then the session is locked for good,
 * pnl_session_reopen() does nothing, and the clock never runs.
 *
 * Returns: %TRUE for another interviewer's scorecard
 */
gboolean
pnl_session_get_foreign (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), FALSE);

  return self->foreign;
}

/**
 * pnl_session_submit:
 * @self: a #PnlSession
 *
 * Locks the scorecard: the interview is submitted, ended now, and
 * everything is queued on the store.  Then emits #PnlSession::submitted.
 */
void
pnl_session_submit (PnlSession *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (PNL_IS_SESSION (self));

  if (self->locked)
    return;

  now = g_date_time_new_now_utc ();

  self->batching = TRUE;
  pnl_interview_set_state (self->interview, PNL_INTERVIEW_STATE_SUBMITTED);
  pnl_interview_set_ended_at (self->interview, now);
  self->batching = FALSE;

  self->interview_dirty = TRUE;
  pnl_session_save_dirty (self);
  pnl_session_update_locked (self);

  g_signal_emit (self, signals[SUBMITTED], 0);
}

/**
 * pnl_session_reopen:
 * @self: a #PnlSession
 *
 * Unlocks a submitted scorecard: the interview is in progress again,
 * with no end time.
 */
void
pnl_session_reopen (PnlSession *self)
{
  g_return_if_fail (PNL_IS_SESSION (self));

  if (!self->locked || self->foreign)
    return;

  self->batching = TRUE;
  pnl_interview_set_state (self->interview, PNL_INTERVIEW_STATE_IN_PROGRESS);
  pnl_interview_set_ended_at (self->interview, NULL);
  self->batching = FALSE;

  self->interview_dirty = TRUE;
  pnl_session_save_dirty (self);
  pnl_session_update_locked (self);
}

/**
 * pnl_session_set_recommendation:
 * @self: a #PnlSession
 * @recommendation: the overall recommendation
 *
 * Saved at once.  Does nothing while locked.
 */
void
pnl_session_set_recommendation (PnlSession        *self,
                                PnlRecommendation  recommendation)
{
  g_return_if_fail (PNL_IS_SESSION (self));
  g_return_if_fail (pnl_recommendation_to_string (recommendation) != NULL);

  if (self->locked)
    return;

  pnl_interview_set_recommendation (self->interview, recommendation);
}

/**
 * pnl_session_set_summary:
 * @self: a #PnlSession
 * @summary: (nullable): the summary notes
 *
 * Saved like notes, once typing pauses.  Does nothing while locked.
 */
void
pnl_session_set_summary (PnlSession *self,
                         const char *summary)
{
  g_return_if_fail (PNL_IS_SESSION (self));

  if (self->locked)
    return;

  pnl_interview_set_summary (self->interview, summary ? summary : "");
}

static gboolean
pnl_session_can_edit (PnlSession *self)
{
  return self->current != NULL && !self->locked;
}

void
pnl_session_set_notes (PnlSession *self,
                       const char *notes)
{
  g_return_if_fail (PNL_IS_SESSION (self));

  if (!pnl_session_can_edit (self))
    return;

  pnl_answer_set_notes (self->current, notes);
  pnl_answer_set_asked (self->current, TRUE);
}

/**
 * pnl_session_set_score:
 * @self: a #PnlSession
 * @score: a value of the interview's scale, or 0 for "not assessed"
 */
void
pnl_session_set_score (PnlSession *self,
                       int         score)
{
  PnlScale *scale;

  g_return_if_fail (PNL_IS_SESSION (self));

  scale = pnl_interview_get_scale (self->interview);
  g_return_if_fail (score == 0 || (scale != NULL && pnl_scale_find (scale, score) >= 0));

  if (!pnl_session_can_edit (self))
    return;

  pnl_answer_set_score (self->current, score);
  pnl_answer_set_asked (self->current, TRUE);
}

/**
 * pnl_session_set_asked:
 * @self: a #PnlSession
 * @asked: whether the question being asked was asked
 *
 * Records that the current question was asked (or, to undo a slip, that
 * it was not), when the interviewer has nothing else to note of it.
 */
void
pnl_session_set_asked (PnlSession *self,
                       gboolean    asked)
{
  g_return_if_fail (PNL_IS_SESSION (self));

  if (!pnl_session_can_edit (self))
    return;

  pnl_answer_set_asked (self->current, asked);
}

/**
 * pnl_session_toggle_flag:
 * @self: a #PnlSession
 * @flag: one flag
 */
void
pnl_session_toggle_flag (PnlSession     *self,
                         PnlAnswerFlags  flag)
{
  g_return_if_fail (PNL_IS_SESSION (self));
  g_return_if_fail (flag != 0 && (flag & ~KNOWN_FLAGS) == 0);

  if (!pnl_session_can_edit (self))
    return;

  pnl_answer_set_flags (self->current, pnl_answer_get_flags (self->current) ^ flag);
  pnl_answer_set_asked (self->current, TRUE);
}

/**
 * pnl_session_add_question:
 * @self: a #PnlSession
 * @area_id: the skill area
 * @prompt: the question
 * @error: a location for a #GError
 *
 * Adds an ad-hoc question to @area_id (a new area when the interview has
 * none of that id) after the other questions, and makes it current.
 *
 * Returns: (transfer none): the new answer, or %NULL with @error set
 */
PnlAnswer *
pnl_session_add_question (PnlSession  *self,
                          const char  *area_id,
                          const char  *prompt,
                          GError     **error)
{
  g_autoptr(PnlAnswer) answer = NULL;
  PnlSessionArea *area;
  const char *area_title;

  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);
  g_return_val_if_fail (area_id != NULL, NULL);
  g_return_val_if_fail (prompt != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->locked)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("The scorecard is submitted. Reopen it to add a question."));
      return NULL;
    }

  area = g_hash_table_lookup (self->areas_by_id, area_id);
  area_title = area ? pnl_session_area_get_title (area) : area_id;

  answer = pnl_store_add_custom_question (self->store, self->interview,
                                          area_id, area_title, prompt,
                                          error);
  if (answer == NULL)
    return NULL;

  area = pnl_session_ensure_area (self, area_id, pnl_answer_get_area_title (answer));
  _pnl_session_area_append (area, answer);
  pnl_session_watch_answer (self, answer, area);
  g_list_store_append (self->answers, answer);
  _pnl_session_area_update (area);

  pnl_session_set_current (self, answer);

  /* A question added during the interview is one being asked. */
  pnl_answer_set_asked (answer, TRUE);

  /* @self->answers holds it now. */
  return answer;
}

static gboolean
check_custom_change (PnlSession  *self,
                     PnlAnswer   *answer,
                     GError     **error)
{
  if (self->foreign)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("This is another interviewer’s scorecard: it cannot be changed here."));
      return FALSE;
    }

  if (self->locked)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("The scorecard is submitted. Reopen it to change its questions."));
      return FALSE;
    }

  if (!pnl_answer_get_custom (answer))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only a question added during the interview can be changed."));
      return FALSE;
    }

  return TRUE;
}

/**
 * pnl_session_rename_question:
 * @self: a #PnlSession
 * @answer: the answer of a custom question of the session
 * @prompt: its new text
 * @error: a location for a #GError
 *
 * Gives a question added during the interview a new text, and queues it.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
pnl_session_rename_question (PnlSession  *self,
                             PnlAnswer   *answer,
                             const char  *prompt,
                             GError     **error)
{
  g_autoptr(PnlQuestion) old_question = NULL;
  g_autoptr(PnlQuestion) question = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PNL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (PNL_IS_ANSWER (answer), FALSE);
  g_return_val_if_fail (g_hash_table_contains (self->infos, answer), FALSE);
  g_return_val_if_fail (prompt != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_custom_change (self, answer, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (prompt));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A question needs a text."));
      return FALSE;
    }

  old_question = g_object_ref (pnl_answer_get_question (answer));
  if (g_strcmp0 (pnl_question_get_prompt (old_question), stripped) == 0)
    return TRUE;

  question = pnl_question_new_custom (pnl_question_get_id (old_question),
                                      pnl_question_get_area_id (old_question),
                                      stripped);
  pnl_answer_set_question (answer, question);

  /* The key is the question's id, which the old question held. */
  g_hash_table_replace (self->answers_by_question,
                        (gpointer) pnl_question_get_id (question),
                        answer);

  pnl_store_rename_custom_question (self->store, answer);

  return TRUE;
}

/**
 * pnl_session_remove_question:
 * @self: a #PnlSession
 * @answer: the answer of a custom question of the session
 * @error: a location for a #GError
 *
 * Takes a question added during the interview out of the session (its
 * area goes too when it has no other question) and queues its removal
 * from the store, in place of any save of it still waiting.  When it was
 * current, the next question (or the one before) becomes current.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
pnl_session_remove_question (PnlSession  *self,
                             PnlAnswer   *answer,
                             GError     **error)
{
  g_autoptr(PnlAnswer) hold = NULL;
  AnswerInfo *info;
  PnlSessionArea *area;
  guint position;

  g_return_val_if_fail (PNL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (PNL_IS_ANSWER (answer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(info = g_hash_table_lookup (self->infos, answer)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The question is not part of this interview."));
      return FALSE;
    }

  if (!check_custom_change (self, answer, error))
    return FALSE;

  hold = g_object_ref (answer);
  area = info->area;

  /* No save of it may follow its removal. */
  g_hash_table_remove (self->dirty_answers, answer);
  g_signal_handlers_disconnect_by_func (answer, pnl_session_answer_notify_cb, self);

  if (self->current == answer)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
      g_autoptr(PnlAnswer) next = NULL;

      if (g_list_store_find (self->answers, answer, &position))
        {
          if (position + 1 < n)
            next = g_list_model_get_item (G_LIST_MODEL (self->answers), position + 1);
          else if (position > 0)
            next = g_list_model_get_item (G_LIST_MODEL (self->answers), position - 1);
        }

      pnl_session_set_current (self, next);
    }

  pnl_store_remove_custom_question (self->store, answer);

  self->elapsed -= info->seconds;
  if (info->asked)
    {
      self->n_asked--;
      self->suggested -= (guint64) info->minutes * 60;
      self->used -= info->seconds;
    }

  g_hash_table_remove (self->answers_by_question,
                       pnl_question_get_id (pnl_answer_get_question (answer)));
  g_hash_table_remove (self->infos, answer);

  if (g_list_store_find (self->answers, answer, &position))
    g_list_store_remove (self->answers, position);

  _pnl_session_area_remove (area, answer);
  if (g_list_model_get_n_items (pnl_session_area_get_answers (area)) > 0)
    {
      _pnl_session_area_update (area);
    }
  else if (g_list_store_find (self->areas, area, &position))
    {
      g_hash_table_remove (self->areas_by_id, pnl_session_area_get_id (area));
      g_list_store_remove (self->areas, position);
    }

  pnl_session_update_dirty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);

  return TRUE;
}

/**
 * pnl_session_restore_question:
 * @self: a #PnlSession
 * @answer: an answer pnl_session_remove_question() removed
 * @error: a location for a #GError
 *
 * Puts a removed custom question back where it was (by its position),
 * with its notes, score, flags and time as @answer holds them, queues
 * it, and makes it current.  Refused when a question of the same id or
 * position was added since.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
pnl_session_restore_question (PnlSession  *self,
                              PnlAnswer   *answer,
                              GError     **error)
{
  PnlQuestion *question;
  PnlSessionArea *area;
  const char *area_id;
  guint n;
  guint index;

  g_return_val_if_fail (PNL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (PNL_IS_ANSWER (answer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_custom_change (self, answer, error))
    return FALSE;

  question = pnl_answer_get_question (answer);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

  if (pnl_answer_get_interview_id (answer) != pnl_interview_get_id (self->interview) ||
      g_hash_table_contains (self->infos, answer) ||
      g_hash_table_contains (self->answers_by_question, pnl_question_get_id (question)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("The question cannot be put back: another one took its place."));
      return FALSE;
    }

  for (index = 0; index < n; index++)
    {
      g_autoptr(PnlAnswer) other = g_list_model_get_item (G_LIST_MODEL (self->answers), index);

      if (pnl_answer_get_position (other) == pnl_answer_get_position (answer))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("The question cannot be put back: another one took its place."));
          return FALSE;
        }

      if (pnl_answer_get_position (other) > pnl_answer_get_position (answer))
        break;
    }

  pnl_store_restore_custom_question (self->store, answer);

  g_list_store_insert (self->answers, index, answer);

  area_id = answer_area_id (answer);
  if (!(area = g_hash_table_lookup (self->areas_by_id, area_id)))
    {
      g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);

      /* The areas come in the order of their first question. */
      for (guint i = 0; i < index; i++)
        {
          g_autoptr(PnlAnswer) other = g_list_model_get_item (G_LIST_MODEL (self->answers), i);

          g_hash_table_add (before, (gpointer) answer_area_id (other));
        }

      area = _pnl_session_area_new (area_id, pnl_answer_get_area_title (answer));
      g_list_store_insert (self->areas, g_hash_table_size (before), area);
      g_hash_table_insert (self->areas_by_id,
                           (gpointer) pnl_session_area_get_id (area),
                           area);
      g_object_unref (area);
    }

  _pnl_session_area_insert (area, answer);
  pnl_session_watch_answer (self, answer, area);
  _pnl_session_area_update (area);

  pnl_session_set_current (self, answer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);

  return TRUE;
}

gboolean
pnl_session_get_paused (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), FALSE);

  return self->paused;
}

void
pnl_session_set_paused (PnlSession *self,
                        gboolean    paused)
{
  g_return_if_fail (PNL_IS_SESSION (self));

  paused = !!paused;
  self->waiting = FALSE;

  if (self->paused != paused)
    {
      self->paused = paused;
      pnl_session_update_clock (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
    }
}

guint
pnl_session_get_elapsed (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), 0);

  return clamp_uint (self->elapsed);
}

void
pnl_session_get_pacing (PnlSession *self,
                        guint      *suggested_seconds,
                        guint      *used_seconds)
{
  g_return_if_fail (PNL_IS_SESSION (self));

  if (suggested_seconds != NULL)
    *suggested_seconds = clamp_uint (self->suggested);
  if (used_seconds != NULL)
    *used_seconds = clamp_uint (self->used);
}

void
pnl_session_get_coverage (PnlSession *self,
                          guint      *n_asked,
                          guint      *n_questions)
{
  g_return_if_fail (PNL_IS_SESSION (self));

  if (n_asked != NULL)
    *n_asked = self->n_asked;
  if (n_questions != NULL)
    *n_questions = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
}

/**
 * pnl_session_check_recommendation:
 * @self: a #PnlSession
 *
 * Compares the overall recommendation with the areas that have a score:
 * a yes while most of them sit below the middle of the scale, a no while
 * most sit above it, a strong yes with an area at the lowest level or a
 * strong no with one at the highest.
 *
 * Returns: (transfer full) (nullable): a sentence saying how they
 *   disagree, or %NULL when they do not (or there is nothing to compare)
 */
char *
pnl_session_check_recommendation (PnlSession *self)
{
  PnlRecommendation recommendation;
  PnlSessionArea *lowest = NULL;
  PnlSessionArea *highest = NULL;
  const char *title;
  PnlScale *scale;
  double middle;
  guint n_areas;
  guint n_scored = 0;
  guint n_below = 0;
  guint n_above = 0;

  g_return_val_if_fail (PNL_IS_SESSION (self), NULL);

  recommendation = pnl_interview_get_recommendation (self->interview);
  scale = pnl_interview_get_scale (self->interview);

  if (recommendation == PNL_RECOMMENDATION_NONE || scale == NULL)
    return NULL;

  middle = pnl_scale_get_middle (scale);
  n_areas = g_list_model_get_n_items (G_LIST_MODEL (self->areas));

  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(PnlSessionArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);
      double mean = pnl_session_area_get_mean (area);

      if (pnl_session_area_get_n_scored (area) == 0 || isnan (mean))
        continue;

      n_scored++;

      if (mean < middle)
        n_below++;
      else if (mean > middle)
        n_above++;

      if (lowest == NULL && mean <= pnl_scale_get_min (scale))
        lowest = area;
      if (highest == NULL && mean >= pnl_scale_get_max (scale))
        highest = area;
    }

  if (n_scored == 0)
    return NULL;

  title = pnl_recommendation_get_title (recommendation);

  switch (recommendation)
    {
    case PNL_RECOMMENDATION_YES:
    case PNL_RECOMMENDATION_STRONG_YES:
      if (n_below * 2 > n_scored)
        {
          if (n_scored == 1)
            /* Translators: %s is a recommendation, like “Strong yes” */
            return g_strdup_printf (_("You recommend “%s”, but the only scored area is below the middle of the scale."),
                                    title);

          /* Translators: %s is a recommendation, like “Strong yes”;
           * then how many scored areas are below the middle of the
           * scale, and how many areas are scored in all */
          return g_strdup_printf (ngettext ("You recommend “%s”, but %u of %u scored areas is below the middle of the scale.",
                                            "You recommend “%s”, but %u of %u scored areas are below the middle of the scale.",
                                            n_below),
                                  title, n_below, n_scored);
        }

      if (recommendation == PNL_RECOMMENDATION_STRONG_YES && lowest != NULL)
        /* Translators: the first %s is a recommendation, like “Strong
         * yes”; the second is the title of a skill area */
        return g_strdup_printf (_("You recommend “%s”, but every scored answer in “%s” has the lowest score."),
                                title, pnl_session_area_get_title (lowest));
      break;

    case PNL_RECOMMENDATION_NO:
    case PNL_RECOMMENDATION_STRONG_NO:
      if (n_above * 2 > n_scored)
        {
          if (n_scored == 1)
            /* Translators: %s is a recommendation, like “Strong no” */
            return g_strdup_printf (_("You recommend “%s”, but the only scored area is above the middle of the scale."),
                                    title);

          /* Translators: %s is a recommendation, like “Strong no”;
           * then how many scored areas are above the middle of the
           * scale, and how many areas are scored in all */
          return g_strdup_printf (ngettext ("You recommend “%s”, but %u of %u scored areas is above the middle of the scale.",
                                            "You recommend “%s”, but %u of %u scored areas are above the middle of the scale.",
                                            n_above),
                                  title, n_above, n_scored);
        }

      if (recommendation == PNL_RECOMMENDATION_STRONG_NO && highest != NULL)
        /* Translators: the first %s is a recommendation, like “Strong
         * no”; the second is the title of a skill area */
        return g_strdup_printf (_("You recommend “%s”, but every scored answer in “%s” has the highest score."),
                                title, pnl_session_area_get_title (highest));
      break;

    case PNL_RECOMMENDATION_NONE:
    default:
      break;
    }

  return NULL;
}

/**
 * pnl_session_save_now:
 * @self: a #PnlSession
 *
 * Queues every dirty answer and the interview now, without waiting for
 * the timers.  Returns at once.
 */
void
pnl_session_save_now (PnlSession *self)
{
  g_return_if_fail (PNL_IS_SESSION (self));

  pnl_session_save_dirty (self);
}

gboolean
pnl_session_get_dirty (PnlSession *self)
{
  g_return_val_if_fail (PNL_IS_SESSION (self), FALSE);

  return self->dirty;
}
