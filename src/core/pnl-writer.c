/* pnl-writer.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-writer"

#include "config.h"

#include <glib/gi18n.h>

#include <sqlite3.h>

#include "pnl-db.h"
#include "pnl-writer.h"

/* One thread, one connection, one queue.  The thread takes everything
 * waiting at the head of the queue into one transaction.  When that
 * fails the transaction is rolled back and the jobs go back to the head
 * of the queue, in order, to be tried again after a pause that doubles
 * each time.  Nothing a job holds is ever logged. */

#define DEFAULT_FIRST_RETRY_MS 250
#define DEFAULT_MAX_RETRY_MS   5000

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} RunSync;

typedef struct
{
  char           *key;
  PnlWriterFunc   func;
  gpointer        data;
  GDestroyNotify  destroy;
  /* The push that first queued the job; coalescing keeps it. */
  guint64         seq;
  /* Set for pnl_writer_run(): a caller waits on it. */
  RunSync        *run;
  /* Run as it is, outside a transaction (VACUUM cannot run in one). */
  gboolean        bare;
  /* Bookkeeping, not a change someone made: not counted as pending. */
  gboolean        uncounted;
} Job;

struct _PnlWriter
{
  GObject       parent_instance;

  /* Owned references */
  char         *path;
  GMainContext *main_context;
  GThread      *thread;

  GMutex        mutex;
  GCond         cond;

  /* Everything below is protected by @mutex. */

