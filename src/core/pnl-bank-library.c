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

  /* Counts the loads begun: a load that ends after a later one began
   * is out of date and changes nothing. */
  guint       generation;
  guint       n_loading;
  guint       loaded : 1;
};

/* One load: what it reads, then what it found.  Owns copies of all it
 * reads, so that it can run on a thread. */
typedef struct
{
  char      *resource_path;
  GFile     *user_dir;
  GStrv      languages;
  guint      generation;

  GPtrArray *banks;    /* PnlBank, sorted by title */
  GPtrArray *errors;   /* GError */
} Load;

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
pnl_bank_library_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PnlBankLibrary *self = PNL_BANK_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, pnl_bank_library_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_bank_library_class_init (PnlBankLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_bank_library_finalize;
  object_class->get_property = pnl_bank_library_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every load: the banks and the errors are new. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
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
language_rank (Load       *load,
               const char *tag)
{
  const char * const *names = load->languages != NULL
                            ? (const char * const *) load->languages
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
add_bank (Load      *load,
          GPtrArray *candidates,
          guint      place,
          PnlBank   *bank)
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
          g_ptr_array_add (load->errors,
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
  candidate->rank = language_rank (load, pnl_bank_get_language (bank));
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
load_resources (Load      *load,
                GPtrArray *candidates)
{
  g_auto(GStrv) children = NULL;

  if (load->resource_path == NULL)
    return;

  children = g_resources_enumerate_children (load->resource_path, 0, NULL);
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

      path = g_build_path ("/", load->resource_path, children[i], NULL);
      bytes = g_resources_lookup_data (path, 0, &error);

      if (bytes != NULL)
        bank = pnl_bank_new_from_bytes (bytes, children[i], &error);

      if (bank != NULL)
        add_bank (load, candidates, 0, bank);
      else
        g_ptr_array_add (load->errors, error);
    }
}

static void
load_user_dir (Load      *load,
               GPtrArray *candidates)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (load->user_dir == NULL)
    return;

  enumerator = g_file_enumerate_children (load->user_dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      /* No folder simply means no banks of the user's own. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *name = g_file_get_parse_name (load->user_dir);

          g_ptr_array_add (load->errors,
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
          g_autofree char *name = g_file_get_parse_name (load->user_dir);

          g_ptr_array_add (load->errors,
                           g_error_new (PNL_BANK_ERROR, PNL_BANK_ERROR_IO,
                                        /* Translators: a folder, then what is wrong with it */
                                        _("%s: %s"), name, error->message));
          break;
        }

      if (info == NULL)
        break;

      /* Whatever its type: a folder, a pipe or a device with a bank's
       * name is reported when it is read, not silently left out. */
      if (is_bank_name (g_file_info_get_name (info)))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (load->user_dir, g_ptr_array_index (names, i));
      g_autoptr(PnlBank) bank = NULL;
      GError *bank_error = NULL;

      if ((bank = pnl_bank_new_from_file (file, &bank_error)))
        add_bank (load, candidates, 1, bank);
      else
        g_ptr_array_add (load->errors, bank_error);
    }
}

static void
load_free (Load *load)
{
  g_clear_pointer (&load->resource_path, g_free);
  g_clear_object (&load->user_dir);
  g_clear_pointer (&load->languages, g_strfreev);
  g_clear_pointer (&load->banks, g_ptr_array_unref);
  g_clear_pointer (&load->errors, g_ptr_array_unref);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static Load *
load_new (PnlBankLibrary *self,
          gboolean        with_user_dir)
{
  Load *load = g_new0 (Load, 1);

  load->resource_path = g_strdup (self->resource_path);
  if (with_user_dir && self->user_dir != NULL)
    load->user_dir = g_object_ref (self->user_dir);
  load->languages = g_strdupv (self->languages);
  load->generation = ++self->generation;
  load->banks = g_ptr_array_new_with_free_func (g_object_unref);
  load->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);

  return load;
}

static int
compare_bank_ptrs (gconstpointer a,
                   gconstpointer b)
{
  return compare_banks (*(PnlBank * const *)a, *(PnlBank * const *)b, NULL);
}

/* Reads every bank of @load: safe on any thread. */
static void
load_run (Load *load)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GHashTable) best = NULL;
  GHashTableIter iter;
  gpointer value;

  candidates = g_ptr_array_new_with_free_func (candidate_free);
  load_resources (load, candidates);
  load_user_dir (load, candidates);

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
    g_ptr_array_add (load->banks, g_object_ref (((Candidate *) value)->bank));
  g_ptr_array_sort (load->banks, compare_bank_ptrs);
}

/* Makes what @load found the library's, unless a later load began. */
static gboolean
load_apply (PnlBankLibrary *self,
            Load           *load)
{
  if (load->generation != self->generation)
    return FALSE;

  g_ptr_array_set_size (self->errors, 0);
  for (guint i = 0; i < load->errors->len; i++)
    g_ptr_array_add (self->errors, g_error_copy (g_ptr_array_index (load->errors, i)));

  g_list_store_splice (self->banks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->banks)),
                       load->banks->pdata, load->banks->len);
  self->loaded = TRUE;

  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
pnl_bank_library_load (PnlBankLibrary *self)
{
  g_autoptr(Load) load = NULL;

  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), FALSE);

  load = load_new (self, TRUE);
  load_run (load);
  load_apply (self, load);

  return self->errors->len == 0;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  load_run (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PnlBankLibrary *self = PNL_BANK_LIBRARY (object);
  GTask *inner = G_TASK (result);
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (inner);
  gboolean ok;

  /* Still loading while the banks change: "loading" turns FALSE after. */
  if (!load_apply (self, load))
    ok = self->errors->len == 0;
  else
    ok = load->errors->len == 0;
  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  g_task_return_boolean (task, ok);
}

void
pnl_bank_library_load_async (PnlBankLibrary      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *task;

  g_return_if_fail (PNL_IS_BANK_LIBRARY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  /* The shipped banks are in memory: there at once the first time. */
  if (!self->loaded)
    {
      g_autoptr(Load) shipped = load_new (self, FALSE);

      load_run (shipped);
      load_apply (self, shipped);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pnl_bank_library_load_async);

  /* The inner task always runs to its end, so that the count of loads
   * under way stays true; the outer one carries the caller's wishes. */
  inner = g_task_new (self, NULL, load_done, task);
  g_task_set_task_data (inner, load_new (self, TRUE), (GDestroyNotify)load_free);

  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  g_task_run_in_thread (inner, load_thread);
}

gboolean
pnl_bank_library_load_finish (PnlBankLibrary  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
pnl_bank_library_get_loading (PnlBankLibrary *self)
{
  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (self), FALSE);

  return self->n_loading > 0;
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
