/* pnl-panel-folder.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-panel-folder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-panel-folder.h"
#include "pnl-pending-list.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"

/* Sync tools write a file in several steps: wait for the burst to end. */
#define DEBOUNCE_MS          300
#define DEFAULT_POLL_MS      5000
#define PENDING_SUFFIX       ".panel-pending"

typedef struct _WriteOrder WriteOrder;

struct _PnlPanelFolder
{
  GObject       parent_instance;

  /* Owned references */
  PnlStore     *store;
  GFile        *folder;
  GFileMonitor *monitor;
  /* File name -> checksum of the content last looked at: what is skipped
   * on the next scan, and what keeps a problem from being told twice. */
  GHashTable   *seen;
  /* UUIDs waiting for the folder, in the order they were published. */
  GPtrArray    *pending;
  char         *pending_path;
  /* Asynchronous publishes (GTask), one at a time, the head in flight. */
  GQueue        publishes;
  /* Cancelled at dispose: what runs on threads then comes back to
   * nothing. */
  GCancellable *cancellable;
  /* Keeps the writes of one scorecard in the order their texts were
   * read; next_stamp stamps each text. */
  WriteOrder   *order;
  guint         next_stamp;

  guint         poll_interval;
  guint         poll_id;
  guint         debounce_id;

  guint         online : 1;
  guint         started : 1;
  /* The folder going away is told once, until it is back. */
  guint         missing_told : 1;
  guint         scanning : 1;
  /* Asked for during a scan: one more after it, importing or not. */
  guint         rescan : 1;
  guint         rescan_import : 1;
  /* Another folder took over: see pnl_panel_folder_retire(). */
  guint         retired : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_FOLDER,
  PROP_ONLINE,
  PROP_POLL_INTERVAL,
  PROP_SCANNING,
  N_PROPS
};

