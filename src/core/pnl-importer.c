/* pnl-importer.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"

/* What one run did.  Filled on whichever thread imports, handed to the
 * importer on its own. */
typedef struct
{
  guint      n_added;
  guint      n_updated;
  guint      n_unchanged;
  guint      n_conflicts;
  guint      n_failed;
  GPtrArray *errors;
  GPtrArray *conflicts;
} Results;

struct _PnlImporter
{
  GObject   parent_instance;

  /* Owned references */
  PnlStore *store;
  Results   results;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PnlImporter, pnl_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (pnl-import-error-quark, pnl_import_error)

static GParamSpec *properties[N_PROPS];

static void
results_init (Results *results)
{
  memset (results, 0, sizeof *results);
  results->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  results->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

static void
results_clear (Results *results)
{
  g_clear_pointer (&results->errors, g_ptr_array_unref);
  g_clear_pointer (&results->conflicts, g_ptr_array_unref);
}

static void
results_free (gpointer data)
{
  Results *results = data;

  results_clear (results);
  g_free (results);
}

static void
pnl_importer_dispose (GObject *object)
{
  PnlImporter *self = (PnlImporter *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (pnl_importer_parent_class)->dispose (object);
}

static void
pnl_importer_finalize (GObject *object)
{
  PnlImporter *self = (PnlImporter *)object;

  results_clear (&self->results);

  G_OBJECT_CLASS (pnl_importer_parent_class)->finalize (object);
}

static void
pnl_importer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PnlImporter *self = PNL_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_importer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PnlImporter *self = PNL_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_importer_class_init (PnlImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pnl_importer_dispose;
  object_class->finalize = pnl_importer_finalize;
  object_class->get_property = pnl_importer_get_property;
  object_class->set_property = pnl_importer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PNL_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_importer_init (PnlImporter *self)
{
  results_init (&self->results);
}

/**
 * pnl_importer_new:
 * @store: where to import
 *
 * Returns: (transfer full): a new #PnlImporter
 */
PnlImporter *
pnl_importer_new (PnlStore *store)
{
  g_return_val_if_fail (PNL_IS_STORE (store), NULL);

  return g_object_new (PNL_TYPE_IMPORTER,
                       "store", store,
                       NULL);
}

PnlStore *
pnl_importer_get_store (PnlImporter *self)
{
  g_return_val_if_fail (PNL_IS_IMPORTER (self), NULL);

  return self->store;
}

/* Importing -------------------------------------------------------------- */

/* What a conflict says: the file, the interview's UUID and why, naming
 * fields and revisions, never what they hold. */
static GError *
conflict_error (const char            *name,
                PnlInterview          *interview,
                const PnlImportResult *result)
{
  g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               pnl_interview_get_revision (interview));
  g_autofree char *local = g_strdup_printf ("%" G_GINT64_FORMAT, result->local_revision);
  g_autofree char *fields = NULL;
  const char *uuid = pnl_interview_get_uuid (interview);

  switch (result->conflict)
    {
    case PNL_IMPORT_CONFLICT_IDENTITY:
      fields = pnl_identity_fields_to_string (result->fields);
      return g_error_new (PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT,
                          _("%s: interview %s does not match the copy here in: %s; "
                            "nothing was changed, and the file was kept as a conflict "
                            "(see panelist --conflicts)"),
                          name, uuid, fields);

    case PNL_IMPORT_CONFLICT_CHANGED_HERE:
      return g_error_new (PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT,
                          _("%s: interview %s arrived at revision %s, but it is open or "
                            "was changed here (revision %s); the copy here was kept, and "
                            "the arrival as a conflict (see panelist --conflicts)"),
                          name, uuid, revision, local);

    case PNL_IMPORT_CONFLICT_SAME_REVISION:
    case PNL_IMPORT_CONFLICT_NONE:
    default:
      return g_error_new (PNL_IMPORT_ERROR, PNL_IMPORT_ERROR_CONFLICT,
                          _("%s: interview %s differs from the copy here at "
                            "the same revision (%s); the copy here was kept"),
                          name, uuid, revision);
    }
}

static void
import_file (PnlStore     *store,
             GFile        *file,
             GCancellable *cancellable,
             Results      *results)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GArray) results_here = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (!(cards = pnl_scorecard_read_file (file, cancellable, &error)))
    {
      /* The reader's messages already name the file. */
      results->n_failed++;
      g_ptr_array_add (results->errors, g_steal_pointer (&error));
      return;
    }

  if (!(results_here = pnl_store_import_scorecards_full (store, cards, name, &error)))
    {
      results->n_failed++;
      g_ptr_array_add (results->errors,
                       /* Translators: a file, then what is wrong with it */
                       g_error_new (error->domain, error->code, _("%s: %s"),
                                    name, error->message));
      return;
    }

  for (guint i = 0; i < results_here->len; i++)
    {
      PnlScorecard *card = g_ptr_array_index (cards, i);
      PnlImportResult *result = &g_array_index (results_here, PnlImportResult, i);

      switch (result->outcome)
        {
        case PNL_IMPORT_OUTCOME_ADDED:
          results->n_added++;
          break;

        case PNL_IMPORT_OUTCOME_UPDATED:
          results->n_updated++;
          break;

        case PNL_IMPORT_OUTCOME_UNCHANGED:
          results->n_unchanged++;
          break;

        case PNL_IMPORT_OUTCOME_CONFLICT:
          results->n_conflicts++;
          g_ptr_array_add (results->conflicts,
                           conflict_error (name, pnl_scorecard_get_interview (card), result));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
import_all (PnlStore      *store,
            GPtrArray     *files,
            GCancellable  *cancellable,
            Results       *results,
            GError       **error)
{
  for (guint i = 0; i < files->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      import_file (store, g_ptr_array_index (files, i), cancellable, results);
    }

  return TRUE;
}

static GPtrArray *
copy_files (GListModel *files)
{
  guint n = g_list_model_get_n_items (files);
  GPtrArray *copy = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copy, g_list_model_get_item (files, i));

  return copy;
}

static void
take_results (PnlImporter *self,
              Results     *results)
{
  results_clear (&self->results);
  self->results = *results;
  memset (results, 0, sizeof *results);
}

/**
 * pnl_importer_import_files:
 * @self: a #PnlImporter
 * @files: a #GListModel of #GFile
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Imports each file in a transaction of its own.  A file that cannot be
 * read, is not a valid scorecard or bundle, or cannot be saved changes
 * nothing and is counted as failed, with its error; the others still
 * import.
 *
 * Returns: %TRUE, or %FALSE when cancelled
 */
gboolean
pnl_importer_import_files (PnlImporter   *self,
                           GListModel    *files,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) copy = NULL;
  Results results;
  gboolean ok;

  g_return_val_if_fail (PNL_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), FALSE);

  copy = copy_files (files);
  results_init (&results);
  ok = import_all (self->store, copy, cancellable, &results, error);
  take_results (self, &results);

  return ok;
}

typedef struct
{
  PnlStore  *store;
  GPtrArray *files;
  Results   *results;
} ImportTask;

static void
import_task_free (gpointer data)
{
  ImportTask *task = data;

  g_clear_object (&task->store);
  g_clear_pointer (&task->files, g_ptr_array_unref);
  g_clear_pointer (&task->results, results_free);
  g_free (task);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!import_all (data->store, data->files, cancellable, data->results, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
pnl_importer_import_files_async (PnlImporter         *self,
                                 GListModel          *files,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (PNL_IS_IMPORTER (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  data = g_new0 (ImportTask, 1);
  data->store = g_object_ref (self->store);
  data->files = copy_files (files);
  data->results = g_new0 (Results, 1);
  results_init (data->results);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pnl_importer_import_files_async);
  g_task_set_task_data (task, data, import_task_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
pnl_importer_import_files_finish (PnlImporter   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  ImportTask *data;

  g_return_val_if_fail (PNL_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  take_results (self, data->results);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
pnl_importer_get_n_added (PnlImporter *self)
{
  g_return_val_if_fail (PNL_IS_IMPORTER (self), 0);

  return self->results.n_added;
}

guint
pnl_importer_get_n_updated (PnlImporter *self)
{
  g_return_val_if_fail (PNL_IS_IMPORTER (self), 0);

  return self->results.n_updated;
}

guint
pnl_importer_get_n_unchanged (PnlImporter *self)
{
  g_return_val_if_fail (PNL_IS_IMPORTER (self), 0);

  return self->results.n_unchanged;
}

guint
pnl_importer_get_n_conflicts (PnlImporter *self)
{
  g_return_val_if_fail (PNL_IS_IMPORTER (self), 0);

  return self->results.n_conflicts;
}

guint
pnl_importer_get_n_failed (PnlImporter *self)
{
  g_return_val_if_fail (PNL_IS_IMPORTER (self), 0);

  return self->results.n_failed;
}

/**
 * pnl_importer_get_errors:
 * @self: a #PnlImporter
 *
 * Returns: (transfer none) (element-type GError): one error per file
 *   that failed in the last run, each naming its file
 */
GPtrArray *
pnl_importer_get_errors (PnlImporter *self)
{
  g_return_val_if_fail (PNL_IS_IMPORTER (self), NULL);

  return self->results.errors;
}

/**
 * pnl_importer_get_conflicts:
 * @self: a #PnlImporter
 *
 * Returns: (transfer none) (element-type GError): one
 *   %PNL_IMPORT_ERROR_CONFLICT per conflict in the last run
 */
GPtrArray *
pnl_importer_get_conflicts (PnlImporter *self)
{
  g_return_val_if_fail (PNL_IS_IMPORTER (self), NULL);

  return self->results.conflicts;
}