  /* Used by the thread only once it runs; it lets go of it on exit. */
  PnlDb        *db;
  /* Jobs waiting, in order, and the keyed ones by key. */
  GQueue        queue;
  GHashTable   *keyed;
  /* Jobs in the transaction running now. */
  GPtrArray    *batch;
  guint64       last_seq;
  /* How many batches failed, and the last error. */
  guint64       n_failures;
  GError       *error;
  gint64        retry_at;
  guint         retry_interval;
  guint         first_retry_interval;
  guint         max_retry_interval;
  guint         failing : 1;
  guint         retry_now : 1;
  guint         closed : 1;
  guint         stopping : 1;
  guint         abandon : 1;
};

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  FAILED,
  RECOVERED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (PnlWriter, pnl_writer, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static Job *
job_new (const char     *key,
         PnlWriterFunc   func,
         gpointer        data,
         GDestroyNotify  destroy)
{
  Job *job = g_new0 (Job, 1);

  job->key = g_strdup (key);
  job->func = func;
  job->data = data;
  job->destroy = destroy;

  return job;
}

static void
job_free (Job *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_free (job->key);
  g_free (job);
}

typedef struct
{
  GWeakRef  writer;
  GError   *error;
} Emission;

static void
emission_free (gpointer data)
{
  Emission *emission = data;

  g_weak_ref_clear (&emission->writer);
  g_clear_error (&emission->error);
  g_free (emission);
}

static gboolean
emission_cb (gpointer data)
{
  Emission *emission = data;
  g_autoptr(PnlWriter) self = g_weak_ref_get (&emission->writer);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (emission->error != NULL)
    g_signal_emit (self, signals[FAILED], 0, emission->error);
  else
    g_signal_emit (self, signals[RECOVERED], 0);

  return G_SOURCE_REMOVE;
}

/* Called on the writer thread: the signal runs on the main context. */
static void
emit_on_main_context (PnlWriter    *self,
                      const GError *error)
{
  g_autoptr(GSource) source = g_idle_source_new ();
  Emission *emission = g_new0 (Emission, 1);

  g_weak_ref_init (&emission->writer, self);
  emission->error = error ? g_error_copy (error) : NULL;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[pnl-writer-emission]");
  g_source_set_callback (source, emission_cb, emission, emission_free);
  g_source_attach (source, self->main_context);
}

static gboolean
run_batch (PnlDb      *db,
           GPtrArray  *batch,
           GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!pnl_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < batch->len; i++)
    {
      Job *job = g_ptr_array_index (batch, i);

      if (!job->func (db, job->data, &local_error))
        goto failed;
    }

  if (pnl_db_commit (db, &local_error))
    return TRUE;

failed:
  pnl_db_rollback (db);

  if (local_error == NULL)
    g_set_error (&local_error, PNL_DB_ERROR, SQLITE_ERROR,
                 _("A change to “%s” could not be saved."),
                 pnl_db_get_path (db));
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static gboolean
run_one (PnlDb   *db,
         Job     *job,
         GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (job->bare ? job->func (db, job->data, &local_error)
                : pnl_db_transaction (db, job->func, job->data, &local_error))
    return TRUE;

  if (local_error == NULL)
    g_set_error (&local_error, PNL_DB_ERROR, SQLITE_ERROR,
                 _("A change to “%s” could not be saved."),
                 pnl_db_get_path (db));
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static void
forget_key (PnlWriter *self,
            GList     *link)
{
  Job *job = link->data;

  if (job->key != NULL && g_hash_table_lookup (self->keyed, job->key) == link)
    g_hash_table_remove (self->keyed, job->key);
}

static Job *
take_run_job (PnlWriter *self)
{
  for (GList *l = self->queue.head; l != NULL; l = l->next)
    {
      Job *job = l->data;

      if (job->run != NULL)
        {
          g_queue_delete_link (&self->queue, l);
          return job;
        }
    }

  return NULL;
}

static void
batch_failed (PnlWriter *self,
              GError    *error)
{
  /* Back to the head of the queue, in their order.  A key whose newer
   * state was pushed meanwhile keeps pointing at that newer job: both
   * run, in order, and the newer wins. */
  for (guint i = self->batch->len; i > 0; i--)
    {
      Job *job = g_ptr_array_index (self->batch, i - 1);

      g_queue_push_head (&self->queue, job);

      if (job->key != NULL && !g_hash_table_contains (self->keyed, job->key))
        g_hash_table_insert (self->keyed, g_strdup (job->key), self->queue.head);
    }
  g_ptr_array_set_size (self->batch, 0);

  self->n_failures++;
  g_clear_error (&self->error);
  self->error = error;

  if (self->retry_interval == 0)
    self->retry_interval = self->first_retry_interval;
  else
    self->retry_interval = MIN (self->retry_interval * 2, self->max_retry_interval);
  self->retry_at = g_get_monotonic_time () + (gint64) self->retry_interval * G_TIME_SPAN_MILLISECOND;

  g_debug ("A batch failed (%s); retrying in %u ms",
           g_quark_to_string (error->domain), self->retry_interval);

  if (!self->failing)
    {
      self->failing = TRUE;
      emit_on_main_context (self, error);
    }
}

static void
batch_succeeded (PnlWriter *self)
{
  for (guint i = 0; i < self->batch->len; i++)
    job_free (g_ptr_array_index (self->batch, i));
  g_ptr_array_set_size (self->batch, 0);

  self->retry_interval = 0;
  self->retry_at = 0;

  if (self->failing)
    {
      self->failing = FALSE;
      g_clear_error (&self->error);
      emit_on_main_context (self, NULL);
    }
}

static gpointer
pnl_writer_thread (gpointer data)
{
  PnlWriter *self = data;
  PnlDb *db;

  g_mutex_lock (&self->mutex);

  db = self->db;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      Job *job = NULL;
      gboolean waiting_to_retry;
      gboolean ok;

      if (self->abandon)
        break;

      if (g_queue_is_empty (&self->queue))
        {
          if (self->stopping)
            break;

          g_cond_wait (&self->cond, &self->mutex);
          continue;
        }

      waiting_to_retry = (self->failing &&
                          !self->retry_now &&
                          g_get_monotonic_time () < self->retry_at);

      job = g_queue_peek_head (&self->queue);

      if (waiting_to_retry)
        {
          /* The saves cannot land yet; a caller blocked in
           * pnl_writer_run() should hear about it now, not later. */
          if (!(job = take_run_job (self)))
            {
              g_cond_wait_until (&self->cond, &self->mutex, self->retry_at);
              continue;
            }
        }
      else if (job->run != NULL)
        {
          g_queue_pop_head (&self->queue);
        }
      else
        {
          job = NULL;
        }

      if (job != NULL)
        {
          RunSync *sync = job->run;

          g_mutex_unlock (&self->mutex);
          ok = run_one (db, job, &error);
          g_mutex_lock (&self->mutex);

          sync->ok = ok;
          sync->error = g_steal_pointer (&error);
          sync->done = TRUE;
          job_free (job);

          g_cond_broadcast (&self->cond);
          continue;
        }

      self->retry_now = FALSE;

      while ((job = g_queue_peek_head (&self->queue)) && job->run == NULL)
        {
          forget_key (self, self->queue.head);
          g_queue_pop_head (&self->queue);
          g_ptr_array_add (self->batch, job);
        }

      g_mutex_unlock (&self->mutex);
      ok = run_batch (db, self->batch, &error);
      g_mutex_lock (&self->mutex);

      if (ok)
        batch_succeeded (self);
      else
        batch_failed (self, g_steal_pointer (&error));

      g_cond_broadcast (&self->cond);
    }

  self->db = NULL;

  g_mutex_unlock (&self->mutex);

  /* The last connection to close checkpoints: here, not on the caller. */
  g_object_unref (db);

  return NULL;
}

static void
pnl_writer_dispose (GObject *object)
{
  PnlWriter *self = (PnlWriter *)object;

  if (self->thread != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!pnl_writer_close (self, &error))
        {
          guint n_pending = pnl_writer_get_n_pending (self);

          g_warning ("%u changes to “%s” were lost: %s",
                     n_pending, self->path, error->message);

          g_mutex_lock (&self->mutex);
          self->abandon = TRUE;
          g_cond_broadcast (&self->cond);
          g_mutex_unlock (&self->mutex);

          g_thread_join (g_steal_pointer (&self->thread));
        }
    }

  G_OBJECT_CLASS (pnl_writer_parent_class)->dispose (object);
}