enum {
  IMPORTED,
  PROBLEM,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (PnlPanelFolder, pnl_panel_folder, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void     ensure_poll    (PnlPanelFolder *self);
static void     ensure_monitor (PnlPanelFolder *self);
static gboolean is_publishing  (PnlPanelFolder *self,
                                const char     *uuid);

/* Pending publishes ------------------------------------------------------- */

/* Written on a thread, in order: see pnl-pending-list.h. */
static void
save_pending (PnlPanelFolder *self)
{
  /* The list is the next folder's now: it read it when it was made. */
  if (self->retired)
    return;

  pnl_pending_list_save (self->pending_path, self->pending);
}

static void
set_pending (PnlPanelFolder *self,
             const char     *uuid,
             gboolean        pending)
{
  guint index;
  gboolean found;

  found = g_ptr_array_find_with_equal_func (self->pending, uuid, g_str_equal, &index);
  if (found == pending)
    return;

  if (pending)
    g_ptr_array_add (self->pending, g_strdup (uuid));
  else
    g_ptr_array_remove_index (self->pending, index);

  save_pending (self);
}

/* Reachability ------------------------------------------------------------ */

/* Blocks while it looks, which may take long on a network share: called
 * on threads, but for the first look, when the object is made, and in
 * pnl_panel_folder_publish(), which blocks anyway. */
static gboolean
folder_is_there (GFile        *folder,
                 GCancellable *cancellable)
{
  return g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) ==
         G_FILE_TYPE_DIRECTORY;
}

static gboolean
folder_exists (PnlPanelFolder *self)
{
  return folder_is_there (self->folder, NULL);
}

static void
emit_problem (PnlPanelFolder *self,
              const GError   *error)
{
  g_signal_emit (self, signals[PROBLEM], 0, error);
}

static void
set_online (PnlPanelFolder *self,
            gboolean        online)
{
  online = !!online;

  if (online)
    self->missing_told = FALSE;
  else
    {
      g_clear_object (&self->monitor);
      g_clear_handle_id (&self->debounce_id, g_source_remove);
    }

  if (!online && !self->missing_told)
    {
      g_autofree char *name = g_file_get_parse_name (self->folder);
      g_autoptr(GError) error = NULL;

      self->missing_told = TRUE;
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The panel folder “%s” cannot be reached; Panelist "
                             "will publish and import again when it is back"),
                           name);
      emit_problem (self, error);
    }

  if (self->online == online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

static void
go_offline (PnlPanelFolder *self)
{
  set_online (self, FALSE);

  /* Unless a "problem" handler disposed of it. */
  if (!g_cancellable_is_cancelled (self->cancellable))
    ensure_poll (self);
}

/* Writing ----------------------------------------------------------------- */

static char *
checksum_of (const char *data,
             gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Writes @text to <uuid>.panelist.json in @folder.  Touches nothing of
 * the folder object: safe on any thread. */
static gboolean
write_file (GFile       *folder,
            const char  *uuid,
            const char  *text,
            GError     **error)
{
  g_autofree char *name = g_strconcat (uuid, PNL_PANEL_FOLDER_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autofree char *path = g_file_get_path (file);
  gsize length = strlen (text);

  if (path != NULL)
    return g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                     0600, error);

  return g_file_replace_contents (file, text, length, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/* Scans and publishes write scorecards from threads of their own, each a
 * text read from the store on the main thread and stamped there, in the
 * order it was read.  A write whose stamp is older than the last write of
 * that scorecard (or its withdrawal) is left out: an older text never
 * lands over a newer one, and a withdrawn scorecard does not come back.
 * Shared with the threads, which may outlive the folder object. */
struct _WriteOrder
{
  GMutex      mutex;
  GHashTable *stamps;   /* UUID -> stamp (guint) */
};

static WriteOrder *
write_order_new (void)
{
  WriteOrder *order = g_rc_box_new0 (WriteOrder);

  g_mutex_init (&order->mutex);
  order->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return order;
}

static void
write_order_clear (gpointer data)
{
  WriteOrder *order = data;

  g_mutex_clear (&order->mutex);
  g_hash_table_unref (order->stamps);
}

static void
write_order_unref (WriteOrder *order)
{
  g_rc_box_release_full (order, write_order_clear);
}

/* Writes @text of @uuid, stamped @stamp, unless a newer text was written
 * or the scorecard withdrawn since: then nothing is written, and that is
 * no failure.  @landed tells which.  Safe on any thread. */
static gboolean
write_in_order (WriteOrder  *order,
                GFile       *folder,
                const char  *uuid,
                const char  *text,
                guint        stamp,
                gboolean    *landed,
                GError     **error)
{
  gboolean ok = TRUE;

  *landed = FALSE;

  /* Held across the write, so that no other write of the file can come
   * between the look at its stamp and this one. */
  g_mutex_lock (&order->mutex);

  if (GPOINTER_TO_UINT (g_hash_table_lookup (order->stamps, uuid)) < stamp)
    {
      ok = *landed = write_file (folder, uuid, text, error);
      if (ok)
        g_hash_table_insert (order->stamps, g_strdup (uuid), GUINT_TO_POINTER (stamp));
    }

  g_mutex_unlock (&order->mutex);

  return ok;
}

/* Waits for a write of @uuid under way, and keeps the texts stamped
 * before @stamp from being written after it. */
static void
write_order_withdraw (WriteOrder *order,
                      const char *uuid,
                      guint       stamp)
{
  g_mutex_lock (&order->mutex);
  g_hash_table_insert (order->stamps, g_strdup (uuid), GUINT_TO_POINTER (stamp));
  g_mutex_unlock (&order->mutex);
}

/* @text, of @uuid, is in the folder now: the interview is in step at
 * its revision (see "What an arrival may change" in panel-folder.md).
 * Panelist writes the revision on a line of its own at the top level.
 * Safe on any thread: it queues a save on the store's writer. */
static void
mark_published (PnlStore   *store,
                const char *uuid,
                const char *text)
{
  const char *at = strstr (text, "\n  \"revision\": ");
  gint64 revision;

  if (at == NULL)
    return;

  revision = g_ascii_strtoll (at + strlen ("\n  \"revision\": "), NULL, 10);
  if (revision > 0)
    pnl_store_mark_published (store, uuid, revision);
}

/* Our own write: the next scan need not read it back. */
static void
remember_written (PnlPanelFolder *self,
                  const char     *uuid,
                  const char     *text)
{
  g_hash_table_insert (self->seen,
                       g_strconcat (uuid, PNL_PANEL_FOLDER_SUFFIX, NULL),
                       checksum_of (text, strlen (text)));
}

/* Writes @text to <uuid>.panelist.json, here and now. */
static gboolean
write_scorecard (PnlPanelFolder  *self,
                 const char      *uuid,
                 const char      *text,
                 GError         **error)
{
  gboolean landed;

  if (!write_in_order (self->order, self->folder, uuid, text, ++self->next_stamp,
                       &landed, error))
    return FALSE;

  if (landed)
    mark_published (self->store, uuid, text);
  remember_written (self, uuid, text);

  return TRUE;
}

/* The scorecard text of @uuid as the store has it: with the store's own
 * connection, on the main thread, like every read of the store. */
static char *
load_text (PnlPanelFolder  *self,
           const char      *uuid,
           GError         **error)
{
  g_autoptr(PnlScorecard) card = NULL;

  if (!(card = pnl_store_load_scorecard (self->store, uuid, error)))
    return NULL;

  return pnl_scorecard_to_string (card, error);
}

/* The same, once the saves queued before are done. */
static char *
scorecard_text (PnlPanelFolder  *self,
                const char      *uuid,
                GError         **error)
{
  if (!pnl_store_flush (self->store, error))
    return NULL;

  return load_text (self, uuid, error);
}

/* Scanning ----------------------------------------------------------------
 *
 * The folder may be on a slow network share: nothing of a scan touches
 * it on the main thread.  A scan goes in up to three steps:
 *
 * 1. When interviews wait to be written: on a thread, look for the folder
 *    and wait for the store's queued saves; then here, read their
 *    scorecards with the store's own connection (which reads on this
 *    thread only).
 * 2. On a thread: look for the folder (unless step 1 did), write what
 *    waits, list the folder and read each scorecard file to checksum it,
 *    against a copy of the checksums already seen.  Here: merge the
 *    checksums back and take what was written off the list.
 * 3. Import the changed files with the importer, on its thread (it saves
 *    through the store's writer), then tell what it found, here.
 *
 * One scan at a time: a scan asked for meanwhile runs once after it.  The
 * steps hold no reference on the folder object: disposing of it cancels
 * its cancellable, and from then on each step only frees what it holds. */

typedef struct
{
  char  *uuid;
  char  *text;
  guint  stamp;
} Write;

static void
write_free (gpointer data)
{
  Write *write = data;

  g_free (write->uuid);
  g_free (write->text);
  g_free (write);
}

typedef struct
{
  /* Borrowed; looked at only while @cancellable is not cancelled. */
  PnlPanelFolder *self;
  GCancellable   *cancellable;

  /* What the threads use: references and copies of their own. */
  GFile          *folder;
  PnlStore       *store;
  WriteOrder     *order;
  GHashTable     *seen;        /* file name -> checksum */
  GPtrArray      *writes;      /* of Write, in the order they wait */
  gboolean        import;      /* FALSE: only write what waits */

  /* What they found. */
  gboolean        looked;      /* whether the folder was looked for */
  gboolean        found;       /* and is there */
  gboolean        flushed;     /* the queued saves are done */
  gboolean        wrote;       /* every write worked */
  gboolean        listed;      /* the folder could be listed */
  GPtrArray      *written;     /* UUIDs written, or newer there */
  GHashTable     *checked;     /* file name -> checksum, to remember */
  GListStore     *changed;     /* of GFile: to import */
  PnlImporter    *importer;
} Scan;

static void
scan_free (Scan *scan)
{
  g_clear_object (&scan->cancellable);
  g_clear_object (&scan->folder);
  g_clear_object (&scan->store);
  g_clear_pointer (&scan->order, write_order_unref);
  g_clear_pointer (&scan->seen, g_hash_table_unref);
  g_clear_pointer (&scan->writes, g_ptr_array_unref);
  g_clear_pointer (&scan->written, g_ptr_array_unref);
  g_clear_pointer (&scan->checked, g_hash_table_unref);
  g_clear_object (&scan->changed);
  g_clear_object (&scan->importer);
  g_free (scan);
}

static void
copy_entry (gpointer key,
            gpointer value,
            gpointer user_data)
{
  g_hash_table_insert (user_data, g_strdup (key), g_strdup (value));
}

/* Moves every key and value of @from to @to (both of strings). */
static void
move_entries (GHashTable *from,
              GHashTable *to)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (to, key, value);
    }
}

static gboolean
is_scorecard_name (const char *name)
{
  return name != NULL &&
         name[0] != '.' &&
         name[0] != '~' &&
         g_str_has_suffix (name, PNL_PANEL_FOLDER_SUFFIX) &&
         strlen (name) > strlen (PNL_PANEL_FOLDER_SUFFIX);
}

/* On a thread: writes what waits, in order.  FALSE when the folder
 * cannot be written. */
static gboolean
scan_write (Scan *scan)
{
  for (guint i = 0; i < scan->writes->len; i++)
    {
      Write *write = g_ptr_array_index (scan->writes, i);
      g_autoptr(GError) error = NULL;
      gboolean landed;

      if (!write_in_order (scan->order, scan->folder, write->uuid, write->text, write->stamp,
                           &landed, &error))
        {
          g_debug ("Cannot write to the panel folder: %s", error->message);
          return FALSE;
        }

      g_ptr_array_add (scan->written, g_strdup (write->uuid));

      /* Our own write: the listing below need not import it. */
      if (landed)
        {
          mark_published (scan->store, write->uuid, write->text);

          char *name = g_strconcat (write->uuid, PNL_PANEL_FOLDER_SUFFIX, NULL);
          char *checksum = checksum_of (write->text, strlen (write->text));

          g_hash_table_insert (scan->seen, g_strdup (name), g_strdup (checksum));
          g_hash_table_insert (scan->checked, name, checksum);
        }
    }

  return TRUE;
}

/* On a thread: the files whose content changed since the last look go
 * to scan->changed.  FALSE when the folder cannot be listed. */
static gboolean
scan_list (Scan         *scan,
           GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  children = g_file_enumerate_children (scan->folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (children == NULL)
    return FALSE;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *checksum = NULL;
      g_autoptr(GFile) file = NULL;
      GFileInfo *info;
      const char *name;
      gsize length;

      if (!g_file_enumerator_iterate (children, &info, NULL, cancellable, &error))
        return FALSE;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || !is_scorecard_name (name))
        continue;

      file = g_file_get_child (scan->folder, name);
      /* Gone again, or half there: the next event looks again. */
      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, NULL))
        continue;

      checksum = checksum_of (contents, length);
      if (g_strcmp0 (g_hash_table_lookup (scan->seen, name), checksum) == 0)
        continue;

      g_hash_table_insert (checked, g_strdup (name), g_steal_pointer (&checksum));
      g_list_store_append (scan->changed, file);
    }

  /* Remembered only when the whole folder was listed: a file left out
   * of the import must be looked at again. */
  move_entries (checked, scan->checked);

  return TRUE;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Scan *scan = task_data;

  if (!scan->looked)
    {
      scan->looked = TRUE;
      scan->found = folder_is_there (scan->folder, cancellable);
    }

  if (scan->found)
    scan->wrote = scan_write (scan);

  if (scan->found && scan->wrote && scan->import)
    scan->listed = scan_list (scan, cancellable);

  g_task_return_boolean (task, TRUE);
}

