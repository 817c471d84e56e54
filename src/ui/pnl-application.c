/* pnl-application.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pnl-application.h"
#include "pnl-bank-library.h"
#include "pnl-candidate.h"
#include "pnl-cli.h"
#include "pnl-export.h"
#include "pnl-icon-resources.h"
#include "pnl-importer.h"
#include "pnl-interview.h"
#include "pnl-panel-folder.h"
#include "pnl-preferences-window.h"
#include "pnl-session.h"
#include "pnl-session-view.h"
#include "pnl-store.h"
#include "pnl-ui-resources.h"
#include "pnl-window.h"

#define SETTINGS_SCHEMA_ID "io.github.panelist.Panelist"

/* How long quitting waits for scorecards being written to the panel
 * folder; what is not written by then is written at the next start. */
#define PUBLISH_QUIT_TIMEOUT_MS 5000

struct _PnlApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  PnlStore       *store;
  GError         *store_error;
  /* Where a damaged database was kept at start, or NULL */
  char           *set_aside_path;
  /* The question asked when quitting with changes not saved (weak) */
  GtkWidget      *unsaved_dialog;
  PnlBankLibrary *bank_library;
  guint           bank_library_source;
  GSettings      *settings;
  PnlPanelFolder *panel_folder;

  /* Publishes not finished yet; each holds the application. */
  guint           n_publishing;
  gboolean        retention_checked;
  /* Reads the database through at start, see ensure_store() */
  GThread        *check_thread;
  /* Set once a window is up: from then on the setting is followed. */
  guint           panel_folder_followed : 1;
  /* The person chose to quit although changes could not be saved. */
  guint           quit_unsaved : 1;
};

G_DEFINE_FINAL_TYPE (PnlApplication, pnl_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_PANEL_FOLDER,
  N_PROPS
};

enum {
  SCORECARDS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const GOptionEntry main_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use FILE instead of the default database"), N_("FILE") },
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the interviews, one a line, and exit"), NULL },
  { "banks", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the question banks and report those that failed to load, then exit"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export as md, html, csv or json, with --interview, --candidate or --role, and exit"),
    N_("FORMAT") },
  { "interview", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the interview with this UUID"), N_("UUID") },
  { "candidate", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: every interview of this candidate (name or reference)"), N_("NAME") },
  { "role", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the comparison of this role’s candidates"), N_("ROLE") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export: write to FILE instead of the standard output"), N_("FILE") },
  { "interviewer", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the local interviewer, whose interviews still in progress hide the "
       "others’ scores of that candidate (default: the name in the settings; empty for none)"),
    N_("NAME") },
  { "import", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Import the scorecard files given after the options, and exit"), NULL },
  { "conflicts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the scorecards kept aside as conflicts by imports, one a line, and exit"), NULL },
  { "resolve", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("End the conflicts of the interview with this UUID, with --keep, and exit"), N_("UUID") },
  { "keep", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --resolve: mine (the copy here stays) or theirs (the copy that arrived replaces it)"),
    N_("WHICH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

PnlApplication *
pnl_application_new (void)
{
  /* Referencing the interface and icon resources keeps them linked in
   * from the static library; they register themselves when loaded. */
  g_return_val_if_fail (pnl_ui_get_resource () != NULL, NULL);
  g_return_val_if_fail (pnl_icons_get_resource () != NULL, NULL);

  return g_object_new (PNL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/panelist/Panelist",
                       NULL);
}

static void
print_string (FILE    *stream,
              GString *string)
{
  fwrite (string->str, 1, string->len, stream);
  fflush (stream);
}

/* The command-line options only report a damaged database; the window
 * keeps it aside and starts a new one (and says so). */
static gboolean
ensure_store (PnlApplication *self,
              gboolean        set_aside_damaged)
{
  const char *path = pnl_application_get_database_path (self);
  PnlStoreOpenFlags flags = PNL_STORE_OPEN_NONE;

  if (self->store != NULL || self->store_error != NULL)
    return self->store != NULL;

  /* The file was read through while GTK started; when it is sound, it
   * need not be read twice.  When not, the open finds out again and
   * keeps it aside. */
  if (self->check_thread != NULL &&
      GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&self->check_thread))))
    flags |= PNL_STORE_OPEN_CHECKED;

  if (set_aside_damaged)
    self->store = pnl_store_new_or_set_aside_full (path, flags, &self->set_aside_path, &self->store_error);
  else
    self->store = pnl_store_new_full (path, flags, &self->store_error);

  return self->store != NULL;
}

