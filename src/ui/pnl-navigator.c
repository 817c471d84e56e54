/* pnl-navigator.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-navigator"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-answer.h"
#include "pnl-enums.h"
#include "pnl-navigator.h"
#include "pnl-navigator-row.h"
#include "pnl-question.h"
#include "pnl-session.h"
#include "pnl-session-area.h"
#include "pnl-slot-list.h"

#define ALL_KINDS  ((1u << (PNL_QUESTION_KIND_CANDIDATE_ASKS + 1)) - 1)
#define ALL_LEVELS ((1u << (PNL_QUESTION_LEVEL_SENIOR + 1)) - 1)

struct _PnlNavigator
{
  GtkWidget           parent_instance;

  /* Owned references */
  PnlSession         *session;
  /* Every area and answer of the session, in order, held while
   * @area_ranges and @answer_rows point to them. */
  GPtrArray          *held;
  /* The rows shown: an area, its answers that match (unless folded),
   * the next area with a match, and so on. */
  PnlSlotList        *shown;
  GtkSingleSelection *selection;
  GSimpleActionGroup *filter_actions;
  /* AreaRange, for every area: its answers in @answer_rows */
  GArray             *area_ranges;
  /* AnswerRow, for every answer of the session */
  GArray             *answer_rows;
  guint               n_folded;
  guint               fold_source;
  /* PnlSessionArea -> itself: folded areas, and areas with a match. */
  GHashTable         *collapsed;
  GHashTable         *matching;
  /* PnlSessionArea -> the PnlNavigatorRow showing it, while bound. */
  GHashTable         *area_rows;
  char               *search;
  gulong              current_handler;

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkListView        *list_view;
  GtkStack           *stack;

  guint               kinds;
  guint               levels;
};

G_DEFINE_FINAL_TYPE (PnlNavigator, pnl_navigator, GTK_TYPE_WIDGET)