static void scan_begin (PnlPanelFolder *self,
                        gboolean        import);

/* The end of a scan, whatever it found: watch the folder, or keep
 * looking for it, and run the scan asked for meanwhile. */
static void
scan_finish (Scan *scan)
{
  PnlPanelFolder *self = scan->self;
  gboolean watched;
  gboolean again;
  gboolean import;

  if (g_cancellable_is_cancelled (scan->cancellable))
    {
      scan_free (scan);
      return;
    }

  scan_free (scan);

  watched = self->monitor != NULL;
  ensure_monitor (self);

  /* Looked for until it is back and watched; before
   * pnl_panel_folder_start(), until what waits is written. */
  if (self->online && (self->monitor != NULL || !self->started))
    g_clear_handle_id (&self->poll_id, g_source_remove);

  again = self->rescan;
  import = self->rescan_import;

  /* The watch starts only now, after the listing: a file that a sync
   * tool wrote in between has no event to tell of it.  One more look,
   * now that the watch is on, finds it. */
  if (!watched && self->monitor != NULL)
    {
      again = TRUE;
      import = TRUE;
    }
  self->rescan = FALSE;
  self->rescan_import = FALSE;

  self->scanning = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCANNING]);

  if (again)
    scan_begin (self, import);
}

static void
emit_problems (PnlPanelFolder *self,
               GPtrArray      *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      /* A handler may have disposed of the folder: no signal after that. */
      if (g_cancellable_is_cancelled (self->cancellable))
        return;

      emit_problem (self, g_ptr_array_index (problems, i));
    }
}