static gpointer
check_thread_func (gpointer data)
{
  g_autofree char *path = data;

  return GINT_TO_POINTER (pnl_store_check_file (path, NULL));
}

static gboolean
has_settings_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  return schema != NULL;
}

/* Independent scoring: whose interviews in progress hide the others'
 * scores.  --interviewer, or the name remembered from the last new
 * interview.  Run from the build folder without the compiled schema,
 * nobody. */
static char *
local_interviewer (PnlApplication *self,
                   GVariantDict   *options)
{
  const char *name = NULL;

  if (g_variant_dict_lookup (options, "interviewer", "&s", &name))
    return g_strdup (name);

  if (!has_settings_schema ())
    return NULL;

  return g_settings_get_string (pnl_application_get_settings (self), "interviewer-name");
}

static int
handle_export (PnlApplication *self,
               GVariantDict   *options)
{
  static const struct {
    const char     *option;
    PnlExportScope  scope;
  } scopes[] = {
    { "interview", PNL_EXPORT_SCOPE_INTERVIEW },
    { "candidate", PNL_EXPORT_SCOPE_CANDIDATE },
    { "role", PNL_EXPORT_SCOPE_ROLE },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *local = NULL;
  const char *format_name = NULL;
  const char *output = NULL;
  const char *key = NULL;
  PnlExportFormat format;
  PnlExportScope scope = PNL_EXPORT_SCOPE_INTERVIEW;
  guint n_scopes = 0;

  g_variant_dict_lookup (options, "export", "&s", &format_name);
  if (g_strcmp0 (format_name, "md") == 0)
    format_name = "markdown";
  if (!pnl_export_format_from_string (format_name, &format))
    {
      g_printerr (_("Unknown export format “%s”: use md, html, csv or json\n"), format_name);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      if (g_variant_dict_lookup (options, scopes[i].option, "&s", &key))
        {
          scope = scopes[i].scope;
          n_scopes++;
        }
    }

  if (n_scopes != 1)
    {
      g_printerr ("%s\n", _("--export needs exactly one of --interview, --candidate or --role"));
      return EXIT_FAILURE;
    }

  if (!ensure_store (self, FALSE))
    {
      g_printerr ("%s\n", self->store_error->message);
      return EXIT_FAILURE;
    }

  local = local_interviewer (self, options);
  if (!pnl_cli_export (self->store, format, scope, key, local, &text, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "output", "^&ay", &output) && output[0] != '\0')
    {
      /* Interview notes are personal data: readable by the owner alone. */
      if (!g_file_set_contents_full (output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                     0600, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  else
    {
      fputs (text, stdout);
      fflush (stdout);
    }

  return EXIT_SUCCESS;
}

/* --conflicts, and --resolve with --keep. */
static int
handle_conflicts (PnlApplication *self,
                  GVariantDict   *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *uuid = NULL;
  const char *keep = NULL;
  gboolean ok;

  if (!ensure_store (self, FALSE))
    {
      g_printerr ("%s\n", self->store_error->message);
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "resolve", "&s", &uuid))
    {
      g_variant_dict_lookup (options, "keep", "&s", &keep);
      ok = pnl_cli_resolve (self->store, uuid, keep, out, &error);
    }
  else
    {
      ok = pnl_cli_conflicts (self->store, out, &error);
    }

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  print_string (stdout, out);

  return EXIT_SUCCESS;
}

static int
pnl_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  PnlApplication *self = (PnlApplication *)app;
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && database[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "banks"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      g_autoptr(PnlBankLibrary) library = pnl_bank_library_new_default ();
      gboolean ok;

      /* The command line waits for its answer: no window to keep alive. */
      ok = pnl_cli_banks (library, out, err);
      print_string (stdout, out);
      print_string (stderr, err);

      return ok ? EXIT_SUCCESS : EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "export"))
    return handle_export (self, options);

  if (g_variant_dict_contains (options, "import"))
    {
      g_autofree const char **paths = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      gboolean ok;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
      if (paths == NULL || paths[0] == NULL)
        {
          g_printerr ("%s\n", _("--import needs at least one file"));
          return EXIT_FAILURE;
        }

      if (!ensure_store (self, FALSE))
        {
          g_printerr ("%s\n", self->store_error->message);
          return EXIT_FAILURE;
        }

      ok = pnl_cli_import (self->store, paths, out, err);
      print_string (stdout, out);
      print_string (stderr, err);

      return ok ? EXIT_SUCCESS : EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, G_OPTION_REMAINING))
    {
      g_printerr ("%s\n", _("Files are only taken with --import"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "conflicts") ||
      g_variant_dict_contains (options, "resolve"))
    return handle_conflicts (self, options);

  if (g_variant_dict_contains (options, "list"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      if (!ensure_store (self, FALSE) || !pnl_cli_list (self->store, out, &error))
        {
          g_printerr ("%s\n", self->store_error ? self->store_error->message : error->message);
          return EXIT_FAILURE;
        }

      print_string (stdout, out);

      return EXIT_SUCCESS;
    }

  /* The window is coming: read the database through on a thread while
   * GTK and the window start (a few tens of milliseconds on a big one). */
  if (self->store == NULL && self->check_thread == NULL)
    self->check_thread = g_thread_new ("panelist-check", check_thread_func,
                                       g_strdup (pnl_application_get_database_path (self)));

  return G_APPLICATION_CLASS (pnl_application_parent_class)->handle_local_options (app, options);
}

/* Panel folder ------------------------------------------------------------ */

static void
on_panel_folder_imported (PnlApplication *self,
                          PnlImporter    *importer,
                          PnlPanelFolder *folder)
{
  if (pnl_importer_get_n_added (importer) + pnl_importer_get_n_updated (importer) > 0)
    pnl_application_emit_scorecards_changed (self);
}

/* The setting: an absolute path or a URI; a relative path is taken from
 * the home folder.  NULL when empty. */
static GFile *
panel_folder_from_setting (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return NULL;

  return g_file_new_for_commandline_arg_and_cwd (value, g_get_home_dir ());
}

static void
set_panel_folder (PnlApplication *self,
                  GFile          *file)
{
  g_autoptr(PnlPanelFolder) old = NULL;

  if (self->panel_folder == NULL && file == NULL)
    return;

  if (self->panel_folder != NULL && file != NULL &&
      g_file_equal (pnl_panel_folder_get_folder (self->panel_folder), file))
    return;

  /* A publish still running on the old one finishes there; what waits
   * is the new one's to publish. */
  if ((old = g_steal_pointer (&self->panel_folder)))
    {
      g_signal_handlers_disconnect_by_data (old, self);
      pnl_panel_folder_retire (old);
    }

  if (file != NULL)
    {
      self->panel_folder = pnl_panel_folder_new (self->store, file);
      g_signal_connect_object (self->panel_folder, "imported",
                               G_CALLBACK (on_panel_folder_imported), self,
                               G_CONNECT_SWAPPED);
    }

  /* Windows connect to the new one before its first scan. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL_FOLDER]);

  if (self->panel_folder != NULL)
    pnl_panel_folder_start (self->panel_folder);
}

/**
 * pnl_application_choose_panel_folder:
 * @self: a #PnlApplication
 * @folder: (nullable): the folder to share scorecards in, or %NULL for none
 *
 * Keeps @folder in the "panel-folder" setting (its path, or its URI when it
 * has none), which the application follows.
 */
void
pnl_application_choose_panel_folder (PnlApplication *self,
                                     GFile          *folder)
{
  g_autofree char *value = NULL;

  g_return_if_fail (PNL_IS_APPLICATION (self));
  g_return_if_fail (!folder || G_IS_FILE (folder));

  if (folder != NULL && !(value = g_file_get_path (folder)))
    value = g_file_get_uri (folder);

  g_settings_set_string (pnl_application_get_settings (self), "panel-folder", value ? value : "");
}

static void
update_panel_folder (PnlApplication *self)
{
  g_autofree char *value = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->store != NULL)
    {
      value = g_settings_get_string (pnl_application_get_settings (self), "panel-folder");
      file = panel_folder_from_setting (value);
    }

  set_panel_folder (self, file);
}

static void
on_panel_folder_setting_changed (PnlApplication *self,
                                 const char     *key,
                                 GSettings      *settings)
{
  update_panel_folder (self);
}

static void
follow_panel_folder (PnlApplication *self)
{
  if (self->panel_folder_followed)
    return;

  self->panel_folder_followed = TRUE;
  g_signal_connect_object (pnl_application_get_settings (self), "changed::panel-folder",
                           G_CALLBACK (on_panel_folder_setting_changed), self,
                           G_CONNECT_SWAPPED);
  update_panel_folder (self);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Gives the publishes under way a little time to finish. */
static void
wait_for_publishes (PnlApplication *self)
{
  gint64 deadline;
  guint wake;

  if (self->n_publishing == 0)
    return;

  deadline = g_get_monotonic_time () + PUBLISH_QUIT_TIMEOUT_MS * (G_USEC_PER_SEC / 1000);
  wake = g_timeout_add (50, wake_cb, NULL);

  while (self->n_publishing > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);

  if (self->n_publishing > 0)
    g_warning ("Quitting before %u scorecards reached the panel folder; "
               "they are written at the next start", self->n_publishing);
}

static void
pnl_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (pnl_application_parent_class)->startup (app);

  /* Installed with the desktop file, and in the resources under
   * icons/ for when the app runs from the build folder. */
  gtk_window_set_default_icon_name (APP_ID);
}

static gboolean
start_bank_library_cb (gpointer data)
{
  PnlApplication *self = data;

  self->bank_library_source = 0;
  pnl_application_get_bank_library (self);

  return G_SOURCE_REMOVE;
}

static void
pnl_application_activate (GApplication *app)
{
  PnlApplication *self = (PnlApplication *)app;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      ensure_store (self, TRUE);
      window = GTK_WINDOW (pnl_window_new (self));
      /* Once the window is up, begin reading the banks, so that they
       * are there for New Interview. */
      if (self->bank_library == NULL && self->bank_library_source == 0)
        self->bank_library_source = g_idle_add_full (G_PRIORITY_LOW, start_bank_library_cb,
                                                     self, NULL);
    }

  /* After the window, so that it hears what the first scan finds. */
  follow_panel_folder (self);

  gtk_window_present (window);

  /* Once a run: is anyone kept longer than the user wants? */
  if (!self->retention_checked)
    {
      self->retention_checked = TRUE;
      pnl_application_check_retention (self);
    }
}

static void
pnl_application_shutdown (GApplication *app)
{
  PnlApplication *self = (PnlApplication *)app;

  GList *windows;

  /* Windows first: an interview on screen queues what it holds when it
   * goes.  Then everything queued must reach the disk before we go. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))))
    gtk_window_destroy (windows->data);

  g_clear_handle_id (&self->bank_library_source, g_source_remove);
  wait_for_publishes (self);
  set_panel_folder (self, NULL);

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!pnl_store_close (self->store, &error))
        {
          /* Asked for (see pnl_application_confirm_quit()), or not. */
          if (self->quit_unsaved)
            g_warning ("Quitting with %u changes not saved, as asked: %s",
                       pnl_store_get_n_pending (self->store), error->message);
          else
            g_critical ("Could not save the last changes: %s", error->message);
        }
    }

  G_APPLICATION_CLASS (pnl_application_parent_class)->shutdown (app);
}

