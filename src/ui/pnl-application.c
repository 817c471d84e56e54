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
#include "pnl-cli.h"
#include "pnl-export.h"
#include "pnl-store.h"
#include "pnl-ui-resources.h"
#include "pnl-window.h"

struct _PnlApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  PnlStore       *store;
  GError         *store_error;
  PnlBankLibrary *bank_library;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (PnlApplication, pnl_application, ADW_TYPE_APPLICATION)

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
  { "import", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Import the scorecard files given after the options, and exit"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

PnlApplication *
pnl_application_new (void)
{
  /* Referencing the interface resource keeps it linked in from the static
   * library; it registers itself when loaded. */
  g_return_val_if_fail (pnl_ui_get_resource () != NULL, NULL);

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

static gboolean
ensure_store (PnlApplication *self)
{
  if (self->store == NULL && self->store_error == NULL)
    self->store = pnl_store_new (pnl_application_get_database_path (self), &self->store_error);

  return self->store != NULL;
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

  if (!ensure_store (self))
    {
      g_printerr ("%s\n", self->store_error->message);
      return EXIT_FAILURE;
    }

  if (!pnl_cli_export (self->store, format, scope, key, &text, &error))
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
      gboolean ok;

      ok = pnl_cli_banks (pnl_application_get_bank_library (self), out, err);
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

      if (!ensure_store (self))
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

  if (g_variant_dict_contains (options, "list"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      if (!ensure_store (self) || !pnl_cli_list (self->store, out, &error))
        {
          g_printerr ("%s\n", self->store_error ? self->store_error->message : error->message);
          return EXIT_FAILURE;
        }

      print_string (stdout, out);

      return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (pnl_application_parent_class)->handle_local_options (app, options);
}

static void
pnl_application_activate (GApplication *app)
{
  PnlApplication *self = (PnlApplication *)app;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      ensure_store (self);
      window = GTK_WINDOW (pnl_window_new (self));
    }

  gtk_window_present (window);
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

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!pnl_store_close (self->store, &error))
        g_critical ("Could not save the last changes: %s", error->message);
    }

  G_APPLICATION_CLASS (pnl_application_parent_class)->shutdown (app);
}

static void
pnl_application_finalize (GObject *object)
{
  PnlApplication *self = (PnlApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_error (&self->store_error);
  g_clear_object (&self->store);
  g_clear_object (&self->bank_library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pnl_application_parent_class)->finalize (object);
}

static void
pnl_application_class_init (PnlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pnl_application_finalize;

  app_class->handle_local_options = pnl_application_handle_local_options;
  app_class->activate = pnl_application_activate;
  app_class->shutdown = pnl_application_shutdown;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
};

static void
pnl_application_init (PnlApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Interview panels: questions, notes and scores"));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
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

  ensure_store (self);

  return self->store;
}

const GError *
pnl_application_get_store_error (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  return self->store_error;
}

PnlBankLibrary *
pnl_application_get_bank_library (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  if (self->bank_library == NULL)
    {
      self->bank_library = pnl_bank_library_new_default ();
      pnl_bank_library_load (self->bank_library);
    }

  return self->bank_library;
}

GSettings *
pnl_application_get_settings (PnlApplication *self)
{
  g_return_val_if_fail (PNL_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new ("io.github.panelist.Panelist");

  return self->settings;
}
