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

struct _PnlExportDialog
{
  AdwWindow             parent_instance;

  /* Owned references */
  PnlStore             *store;
  PnlInterview         *interview;
  GtkFileChooserNative *chooser;
  char                 *local_interviewer;

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

static const PnlExportScope scopes[] = {
  PNL_EXPORT_SCOPE_INTERVIEW,
  PNL_EXPORT_SCOPE_CANDIDATE,
  PNL_EXPORT_SCOPE_ROLE,
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

  return i < G_N_ELEMENTS (scopes) ? scopes[i] : PNL_EXPORT_SCOPE_INTERVIEW;
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

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    if (scopes[i] == scope)
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

static const char *
get_key (PnlExportDialog *self,
         PnlExportScope   scope)
{
  const char *reference = pnl_interview_get_candidate_reference (self->interview);

  switch (scope)
    {
    case PNL_EXPORT_SCOPE_CANDIDATE:
      /* The reference tells apart two candidates of one name. */
      return reference[0] != '\0' ? reference : pnl_interview_get_candidate_name (self->interview);

    case PNL_EXPORT_SCOPE_ROLE:
      return pnl_interview_get_role (self->interview);

    case PNL_EXPORT_SCOPE_INTERVIEW:
    default:
      return pnl_interview_get_uuid (self->interview);
    }
}

char *
pnl_export_dialog_suggest_name (PnlExportDialog *self)
{
  const char *extension = pnl_export_format_get_extension (get_format (self));
  g_autofree char *base = NULL;

  g_return_val_if_fail (PNL_IS_EXPORT_DIALOG (self), NULL);

  switch (get_scope (self))
    {
    case PNL_EXPORT_SCOPE_CANDIDATE:
      base = g_strdup (pnl_interview_get_candidate_name (self->interview));
      break;

    case PNL_EXPORT_SCOPE_ROLE:
      /* Translators: the file name of a role comparison, e.g. "Backend Developer – comparison" */
      base = g_strdup_printf (_("%s – comparison"), pnl_interview_get_role (self->interview));
      break;

    case PNL_EXPORT_SCOPE_INTERVIEW:
    default:
      /* Translators: the file name of one interview: candidate – round */
      base = g_strdup_printf (_("%s – %s"), pnl_interview_get_candidate_name (self->interview),
                              pnl_interview_get_round (self->interview));
      break;
    }

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

  if (!(items = pnl_export_collect (self->store, scope, get_key (self, scope), error)) ||
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
  g_clear_object (&self->interview);
  g_clear_pointer (&self->local_interviewer, g_free);

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
}

PnlExportDialog *
pnl_export_dialog_new (GtkWindow    *parent,
                       PnlStore     *store,
                       PnlInterview *interview)
{
  PnlExportDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PNL_IS_STORE (store), NULL);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), NULL);

  self = g_object_new (PNL_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->interview = g_object_ref (interview);

  return self;
}
