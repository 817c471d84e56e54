/* pnl-new-interview-dialog.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-new-interview-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-interview.h"
#include "pnl-new-interview-dialog.h"
#include "pnl-store.h"
#include "pnl-utils.h"

struct _PnlNewInterviewDialog
{
  AdwWindow       parent_instance;

  /* Owned references */
  PnlStore       *store;
  PnlBankLibrary *library;
  GSettings      *settings;
  char           *suggested_role;
  char           *bank_id;        /* the bank chosen, kept when the banks load again */

  /* Template children */
  AdwEntryRow    *candidate_row;
  AdwEntryRow    *reference_row;
  AdwComboRow    *bank_row;
  AdwEntryRow    *role_row;
  AdwEntryRow    *round_row;
  AdwEntryRow    *interviewer_row;
  GtkButton      *create_button;
  GtkLabel       *needed_label;
  GtkLabel       *error_label;
  GtkRevealer    *error_revealer;
};

G_DEFINE_FINAL_TYPE (PnlNewInterviewDialog, pnl_new_interview_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
row_is_blank (AdwEntryRow *row)
{
  return pnl_str_is_blank (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static PnlBank *
get_selected_bank (PnlNewInterviewDialog *self)
{
  return adw_combo_row_get_selected_item (self->bank_row);
}

/* A required field shows its error once the person has been in it. */
static void
update_row_error (AdwEntryRow *row)
{
  gboolean touched = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "touched"));

  if (touched && row_is_blank (row))
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
is_complete (PnlNewInterviewDialog *self)
{
  return !row_is_blank (self->candidate_row) &&
         !row_is_blank (self->role_row) &&
         !row_is_blank (self->round_row) &&
         !row_is_blank (self->interviewer_row) &&
         get_selected_bank (self) != NULL;
}

/* Says what Create still waits for, so that a disabled button is never
 * a riddle: "Still needed: the round." */
static void
update_needed (PnlNewInterviewDialog *self)
{
  g_autoptr(GPtrArray) needed = g_ptr_array_new ();
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  if (row_is_blank (self->candidate_row))
    /* Translators: one of the fields New Interview still needs */
    g_ptr_array_add (needed, (gpointer) _("the candidate’s name"));
  if (get_selected_bank (self) == NULL)
    /* Translators: one of the fields New Interview still needs */
    g_ptr_array_add (needed, (gpointer) _("a question bank"));
  if (row_is_blank (self->role_row))
    /* Translators: one of the fields New Interview still needs */
    g_ptr_array_add (needed, (gpointer) _("the role"));
  if (row_is_blank (self->round_row))
    /* Translators: one of the fields New Interview still needs */
    g_ptr_array_add (needed, (gpointer) _("the round"));
  if (row_is_blank (self->interviewer_row))
    /* Translators: one of the fields New Interview still needs */
    g_ptr_array_add (needed, (gpointer) _("your name"));

  gtk_widget_set_visible (GTK_WIDGET (self->needed_label), needed->len > 0);
  if (needed->len == 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->create_button), NULL);
      return;
    }

  g_ptr_array_add (needed, NULL);
  /* Translators: the separator between the fields still needed */
  list = g_strjoinv (_(", "), (char **) needed->pdata);
  /* Translators: %s lists the fields still needed, e.g. "the round, your name" */
  text = g_strdup_printf (_("Still needed: %s."), list);
  gtk_label_set_text (self->needed_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->create_button), text);
}

static void
update_state (PnlNewInterviewDialog *self)
{
  update_row_error (self->candidate_row);
  update_row_error (self->role_row);
  update_row_error (self->round_row);
  update_row_error (self->interviewer_row);
  update_needed (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), is_complete (self));
}

static void
on_row_changed (PnlNewInterviewDialog *self,
                GtkEditable           *row)
{
  g_object_set_data (G_OBJECT (row), "touched", GINT_TO_POINTER (TRUE));
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  update_state (self);
}

static void
on_bank_selected (PnlNewInterviewDialog *self,
                  GParamSpec            *pspec,
                  AdwComboRow           *row)
{
  PnlBank *bank = get_selected_bank (self);
  const char *role = gtk_editable_get_text (GTK_EDITABLE (self->role_row));

  /* While the banks load again the list changes under the choice: the
   * choice is what comes back after (on_banks_changed). */
  if (bank != NULL && self->library != NULL && !pnl_bank_library_get_loading (self->library))
    {
      g_free (self->bank_id);
      self->bank_id = g_strdup (pnl_bank_get_id (bank));
    }

  /* Follow the bank's role until the person types one of their own. */
  if (bank != NULL && (row_is_blank (self->role_row) ||
                       g_strcmp0 (role, self->suggested_role) == 0))
    {
      g_free (self->suggested_role);
      self->suggested_role = g_strdup (pnl_bank_get_role (bank));
      gtk_editable_set_text (GTK_EDITABLE (self->role_row), self->suggested_role);
    }

  update_state (self);
}