enum {
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark prompt_key_quark;

/* Filtering ------------------------------------------------------------ */

/* What filtering needs of an answer, worked out once and kept on it:
 * the case-folded prompt (it never changes), the case-folded notes (again
 * only when they changed) and whether it matched at the last look. */
typedef struct
{
  char       *prompt;
  /* The question @prompt was folded from: a renamed custom question is
   * a new one (owned). */
  PnlQuestion *prompt_source;
  const char *notes_source;
  char       *notes;
  gboolean    matched;
} MatchKey;

/* An answer's row, as update_matching() walks them: no list model
 * lookups, reference counts or type checks per answer and keystroke. */
typedef struct
{
  PnlAnswer      *answer;
  PnlSessionArea *area;
  MatchKey       *key;
  /* 1 << kind, 1 << level */
  guint           kind_bit;
  guint           level_bit;
} AnswerRow;

typedef struct
{
  PnlSessionArea *area;
  guint           first;
  guint           n_answers;
} AreaRange;

static void
match_key_free (gpointer data)
{
  MatchKey *key = data;

  g_free (key->prompt);
  g_clear_object (&key->prompt_source);
  g_free (key->notes);
  g_free (key);
}

static MatchKey *
get_match_key (PnlAnswer *answer)
{
  MatchKey *key = g_object_get_qdata (G_OBJECT (answer), prompt_key_quark);

  if (key == NULL)
    {
      key = g_new0 (MatchKey, 1);
      g_object_set_qdata_full (G_OBJECT (answer), prompt_key_quark, key, match_key_free);
    }

  return key;
}

/* Whether the search text is in the prompt or the notes. */
static gboolean
text_matches (PnlNavigator *self,
              PnlAnswer    *answer,
              MatchKey     *key)
{
  const char *notes;

  if (self->search == NULL)
    return TRUE;

  /* Folded the first time a search needs it, and again after a rename. */
  if (key->prompt == NULL || key->prompt_source != pnl_answer_get_question (answer))
    {
      g_free (key->prompt);
      g_set_object (&key->prompt_source, pnl_answer_get_question (answer));
      key->prompt = g_utf8_casefold (pnl_question_get_prompt (key->prompt_source), -1);
    }
  if (strstr (key->prompt, self->search) != NULL)
    return TRUE;

  notes = pnl_answer_get_notes (answer);
  if (notes == NULL || notes[0] == '\0')
    return FALSE;

  /* A new text is a new string: fold it again only then. */
  if (key->notes_source != notes)
    {
      g_free (key->notes);
      key->notes = g_utf8_casefold (notes, -1);
      key->notes_source = notes;
    }

  return strstr (key->notes, self->search) != NULL;
}

static gboolean
answer_matches (PnlNavigator *self,
                PnlAnswer    *answer)
{
  PnlQuestion *question = pnl_answer_get_question (answer);

  if (!(self->kinds & (1u << pnl_question_get_kind (question))) ||
      !(self->levels & (1u << pnl_question_get_level (question))))
    return FALSE;

  return text_matches (self, answer, get_match_key (answer));
}

static gboolean
is_filtering (PnlNavigator *self)
{
  return self->search != NULL || self->kinds != ALL_KINDS || self->levels != ALL_LEVELS;
}

static PnlSessionArea *
area_of (PnlNavigator *self,
         PnlAnswer    *answer)
{
  return pnl_session_find_area (self->session,
                                pnl_question_get_area_id (pnl_answer_get_question (answer)));
}

/* Folds the prompts ahead of the first search, a thousand at a time
 * while the main loop is idle, so that the first keystroke does not. */
static gboolean
fold_prompts_cb (gpointer data)
{
  PnlNavigator *self = data;
  guint end;

  if (self->answer_rows == NULL)
    {
      self->fold_source = 0;
      return G_SOURCE_REMOVE;
    }

  end = MIN (self->n_folded + 1000, self->answer_rows->len);
  for (; self->n_folded < end; self->n_folded++)
    {
      AnswerRow *row = &g_array_index (self->answer_rows, AnswerRow, self->n_folded);

      if (row->key->prompt == NULL)
        {
          g_set_object (&row->key->prompt_source, pnl_answer_get_question (row->answer));
          row->key->prompt = g_utf8_casefold (pnl_question_get_prompt (row->key->prompt_source), -1);
        }
    }

  if (self->n_folded < self->answer_rows->len)
    return G_SOURCE_CONTINUE;

  self->fold_source = 0;
  return G_SOURCE_REMOVE;
}

/* Which answers match, and which areas have a match.  A search that
 * only grew (or only shrank) can skip the answers whose fate it cannot
 * change: those that did not match before (or did), unless their notes
 * changed since. */
static void
update_matching (PnlNavigator    *self,
                 GtkFilterChange  change)
{
  g_hash_table_remove_all (self->matching);

  if (self->answer_rows == NULL)
    return;

  /* Without a search or filter everything matches, and the next search
   * starts from there. */
  if (!is_filtering (self))
    {
      for (guint i = 0; i < self->answer_rows->len; i++)
        g_array_index (self->answer_rows, AnswerRow, i).key->matched = TRUE;
      return;
    }

  for (guint a = 0; a < self->area_ranges->len; a++)
    {
      const AreaRange *range = &g_array_index (self->area_ranges, AreaRange, a);
      gboolean any = FALSE;

      for (guint i = range->first; i < range->first + range->n_answers; i++)
        {
          AnswerRow *row = &g_array_index (self->answer_rows, AnswerRow, i);
          MatchKey *key = row->key;

          if (change == GTK_FILTER_CHANGE_DIFFERENT ||
              key->matched == (change == GTK_FILTER_CHANGE_MORE_STRICT) ||
              key->notes_source != pnl_answer_get_notes (row->answer))
            key->matched = (self->kinds & row->kind_bit) != 0 &&
                           (self->levels & row->level_bit) != 0 &&
                           text_matches (self, row->answer, key);
          any |= key->matched;
        }

      if (any)
        g_hash_table_add (self->matching, range->area);
    }
}

static void
update_empty_state (PnlNavigator *self)
{
  gboolean empty = self->shown != NULL && pnl_slot_list_get_n_items (self->shown) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
scroll_to (PnlNavigator *self,
           guint         position)
{
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static guint
position_of (PnlNavigator *self,
             gpointer      item)
{
  guint position = pnl_slot_list_find (self->shown, item);

  return position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position;
}

/* Lays out the rows again from what matches and what is folded.  The
 * list keeps its row widgets: those on screen show their new rows. */
static void
update_shown (PnlNavigator *self)
{
  g_autoptr(GPtrArray) shown = NULL;
  gboolean filtering = is_filtering (self);
  gboolean any_folded = g_hash_table_size (self->collapsed) > 0;
  PnlAnswer *current;

  if (self->shown == NULL)
    return;

  shown = g_ptr_array_sized_new (self->held->len);
  for (guint a = 0; a < self->area_ranges->len; a++)
    {
      const AreaRange *range = &g_array_index (self->area_ranges, AreaRange, a);

      /* An area shows while it has a question to show (or always, with
       * no search and no filter: an ad-hoc question can land in an
       * empty one). */
      if (filtering && !g_hash_table_contains (self->matching, range->area))
        continue;

      g_ptr_array_add (shown, range->area);
      if (any_folded && g_hash_table_contains (self->collapsed, range->area))
        continue;

      for (guint i = range->first; i < range->first + range->n_answers; i++)
        {
          const AnswerRow *row = &g_array_index (self->answer_rows, AnswerRow, i);

          if (!filtering || row->key->matched)
            g_ptr_array_add (shown, row->answer);
        }
    }

  pnl_slot_list_set_items (self->shown, (GObject * const *)shown->pdata, shown->len);

  current = pnl_session_get_current (self->session);
  gtk_single_selection_set_selected (self->selection, position_of (self, current));
  update_empty_state (self);
}

static void
filters_changed (PnlNavigator     *self,
                 GtkFilterChange   change)
{
  update_matching (self, change);
  update_shown (self);
}

static void
on_search_changed (PnlNavigator   *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (text[0] != '\0')
    folded = g_utf8_casefold (text, -1);

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  /* Typing more only narrows what was shown; deleting only widens it. */
  if (self->search == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (folded, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);

  filters_changed (self, change);

  /* Results read from the top; an empty search goes back to where the
   * interview is. */
  if (self->search != NULL)
    scroll_to (self, 0);
  else
    scroll_to (self, gtk_single_selection_get_selected (self->selection));
}

static void
on_search_stopped (PnlNavigator   *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_filter_action (GSimpleAction *action,
                  GVariant      *state,
                  gpointer       user_data)
{
  PnlNavigator *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "bit"));
  gboolean on = g_variant_get_boolean (state);
  guint *mask = g_str_has_prefix (name, "kind-") ? &self->kinds : &self->levels;

  g_simple_action_set_state (action, state);

  if (on)
    *mask |= bit;
  else
    *mask &= ~bit;

  filters_changed (self, on ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);

  if (self->kinds == ALL_KINDS && self->levels == ALL_LEVELS)
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
add_filter_action (PnlNavigator *self,
                   GMenu        *section,
                   const char   *prefix,
                   const char   *nick,
                   const char   *title,
                   guint         bit)
{
  g_autoptr(GSimpleAction) action = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%s", prefix, nick);
  g_autofree char *detailed = g_strdup_printf ("navigator.%s", name);

  action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
  g_object_set_data (G_OBJECT (action), "bit", GUINT_TO_POINTER (bit));
  g_signal_connect (action, "change-state", G_CALLBACK (on_filter_action), self);
  g_action_map_add_action (G_ACTION_MAP (self->filter_actions), G_ACTION (action));

  g_menu_append (section, title, detailed);
}

static void
build_filter_menu (PnlNavigator *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenu) levels = g_menu_new ();

  self->filter_actions = g_simple_action_group_new ();

  for (guint i = 0; i <= PNL_QUESTION_KIND_CANDIDATE_ASKS; i++)
    add_filter_action (self, kinds, "kind", pnl_question_kind_to_string (i),
                       pnl_question_kind_get_title (i), 1u << i);

  for (guint i = 0; i <= PNL_QUESTION_LEVEL_SENIOR; i++)
    add_filter_action (self, levels, "level", pnl_question_level_to_string (i),
                       pnl_question_level_get_title (i), 1u << i);

  g_menu_append_section (menu, _("Kind"), G_MENU_MODEL (kinds));
  g_menu_append_section (menu, _("Level"), G_MENU_MODEL (levels));

  gtk_menu_button_set_menu_model (self->filter_button, G_MENU_MODEL (menu));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "navigator",
                                  G_ACTION_GROUP (self->filter_actions));
}

/* The list ------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           PnlNavigator             *self)
{
  gtk_list_item_set_child (list_item, pnl_navigator_row_new ());
}

/* Shows @item in the row of @list_item, in place of what it showed. */
static void
show_in_row (PnlNavigator *self,
             GtkListItem  *list_item,
             GObject      *item)
{
  PnlNavigatorRow *row = PNL_NAVIGATOR_ROW (gtk_list_item_get_child (list_item));
  GObject *before = pnl_navigator_row_get_item (row);

  if (before != NULL && g_hash_table_lookup (self->area_rows, before) == row)
    g_hash_table_remove (self->area_rows, before);

  pnl_navigator_row_set_item (row, item);

  if (PNL_IS_SESSION_AREA (item))
    {
      pnl_navigator_row_set_expanded (row, !g_hash_table_contains (self->collapsed, item));
      g_hash_table_insert (self->area_rows, item, row);
    }

  /* Areas are headings, not something to select. */
  gtk_list_item_set_selectable (list_item, PNL_IS_ANSWER (item));
}

static void
on_slot_item_changed (PnlSlot     *slot,
                      GParamSpec  *pspec,
                      GtkListItem *list_item)
{
  PnlNavigator *self = g_object_get_data (G_OBJECT (list_item), "pnl-navigator");

  show_in_row (self, list_item, pnl_slot_get_item (slot));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PnlNavigator             *self)
{
  PnlSlot *slot = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (list_item), "pnl-navigator", self);
  g_signal_connect (slot, "notify::item", G_CALLBACK (on_slot_item_changed), list_item);
  show_in_row (self, list_item, pnl_slot_get_item (slot));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            PnlNavigator             *self)
{
  PnlSlot *slot = gtk_list_item_get_item (list_item);

  g_signal_handlers_disconnect_by_func (slot, on_slot_item_changed, list_item);
  show_in_row (self, list_item, NULL);
}

static void
set_expanded (PnlNavigator   *self,
              PnlSessionArea *area,
              gboolean        expanded)
{
  PnlNavigatorRow *row;

  if (expanded == !g_hash_table_contains (self->collapsed, area))
    return;

  if (expanded)
    g_hash_table_remove (self->collapsed, area);
  else
    g_hash_table_add (self->collapsed, area);

  if ((row = g_hash_table_lookup (self->area_rows, area)))
    pnl_navigator_row_set_expanded (row, expanded);

  update_shown (self);
}

static void
on_activate (PnlNavigator *self,
             guint         position,
             GtkListView  *list_view)
{
  GObject *item = pnl_slot_list_get_item_at (self->shown, position);

  if (PNL_IS_SESSION_AREA (item))
    {
      set_expanded (self, PNL_SESSION_AREA (item),
                    g_hash_table_contains (self->collapsed, item));
      return;
    }

  if (PNL_IS_ANSWER (item) && self->session != NULL)
    {
      pnl_session_set_current (self->session, PNL_ANSWER (item));
      g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, item);
    }
}

