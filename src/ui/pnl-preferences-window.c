/* pnl-preferences-window.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-preferences-window.h"

struct _PnlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Owned references */
  GSettings            *settings;
  PnlBankLibrary       *library;
  GtkFileChooserNative *chooser;
  /* The bank ids, in the order of the bank row's titles */
  GPtrArray            *bank_ids;

  guint                 filling : 1;

  /* Template children */
  AdwEntryRow          *name_row;
  AdwComboRow          *bank_row;
  GtkSwitch            *restore_switch;
  AdwActionRow         *folder_row;
  GtkButton            *stop_button;
  AdwActionRow         *banks_folder_row;
  GtkListBox           *banks_list;
};

G_DEFINE_FINAL_TYPE (PnlPreferencesWindow, pnl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Panel folder */

static void
update_folder (PnlPreferencesWindow *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "panel-folder");
  gboolean set = value[0] != '\0';

  if (set)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (value);
      g_autofree char *name = g_file_get_parse_name (file);

      adw_action_row_set_subtitle (self->folder_row, name);
    }
  else
    {
      adw_action_row_set_subtitle (self->folder_row, _("None: scorecards stay on this computer"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), set);
}

static void
on_folder_chosen (PnlPreferencesWindow *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *value = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    return;

  if (!(value = g_file_get_path (file)))
    value = g_file_get_uri (file);
  g_settings_set_string (self->settings, "panel-folder", value);
}

static void
on_choose_clicked (PnlPreferencesWindow *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "panel-folder");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Panel Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  if (value[0] != '\0')
    {
      g_autoptr(GFile) current = g_file_new_for_commandline_arg (value);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_folder_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_stop_clicked (PnlPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "panel-folder", "");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Scorecards are no longer shared through a panel folder")));
}

/* Question banks */

static gboolean
is_users (PnlPreferencesWindow *self,
          PnlBank              *bank)
{
  GFile *dir = pnl_bank_library_get_user_dir (self->library);
  const char *source = pnl_bank_get_source (bank);

  return dir != NULL && source != NULL && g_file_peek_path (dir) != NULL &&
         g_str_has_prefix (source, g_file_peek_path (dir));
}

static GtkWidget *
bank_row_new (PnlPreferencesWindow *self,
              PnlBank              *bank)
{
  guint n_questions = g_list_model_get_n_items (pnl_bank_get_questions (bank));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a bank's id, its number of questions, its language, and whose it is */
  subtitle = g_strdup_printf (ngettext ("%s · %u question · %s · %s", "%s · %u questions · %s · %s",
                                        n_questions),
                              pnl_bank_get_id (bank), n_questions, pnl_bank_get_language (bank),
                              is_users (self, bank) ? _("yours") : _("shipped"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pnl_bank_get_title (bank));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static GtkWidget *
error_row_new (const GError *error)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("A Bank Could Not Be Loaded"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
fill_banks (PnlPreferencesWindow *self)
{
  GListModel *banks = pnl_bank_library_get_banks (self->library);
  const GPtrArray *errors = pnl_bank_library_get_errors (self->library);
  g_autofree char *default_bank = g_settings_get_string (self->settings, "default-bank");
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;
  GtkWidget *child;

  self->filling = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->banks_list))))
    gtk_list_box_remove (self->banks_list, child);
  g_ptr_array_set_size (self->bank_ids, 0);

  for (guint i = 0; i < g_list_model_get_n_items (banks); i++)
    {
      g_autoptr(PnlBank) bank = g_list_model_get_item (banks, i);

      gtk_list_box_append (self->banks_list, bank_row_new (self, bank));
      gtk_string_list_append (titles, pnl_bank_get_title (bank));
      g_ptr_array_add (self->bank_ids, g_strdup (pnl_bank_get_id (bank)));
      if (g_str_equal (pnl_bank_get_id (bank), default_bank))
        selected = i;
    }

  for (guint i = 0; i < errors->len; i++)
    gtk_list_box_append (self->banks_list, error_row_new (g_ptr_array_index (errors, i)));

  adw_combo_row_set_model (self->bank_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->bank_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bank_row), self->bank_ids->len > 0);

  self->filling = FALSE;
}

static void
on_bank_selected (PnlPreferencesWindow *self,
                  GParamSpec           *pspec,
                  AdwComboRow          *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= self->bank_ids->len)
    return;

  g_settings_set_string (self->settings, "default-bank", g_ptr_array_index (self->bank_ids, selected));
}

static void
on_reload_clicked (PnlPreferencesWindow *self)
{
  pnl_bank_library_load (self->library);
  fill_banks (self);
}

static void
on_open_banks_clicked (PnlPreferencesWindow *self)
{
  GFile *dir = pnl_bank_library_get_user_dir (self->library);
  g_autofree char *uri = NULL;

  if (dir == NULL)
    return;

  /* It need not exist yet: this is where to make it. */
  if (g_file_peek_path (dir) != NULL)
    g_mkdir_with_parents (g_file_peek_path (dir), 0700);

  uri = g_file_get_uri (dir);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* GObject */

static void
pnl_preferences_window_dispose (GObject *object)
{
  PnlPreferencesWindow *self = (PnlPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_pointer (&self->bank_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (pnl_preferences_window_parent_class)->dispose (object);
}

static void
pnl_preferences_window_class_init (PnlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, bank_row);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, restore_switch);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, banks_folder_row);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, banks_list);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reload_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_banks_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pnl_preferences_window_init (PnlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->bank_ids = g_ptr_array_new_with_free_func (g_free);
}

PnlPreferencesWindow *
pnl_preferences_window_new (GtkWindow      *parent,
                            GSettings      *settings,
                            PnlBankLibrary *library)
{
  PnlPreferencesWindow *self;
  GFile *dir;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (PNL_IS_BANK_LIBRARY (library), NULL);

  self = g_object_new (PNL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);
  self->library = g_object_ref (library);

  g_settings_bind (settings, "interviewer-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "restore-last-interview", self->restore_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::panel-folder", G_CALLBACK (update_folder), self,
                           G_CONNECT_SWAPPED);
  update_folder (self);

  if ((dir = pnl_bank_library_get_user_dir (library)))
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      adw_action_row_set_subtitle (self->banks_folder_row, name);
    }
  fill_banks (self);

  return self;
}