static void
scan_imported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Scan *scan = user_data;
  g_autoptr(PnlPanelFolder) self = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (scan->cancellable))
    {
      scan_free (scan);
      return;
    }

  /* Alive until the end, whatever the handlers do. */
  self = g_object_ref (scan->self);

  if (!pnl_importer_import_files_finish (scan->importer, result, &error))
    emit_problem (self, error);
  else
    {
      emit_problems (self, pnl_importer_get_errors (scan->importer));
      emit_problems (self, pnl_importer_get_conflicts (scan->importer));

      if (!g_cancellable_is_cancelled (self->cancellable))
        g_signal_emit (self, signals[IMPORTED], 0, scan->importer);
    }

  scan_finish (scan);
}

static void
scan_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Scan *scan = user_data;
  g_autoptr(PnlPanelFolder) self = NULL;
  gboolean changed = FALSE;

  if (g_cancellable_is_cancelled (scan->cancellable))
    {
      scan_free (scan);
      return;
    }

  self = g_object_ref (scan->self);

  /* Written: no longer waiting.  Unless a publish of it started
   * meanwhile: that one takes it off the list once its own text is
   * written, so that it still waits if that fails. */
  for (guint i = 0; i < scan->written->len; i++)
    {
      const char *uuid = g_ptr_array_index (scan->written, i);
      guint index;

      if (!is_publishing (self, uuid) &&
          g_ptr_array_find_with_equal_func (self->pending, uuid, g_str_equal, &index))
        {
          g_ptr_array_remove_index (self->pending, index);
          changed = TRUE;
        }
    }

  if (changed)
    save_pending (self);

  move_entries (scan->checked, self->seen);

  if (!scan->found || !scan->wrote || (scan->import && !scan->listed))
    {
      go_offline (self);
      scan_finish (scan);
      return;
    }

  set_online (self, TRUE);

  if (g_cancellable_is_cancelled (self->cancellable) ||
      !scan->import ||
      g_list_model_get_n_items (G_LIST_MODEL (scan->changed)) == 0)
    {
      scan_finish (scan);
      return;
    }

  scan->importer = pnl_importer_new (self->store);
  pnl_importer_import_files_async (scan->importer, G_LIST_MODEL (scan->changed),
                                   scan->cancellable, scan_imported_cb, scan);
}

static void
scan_run_thread (Scan *scan)
{
  g_autoptr(GTask) task = g_task_new (NULL, scan->cancellable, scan_listed_cb, scan);

  g_task_set_source_tag (task, scan_listed_cb);
  g_task_set_task_data (task, scan, NULL);
  g_task_run_in_thread (task, scan_thread);
}

