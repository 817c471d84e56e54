/* pnl-window.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-bank-library.h"
#include "pnl-store.h"
#include "pnl-window.h"

struct _PnlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (PnlWindow, pnl_window, ADW_TYPE_APPLICATION_WINDOW)

static void
pnl_window_update_status (PnlWindow *self)
{
  PnlApplication *app = PNL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GListModel) interviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *interviews_text = NULL;
  g_autofree char *banks_text = NULL;
  g_autofree char *description = NULL;
  PnlBankLibrary *library;
  PnlStore *store;
  guint n_banks;
  guint n_interviews;

  if (!(store = pnl_application_get_store (app)))
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page, _("The Database Could Not Be Opened"));
      adw_status_page_set_description (self->status_page,
                                       pnl_application_get_store_error (app)->message);
      return;
    }

  if (!(interviews = pnl_store_list_interviews (store, &error)))
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page, _("The Interviews Could Not Be Read"));
      adw_status_page_set_description (self->status_page, error->message);
      return;
    }

  library = pnl_application_get_bank_library (app);
  n_banks = g_list_model_get_n_items (pnl_bank_library_get_banks (library));
  n_interviews = g_list_model_get_n_items (interviews);

  interviews_text = g_strdup_printf (ngettext ("%u interview is saved.",
                                               "%u interviews are saved.",
                                               n_interviews),
                                     n_interviews);
  banks_text = g_strdup_printf (ngettext ("%u question bank is ready.",
                                          "%u question banks are ready.",
                                          n_banks),
                                n_banks);
  description = g_strdup_printf ("%s %s", interviews_text, banks_text);
  adw_status_page_set_description (self->status_page, description);
}

static void
pnl_window_class_init (PnlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnlWindow, status_page);
}

static void
pnl_window_init (PnlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

PnlWindow *
pnl_window_new (PnlApplication *application)
{
  PnlWindow *self;

  g_return_val_if_fail (PNL_IS_APPLICATION (application), NULL);

  self = g_object_new (PNL_TYPE_WINDOW,
                       "application", application,
                       NULL);
  pnl_window_update_status (self);

  return self;
}