/* The first question among the rows shown, or GTK_INVALID_LIST_POSITION. */
static guint
first_answer_position (PnlNavigator *self)
{
  guint n = self->shown != NULL ? pnl_slot_list_get_n_items (self->shown) : 0;

  for (guint i = 0; i < n; i++)
    if (PNL_IS_ANSWER (pnl_slot_list_get_item_at (self->shown, i)))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* Enter in the search opens the first question it found, as a person
 * who typed a word and pressed Enter expects. */
static void
on_search_activate (PnlNavigator   *self,
                    GtkSearchEntry *entry)
{
  guint position;

  /* The entry waits a moment before it says the text changed: a person
   * who types and presses Enter at once means what they typed. */
  on_search_changed (self, entry);
  position = first_answer_position (self);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }

  on_activate (self, position, self->list_view);
}

/* The row widget that shows @item now, if it is on screen. */
static GtkWidget *
find_row_widget (PnlNavigator *self,
                 GObject      *item)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (PNL_IS_NAVIGATOR_ROW (row) && gtk_widget_get_child_visible (child) &&
          pnl_navigator_row_get_item (PNL_NAVIGATOR_ROW (row)) == item)
        return child;
    }

  return NULL;
}

/* Down in the search moves to the first question found, with the focus
 * drawn on it, so that Enter then opens it. */