static void
pnl_writer_finalize (GObject *object)
{
  PnlWriter *self = (PnlWriter *)object;
  Job *job;

  while ((job = g_queue_pop_head (&self->queue)))
    {
      if (job->run != NULL)
        {
          job->run->done = TRUE;
          g_set_error_literal (&job->run->error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               _("The database is closed."));
        }
      job_free (job);
    }

  g_clear_pointer (&self->keyed, g_hash_table_unref);
  g_clear_pointer (&self->batch, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_object (&self->db);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (pnl_writer_parent_class)->finalize (object);
}

static void
pnl_writer_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PnlWriter *self = PNL_WRITER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_writer_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PnlWriter *self = PNL_WRITER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_writer_class_init (PnlWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pnl_writer_dispose;
  object_class->finalize = pnl_writer_finalize;
  object_class->get_property = pnl_writer_get_property;
  object_class->set_property = pnl_writer_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PnlWriter::failed:
   * @self: a #PnlWriter
   * @error: why the batch failed
   *
   * A batch failed: its jobs stay queued and are retried.  Emitted once
   * for a run of failures, on the main context the writer was made on.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * PnlWriter::recovered:
   * @self: a #PnlWriter
   *
   * A batch succeeded after #PnlWriter::failed.
   */
  signals[RECOVERED] =
    g_signal_new ("recovered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
pnl_writer_init (PnlWriter *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->queue);
  self->keyed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->batch = g_ptr_array_new ();
  self->first_retry_interval = DEFAULT_FIRST_RETRY_MS;
  self->max_retry_interval = DEFAULT_MAX_RETRY_MS;
}

/**
 * pnl_writer_new:
 * @path: the database file
 * @error: a location for a #GError
 *
 * Opens a connection of its own to @path and starts the writer thread.
 * "failed" and "recovered" are emitted on the thread-default main
 * context of the caller.
 *
 * Returns: (transfer full): a new #PnlWriter, or %NULL with @error set
 */
PnlWriter *
pnl_writer_new (const char  *path,
                GError     **error)
{
  g_autoptr(PnlWriter) self = NULL;
  g_autoptr(PnlDb) db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(db = pnl_db_open (path, PNL_DB_OPEN_READ_WRITE, error)))
    return NULL;

  self = g_object_new (PNL_TYPE_WRITER,
                       "path", path,
                       NULL);
  self->db = g_steal_pointer (&db);
  self->main_context = g_main_context_ref_thread_default ();

  if (!(self->thread = g_thread_try_new ("pnl-writer", pnl_writer_thread, self, error)))
    return NULL;

  return g_steal_pointer (&self);
}

static void
push_job (PnlWriter      *self,
          const char     *key,
          PnlWriterFunc   func,
          gpointer        data,
          GDestroyNotify  destroy,
          gboolean        uncounted)
{
  GDestroyNotify old_destroy = NULL;
  gpointer old_data = NULL;
  GList *link;

  g_mutex_lock (&self->mutex);

  if (self->closed)
    {
      g_mutex_unlock (&self->mutex);
      g_warning ("A change was refused: the writer of “%s” is closed", self->path);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  self->last_seq++;

  if (key != NULL && (link = g_hash_table_lookup (self->keyed, key)))
    {
      Job *job = link->data;

      old_data = job->data;
      old_destroy = job->destroy;

      job->func = func;
      job->data = data;
      job->destroy = destroy;
      job->uncounted = uncounted;
    }
  else
    {
      Job *job = job_new (key, func, data, destroy);

      job->seq = self->last_seq;
      job->uncounted = uncounted;
      g_queue_push_tail (&self->queue, job);

      if (key != NULL)
        g_hash_table_insert (self->keyed, g_strdup (key), self->queue.tail);
    }

  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (old_destroy != NULL)
    old_destroy (old_data);
}

/**
 * pnl_writer_set_retry_interval:
 * @self: a #PnlWriter
 * @first_ms: the pause after a first failure, in milliseconds
 * @max_ms: the longest pause, in milliseconds
 *
 * After a failed batch the writer waits @first_ms, then twice as long
 * after each further failure, up to @max_ms.  The defaults are 250 ms
 * and 5 s.
 */
void
pnl_writer_set_retry_interval (PnlWriter *self,
                               guint      first_ms,
                               guint      max_ms)
{
  g_return_if_fail (PNL_IS_WRITER (self));
  g_return_if_fail (first_ms > 0);
  g_return_if_fail (max_ms >= first_ms);

  g_mutex_lock (&self->mutex);
  self->first_retry_interval = first_ms;
  self->max_retry_interval = max_ms;
  g_mutex_unlock (&self->mutex);
}

void
pnl_writer_push (PnlWriter      *self,
                 const char     *key,
                 PnlWriterFunc   func,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  g_return_if_fail (PNL_IS_WRITER (self));
  g_return_if_fail (func != NULL);

  push_job (self, key, func, data, destroy, FALSE);
}

/**
 * pnl_writer_push_bookkeeping:
 * @self: a #PnlWriter
 * @key: (nullable): the job's key
 * @func: the job
 * @data: data for @func, owned by the writer
 * @destroy: (nullable): frees @data
 *
 * Like pnl_writer_push(), for what the writer keeps up by itself (a
 * session's lease) rather than a change someone made: it is saved the
 * same way, but pnl_writer_get_n_pending() does not count it.
 */
void
pnl_writer_push_bookkeeping (PnlWriter      *self,
                             const char     *key,
                             PnlWriterFunc   func,
                             gpointer        data,
                             GDestroyNotify  destroy)
{
  g_return_if_fail (PNL_IS_WRITER (self));
  g_return_if_fail (func != NULL);

  push_job (self, key, func, data, destroy, TRUE);
}

/* The first push still waiting or running; G_MAXUINT64 when none. */
static guint64
oldest_pending (PnlWriter *self)
{
  if (self->batch->len > 0)
    return ((Job *) g_ptr_array_index (self->batch, 0))->seq;

  for (GList *l = self->queue.head; l != NULL; l = l->next)
    {
      Job *job = l->data;

      if (job->run == NULL)
        return job->seq;
    }

  return G_MAXUINT64;
}

/**
 * pnl_writer_flush:
 * @self: a #PnlWriter
 * @error: a location for a #GError
 *
 * Blocks until every job pushed before the call is committed.  When the
 * writer is waiting to retry, it retries at once.  When a batch holding
 * any of those jobs fails, returns %FALSE with its error: the jobs stay
 * queued and are retried.
 *
 * Returns: %TRUE when everything pushed before the call is on disk
 */
gboolean
pnl_writer_flush (PnlWriter  *self,
                  GError    **error)
{
  guint64 target;
  guint64 n_failures;
  gboolean ret = TRUE;

  g_return_val_if_fail (PNL_IS_WRITER (self), FALSE);
  g_return_val_if_fail (g_thread_self () != self->thread, FALSE);

  g_mutex_lock (&self->mutex);

  target = self->last_seq;
  n_failures = self->n_failures;

  if (self->failing)
    {
      self->retry_now = TRUE;
      g_cond_broadcast (&self->cond);
    }

  while (oldest_pending (self) <= target)
    {
      if (self->n_failures != n_failures)
        {
          if (error != NULL)
            *error = g_error_copy (self->error);
          ret = FALSE;
          break;
        }

      if (self->thread == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               _("The database is closed."));
          ret = FALSE;
          break;
        }

      g_cond_wait (&self->cond, &self->mutex);
    }

  g_mutex_unlock (&self->mutex);

  return ret;
}

/* pnl_writer_run() and pnl_writer_run_outside_transaction(). */
static gboolean
run_sync (PnlWriter      *self,
          PnlWriterFunc   func,
          gpointer        data,
          gboolean        bare,
          GError        **error)
{
  RunSync sync = { FALSE, FALSE, NULL };
  Job *job;

  g_return_val_if_fail (PNL_IS_WRITER (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (g_thread_self () != self->thread, FALSE);

  g_mutex_lock (&self->mutex);

  if (self->closed || self->thread == NULL)
    {
      g_mutex_unlock (&self->mutex);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           _("The database is closed."));
      return FALSE;
    }

  job = job_new (NULL, func, data, NULL);
  job->run = &sync;
  job->bare = bare;
  job->seq = ++self->last_seq;
  g_queue_push_tail (&self->queue, job);
  g_cond_broadcast (&self->cond);

  while (!sync.done)
    g_cond_wait (&self->cond, &self->mutex);

  g_mutex_unlock (&self->mutex);

  if (!sync.ok)
    {
      g_propagate_error (error, sync.error);
      return FALSE;
    }

  return TRUE;
}

/**
 * pnl_writer_run:
 * @self: a #PnlWriter
 * @func: the job
 * @data: data for @func, still owned by the caller
 * @error: a location for a #GError
 *
 * Runs @func on the writer thread in a transaction of its own and waits
 * for it.  It keeps its place in the queue, except while the writer
 * waits to retry failed saves: then it runs at once.  A failing job is
 * rolled back and not retried; its error is returned.
 *
 * Returns: what @func returned
 */
gboolean
pnl_writer_run (PnlWriter      *self,
                PnlWriterFunc   func,
                gpointer        data,
                GError        **error)
{
  return run_sync (self, func, data, FALSE, error);
}

/**
 * pnl_writer_run_outside_transaction:
 * @self: a #PnlWriter
 * @func: what to run on the writer's connection, as it is
 * @data: its data
 * @error: a location for a #GError
 *
 * Like pnl_writer_run(), but @func runs without a transaction around it,
 * for what cannot run in one (VACUUM, a checkpoint) or opens its own.
 */
gboolean
pnl_writer_run_outside_transaction (PnlWriter      *self,
                                    PnlWriterFunc   func,
                                    gpointer        data,
                                    GError        **error)
{
  return run_sync (self, func, data, TRUE, error);
}

/**
 * pnl_writer_get_n_pending:
 * @self: a #PnlWriter
 *
 * Returns: how many pushed jobs are not committed yet
 */
guint
pnl_writer_get_n_pending (PnlWriter *self)
{
  guint n;

  g_return_val_if_fail (PNL_IS_WRITER (self), 0);

  g_mutex_lock (&self->mutex);

  n = 0;
  for (guint i = 0; i < self->batch->len; i++)
    {
      Job *job = g_ptr_array_index (self->batch, i);

      if (!job->uncounted)
        n++;
    }
  for (GList *l = self->queue.head; l != NULL; l = l->next)
    {
      Job *job = l->data;

      if (job->run == NULL && !job->uncounted)
        n++;
    }

  g_mutex_unlock (&self->mutex);

  return n;
}

/**
 * pnl_writer_close:
 * @self: a #PnlWriter
 * @error: a location for a #GError
 *
 * Refuses further jobs, flushes, and stops the thread.  When the flush
 * fails nothing is stopped or dropped: the error is returned, the jobs
 * stay queued and the writer goes on retrying; call again later.
 * Disposing of the writer closes it, dropping what cannot be saved.
 *
 * Returns: %TRUE when everything is saved and the thread stopped
 */
gboolean
pnl_writer_close (PnlWriter  *self,
                  GError    **error)
{
  g_return_val_if_fail (PNL_IS_WRITER (self), FALSE);
  g_return_val_if_fail (g_thread_self () != self->thread, FALSE);

  if (self->thread == NULL)
    return TRUE;

  g_mutex_lock (&self->mutex);
  self->closed = TRUE;
  g_mutex_unlock (&self->mutex);

  if (!pnl_writer_flush (self, error))
    {
      g_mutex_lock (&self->mutex);
      self->closed = FALSE;
      g_mutex_unlock (&self->mutex);
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_thread_join (g_steal_pointer (&self->thread));

  return TRUE;
}
