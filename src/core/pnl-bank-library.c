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
  GStrv       languages;
  GListStore *banks;
  GPtrArray  *errors;
};

/* A bank as loaded, before the choice between banks of one id. */
typedef struct
{
  PnlBank *bank;
  guint    place;   /* 0: shipped, 1: the user's folder */
  guint    rank;    /* how early its language comes in the user's */
} Candidate;

G_DEFINE_FINAL_TYPE (PnlBankLibrary, pnl_bank_library, G_TYPE_OBJECT)

static void
pnl_bank_library_finalize (GObject *object)
{
  PnlBankLibrary *self = (PnlBankLibrary *)object;

  g_clear_pointer (&self->resource_path, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
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

/* Where @tag ("de-CH", "de") comes in the user's languages ("de_CH.UTF-8",
 * "de_CH", "de", "C"), or after them all. */
static guint
language_rank (PnlBankLibrary *self,
               const char     *tag)
{
  const char * const *names = self->languages != NULL
                            ? (const char * const *) self->languages
                            : g_get_language_names ();
  g_autofree char *wanted = g_strdelimit (g_strdup (tag != NULL ? tag : ""), "-", '_');
  guint i;

  for (i = 0; names[i] != NULL; i++)
    {
      /* Without the codeset and the modifier: "de_CH.UTF-8@euro" is "de_CH". */
      g_autofree char *name = g_strndup (names[i], strcspn (names[i], ".@"));

      if (g_ascii_strcasecmp (name, wanted) == 0)
        return i;
    }

  return i;
}

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_object_unref (candidate->bank);
  g_free (candidate);
}

/* Notes @bank as a choice for its id.  Two banks of one id and one
 * language in the same place are an error for the second. */
static void
add_bank (PnlBankLibrary *self,
          GPtrArray      *candidates,
          guint           place,
          PnlBank        *bank)
{
  const char *id = pnl_bank_get_id (bank);
  Candidate *candidate;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *other = g_ptr_array_index (candidates, i);

      if (other->place == place &&
          g_str_equal (pnl_bank_get_id (other->bank), id) &&
          g_ascii_strcasecmp (pnl_bank_get_language (other->bank), pnl_bank_get_language (bank)) == 0)
        {
          g_ptr_array_add (self->errors,
                           g_error_new (PNL_BANK_ERROR, PNL_BANK_ERROR_DUPLICATE,
                                        _("%s: the bank id “%s” is already used by %s"),
                                        pnl_bank_get_source (bank), id,
                                        pnl_bank_get_source (other->bank)));
          return;
        }
    }

  candidate = g_new0 (Candidate, 1);
  candidate->bank = g_object_ref (bank);
  candidate->place = place;
  candidate->rank = language_rank (self, pnl_bank_get_language (bank));
  g_ptr_array_add (candidates, candidate);
}

/* Whether @a is the better choice for their id: the user's language
 * first, then the user's own bank over the shipped one, then the first
 * loaded. */
static gboolean
better (const Candidate *a,
        const Candidate *b)
{
  if (a->rank != b->rank)
    return a->rank < b->rank;

  return a->place > b->place;
}

static void
load_resources (PnlBankLibrary *self,
                GPtrArray      *candidates)
{
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
        add_bank (self, candidates, 0, bank);
      else
        g_ptr_array_add (self->errors, error);
    }
}

static void
load_user_dir (PnlBankLibrary *self,
               GPtrArray      *candidates)
{
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
        add_bank (self, candidates, 1, bank);
      else
        g_ptr_array_add (self->errors, bank_error);
    }
}

gboolean
pnl_bank_library_load (PnlBankLibrary *self)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GHashTable) best = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), FALSE);

  g_ptr_array_set_size (self->errors, 0);
  g_list_store_remove_all (self->banks);

  candidates = g_ptr_array_new_with_free_func (candidate_free);
  load_resources (self, candidates);
  load_user_dir (self, candidates);

  /* One bank per id: the best of its candidates, in load order. */
  best = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);
      const char *id = pnl_bank_get_id (candidate->bank);
      Candidate *other = g_hash_table_lookup (best, id);

      if (other == NULL || better (candidate, other))
        g_hash_table_replace (best, (char *) id, candidate);
    }

  g_hash_table_iter_init (&iter, best);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_list_store_insert_sorted (self->banks, ((Candidate *) value)->bank, compare_banks, NULL);

  return self->errors->len == 0;
}

void
pnl_bank_library_set_languages (PnlBankLibrary     *self,
                                const char * const *languages)
{
  g_return_if_fail (PNL_IS_BANK_LIBRARY (self));

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);
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
