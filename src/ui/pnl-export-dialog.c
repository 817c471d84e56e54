/* pnl-export-dialog.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-export.h"
#include "pnl-export-dialog.h"
#include "pnl-interview.h"
#include "pnl-store.h"
#include "pnl-toast.h"

struct _PnlExportDialog
{
  AdwWindow             parent_instance;

  /* Owned references */
  PnlStore             *store;
  GtkFileChooserNative *chooser;
  char                 *local_interviewer;
  /* What each scope exports (pnl_export_collect()'s key), and the name
   * its file is offered under; NULL where the scope is not offered. */
  char                 *keys[PNL_EXPORT_SCOPE_ROLE + 1];
  char                 *names[PNL_EXPORT_SCOPE_ROLE + 1];
  /* PnlExportScope, in the order of the scope row */
  GArray               *scopes;

  /* Template children */
  AdwComboRow          *format_row;
  AdwComboRow          *scope_row;
  GtkLabel             *error_label;
  GtkRevealer          *error_revealer;
};

G_DEFINE_FINAL_TYPE (PnlExportDialog, pnl_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the rows' models in the template. */
static const PnlExportFormat formats[] = {
  PNL_EXPORT_FORMAT_MARKDOWN,
  PNL_EXPORT_FORMAT_HTML,
  PNL_EXPORT_FORMAT_CSV,
  PNL_EXPORT_FORMAT_JSON,
};

static const struct {
  PnlExportScope  scope;
  const char     *title;
} scope_titles[] = {
  { PNL_EXPORT_SCOPE_INTERVIEW, N_("This interview") },
  { PNL_EXPORT_SCOPE_CANDIDATE, N_("This candidate") },
  { PNL_EXPORT_SCOPE_ROLE, N_("Role comparison") },
};

static PnlExportFormat
get_format (PnlExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i < G_N_ELEMENTS (formats) ? formats[i] : PNL_EXPORT_FORMAT_MARKDOWN;
}

static PnlExportScope
get_scope (PnlExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->scope_row);

  return i < self->scopes->len ? g_array_index (self->scopes, PnlExportScope, i)
                               : g_array_index (self->scopes, PnlExportScope, 0);
}

void
pnl_export_dialog_set_format (PnlExportDialog *self,
                              PnlExportFormat  format)
{
  g_return_if_fail (PNL_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

void
pnl_export_dialog_set_scope (PnlExportDialog *self,
                             PnlExportScope   scope)
{
  g_return_if_fail (PNL_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->scopes->len; i++)
    if (g_array_index (self->scopes, PnlExportScope, i) == scope)
      adw_combo_row_set_selected (self->scope_row, i);
}

void
pnl_export_dialog_set_local_interviewer (PnlExportDialog *self,
                                         const char      *name)
{
  g_return_if_fail (PNL_IS_EXPORT_DIALOG (self));

  /* An empty name is nobody. */
  if (name != NULL && name[0] == '\0')
    name = NULL;

  g_free (self->local_interviewer);
  self->local_interviewer = g_strdup (name);
}

char *
pnl_export_dialog_suggest_name (PnlExportDialog *self)
{
  const char *extension = pnl_export_format_get_extension (get_format (self));
  g_autofree char *base = NULL;

  g_return_val_if_fail (PNL_IS_EXPORT_DIALOG (self), NULL);

  base = g_strdup (self->names[get_scope (self)]);

  /* Nothing that a file system would take for a folder. */
  g_strdelimit (base, "/\\\\", '-');

  return g_strdup_printf ("%s.%s", base, extension);
}

gboolean
pnl_export_dialog_export_to_file (PnlExportDialog  *self,
                                  GFile            *file,
                                  GError          **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;
  PnlExportScope scope;

  g_return_val_if_fail (PNL_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  scope = get_scope (self);

  if (!(items = pnl_export_collect_for (self->store, scope, self->keys[scope],
                                        self->local_interviewer, error)) ||
      !(text = pnl_export_to_string_for (get_format (self), scope, items,
                                         self->local_interviewer, error)))
    return FALSE;

  /* Interview notes are personal data: readable by the owner alone. */
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, error))
    return FALSE;

  g_signal_emit (self, signals[EXPORTED], 0, file);

  return TRUE;
}

static void
on_chooser_response (PnlExportDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (!pnl_export_dialog_export_to_file (self, file, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_export_clicked (PnlExportDialog *self)
{
  g_autofree char *name = pnl_export_dialog_suggest_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_add_mime_type (filter, pnl_export_format_get_content_type (get_format (self)));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
pnl_export_dialog_dispose (GObject *object)
{
  PnlExportDialog *self = (PnlExportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->local_interviewer, g_free);
  g_clear_pointer (&self->scopes, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->keys); i++)
    {
      g_clear_pointer (&self->keys[i], g_free);
      g_clear_pointer (&self->names[i], g_free);
    }

  G_OBJECT_CLASS (pnl_export_dialog_parent_class)->dispose (object);
}

static void
pnl_export_dialog_class_init (PnlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_export_dialog_dispose;

  /**
   * PnlExportDialog::exported:
   * @file: the file written
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PnlExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PnlExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, PnlExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PnlExportDialog, error_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pnl_export_dialog_init (PnlExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scopes = g_array_new (FALSE, FALSE, sizeof (PnlExportScope));
}

static void
offer (PnlExportDialog *self,
       PnlExportScope   scope,
       const char      *key,
       char            *name)
{
  self->keys[scope] = g_strdup (key);
  self->names[scope] = name;
}

static PnlExportDialog *
dialog_new (GtkWindow *parent,
            PnlStore  *store)
{
  PnlExportDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PNL_IS_STORE (store), NULL);

  self = g_object_new (PNL_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);

  return self;
}

/* The scope row lists what was offered; with one thing, it goes. */
static PnlExportDialog *
dialog_ready (PnlExportDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scope_titles); i++)
    {
      if (self->keys[scope_titles[i].scope] == NULL)
        continue;

      g_array_append_val (self->scopes, scope_titles[i].scope);
      gtk_string_list_append (titles, _(scope_titles[i].title));
    }

  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (titles));
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row), self->scopes->len > 1);

  return self;
}