static gboolean
on_search_key_pressed (PnlNavigator          *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  guint position;
  GtkWidget *row;
  GtkRoot *root;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  on_search_changed (self, self->search_entry);

  if ((position = first_answer_position (self)) == GTK_INVALID_LIST_POSITION)
    return GDK_EVENT_PROPAGATE;

  scroll_to (self, position);
  row = find_row_widget (self, pnl_slot_list_get_item_at (self->shown, position));
  if (row == NULL || !gtk_widget_grab_focus (row))
    return GDK_EVENT_PROPAGATE;

  if ((root = gtk_widget_get_root (GTK_WIDGET (self))) && GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);

  return GDK_EVENT_STOP;
}

/* The position of @answer among the rows shown, unfolding its area. */
static guint
find_row (PnlNavigator *self,
          PnlAnswer    *answer)
{
  set_expanded (self, area_of (self, answer), TRUE);

  return position_of (self, answer);
}

static void
on_current_changed (PnlNavigator *self)
{
  PnlAnswer *current = pnl_session_get_current (self->session);
  guint position = GTK_INVALID_LIST_POSITION;

  if (current != NULL)
    position = find_row (self, current);

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
}

/* Takes in the session's areas and answers again: at the start, and when
 * an ad-hoc question joins an area. */
static void
rebuild_rows (PnlNavigator *self)
{
  GListModel *areas = pnl_session_get_areas (self->session);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) area_ranges = g_array_new (FALSE, FALSE, sizeof (AreaRange));
  g_autoptr(GArray) answer_rows = g_array_new (FALSE, FALSE, sizeof (AnswerRow));
  guint n_areas = g_list_model_get_n_items (areas);

  for (guint i = 0; i < n_areas; i++)
    {
      PnlSessionArea *area = g_list_model_get_item (areas, i);
      GListModel *answers = pnl_session_area_get_answers (area);
      guint n = g_list_model_get_n_items (answers);
      AreaRange range = { area, answer_rows->len, n };

      g_ptr_array_add (held, area);
      g_array_append_val (area_ranges, range);
      for (guint j = 0; j < n; j++)
        {
          PnlAnswer *answer = g_list_model_get_item (answers, j);
          PnlQuestion *question = pnl_answer_get_question (answer);
          AnswerRow row = { answer, area, get_match_key (answer),
                            1u << pnl_question_get_kind (question),
                            1u << pnl_question_get_level (question) };

          g_ptr_array_add (held, answer);
          g_array_append_val (answer_rows, row);
        }
    }

  g_clear_pointer (&self->area_ranges, g_array_unref);
  g_clear_pointer (&self->answer_rows, g_array_unref);
  self->area_ranges = g_steal_pointer (&area_ranges);
  self->answer_rows = g_steal_pointer (&answer_rows);
  /* Dropped last: the rows shown hold what they show meanwhile. */
  g_clear_pointer (&self->held, g_ptr_array_unref);
  self->held = g_steal_pointer (&held);

  self->n_folded = 0;
  if (self->fold_source == 0)
    self->fold_source = g_idle_add_full (G_PRIORITY_LOW, fold_prompts_cb, self, NULL);
  filters_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_area_answers_changed (PnlNavigator *self)
{
  rebuild_rows (self);
  on_current_changed (self);
}

