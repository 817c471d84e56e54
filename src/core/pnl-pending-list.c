/* pnl-pending-list.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-pending-list"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "pnl-pending-list.h"

/* A path whose last list is not on disk yet.  It stays in the table until
 * the writer finds nothing newer to write, so that a load meanwhile sees
 * the list the file is about to hold. */
typedef struct
{
  char    *text;      /* the last list saved; "" when empty */
  guint64  saved;     /* counts the saves */
  guint64  written;   /* the save the file holds */
} Entry;

/* Shared by every PnlPanelFolder of the process: an old one and the one
 * that replaces it (another folder, the same database) see one list. */
static GMutex       lock;
static GCond        written_cond;
static GHashTable  *entries;   /* path -> Entry */
static GThreadPool *writer;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->text);
  g_free (entry);
}

static void
write_list (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  if (text[0] == '\0')
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not remove the list of waiting publishes: %s",
                   g_strerror (errno));
      return;
    }

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error))
    g_warning ("Could not save the list of waiting publishes: %s", error->message);
}

/* On the writer's thread: one job per path with an entry, which writes
 * until the file holds the last list saved. */
static void
write_job (gpointer data,
           gpointer user_data)
{
  g_autofree char *path = data;

  g_mutex_lock (&lock);

  for (;;)
    {
      Entry *entry = g_hash_table_lookup (entries, path);
      g_autofree char *text = NULL;
      guint64 saved;

      if (entry->written == entry->saved)
        {
          g_hash_table_remove (entries, path);
          g_cond_broadcast (&written_cond);
          break;
        }

      text = g_strdup (entry->text);
      saved = entry->saved;

      g_mutex_unlock (&lock);
      write_list (path, text);
      g_mutex_lock (&lock);

      /* Still there: only this job removes it. */
      entry = g_hash_table_lookup (entries, path);
      entry->written = saved;
    }

  g_mutex_unlock (&lock);
}

/**
 * pnl_pending_list_load:
 * @path: where the list is kept
 *
 * Returns: (transfer full) (element-type utf8): the UUIDs waiting, in
 *   the order they were saved
 */
GPtrArray *
pnl_pending_list_load (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  Entry *entry;

  g_return_val_if_fail (path != NULL, uuids);

  g_mutex_lock (&lock);
  entry = entries != NULL ? g_hash_table_lookup (entries, path) : NULL;
  if (entry != NULL)
    text = g_strdup (entry->text);
  else
    g_file_get_contents (path, &text, NULL, NULL);
  g_mutex_unlock (&lock);

  if (text == NULL)
    return uuids;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *uuid = g_strstrip (lines[i]);

      if (g_uuid_string_is_valid (uuid) &&
          !g_ptr_array_find_with_equal_func (uuids, uuid, g_str_equal, NULL))
        g_ptr_array_add (uuids, g_strdup (uuid));
    }

  return uuids;
}

/**
 * pnl_pending_list_save:
 * @path: where the list is kept
 * @uuids: (element-type utf8): the UUIDs waiting, in order
 *
 * Queues the list to be written to @path on a thread; an empty list
 * removes the file.  Returns at once.
 */
void
pnl_pending_list_save (const char *path,
                       GPtrArray  *uuids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Entry *entry;

  g_return_if_fail (path != NULL);
  g_return_if_fail (uuids != NULL);

  for (guint i = 0; i < uuids->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (uuids, i));

  g_mutex_lock (&lock);

  if (entries == NULL)
    {
      entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
      /* One thread: one fsync at a time is all a small file needs. */
      writer = g_thread_pool_new (write_job, NULL, 1, FALSE, NULL);
    }

  entry = g_hash_table_lookup (entries, path);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (entries, g_strdup (path), entry);
      g_thread_pool_push (writer, g_strdup (path), NULL);
    }

  g_free (entry->text);
  entry->text = g_string_free (g_steal_pointer (&text), FALSE);
  entry->saved++;

  g_mutex_unlock (&lock);
}

/**
 * pnl_pending_list_wait:
 * @path: where the list is kept
 *
 * Blocks until the file at @path holds the last list saved.
 */
void
pnl_pending_list_wait (const char *path)
{
  g_return_if_fail (path != NULL);

  g_mutex_lock (&lock);
  while (entries != NULL && g_hash_table_contains (entries, path))
    g_cond_wait (&written_cond, &lock);
  g_mutex_unlock (&lock);
}