static void
scan_prepare_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Scan *scan = task_data;
  g_autoptr(GError) error = NULL;

  scan->looked = TRUE;
  scan->found = folder_is_there (scan->folder, cancellable);

  /* What waits is written as the store has it once the saves queued
   * before are done, as publishing does. */
  if (scan->found)
    {
      scan->flushed = pnl_store_flush (scan->store, &error);
      if (!scan->flushed)
        g_debug ("Saves are failing, what waits is not written yet: %s", error->message);
    }

  g_task_return_boolean (task, TRUE);
}

static void
scan_prepared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Scan *scan = user_data;
  g_autoptr(PnlPanelFolder) self = NULL;
  g_autoptr(GPtrArray) uuids = NULL;

  if (g_cancellable_is_cancelled (scan->cancellable))
    {
      scan_free (scan);
      return;
    }

  self = g_object_ref (scan->self);

  if (!scan->found)
    {
      go_offline (self);
      scan_finish (scan);
      return;
    }

  /* When saves are failing, the database does not hold the latest
   * state: what waits keeps waiting. */
  uuids = g_ptr_array_copy (self->pending, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (uuids, g_free);

  for (guint i = 0; scan->flushed && i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      Write *write;

      /* Its publish writes it, and takes it off the list. */
      if (is_publishing (self, uuid))
        continue;

      if (!(text = load_text (self, uuid, &error)))
        {
          /* Gone from the store, or unreadable: nothing left to publish. */
          g_warning ("Dropped a waiting publish: %s", error->message);
          set_pending (self, uuid, FALSE);
          continue;
        }

      write = g_new0 (Write, 1);
      write->uuid = g_strdup (uuid);
      write->text = g_steal_pointer (&text);
      write->stamp = ++self->next_stamp;
      g_ptr_array_add (scan->writes, write);
    }

  scan_run_thread (scan);
}

static void
scan_begin (PnlPanelFolder *self,
            gboolean        import)
{
  Scan *scan;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (self->scanning)
    {
      self->rescan = TRUE;
      self->rescan_import |= !!import;
      return;
    }

  /* Watched from the start: a change during the scan asks for another. */
  ensure_monitor (self);

  scan = g_new0 (Scan, 1);
  scan->self = self;
  scan->cancellable = g_object_ref (self->cancellable);
  scan->folder = g_object_ref (self->folder);
  scan->store = g_object_ref (self->store);
  scan->order = g_rc_box_acquire (self->order);
  scan->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scan->writes = g_ptr_array_new_with_free_func (write_free);
  scan->import = import;
  scan->written = g_ptr_array_new_with_free_func (g_free);
  scan->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scan->changed = g_list_store_new (G_TYPE_FILE);

  g_hash_table_foreach (self->seen, copy_entry, scan->seen);

  if (self->pending->len > 0)
    {
      g_autoptr(GTask) task = g_task_new (NULL, scan->cancellable, scan_prepared_cb, scan);

      g_task_set_source_tag (task, scan_prepared_cb);
      g_task_set_task_data (task, scan, NULL);
      g_task_run_in_thread (task, scan_prepare_thread);
    }
  else
    scan_run_thread (scan);

  self->scanning = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCANNING]);
}

