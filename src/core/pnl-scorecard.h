/* pnl-scorecard.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

/* See docs/scorecard-format.md. */
#define PNL_SCORECARD_FORMAT         "panelist-scorecard"
#define PNL_SCORECARDS_FORMAT        "panelist-scorecards"
#define PNL_SCORECARD_FORMAT_VERSION 1

#define PNL_SCORECARD_ERROR (pnl_scorecard_error_quark())

typedef enum
{
  PNL_SCORECARD_ERROR_SYNTAX,       /* not JSON, or not UTF-8 */
  PNL_SCORECARD_ERROR_FORMAT,       /* not a scorecard, or a wrong type */
  PNL_SCORECARD_ERROR_NEWER,        /* a format version this build does not know */
  PNL_SCORECARD_ERROR_MISSING,      /* a required key is absent */
  PNL_SCORECARD_ERROR_INVALID,      /* a value that breaks a rule */
  PNL_SCORECARD_ERROR_DUPLICATE,    /* two answers to one question, two copies of one interview */
  PNL_SCORECARD_ERROR_IO,           /* the file could not be read */
} PnlScorecardError;

#define PNL_TYPE_SCORECARD (pnl_scorecard_get_type())

G_DECLARE_FINAL_TYPE (PnlScorecard, pnl_scorecard, PNL, SCORECARD, GObject)

GQuark        pnl_scorecard_error_quark     (void);

/* One interview and its answers (a GListModel of PnlAnswer, in the
 * interview's order), as a file carries them. */
PnlScorecard *pnl_scorecard_new             (PnlInterview  *interview,
                                             GListModel    *answers);
PnlInterview *pnl_scorecard_get_interview   (PnlScorecard  *self);
GListModel   *pnl_scorecard_get_answers     (PnlScorecard  *self);

/* The JSON text of one scorecard: keys in a fixed order, two-space
 * indent, UTF-8, a final newline; the same content always gives the
 * same bytes. */
char         *pnl_scorecard_write           (PnlInterview  *interview,
                                             GListModel    *answers,
                                             GError       **error);
char         *pnl_scorecard_to_string       (PnlScorecard  *self,
                                             GError       **error);
/* A bundle ("panelist-scorecards") of the PnlScorecard in @scorecards,
 * in their order. */
char         *pnl_scorecard_write_many      (GPtrArray     *scorecards,
                                             GError       **error);

/* Reads a scorecard or a bundle: a GPtrArray of PnlScorecard (one for a
 * single scorecard).  Nothing is returned unless every scorecard in it
 * is valid.  @name is what messages call the file; errors name it, and
 * the line and column of the problem where there is one. */
GPtrArray    *pnl_scorecard_read            (GBytes        *bytes,
                                             const char    *name,
                                             GError       **error);
GPtrArray    *pnl_scorecard_read_file       (GFile         *file,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_END_DECLS
