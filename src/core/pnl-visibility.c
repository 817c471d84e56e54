/* pnl-visibility.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-visibility"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-interview.h"
#include "pnl-scorecard.h"
#include "pnl-store.h"
#include "pnl-visibility.h"

struct _PnlVisibility
{
  GObject     parent_instance;

  char       *local_interviewer;
  /* Every interview noted that is not submitted, as
   * "interviewer\nname\nreference" */
  GHashTable *open;
};

G_DEFINE_FINAL_TYPE (PnlVisibility, pnl_visibility, G_TYPE_OBJECT)

static const char *
not_null (const char *str)
{
  return str != NULL ? str : "";
}

static char *
open_key (const char *interviewer,
          const char *candidate_name,
          const char *candidate_reference)
{
  return g_strconcat (not_null (interviewer), "\n",
                      not_null (candidate_name), "\n",
                      not_null (candidate_reference), NULL);
}

static void
pnl_visibility_finalize (GObject *object)
{
  PnlVisibility *self = (PnlVisibility *)object;

  g_clear_pointer (&self->local_interviewer, g_free);
  g_clear_pointer (&self->open, g_hash_table_unref);

  G_OBJECT_CLASS (pnl_visibility_parent_class)->finalize (object);
}

static void
pnl_visibility_class_init (PnlVisibilityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_visibility_finalize;
}

static void
pnl_visibility_init (PnlVisibility *self)
{
  self->open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * pnl_visibility_new:
 * @local_interviewer: (nullable): the local interviewer's name, or
 *   %NULL or "" for nobody (nothing hidden)
 *
 * Returns: (transfer full): a rule that has noted no interview yet
 */
PnlVisibility *
pnl_visibility_new (const char *local_interviewer)
{
  PnlVisibility *self = g_object_new (PNL_TYPE_VISIBILITY, NULL);

  pnl_visibility_set_local_interviewer (self, local_interviewer);

  return self;
}

const char *
pnl_visibility_get_local_interviewer (PnlVisibility *self)
{
  g_return_val_if_fail (PNL_IS_VISIBILITY (self), NULL);

  return self->local_interviewer;
}

void
pnl_visibility_set_local_interviewer (PnlVisibility *self,
                                      const char    *local_interviewer)
{
  g_return_if_fail (PNL_IS_VISIBILITY (self));

  /* An empty name is nobody. */
  if (local_interviewer != NULL && local_interviewer[0] == '\0')
    local_interviewer = NULL;

  g_free (self->local_interviewer);
  self->local_interviewer = g_strdup (local_interviewer);
}

void
pnl_visibility_note (PnlVisibility     *self,
                     const char        *interviewer,
                     const char        *candidate_name,
                     const char        *candidate_reference,
                     PnlInterviewState  state)
{
  g_return_if_fail (PNL_IS_VISIBILITY (self));

  if (state == PNL_INTERVIEW_STATE_SUBMITTED)
    return;

  g_hash_table_add (self->open, open_key (interviewer, candidate_name, candidate_reference));
}

void
pnl_visibility_note_interview (PnlVisibility *self,
                               PnlInterview  *interview)
{
  g_return_if_fail (PNL_IS_VISIBILITY (self));
  g_return_if_fail (PNL_IS_INTERVIEW (interview));

  pnl_visibility_note (self,
                       pnl_interview_get_interviewer (interview),
                       pnl_interview_get_candidate_name (interview),
                       pnl_interview_get_candidate_reference (interview),
                       pnl_interview_get_state (interview));
}

void
pnl_visibility_note_items (PnlVisibility *self,
                           GPtrArray     *items)
{
  g_return_if_fail (PNL_IS_VISIBILITY (self));
  g_return_if_fail (items != NULL);

  for (guint i = 0; i < items->len; i++)
    pnl_visibility_note_interview (self, pnl_scorecard_get_interview (g_ptr_array_index (items, i)));
}

gboolean
pnl_visibility_is_candidate_hidden (PnlVisibility *self,
                                    const char    *candidate_name,
                                    const char    *candidate_reference)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (PNL_IS_VISIBILITY (self), FALSE);

  if (self->local_interviewer == NULL)
    return FALSE;

  key = open_key (self->local_interviewer, candidate_name, candidate_reference);

  return g_hash_table_contains (self->open, key);
}

gboolean
pnl_visibility_can_see (PnlVisibility *self,
                        const char    *interviewer,
                        const char    *candidate_name,
                        const char    *candidate_reference)
{
  g_return_val_if_fail (PNL_IS_VISIBILITY (self), FALSE);

  if (self->local_interviewer == NULL ||
      g_str_equal (not_null (interviewer), self->local_interviewer))
    return TRUE;

  return !pnl_visibility_is_candidate_hidden (self, candidate_name, candidate_reference);
}

gboolean
pnl_visibility_can_see_interview (PnlVisibility *self,
                                  PnlInterview  *interview)
{
  g_return_val_if_fail (PNL_IS_VISIBILITY (self), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);

  return pnl_visibility_can_see (self,
                                 pnl_interview_get_interviewer (interview),
                                 pnl_interview_get_candidate_name (interview),
                                 pnl_interview_get_candidate_reference (interview));
}

/**
 * pnl_visibility_filter_items:
 * @self: a #PnlVisibility
 * @items: (element-type PnlScorecard): scorecards
 *
 * Returns: (transfer full) (element-type PnlScorecard): those of @items
 *   that the local interviewer may see
 */
GPtrArray *
pnl_visibility_filter_items (PnlVisibility *self,
                             GPtrArray     *items)
{
  GPtrArray *visible;

  g_return_val_if_fail (PNL_IS_VISIBILITY (self), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  visible = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      PnlScorecard *item = g_ptr_array_index (items, i);

      if (pnl_visibility_can_see_interview (self, pnl_scorecard_get_interview (item)))
        g_ptr_array_add (visible, g_object_ref (item));
    }

  return visible;
}

gboolean
pnl_visibility_check_interview (PnlStore      *store,
                                PnlInterview  *interview,
                                const char    *local_interviewer,
                                GError       **error)
{
  g_autoptr(PnlVisibility) visibility = NULL;
  g_autoptr(GListModel) interviews = NULL;
  const char *name;
  const char *reference;

  g_return_val_if_fail (PNL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);

  visibility = pnl_visibility_new (local_interviewer);

  /* Nobody local hides nothing; their own is always theirs to see. */
  if (pnl_visibility_get_local_interviewer (visibility) == NULL ||
      g_strcmp0 (pnl_interview_get_interviewer (interview),
                 pnl_visibility_get_local_interviewer (visibility)) == 0)
    return TRUE;

  /* One scorecard says nothing of the local interviewer's: read theirs
   * of the same candidate, in every role. */
  name = pnl_interview_get_candidate_name (interview);
  reference = pnl_interview_get_candidate_reference (interview);
  if (!(interviews = pnl_store_list_candidate_interviews (store, name ? name : "",
                                                          reference ? reference : "",
                                                          NULL, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
    {
      g_autoptr(PnlInterview) other = g_list_model_get_item (interviews, i);

      pnl_visibility_note_interview (visibility, other);
    }

  if (!pnl_visibility_can_see_interview (visibility, interview))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("This scorecard stays hidden until you submit your own for this candidate."));
      return FALSE;
    }

  return TRUE;
}

const char *
pnl_visibility_get_hidden_reason (void)
{
  return _("Hidden until you submit your own scorecard for this candidate.");
}

const char *
pnl_visibility_get_left_out_reason (void)
{
  return _("The other interviewers’ scorecards of this candidate are left out until you submit your own, so that yours is your own.");
}