static gboolean
debounce_cb (gpointer data)
{
  PnlPanelFolder *self = data;

  self->debounce_id = 0;
  scan_begin (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (PnlPanelFolder    *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  GFile *target = file;
  g_autofree char *name = NULL;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      if (other_file != NULL)
        target = other_file;
      break;

    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      /* Only the folder itself going away matters. */
      if (!g_file_equal (file, self->folder))
        return;
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      return;
    }

  name = g_file_get_basename (target);
  if (!g_file_equal (target, self->folder) && !is_scorecard_name (name))
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

static void
ensure_monitor (PnlPanelFolder *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL || !self->started || !self->online || self->retired)
    return;

  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES,
                                            NULL, &error);
  if (self->monitor == NULL)
    {
      /* Some remote folders cannot be watched: look every so often. */
      g_debug ("Cannot watch the panel folder: %s", error->message);
      ensure_poll (self);
      return;
    }

  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (monitor_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static gboolean
poll_cb (gpointer data)
{
  PnlPanelFolder *self = data;

  /* The scan looks for the folder on a thread.  Its end stops the
   * polling once the folder is back (and watched, once started). */
  scan_begin (self, self->started);

  return G_SOURCE_CONTINUE;
}

static void
ensure_poll (PnlPanelFolder *self)
{
  if (self->poll_id == 0 && !self->retired)
    self->poll_id = g_timeout_add (self->poll_interval, poll_cb, self);
}

/* GObject ----------------------------------------------------------------- */

static void
pnl_panel_folder_constructed (GObject *object)
{
  PnlPanelFolder *self = (PnlPanelFolder *)object;

  G_OBJECT_CLASS (pnl_panel_folder_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->folder != NULL);

  self->pending_path = g_strconcat (pnl_store_get_path (self->store), PENDING_SUFFIX, NULL);
  self->pending = pnl_pending_list_load (self->pending_path);
  self->online = folder_exists (self);
}

/**
 * pnl_panel_folder_retire:
 * @self: a #PnlPanelFolder
 *
 * Another folder takes over (the user chose another, or none): scans and
 * watching stop, and publishes already under way finish here, but the
 * list of waiting publishes is no longer this object's to write.  The
 * next folder read it when it was made and publishes what waits; without
 * this, a publish ending here would write this object's copy of the
 * list over the next one's.
 */
void
pnl_panel_folder_retire (PnlPanelFolder *self)
{
  g_return_if_fail (PNL_IS_PANEL_FOLDER (self));

  self->retired = TRUE;
  g_cancellable_cancel (self->cancellable);
  self->rescan = FALSE;
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

static void
pnl_panel_folder_dispose (GObject *object)
{
  PnlPanelFolder *self = (PnlPanelFolder *)object;

  /* A scan under way comes back to nothing, and none starts. */
  g_cancellable_cancel (self->cancellable);
  self->scanning = FALSE;
  self->rescan = FALSE;

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (pnl_panel_folder_parent_class)->dispose (object);
}

static void
pnl_panel_folder_finalize (GObject *object)
{
  PnlPanelFolder *self = (PnlPanelFolder *)object;

  /* Each publish holds the folder until it is done. */
  g_assert (g_queue_is_empty (&self->publishes));

  /* The list outlives us on disk: a restart must find the last one. */
  pnl_pending_list_wait (self->pending_path);

  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_path, g_free);
  g_clear_pointer (&self->order, write_order_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pnl_panel_folder_parent_class)->finalize (object);
}

static void
pnl_panel_folder_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PnlPanelFolder *self = PNL_PANEL_FOLDER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval);
      break;

    case PROP_SCANNING:
      g_value_set_boolean (value, self->scanning);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_panel_folder_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PnlPanelFolder *self = PNL_PANEL_FOLDER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    case PROP_POLL_INTERVAL:
      pnl_panel_folder_set_poll_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_panel_folder_class_init (PnlPanelFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pnl_panel_folder_constructed;
  object_class->dispose = pnl_panel_folder_dispose;
  object_class->finalize = pnl_panel_folder_finalize;
  object_class->get_property = pnl_panel_folder_get_property;
  object_class->set_property = pnl_panel_folder_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PNL_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL,
                       10, G_MAXUINT, DEFAULT_POLL_MS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * PnlPanelFolder:scanning:
   *
   * Whether a scan is under way.  It turns %FALSE at the end of each
   * scan, once its signals are emitted, and %TRUE again at once when
   * another was asked for meanwhile.
   */
  properties[PROP_SCANNING] =
    g_param_spec_boolean ("scanning", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PNL_TYPE_IMPORTER);

  signals[PROBLEM] =
    g_signal_new ("problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pnl_panel_folder_init (PnlPanelFolder *self)
{
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->poll_interval = DEFAULT_POLL_MS;
  g_queue_init (&self->publishes);
  self->cancellable = g_cancellable_new ();
  self->order = write_order_new ();
}

/**
 * pnl_panel_folder_new:
 * @store: where interviews come from and are imported to
 * @folder: the folder the panel shares
 *
 * Returns: (transfer full): a new #PnlPanelFolder
 */
PnlPanelFolder *
pnl_panel_folder_new (PnlStore *store,
                      GFile    *folder)
{
  g_return_val_if_fail (PNL_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return g_object_new (PNL_TYPE_PANEL_FOLDER,
                       "store", store,
                       "folder", folder,
                       NULL);
}

PnlStore *
pnl_panel_folder_get_store (PnlPanelFolder *self)
{
  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), NULL);

  return self->store;
}

GFile *
pnl_panel_folder_get_folder (PnlPanelFolder *self)
{
  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), NULL);

  return self->folder;
}

gboolean
pnl_panel_folder_get_online (PnlPanelFolder *self)
{
  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), FALSE);

  return self->online;
}

guint
pnl_panel_folder_get_poll_interval (PnlPanelFolder *self)
{
  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), 0);

  return self->poll_interval;
}

void
pnl_panel_folder_set_poll_interval (PnlPanelFolder *self,
                                    guint           poll_interval)
{
  g_return_if_fail (PNL_IS_PANEL_FOLDER (self));

  poll_interval = MAX (poll_interval, 10);
  if (self->poll_interval == poll_interval)
    return;

  self->poll_interval = poll_interval;

  if (self->poll_id != 0)
    {
      g_clear_handle_id (&self->poll_id, g_source_remove);
      ensure_poll (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);
}

gboolean
pnl_panel_folder_get_scanning (PnlPanelFolder *self)
{
  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), FALSE);

  return self->scanning;
}

guint
pnl_panel_folder_get_n_pending (PnlPanelFolder *self)
{
  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), 0);

  return self->pending->len;
}