static void
on_areas_changed (PnlNavigator *self,
                  guint         position,
                  guint         removed,
                  guint         added,
                  GListModel   *areas)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PnlSessionArea) area = g_list_model_get_item (areas, i);

      g_signal_connect_object (pnl_session_area_get_answers (area), "items-changed",
                               G_CALLBACK (on_area_answers_changed), self, G_CONNECT_SWAPPED);
    }

  on_area_answers_changed (self);
}

void
pnl_navigator_set_session (PnlNavigator *self,
                           PnlSession   *session)
{
  GListModel *areas;

  g_return_if_fail (PNL_IS_NAVIGATOR (self));
  g_return_if_fail (!session || PNL_IS_SESSION (session));

  /* One navigator shows one session for its whole life. */
  g_return_if_fail (self->session == NULL || session == NULL);

  if (self->session == session)
    return;

  if (session == NULL)
    {
      g_clear_signal_handler (&self->current_handler, self->session);
      gtk_list_view_set_model (self->list_view, NULL);
      g_clear_object (&self->selection);
      g_clear_object (&self->shown);
      g_clear_pointer (&self->area_ranges, g_array_unref);
      g_clear_pointer (&self->answer_rows, g_array_unref);
      g_clear_pointer (&self->held, g_ptr_array_unref);
      g_hash_table_remove_all (self->collapsed);
      g_hash_table_remove_all (self->matching);
      g_hash_table_remove_all (self->area_rows);
      g_clear_object (&self->session);
      return;
    }

  self->session = g_object_ref (session);
  self->shown = pnl_slot_list_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  areas = pnl_session_get_areas (session);
  g_signal_connect_object (areas, "items-changed", G_CALLBACK (on_areas_changed), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(PnlSessionArea) area = g_list_model_get_item (areas, i);

      g_signal_connect_object (pnl_session_area_get_answers (area), "items-changed",
                               G_CALLBACK (on_area_answers_changed), self, G_CONNECT_SWAPPED);
    }

  rebuild_rows (self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->current_handler = g_signal_connect_object (session, "notify::current",
                                                   G_CALLBACK (on_current_changed), self,
                                                   G_CONNECT_SWAPPED);
  on_current_changed (self);
}

void
pnl_navigator_focus_search (PnlNavigator *self)
{
  g_return_if_fail (PNL_IS_NAVIGATOR (self));

  /* What was searched before is selected: typing starts a new search,
   * an arrow key goes on with the old one. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
pnl_navigator_set_search_text (PnlNavigator *self,
                               const char   *text)
{
  g_return_if_fail (PNL_IS_NAVIGATOR (self));

  /* Replacing the text deletes, then inserts: filter once, for the end
   * result, without waiting for the entry's typing delay. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  on_search_changed (self, self->search_entry);
}

static void
collect_shown (PnlNavigator *self,
               GPtrArray    *shown)
{
  GListModel *areas = pnl_session_get_areas (self->session);
  guint n_areas = g_list_model_get_n_items (areas);

  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(PnlSessionArea) area = g_list_model_get_item (areas, i);
      GListModel *answers = pnl_session_area_get_answers (area);
      guint n = g_list_model_get_n_items (answers);

      for (guint j = 0; j < n; j++)
        {
          PnlAnswer *answer = g_list_model_get_item (answers, j);

          if (answer_matches (self, answer))
            g_ptr_array_add (shown, answer);
          else
            g_object_unref (answer);
        }
    }
}

PnlAnswer *
pnl_navigator_get_adjacent (PnlNavigator *self,
                            PnlAnswer    *answer,
                            int           delta)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint index;

  g_return_val_if_fail (PNL_IS_NAVIGATOR (self), NULL);

  if (self->session == NULL)
    return NULL;

  collect_shown (self, shown);
  if (shown->len == 0)
    return NULL;

  if (answer == NULL || !g_ptr_array_find (shown, answer, &index))
    return g_ptr_array_index (shown, delta >= 0 ? 0 : shown->len - 1);

  if ((delta < 0 && (guint)-delta > index) || index + delta >= shown->len)
    return NULL;

  return g_ptr_array_index (shown, index + delta);
}

guint
pnl_navigator_get_n_shown (PnlNavigator *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PNL_IS_NAVIGATOR (self), 0);

  if (self->session != NULL)
    collect_shown (self, shown);

  return shown->len;
}

GListModel *
pnl_navigator_get_rows (PnlNavigator *self)
{
  g_return_val_if_fail (PNL_IS_NAVIGATOR (self), NULL);

  return G_LIST_MODEL (self->shown);
}

static void
pnl_navigator_dispose (GObject *object)
{
  PnlNavigator *self = (PnlNavigator *)object;
  GtkWidget *child;

  pnl_navigator_set_session (self, NULL);
  g_clear_handle_id (&self->fold_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PNL_TYPE_NAVIGATOR);
  /* The template's root has no name to be cleared by; unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->filter_actions);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->matching, g_hash_table_unref);
  g_clear_pointer (&self->area_rows, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (pnl_navigator_parent_class)->dispose (object);
}

static void
pnl_navigator_class_init (PnlNavigatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pnl_navigator_dispose;

  /**
   * PnlNavigator::question-activated:
   * @answer: the answer of the question chosen
   */
  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/panelist/Panelist/ui/pnl-navigator.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigator, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigator, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigator, list_view);
  gtk_widget_class_bind_template_child (widget_class, PnlNavigator, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);

  prompt_key_quark = g_quark_from_static_string ("pnl-navigator-match-key");
}

static void
pnl_navigator_init (PnlNavigator *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->kinds = ALL_KINDS;
  self->levels = ALL_LEVELS;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->collapsed = g_hash_table_new (NULL, NULL);
  self->matching = g_hash_table_new (NULL, NULL);
  self->area_rows = g_hash_table_new (NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);

  build_filter_menu (self);
}
