/* pnl-candidate-item.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-candidate-item"

#include "config.h"

#include "pnl-candidate-item.h"
#include "pnl-comparison.h"

struct _PnlCandidateItem
{
  GObject        parent_instance;

  PnlComparison *comparison;
  guint          candidate;
};

G_DEFINE_FINAL_TYPE (PnlCandidateItem, pnl_candidate_item, G_TYPE_OBJECT)

static void
pnl_candidate_item_finalize (GObject *object)
{
  PnlCandidateItem *self = (PnlCandidateItem *)object;

  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (pnl_candidate_item_parent_class)->finalize (object);
}

static void
pnl_candidate_item_class_init (PnlCandidateItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pnl_candidate_item_finalize;
}

static void
pnl_candidate_item_init (PnlCandidateItem *self)
{
}

PnlCandidateItem *
pnl_candidate_item_new (PnlComparison *comparison,
                        guint          candidate)
{
  PnlCandidateItem *self;

  g_return_val_if_fail (PNL_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (candidate < pnl_comparison_get_n_candidates (comparison), NULL);

  self = g_object_new (PNL_TYPE_CANDIDATE_ITEM, NULL);
  self->comparison = g_object_ref (comparison);
  self->candidate = candidate;

  return self;
}

PnlComparison *
pnl_candidate_item_get_comparison (PnlCandidateItem *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_ITEM (self), NULL);

  return self->comparison;
}

guint
pnl_candidate_item_get_candidate (PnlCandidateItem *self)
{
  g_return_val_if_fail (PNL_IS_CANDIDATE_ITEM (self), 0);

  return self->candidate;
}
