/* pnl-bank.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pnl-types.h"

G_BEGIN_DECLS

#define PNL_BANK_FORMAT         "panelist-bank"
#define PNL_BANK_FORMAT_VERSION 1

/* The largest bank file read, in bytes: far above any real bank (the
 * shipped one is under 100 KiB).  A larger file is refused unread. */
#define PNL_BANK_MAX_SIZE       (16 * 1024 * 1024)

#define PNL_BANK_ERROR (pnl_bank_error_quark())

typedef enum
{
  PNL_BANK_ERROR_SYNTAX,       /* not JSON */
  PNL_BANK_ERROR_FORMAT,       /* not a bank, or a wrong type */
  PNL_BANK_ERROR_NEWER,        /* a format version this build does not know */
  PNL_BANK_ERROR_MISSING,      /* a required key is absent */
  PNL_BANK_ERROR_INVALID,      /* a value that breaks a rule */
  PNL_BANK_ERROR_DUPLICATE,    /* two areas or questions with one id */
  PNL_BANK_ERROR_IO,           /* the file could not be read */
} PnlBankError;

#define PNL_TYPE_BANK (pnl_bank_get_type())

G_DECLARE_FINAL_TYPE (PnlBank, pnl_bank, PNL, BANK, GObject)

GQuark       pnl_bank_error_quark        (void);
/* @name is what messages call the bank: its file name or resource path. */
PnlBank     *pnl_bank_new_from_bytes     (GBytes      *bytes,
                                          const char  *name,
                                          GError     **error);
/* Reads only a regular file (a symbolic link to one too) of at most
 * PNL_BANK_MAX_SIZE bytes; a folder, a pipe, a device or a socket is
 * refused without waiting on it. */
PnlBank     *pnl_bank_new_from_file      (GFile       *file,
                                          GError     **error);
const char  *pnl_bank_get_source         (PnlBank     *self);
const char  *pnl_bank_get_id             (PnlBank     *self);
guint        pnl_bank_get_revision       (PnlBank     *self);
const char  *pnl_bank_get_title          (PnlBank     *self);
const char  *pnl_bank_get_role           (PnlBank     *self);
const char  *pnl_bank_get_language       (PnlBank     *self);
const char  *pnl_bank_get_description    (PnlBank     *self);
PnlScale    *pnl_bank_get_scale          (PnlBank     *self);
/* GListModel of PnlArea, in the file's order. */
GListModel  *pnl_bank_get_areas          (PnlBank     *self);
/* GListModel of PnlQuestion, in the file's order. */
GListModel  *pnl_bank_get_questions      (PnlBank     *self);
PnlArea     *pnl_bank_find_area          (PnlBank     *self,
                                          const char  *area_id);
PnlQuestion *pnl_bank_find_question      (PnlBank     *self,
                                          const char  *question_id);

G_END_DECLS