static char *
role_name (const char *role)
{
  /* Translators: the file name of a role comparison, e.g. "Backend Developer – comparison" */
  return g_strdup_printf (_("%s – comparison"), role);
}

/* The reference tells apart two candidates of one name. */
static const char *
candidate_key (const char *name,
               const char *reference)
{
  return reference != NULL && reference[0] != '\0' ? reference : name;
}

/* One interview, its candidate, or its role. */
PnlExportDialog *
pnl_export_dialog_new (GtkWindow    *parent,
                       PnlStore     *store,
                       PnlInterview *interview)
{
  PnlExportDialog *self;
  const char *name;
  const char *reference;

  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), NULL);

  if (!(self = dialog_new (parent, store)))
    return NULL;

  name = pnl_interview_get_candidate_name (interview);
  reference = pnl_interview_get_candidate_reference (interview);

  offer (self, PNL_EXPORT_SCOPE_INTERVIEW, pnl_interview_get_uuid (interview),
         /* Translators: the file name of one interview: candidate – round */
         g_strdup_printf (_("%s – %s"), name, pnl_interview_get_round (interview)));
  offer (self, PNL_EXPORT_SCOPE_CANDIDATE, candidate_key (name, reference),
         g_strdup (name));
  offer (self, PNL_EXPORT_SCOPE_ROLE, pnl_interview_get_role (interview),
         role_name (pnl_interview_get_role (interview)));

  return dialog_ready (self);
}

/* Every interview of a candidate, or the comparison of the role. */
PnlExportDialog *
pnl_export_dialog_new_for_candidate (GtkWindow  *parent,
                                     PnlStore   *store,
                                     const char *name,
                                     const char *reference,
                                     const char *role)
{
  PnlExportDialog *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (role != NULL, NULL);

  if (!(self = dialog_new (parent, store)))
    return NULL;

  offer (self, PNL_EXPORT_SCOPE_CANDIDATE, candidate_key (name, reference),
         g_strdup (name));
  offer (self, PNL_EXPORT_SCOPE_ROLE, role, role_name (role));

  return dialog_ready (self);
}

/* The comparison of a role's candidates. */
PnlExportDialog *
pnl_export_dialog_new_for_role (GtkWindow  *parent,
                                PnlStore   *store,
                                const char *role)
{
  PnlExportDialog *self;

  g_return_val_if_fail (role != NULL, NULL);

  if (!(self = dialog_new (parent, store)))
    return NULL;

  offer (self, PNL_EXPORT_SCOPE_ROLE, role, role_name (role));

  return dialog_ready (self);
}

static void
on_exported_toast (GtkWidget *from,
                   GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

  pnl_toast_show (from, text);
}

/* Presents the dialog; once it has written its file, a toast says so
 * where @from is. */
void
pnl_export_dialog_present_from (PnlExportDialog *self,
                                GtkWidget       *from)
{
  g_return_if_fail (PNL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (from));

  g_signal_connect_object (self, "exported", G_CALLBACK (on_exported_toast), from, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
}
