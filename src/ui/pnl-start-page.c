/* pnl-start-page.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-interview.h"
#include "pnl-interview-row.h"
#include "pnl-start-page.h"
#include "pnl-store.h"

struct _PnlStartPage
{
  GtkWidget      parent_instance;

  /* Owned references */
  PnlStore      *store;

  gboolean       show_all;

  /* Template children */
  GtkButton     *show_all_button;
  GtkStack      *stack;
  GtkLabel      *heading;
  GtkListView   *list_view;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (PnlStartPage, pnl_start_page, GTK_TYPE_WIDGET)

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How many interviews the start page lists until asked for all. */
#define N_RECENT 20

static void
on_show_all_clicked (PnlStartPage *self,
                     GtkButton    *button)
{
  pnl_start_page_show_all (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, pnl_interview_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  pnl_interview_row_set_interview (PNL_INTERVIEW_ROW (gtk_list_item_get_child (list_item)),
                                   gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  pnl_interview_row_set_interview (PNL_INTERVIEW_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_activate (PnlStartPage *self,
             guint         position,
             GtkListView  *list_view)
{
  g_autoptr(PnlInterview) interview = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)),
                                                             position);

  if (interview != NULL)
    g_signal_emit (self, signals[OPEN], 0, interview);
}

void
pnl_start_page_reload (PnlStartPage *self)
{
  g_autoptr(GListModel) interviews = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_if_fail (PNL_IS_START_PAGE (self));

  if (self->store == NULL)
    return;

  /* The most recent first; all of them when asked for. */
  if (!(interviews = pnl_store_list_recent_interviews (self->store, self->show_all ? G_MAXUINT : N_RECENT,
                                                       &n, &error)))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  {
    g_autoptr(GtkNoSelection) model = gtk_no_selection_new (g_object_ref (interviews));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (model));
  }
  gtk_label_set_label (self->heading, self->show_all ? _("All Interviews") : _("Recent Interviews"));
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), !self->show_all && n > N_RECENT);
  if (n > N_RECENT)
    {
      /* Grouped as the locale does: 10,000, 10.000, 10 000. */
      g_autofree char *count = g_strdup_printf ("%'u", n);
      /* Translators: %s is a number of interviews, already written the
       * locale's way (10,000) */
      g_autofree char *label = g_strdup_printf (ngettext ("Show All %s Interview", "Show All %s Interviews", n), count);

      gtk_button_set_label (self->show_all_button, label);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

void
pnl_start_page_show_all (PnlStartPage *self)
{
  g_return_if_fail (PNL_IS_START_PAGE (self));

  if (self->show_all)
    return;

  self->show_all = TRUE;
  pnl_start_page_reload (self);
}

void
pnl_start_page_set_store (PnlStartPage *self,
                          PnlStore     *store)
{
  g_return_if_fail (PNL_IS_START_PAGE (self));
  g_return_if_fail (!store || PNL_IS_STORE (store));

  if (g_set_object (&self->store, store))
    pnl_start_page_reload (self);
}

static void
pnl_start_page_dispose (GObject *object)
{
  PnlStartPage *self = (PnlStartPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_START_PAGE);
  /* The template's root has no name to be cleared by; unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pnl_start_page_parent_class)->dispose (object);
}

static void
pnl_start_page_class_init (PnlStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_start_page_dispose;

  /**
   * PnlStartPage::open:
   * @interview: the interview chosen
   */
  signals[OPEN] =
    g_signal_new ("open",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-start-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PnlStartPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PnlStartPage, heading);
  gtk_widget_class_bind_template_child (widget_class, PnlStartPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PnlStartPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PnlStartPage, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked);
}

static void
pnl_start_page_init (PnlStartPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}