/**
 * pnl_panel_folder_publish:
 * @self: a #PnlPanelFolder
 * @interview: the interview to share
 * @error: a location for a #GError
 *
 * Writes the scorecard of @interview, as the store has it once queued
 * saves are done, to `<uuid>.panelist.json` in the folder.  When the
 * folder cannot be written the interview is remembered and written when
 * the folder is back; #PnlPanelFolder:online then turns %FALSE.
 *
 * Returns: %TRUE when written or waiting, %FALSE when the scorecard
 *   cannot be made
 */
gboolean
pnl_panel_folder_publish (PnlPanelFolder  *self,
                          PnlInterview    *interview,
                          GError         **error)
{
  g_autoptr(GError) write_error = NULL;
  g_autofree char *text = NULL;
  const char *uuid;

  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);

  uuid = pnl_interview_get_uuid (interview);
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_INVALID,
                   _("The interview has no valid identifier and cannot be published"));
      return FALSE;
    }

  if (!(text = scorecard_text (self, uuid, error)))
    return FALSE;

  if (folder_exists (self) && write_scorecard (self, uuid, text, &write_error))
    {
      set_pending (self, uuid, FALSE);
      set_online (self, TRUE);
      ensure_monitor (self);
      return TRUE;
    }

  if (write_error != NULL)
    g_debug ("Cannot write to the panel folder: %s", write_error->message);

  set_pending (self, uuid, TRUE);
  go_offline (self);

  return TRUE;
}

/* Publishing off the main thread ------------------------------------------
 *
 * Three steps, so that neither the wait for the writer nor the file's
 * fsync() holds up the interface: on a thread, wait for the saves queued
 * before; here, read the scorecard with the store's connection; on a
 * thread again, write the file.  Publishes run one after the other, so
 * the file ends up with the last one. */

typedef struct
{
  char       *uuid;
  char       *text;
  guint       stamp;
  GFile      *folder;
  WriteOrder *order;
  PnlStore   *store;
} Publish;

static void
publish_free (Publish *publish)
{
  g_clear_pointer (&publish->uuid, g_free);
  g_clear_pointer (&publish->text, g_free);
  g_clear_object (&publish->folder);
  g_clear_pointer (&publish->order, write_order_unref);
  g_clear_object (&publish->store);
  g_free (publish);
}

/* Whether a publish of @uuid is queued or under way. */
static gboolean
is_publishing (PnlPanelFolder *self,
               const char     *uuid)
{
  for (GList *l = self->publishes.head; l != NULL; l = l->next)
    {
      Publish *publish = g_task_get_task_data (l->data);

      if (g_strcmp0 (publish->uuid, uuid) == 0)
        return TRUE;
    }

  return FALSE;
}

static void publish_next (PnlPanelFolder *self);

/* Returns the publish at the head of the queue and starts the next. */
static void
publish_done (PnlPanelFolder *self,
              GError         *error)
{
  g_autoptr(GTask) task = g_queue_pop_head (&self->publishes);

  g_assert (G_IS_TASK (task));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  publish_next (self);
}

static void
publish_write_thread (GTask        *step,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Publish *publish = task_data;
  g_autoptr(GError) error = NULL;
  gboolean landed;

  if (!folder_is_there (publish->folder, NULL))
    {
      g_task_return_boolean (step, FALSE);
      return;
    }

  if (!write_in_order (publish->order, publish->folder, publish->uuid, publish->text,
                       publish->stamp, &landed, &error))
    {
      g_debug ("Cannot write to the panel folder: %s", error->message);
      g_task_return_boolean (step, FALSE);
      return;
    }

  if (landed)
    mark_published (publish->store, publish->uuid, publish->text);

  g_task_return_boolean (step, TRUE);
}

static void
publish_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PnlPanelFolder *self = PNL_PANEL_FOLDER (object);
  GTask *task = user_data;
  Publish *publish = g_task_get_task_data (task);

  if (g_task_propagate_boolean (G_TASK (result), NULL))
    {
      set_pending (self, publish->uuid, FALSE);
      set_online (self, TRUE);
      ensure_monitor (self);
    }
  else
    {
      /* It stays on the list of waiting publishes. */
      go_offline (self);
    }

  publish_done (self, NULL);
}

static void
publish_flush_thread (GTask        *step,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  PnlStore *store = task_data;
  GError *error = NULL;

  if (pnl_store_flush (store, &error))
    g_task_return_boolean (step, TRUE);
  else
    g_task_return_error (step, error);
}

static void
publish_flushed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PnlPanelFolder *self = PNL_PANEL_FOLDER (object);
  GTask *task = user_data;
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(PnlScorecard) card = NULL;
  g_autoptr(GTask) step = NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Saves are failing: the database does not hold what was
       * submitted yet.  The publish stays waiting, and is written with
       * the others that wait. */
      publish_done (self, error);
      return;
    }

  if (!(card = pnl_store_load_scorecard (self->store, publish->uuid, &error)) ||
      !(publish->text = pnl_scorecard_to_string (card, &error)))
    {
      set_pending (self, publish->uuid, FALSE);
      publish_done (self, error);
      return;
    }

  /* Before the write, so that a scan meanwhile skips it. */
  remember_written (self, publish->uuid, publish->text);
  publish->stamp = ++self->next_stamp;

  step = g_task_new (self, NULL, publish_written_cb, task);
  g_task_set_source_tag (step, publish_written_cb);
  g_task_set_task_data (step, publish, NULL);
  g_task_run_in_thread (step, publish_write_thread);
}

