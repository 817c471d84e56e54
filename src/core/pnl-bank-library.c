/* pnl-bank-library.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-bank-library"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-banks-resources.h"

#define DEFAULT_RESOURCE_PATH "/io/github/panelist/Panelist/banks/"

struct _PnlBankLibrary
{
  GObject     parent_instance;

  char       *resource_path;
  GFile      *user_dir;
  GListStore *banks;
  GPtrArray  *errors;
};

G_DEFINE_FINAL_TYPE (PnlBankLibrary, pnl_bank_library, G_TYPE_OBJECT)

static void
pnl_bank_library_finalize (GObject *object)
{
  PnlBankLibrary *self = (PnlBankLibrary *)object;

  g_clear_pointer (&self->resource_path, g_free);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_object (&self->user_dir);
  g_clear_object (&self->banks);

  G_OBJECT_CLASS (pnl_bank_library_parent_class)->finalize (object);
}

static void
pnl_bank_library_class_init (PnlBankLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_bank_library_finalize;
}

static void
pnl_bank_library_init (PnlBankLibrary *self)
{
  self->banks = g_list_store_new (PNL_TYPE_BANK);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
}

PnlBankLibrary *
pnl_bank_library_new (const char *resource_path,
                      GFile      *user_dir)
{
  PnlBankLibrary *self;

  g_return_val_if_fail (user_dir == NULL || G_IS_FILE (user_dir), NULL);

  self = g_object_new (PNL_TYPE_BANK_LIBRARY, NULL);
  self->resource_path = g_strdup (resource_path);
  g_set_object (&self->user_dir, user_dir);

  return self;
}

PnlBankLibrary *
pnl_bank_library_new_default (void)
{
  g_autoptr(GFile) user_dir = g_file_new_build_filename (g_get_user_data_dir (),
                                                          "panelist", "banks", NULL);

  /* Referencing the shipped banks keeps their resource linked in from the
   * static library; it registers itself when loaded. */
  g_return_val_if_fail (pnl_banks_get_resource () != NULL, NULL);

  return pnl_bank_library_new (DEFAULT_RESOURCE_PATH, user_dir);
}

GFile *
pnl_bank_library_get_user_dir (PnlBankLibrary *self)
{
  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), NULL);

  return self->user_dir;
}

static gboolean
is_bank_name (const char *name)
{
  return g_str_has_suffix (name, ".json") && name[0] != '.';
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static int
compare_banks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PnlBank *bank_a = (PnlBank *)a;
  PnlBank *bank_b = (PnlBank *)b;
  int ret;

  ret = g_utf8_collate (pnl_bank_get_title (bank_a), pnl_bank_get_title (bank_b));
  if (ret == 0)
    ret = g_strcmp0 (pnl_bank_get_id (bank_a), pnl_bank_get_id (bank_b));

  return ret;
}

/* Adds @bank, replacing a bank of the same id from an earlier place (a
 * user's bank replaces the shipped one).  Two banks with one id in the
 * same place are an error for the second. */
static void
add_bank (PnlBankLibrary *self,
          GHashTable     *seen,
          GHashTable     *here,
          PnlBank        *bank)
{
  const char *id = pnl_bank_get_id (bank);
  PnlBank *other;

  if ((other = g_hash_table_lookup (here, id)))
    {
      g_ptr_array_add (self->errors,
                       g_error_new (PNL_BANK_ERROR, PNL_BANK_ERROR_DUPLICATE,
                                    _("%s: the bank id “%s” is already used by %s"),
                                    pnl_bank_get_source (bank), id,
                                    pnl_bank_get_source (other)));
      return;
    }

  g_hash_table_insert (here, (char *)id, bank);

  if ((other = g_hash_table_lookup (seen, id)))
    {
      guint position;

      if (g_list_store_find (self->banks, other, &position))
        g_list_store_remove (self->banks, position);
    }

  /* Replace the key too: the old one belongs to the bank just dropped. */
  g_hash_table_replace (seen, (char *)id, g_object_ref (bank));
  g_list_store_insert_sorted (self->banks, bank, compare_banks, NULL);
}

static void
load_resources (PnlBankLibrary *self,
                GHashTable     *seen)
{
  g_autoptr(GHashTable) here = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) children = NULL;

  if (self->resource_path == NULL)
    return;

  children = g_resources_enumerate_children (self->resource_path, 0, NULL);
  if (children == NULL)
    return;

  qsort (children, g_strv_length (children), sizeof (char *), compare_names);

  for (guint i = 0; children[i]; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PnlBank) bank = NULL;
      GError *error = NULL;

      if (!is_bank_name (children[i]))
        continue;

      path = g_build_path ("/", self->resource_path, children[i], NULL);
      bytes = g_resources_lookup_data (path, 0, &error);

      if (bytes != NULL)
        bank = pnl_bank_new_from_bytes (bytes, children[i], &error);

      if (bank != NULL)
        add_bank (self, seen, here, bank);
      else
        g_ptr_array_add (self->errors, error);
    }
}

static void
load_user_dir (PnlBankLibrary *self,
               GHashTable     *seen)
{
  g_autoptr(GHashTable) here = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (self->user_dir == NULL)
    return;

  enumerator = g_file_enumerate_children (self->user_dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      /* No folder simply means no banks of the user's own. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *name = g_file_get_parse_name (self->user_dir);

          g_ptr_array_add (self->errors,
                           g_error_new (PNL_BANK_ERROR, PNL_BANK_ERROR_IO,
                                        /* Translators: a folder, then what is wrong with it */
                                        _("%s: %s"), name, error->message));
        }
      return;
    }

  for (;;)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error))
        {
          g_autofree char *name = g_file_get_parse_name (self->user_dir);

          g_ptr_array_add (self->errors,
                           g_error_new (PNL_BANK_ERROR, PNL_BANK_ERROR_IO,
                                        /* Translators: a folder, then what is wrong with it */
                                        _("%s: %s"), name, error->message));
          break;
        }

      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY &&
          is_bank_name (g_file_info_get_name (info)))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (self->user_dir, g_ptr_array_index (names, i));
      g_autoptr(PnlBank) bank = NULL;
      GError *bank_error = NULL;

      if ((bank = pnl_bank_new_from_file (file, &bank_error)))
        add_bank (self, seen, here, bank);
      else
        g_ptr_array_add (self->errors, bank_error);
    }
}

gboolean
pnl_bank_library_load (PnlBankLibrary *self)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), FALSE);

  g_ptr_array_set_size (self->errors, 0);
  g_list_store_remove_all (self->banks);

  /* Holds a reference on each bank, which owns its key. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  load_resources (self, seen);
  load_user_dir (self, seen);

  return self->errors->len == 0;
}

GListModel *
pnl_bank_library_get_banks (PnlBankLibrary *self)
{
  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->banks);
}

const GPtrArray *
pnl_bank_library_get_errors (PnlBankLibrary *self)
{
  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), NULL);

  return self->errors;
}

PnlBank *
pnl_bank_library_find (PnlBankLibrary *self,
                       const char     *bank_id)
{
  guint n;

  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), NULL);
  g_return_val_if_fail (bank_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->banks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlBank) bank = g_list_model_get_item (G_LIST_MODEL (self->banks), i);

      if (g_str_equal (pnl_bank_get_id (bank), bank_id))
        return bank;
    }

  return NULL;
}