/* Selects the bank chosen (at first the default one), or the first. */
static void
select_bank (PnlNewInterviewDialog *self)
{
  GListModel *banks = pnl_bank_library_get_banks (self->library);
  guint n = g_list_model_get_n_items (banks);
  guint selected = n > 0 ? 0 : GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlBank) bank = g_list_model_get_item (banks, i);

      if (g_strcmp0 (pnl_bank_get_id (bank), self->bank_id) == 0)
        {
          selected = i;
          break;
        }
    }

  adw_combo_row_set_selected (self->bank_row, selected);
  on_bank_selected (self, NULL, self->bank_row);
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
pnl_new_interview_dialog_create (PnlNewInterviewDialog *self)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *role = NULL;
  g_autofree char *round = NULL;
  g_autofree char *interviewer = NULL;
  PnlBank *bank;

  g_return_val_if_fail (PNL_IS_NEW_INTERVIEW_DIALOG (self), FALSE);

  if (!is_complete (self))
    {
      /* Show every missing field at once. */
      g_object_set_data (G_OBJECT (self->candidate_row), "touched", GINT_TO_POINTER (TRUE));
      g_object_set_data (G_OBJECT (self->role_row), "touched", GINT_TO_POINTER (TRUE));
      g_object_set_data (G_OBJECT (self->round_row), "touched", GINT_TO_POINTER (TRUE));
      g_object_set_data (G_OBJECT (self->interviewer_row), "touched", GINT_TO_POINTER (TRUE));
      update_state (self);
      return FALSE;
    }

  bank = get_selected_bank (self);
  candidate = stripped_text (self->candidate_row);
  reference = stripped_text (self->reference_row);
  role = stripped_text (self->role_row);
  round = stripped_text (self->round_row);
  interviewer = stripped_text (self->interviewer_row);

  interview = pnl_store_create_interview (self->store, candidate, reference, role, round,
                                          interviewer, bank, &error);
  if (interview == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return FALSE;
    }

  g_settings_set_string (self->settings, "interviewer-name", interviewer);
  g_settings_set_string (self->settings, "default-bank", pnl_bank_get_id (bank));

  g_signal_emit (self, signals[CREATED], 0, interview);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
on_create_clicked (PnlNewInterviewDialog *self)
{
  pnl_new_interview_dialog_create (self);
}

static void
on_entry_activated (PnlNewInterviewDialog *self)
{
  if (is_complete (self))
    pnl_new_interview_dialog_create (self);
}

static void
pnl_new_interview_dialog_dispose (GObject *object)
{
  PnlNewInterviewDialog *self = (PnlNewInterviewDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_NEW_INTERVIEW_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->suggested_role, g_free);
  g_clear_pointer (&self->bank_id, g_free);

  G_OBJECT_CLASS (pnl_new_interview_dialog_parent_class)->dispose (object);
}

static void
pnl_new_interview_dialog_class_init (PnlNewInterviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_new_interview_dialog_dispose;

  /**
   * PnlNewInterviewDialog::created:
   * @interview: the new interview, already in the store
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-new-interview-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, candidate_row);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, bank_row);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, round_row);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, interviewer_row);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, needed_label);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PnlNewInterviewDialog, error_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pnl_new_interview_dialog_init (PnlNewInterviewDialog *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Every field but the reference is needed: say so to a screen reader
   * too, not only by the reference's "(optional)". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->candidate_row),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_row),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->round_row),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->interviewer_row),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);

  expression = gtk_property_expression_new (PNL_TYPE_BANK, NULL, "title");
  adw_combo_row_set_expression (self->bank_row, expression);
  gtk_expression_unref (expression);
}

PnlNewInterviewDialog *
pnl_new_interview_dialog_new (GtkWindow      *parent,
                              PnlStore       *store,
                              PnlBankLibrary *library,
                              GSettings      *settings)
{
  PnlNewInterviewDialog *self;
  g_autofree char *interviewer = NULL;
  GListModel *banks;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PNL_IS_STORE (store), NULL);
  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PNL_TYPE_NEW_INTERVIEW_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->library = g_object_ref (library);
  self->settings = g_object_ref (settings);

  banks = pnl_bank_library_get_banks (library);
  adw_combo_row_set_model (self->bank_row, banks);

  /* The user's folder may still be read on a thread: its banks join the
   * list when it is done. */
  self->bank_id = g_settings_get_string (settings, "default-bank");
  select_bank (self);
  g_signal_connect_object (library, "changed", G_CALLBACK (select_bank), self, G_CONNECT_SWAPPED);

  interviewer = g_settings_get_string (settings, "interviewer-name");
  gtk_editable_set_text (GTK_EDITABLE (self->interviewer_row), interviewer);

  /* Nothing is marked missing before the person has typed. */
  g_object_set_data (G_OBJECT (self->role_row), "touched", NULL);
  g_object_set_data (G_OBJECT (self->interviewer_row), "touched", NULL);
  update_state (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->candidate_row));

  return self;
}