static void
publish_next (PnlPanelFolder *self)
{
  GTask *task = g_queue_peek_head (&self->publishes);
  g_autoptr(GTask) step = NULL;

  if (task == NULL)
    return;

  step = g_task_new (self, NULL, publish_flushed_cb, task);
  g_task_set_source_tag (step, publish_flushed_cb);
  g_task_set_task_data (step, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (step, publish_flush_thread);
}

/**
 * pnl_panel_folder_publish_async:
 * @self: a #PnlPanelFolder
 * @interview: the interview to share
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is written, or waiting
 * @user_data: data for @callback
 *
 * Does what pnl_panel_folder_publish() does without blocking: the wait
 * for queued saves and the write happen on other threads.  The interview
 * is on the list of waiting publishes from the call until the file is
 * written, so a quit in between writes it at the next start.  Publishes
 * are written in the order of the calls.
 */
void
pnl_panel_folder_publish_async (PnlPanelFolder      *self,
                                PnlInterview        *interview,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Publish *publish;
  const char *uuid;

  g_return_if_fail (PNL_IS_PANEL_FOLDER (self));
  g_return_if_fail (PNL_IS_INTERVIEW (interview));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pnl_panel_folder_publish_async);

  uuid = pnl_interview_get_uuid (interview);
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    {
      g_task_return_new_error (task, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_INVALID,
                               _("The interview has no valid identifier and cannot be published"));
      return;
    }

  publish = g_new0 (Publish, 1);
  publish->uuid = g_strdup (uuid);
  publish->folder = g_object_ref (self->folder);
  publish->order = g_rc_box_acquire (self->order);
  publish->store = g_object_ref (self->store);
  g_task_set_task_data (task, publish, (GDestroyNotify) publish_free);

  set_pending (self, uuid, TRUE);

  g_queue_push_tail (&self->publishes, g_steal_pointer (&task));
  if (g_queue_get_length (&self->publishes) == 1)
    publish_next (self);
}

/**
 * pnl_panel_folder_publish_finish:
 * @self: a #PnlPanelFolder
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE when written or waiting for the folder; %FALSE when the
 *   scorecard cannot be made, or when the saves before it failed (it
 *   then waits with the others)
 */
gboolean
pnl_panel_folder_publish_finish (PnlPanelFolder  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pnl_panel_folder_publish_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
pnl_panel_folder_get_n_publishing (PnlPanelFolder *self)
{
  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), 0);

  return g_queue_get_length (&self->publishes);
}

/**
 * pnl_panel_folder_start:
 * @self: a #PnlPanelFolder
 *
 * Starts a scan that writes what waits and imports every scorecard in
 * the folder, on other threads, and watches the folder.  An unreachable
 * folder is looked for every #PnlPanelFolder:poll-interval milliseconds.
 */
void
pnl_panel_folder_start (PnlPanelFolder *self)
{
  g_return_if_fail (PNL_IS_PANEL_FOLDER (self));

  if (self->started)
    return;

  self->started = TRUE;
  pnl_panel_folder_rescan (self);
}

/**
 * pnl_panel_folder_rescan:
 * @self: a #PnlPanelFolder
 *
 * Starts a scan of the folder, on other threads: what waits is written,
 * and the files whose content was not looked at yet are imported.  While
 * a scan runs, one more is made after it, however many times this is
 * called.  #PnlPanelFolder:scanning tells when it is over.
 */
void
pnl_panel_folder_rescan (PnlPanelFolder *self)
{
  g_return_if_fail (PNL_IS_PANEL_FOLDER (self));

  scan_begin (self, TRUE);
}

/**
 * pnl_panel_folder_withdraw:
 * @self: a #PnlPanelFolder
 * @uuid: the UUID of an interview of ours
 * @error: a location for a #GError
 *
 * Takes our scorecard of @uuid back: it no longer waits to be written,
 * and <uuid>.panelist.json leaves the folder (the sync tool then takes
 * it from the others' copies too).  Only for interviews of the local
 * interviewer: the others' files are theirs.
 *
 * Returns: %TRUE when the file is gone or was never there, or when the
 *   folder is out of reach (nothing was written there then)
 */
gboolean
pnl_panel_folder_withdraw (PnlPanelFolder  *self,
                           const char      *uuid,
                           GError         **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PNL_IS_PANEL_FOLDER (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  set_pending (self, uuid, FALSE);

  name = g_strconcat (uuid, PNL_PANEL_FOLDER_SUFFIX, NULL);
  g_hash_table_remove (self->seen, name);
  file = g_file_get_child (self->folder, name);

  /* A scan or a publish may be writing it on a thread: wait for that
   * write, and keep any text read before from being written after. */
  write_order_withdraw (self->order, uuid, ++self->next_stamp);

  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