static void
pnl_application_finalize (GObject *object)
{
  PnlApplication *self = (PnlApplication *)object;

  /* Started, and the window never came (another instance took over). */
  if (self->check_thread != NULL)
    g_thread_join (g_steal_pointer (&self->check_thread));

  g_clear_pointer (&self->database_path, g_free);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->set_aside_path, g_free);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->bank_library_source, g_source_remove);
  g_clear_object (&self->bank_library);
  g_clear_object (&self->settings);
  g_clear_object (&self->panel_folder);

  G_OBJECT_CLASS (pnl_application_parent_class)->finalize (object);
}

static void
pnl_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PnlApplication *self = PNL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_PANEL_FOLDER:
      g_value_set_object (value, self->panel_folder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_application_class_init (PnlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pnl_application_finalize;
  object_class->get_property = pnl_application_get_property;

  app_class->handle_local_options = pnl_application_handle_local_options;
  app_class->startup = pnl_application_startup;
  app_class->activate = pnl_application_activate;
  app_class->shutdown = pnl_application_shutdown;

  /**
   * PnlApplication:panel-folder:
   *
   * The panel folder in use, or %NULL.
   */
  properties[PROP_PANEL_FOLDER] =
    g_param_spec_object ("panel-folder", NULL, NULL,
                         PNL_TYPE_PANEL_FOLDER,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PnlApplication::scorecards-changed:
   * @self: a #PnlApplication
   *
   * Scorecards were added to the database or updated from outside: an
   * import of files, or the panel folder; or what the local interviewer
   * may see changed (independent scoring, PnlVisibility): an interview
   * was started, closed, submitted or reopened in a window.  Views of
   * the scorecards reload.
   */
  signals[SCORECARDS_CHANGED] =
    g_signal_new ("scorecards-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PnlApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* What is on screen is queued first, as closing the window does. */
  if (PNL_IS_WINDOW (window) && pnl_window_get_session_view (PNL_WINDOW (window)) != NULL)
    pnl_session_save_now (pnl_session_view_get_session (pnl_window_get_session_view (PNL_WINDOW (window))));

  if (pnl_application_confirm_quit (self, window))
    g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PnlApplication *self = PNL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  PnlPreferencesWindow *window;

  window = pnl_preferences_window_new (parent, self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PnlApplication *self = PNL_APPLICATION (user_data);
  static const char *developers[] = { "The Panelist authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Panelist"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Panelist authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Questions, notes and scores for interview panels, beside the video call. Everything is saved as you type, stays on your computer, and can be compared across the panel."),
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_ISSUES,
                         "copyright", _("© 2026 The Panelist authors"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: your names, one a line, to be credited in the About window */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
pnl_application_init (PnlApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Interview panels: questions, notes and scores"));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

const char *
pnl_application_get_database_path (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  if (self->database_path == NULL)
    self->database_path = pnl_store_get_default_path ();

  return self->database_path;
}

PnlStore *
pnl_application_get_store (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  ensure_store (self, FALSE);

  return self->store;
}

const GError *
pnl_application_get_store_error (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * pnl_application_get_set_aside_path:
 * @self: a #PnlApplication
 *
 * Returns: (nullable): the name under which the database was kept when
 *   it was found damaged at start (a new one was started), or %NULL
 */
const char *
pnl_application_get_set_aside_path (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  return self->set_aside_path;
}

static void
on_unsaved_response (PnlApplication   *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "quit"))
    return;

  self->quit_unsaved = TRUE;
  g_application_quit (G_APPLICATION (self));
}

/**
 * pnl_application_confirm_quit:
 * @self: a #PnlApplication
 * @parent: (nullable): the window to ask on
 *
 * Saves everything queued, trying at once when saves were failing.  When
 * that works, or there is no database, returns %TRUE: quitting loses
 * nothing.  Otherwise asks, on @parent, whether to keep Panelist open
 * (it goes on trying) or to quit anyway, losing the changes; quits when
 * told to, and returns %FALSE.
 *
 * Returns: %TRUE when quitting loses nothing
 */
gboolean
pnl_application_confirm_quit (PnlApplication *self,
                              GtkWindow      *parent)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint n_pending;

  g_return_val_if_fail (PNL_IS_APPLICATION (self), TRUE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), TRUE);

  if (self->store == NULL || self->quit_unsaved || pnl_store_flush (self->store, &error))
    return TRUE;

  if (self->unsaved_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->unsaved_dialog));
      return FALSE;
    }

  n_pending = pnl_store_get_n_pending (self->store);
  body = g_strdup_printf ("%s\n\n%s",
                          error->message,
                          ngettext ("One change is not saved yet. Panelist goes on trying while it stays open; quitting now loses it.",
                                    "Some changes are not saved yet. Panelist goes on trying while it stays open; quitting now loses them.",
                                    n_pending));

  self->unsaved_dialog = adw_message_dialog_new (parent, _("Changes Not Saved"), body);
  g_object_add_weak_pointer (G_OBJECT (self->unsaved_dialog), (gpointer *) &self->unsaved_dialog);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self->unsaved_dialog),
                                    "keep", _("_Keep Open"),
                                    "quit", _("_Quit Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self->unsaved_dialog),
                                              "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self->unsaved_dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self->unsaved_dialog), "keep");
  g_signal_connect_object (self->unsaved_dialog, "response",
                           G_CALLBACK (on_unsaved_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->unsaved_dialog));

  return FALSE;
}

PnlBankLibrary *
pnl_application_get_bank_library (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  /* The shipped banks at once, the user's folder on a thread: a pipe
   * or a slow network folder there never holds up the window.  Who
   * shows the banks follows "changed". */
  if (self->bank_library == NULL)
    {
      self->bank_library = pnl_bank_library_new_default ();
      pnl_bank_library_load_async (self->bank_library, NULL, NULL, NULL);
    }

  return self->bank_library;
}

GSettings *
pnl_application_get_settings (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (SETTINGS_SCHEMA_ID);

  return self->settings;
}

PnlPanelFolder *
pnl_application_get_panel_folder (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  return self->panel_folder;
}

static void
publish_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PnlApplication *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->n_publishing--;
  g_application_release (G_APPLICATION (self));

  if (pnl_panel_folder_publish_finish (PNL_PANEL_FOLDER (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * pnl_application_publish_async:
 * @self: a #PnlApplication
 * @interview: the interview to share
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is written or waiting
 * @user_data: data for @callback
 *
 * Writes the scorecard of @interview, as the database has it once the
 * saves queued before are done, to the panel folder.  Does nothing when
 * no folder is set.
 */
void
pnl_application_publish_async (PnlApplication      *self,
                               PnlInterview        *interview,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PNL_IS_APPLICATION (self));
  g_return_if_fail (PNL_IS_INTERVIEW (interview));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pnl_application_publish_async);

  if (self->panel_folder == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Closing the last window waits for it; quitting gives it a moment. */
  self->n_publishing++;
  g_application_hold (G_APPLICATION (self));
  pnl_panel_folder_publish_async (self->panel_folder, interview, cancellable,
                                  publish_cb, g_steal_pointer (&task));
}

gboolean
pnl_application_publish_finish (PnlApplication  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pnl_application_emit_scorecards_changed (PnlApplication *self)
{
  g_return_if_fail (PNL_IS_APPLICATION (self));

  g_signal_emit (self, signals[SCORECARDS_CHANGED], 0);
}

/* Forgetting ---------------------------------------------------------- */

typedef struct
{
  gint64  candidate_id;
  GStrv   own_uuids;
  GStrv   uuids;
} Forget;

static void
forget_free (gpointer data)
{
  Forget *forget = data;

  g_strfreev (forget->own_uuids);
  g_strfreev (forget->uuids);
  g_free (forget);
}

static void
forget_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PnlApplication *self = source_object;
  Forget *forget = task_data;
  GError *error = NULL;

  /* Waits for the writer, and a vacuum can take a while: not on the
   * main thread. */
  if (!pnl_store_forget_candidate (self->store, forget->candidate_id, &forget->uuids, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
forget_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PnlApplication *self = PNL_APPLICATION (object);
  g_autoptr(GTask) task = user_data;
  Forget *forget = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_application_release (G_APPLICATION (self));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Our own scorecards of them leave the panel folder too. */
  for (guint i = 0; self->panel_folder != NULL && forget->own_uuids[i] != NULL; i++)
    {
      g_autoptr(GError) withdraw_error = NULL;

      if (!pnl_panel_folder_withdraw (self->panel_folder, forget->own_uuids[i], &withdraw_error))
        g_warning ("Could not take a scorecard out of the panel folder: %s", withdraw_error->message);
    }

  pnl_application_emit_scorecards_changed (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * pnl_application_forget_candidate_async:
 * @self: a #PnlApplication
 * @candidate_id: the candidate
 * @callback: called when the candidate is forgotten, or could not be
 * @user_data: for @callback
 *
 * Closes the candidate's interview where it is open, erases the
 * candidate (pnl_store_forget_candidate()) on a thread, takes the local
 * interviewer's scorecards of them out of the panel folder, and tells
 * every view ("scorecards-changed").
 */
void
pnl_application_forget_candidate_async (PnlApplication      *self,
                                        gint64               candidate_id,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GListModel) interviews = NULL;
  g_autoptr(GStrvBuilder) own = g_strv_builder_new ();
  g_autofree char *local = NULL;
  Forget *forget;

  g_return_if_fail (PNL_IS_APPLICATION (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, pnl_application_forget_candidate_async);

  if (!ensure_store (self, FALSE))
    {
      g_task_return_error (task, g_error_copy (self->store_error));
      return;
    }

  /* Nothing of theirs stays open on screen. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      PnlSessionView *view;

      if (!PNL_IS_WINDOW (l->data) || !(view = pnl_window_get_session_view (l->data)))
        continue;

      if (pnl_interview_get_candidate_id (pnl_session_get_interview (pnl_session_view_get_session (view))) == candidate_id)
        pnl_window_close_interview (l->data);
    }

  local = g_settings_get_string (pnl_application_get_settings (self), "interviewer-name");
  if ((interviews = pnl_store_list_interviews (self->store, NULL)))
    {
      for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
        {
          g_autoptr(PnlInterview) interview = g_list_model_get_item (interviews, i);

          if (pnl_interview_get_candidate_id (interview) == candidate_id &&
              g_strcmp0 (pnl_interview_get_interviewer (interview), local) == 0)
            g_strv_builder_add (own, pnl_interview_get_uuid (interview));
        }
    }

  forget = g_new0 (Forget, 1);
  forget->candidate_id = candidate_id;
  forget->own_uuids = g_strv_builder_end (own);
  g_task_set_task_data (task, forget, forget_free);

  g_application_hold (G_APPLICATION (self));
  inner = g_task_new (self, NULL, forget_done, g_object_ref (task));
  g_task_set_task_data (inner, forget, NULL);
  g_task_run_in_thread (inner, forget_thread);
}

gboolean
pnl_application_forget_candidate_finish (PnlApplication  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Retention ----------------------------------------------------------- */

typedef struct
{
  PnlApplication *app;
  GListModel     *candidates;
  guint           next;
  guint           n_failed;
} Retention;

static void
retention_free (Retention *retention)
{
  g_clear_object (&retention->app);
  g_clear_object (&retention->candidates);
  g_free (retention);
}

static void retention_next (Retention *retention);

static void
retention_forgotten (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Retention *retention = user_data;
  g_autoptr(GError) error = NULL;

  if (!pnl_application_forget_candidate_finish (PNL_APPLICATION (object), result, &error))
    {
      g_warning ("Could not forget a candidate: %s", error->message);
      retention->n_failed++;
    }

  retention_next (retention);
}

/* One after the other: each waits for the writer. */
static void
retention_next (Retention *retention)
{
  guint n = g_list_model_get_n_items (retention->candidates);
  g_autoptr(PnlCandidate) candidate = NULL;

  if (retention->next >= n)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (retention->app));

      if (PNL_IS_WINDOW (window))
        {
          g_autofree char *text = NULL;

          if (retention->n_failed == 0)
            text = g_strdup_printf (ngettext ("Forgot %u candidate", "Forgot %u candidates", n), n);
          else
            text = g_strdup_printf (ngettext ("%u candidate could not be forgotten; try again from Preferences",
                                              "%u candidates could not be forgotten; try again from Preferences",
                                              retention->n_failed),
                                    retention->n_failed);
          pnl_window_show_toast (PNL_WINDOW (window), text);
        }

      retention_free (retention);
      return;
    }

  candidate = g_list_model_get_item (retention->candidates, retention->next++);
  pnl_application_forget_candidate_async (retention->app, pnl_candidate_get_id (candidate),
                                          retention_forgotten, retention);
}

static void
on_retention_response (AdwMessageDialog *dialog,
                       const char       *response,
                       Retention        *retention)
{
  if (g_strcmp0 (response, "forget") == 0)
    retention_next (retention);
  else
    retention_free (retention);
}

/**
 * pnl_application_check_retention:
 * @self: a #PnlApplication
 *
 * With the retention setting on, asks whether to forget the candidates
 * last seen longer ago than it says, naming each; forgets them on yes.
 *
 * Returns: whether it asked
 */
gboolean
pnl_application_check_retention (PnlApplication *self)
{
  GSettings *settings;
  g_autoptr(GListModel) stale = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  Retention *retention;
  GtkWidget *dialog;
  gint64 before;
  guint days;
  guint n;

  g_return_val_if_fail (PNL_IS_APPLICATION (self), FALSE);

  settings = pnl_application_get_settings (self);
  if (!g_settings_get_boolean (settings, "retention-enabled") || !ensure_store (self, FALSE))
    return FALSE;

  days = (guint) g_settings_get_int (settings, "retention-days");
  before = g_get_real_time () / G_USEC_PER_SEC - (gint64) days * 24 * 60 * 60;
  if (!(stale = pnl_store_list_stale_candidates (self->store, before, &error)))
    {
      g_warning ("Could not look for old candidates: %s", error->message);
      return FALSE;
    }

  if ((n = g_list_model_get_n_items (stale)) == 0)
    return FALSE;

  g_string_append_printf (body,
                          ngettext ("Nobody has interviewed them for more than %u day:",
                                    "Nobody has interviewed them for more than %u days:", days),
                          days);
  g_string_append_c (body, '\n');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnlCandidate) candidate = g_list_model_get_item (stale, i);
      const char *reference = pnl_candidate_get_reference (candidate);

      if (reference != NULL && reference[0] != '\0')
        /* Translators: a candidate in a list: name and reference */
        g_string_append_printf (body, _("\n• %s (%s)"), pnl_candidate_get_name (candidate), reference);
      else
        g_string_append_printf (body, _("\n• %s"), pnl_candidate_get_name (candidate));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Every interview, score and note about them is erased from this computer, and your own scorecards of them leave the panel folder. This cannot be undone."));

  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   NULL, body->str);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     ngettext ("Forget %u Candidate?", "Forget %u Candidates?", n), n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "forget", _("_Forget"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "forget",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "later");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  retention = g_new0 (Retention, 1);
  retention->app = g_object_ref (self);
  retention->candidates = g_steal_pointer (&stale);
  g_signal_connect (dialog, "response", G_CALLBACK (on_retention_response), retention);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}
