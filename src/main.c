/* main.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pnl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PnlApplication) app = NULL;
  const char *localedir;

  /* `meson devenv` and the tests point this at the translations built
   * in the build folder; an installed Panelist uses its own. */
  localedir = g_getenv ("PANELIST_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pnl_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
