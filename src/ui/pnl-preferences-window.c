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

#include "pnl-application.h"
#include "pnl-bank.h"
#include "pnl-bank-library.h"
#include "pnl-candidate.h"
#include "pnl-interview.h"
#include "pnl-preferences-window.h"
#include "pnl-store.h"

struct _PnlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Owned references */
  PnlApplication       *app;
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
  GtkSwitch            *retention_switch;
  AdwActionRow         *retention_days_row;
  GtkSpinButton        *retention_days;
  GtkListBox           *candidates_list;
  GtkLabel             *no_candidates_label;
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

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    pnl_application_choose_panel_folder (self->app, file);
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
  pnl_application_choose_panel_folder (self->app, NULL);
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
  /* On a thread; "changed" fills the list again. */
  pnl_bank_library_load_async (self->library, NULL, NULL, NULL);
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

/* Privacy */

static void
on_retention_toggled (PnlPreferencesWindow *self,
                      GParamSpec           *pspec,
                      GtkSwitch            *toggle)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->retention_days_row), gtk_switch_get_active (toggle));

  /* Switched on by hand: ask now rather than at the next start. */
  if (self->app != NULL && gtk_switch_get_active (toggle) && gtk_widget_get_mapped (GTK_WIDGET (toggle)))
    pnl_application_check_retention (self->app);
}

static void fill_candidates (PnlPreferencesWindow *self);

static void
on_forgotten (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PnlPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_object_steal_data (G_OBJECT (self), "pnl-forgetting");
  g_autofree char *text = NULL;

  if (!pnl_application_forget_candidate_finish (PNL_APPLICATION (object), result, &error))
    text = g_strdup (error->message);
  else
    /* Translators: %s is a candidate's name */
    text = g_strdup_printf (_("Forgot %s"), name);

  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
      fill_candidates (self);
    }
}

static void
on_forget_response (AdwMessageDialog     *dialog,
                    const char           *response,
                    PnlPreferencesWindow *self)
{
  PnlCandidate *candidate = g_object_get_data (G_OBJECT (dialog), "pnl-candidate");

  if (g_strcmp0 (response, "forget") != 0 || self->app == NULL)
    return;

  g_object_set_data_full (G_OBJECT (self), "pnl-forgetting",
                          g_strdup (pnl_candidate_get_name (candidate)), g_free);
  pnl_application_forget_candidate_async (self->app, pnl_candidate_get_id (candidate),
                                          on_forgotten, g_object_ref (self));
}

static void
on_forget_clicked (GtkButton            *button,
                   PnlPreferencesWindow *self)
{
  PnlCandidate *candidate = g_object_get_data (G_OBJECT (button), "pnl-candidate");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("Every interview, score and note about them is erased from this computer, and your own scorecards of them leave the panel folder. This cannot be undone."));
  /* Translators: %s is a candidate's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Forget %s?"),
                                     pnl_candidate_get_name (candidate));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "forget", _("_Forget"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "forget",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pnl-candidate", g_object_ref (candidate), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_forget_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_candidates (PnlPreferencesWindow *self)
{
  PnlStore *store = self->app != NULL ? pnl_application_get_store (self->app) : NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GListModel) interviews = NULL;
  /* Candidate id -> how many interviews, and when they last changed */
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     (GDestroyNotify) g_date_time_unref);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidates_list))))
    gtk_list_box_remove (self->candidates_list, child);

  if (store != NULL &&
      (candidates = pnl_store_list_candidates (store, NULL)) &&
      (interviews = pnl_store_list_interviews (store, NULL)))
    {
      /* Interviews come most recent first: the first seen is the last. */
      for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
        {
          g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);
          gint64 id = pnl_interview_get_candidate_id (interview);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));

          g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (count + 1));
          if (!g_hash_table_contains (last, &id))
            g_hash_table_insert (last, g_memdup2 (&id, sizeof id),
                                 g_date_time_ref (pnl_interview_get_updated_at (interview)));
        }

      n = g_list_model_get_n_items (candidates);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PnlCandidate) candidate = g_list_model_get_item (candidates, i);
          gint64 id = pnl_candidate_get_id (candidate);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));
          GDateTime *when = g_hash_table_lookup (last, &id);
          const char *reference = pnl_candidate_get_reference (candidate);
          g_autoptr(GString) subtitle = g_string_new (NULL);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *button;

          if (reference != NULL && reference[0] != '\0')
            g_string_append_printf (subtitle, "%s · ", reference);
          g_string_append_printf (subtitle, ngettext ("%u interview", "%u interviews", count), count);
          if (when != NULL)
            {
              g_autoptr(GDateTime) local = g_date_time_to_local (when);
              /* Translators: when a candidate's interviews last changed, a date in the locale's way */
              g_autofree char *date = g_date_time_format (local, _("%x"));

              /* Translators: after the number of interviews: the date they last changed */
              g_string_append_printf (subtitle, _(" · last changed %s"), date);
            }

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pnl_candidate_get_name (candidate));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

          button = gtk_button_new_with_mnemonic (_("_Forget…"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "pnl-candidate", g_object_ref (candidate), g_object_unref);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_forget_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

          gtk_list_box_append (self->candidates_list, row);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->candidates_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_candidates_label), n == 0);
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
  g_clear_object (&self->app);
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
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, retention_switch);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, retention_days_row);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, retention_days);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, candidates_list);
  gtk_widget_class_bind_template_child (widget_class, PnlPreferencesWindow, no_candidates_label);
  gtk_widget_class_bind_template_callback (widget_class, on_retention_toggled);
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
                            PnlApplication *app)
{
  PnlPreferencesWindow *self;
  GSettings *settings;
  PnlBankLibrary *library;
  GFile *dir;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PNL_IS_APPLICATION (app), NULL);

  settings = pnl_application_get_settings (app);
  library = pnl_application_get_bank_library (app);

  self = g_object_new (PNL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->app = g_object_ref (app);
  self->settings = g_object_ref (settings);
  self->library = g_object_ref (library);

  g_settings_bind (settings, "retention-enabled", self->retention_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "retention-days", self->retention_days, "value", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->retention_days_row),
                            g_settings_get_boolean (settings, "retention-enabled"));
  fill_candidates (self);
  g_signal_connect_object (app, "scorecards-changed", G_CALLBACK (fill_candidates), self, G_CONNECT_SWAPPED);

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
  g_signal_connect_object (library, "changed", G_CALLBACK (fill_banks), self, G_CONNECT_SWAPPED);

  return self;
}
