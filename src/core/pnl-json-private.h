/* pnl-json-private.h
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where something starts in a JSON text; line 0 means "not known". */
typedef struct
{
  int line;
  int column;
} PnlJsonPosition;

/* A parsed JSON text that still knows where each object, array and
 * member was, so that a problem found after parsing can name its line
 * and column.  Shared by the bank and the scorecard readers. */
typedef struct _PnlJsonDoc PnlJsonDoc;

/* How deep objects and arrays may nest in a document we read: a bank
 * nests 4 deep, a scorecard 5 and a bundle of them 7. */
#define PNL_JSON_MAX_DEPTH 64

/* Text that is not UTF-8 is G_IO_ERROR_INVALID_DATA, text that is not
 * strict JSON (RFC 8259) a JSON_PARSER_ERROR; both messages begin with
 * @name (and, for JSON, "name:LINE:COLUMN:") and never quote the text.
 * Also refused as JSON_PARSER_ERROR: nesting deeper than
 * PNL_JSON_MAX_DEPTH, a raw control character or \u0000 in a string, a
 * key twice in one object, a whole number beyond 64 bits and a number
 * too large for a double.  Columns count characters, from 1. */
PnlJsonDoc      *pnl_json_doc_new            (GBytes           *bytes,
                                              const char       *name,
                                              GError          **error);
void             pnl_json_doc_free           (PnlJsonDoc       *doc);
const char      *pnl_json_doc_get_name       (PnlJsonDoc       *doc);
JsonNode        *pnl_json_doc_get_root       (PnlJsonDoc       *doc);
PnlJsonPosition  pnl_json_doc_find_container (PnlJsonDoc       *doc,
                                              gconstpointer     container);
/* Where the value of @member starts (an object or array value: its
 * opening bracket); @object itself when @member is NULL or unknown. */
PnlJsonPosition  pnl_json_doc_find_member    (PnlJsonDoc       *doc,
                                              JsonObject       *object,
                                              const char       *member);
/* How the file writes the number that is the value of @member ("1e30",
 * cut after 40 characters), to quote in a message; NULL when that value
 * is not a number. */
const char      *pnl_json_doc_get_number_text (PnlJsonDoc      *doc,
                                               JsonObject      *object,
                                               const char      *member);
/* Sets @error to "NAME:LINE:COLUMN: MESSAGE", or "NAME: MESSAGE" when
 * the position is not known.  Returns FALSE, for tail calls. */
gboolean         pnl_json_doc_fail_literal   (PnlJsonDoc       *doc,
                                              GError          **error,
                                              GQuark            domain,
                                              int               code,
                                              PnlJsonPosition   pos,
                                              const char       *message);

/* The same, with the message built from @format and @args. */
gboolean         pnl_json_doc_fail_valist    (PnlJsonDoc       *doc,
                                              GError          **error,
                                              GQuark            domain,
                                              int               code,
                                              PnlJsonPosition   pos,
                                              const char       *format,
                                              va_list           args) G_GNUC_PRINTF (6, 0);

/* The error codes a reader uses for the problems common to every format. */
typedef struct
{
  GQuark domain;
  int    missing;     /* a required key is absent */
  int    wrong_type;  /* a value of the wrong JSON type */
  int    invalid;     /* a value that breaks a rule, such as blank text */
} PnlJsonErrorCodes;

/* Reads the text member @member of @object: absent or null reads as ""
 * unless @required, and a required value must not be blank. */
gboolean         pnl_json_doc_read_string    (PnlJsonDoc              *doc,
                                              const PnlJsonErrorCodes *codes,
                                              JsonObject              *object,
                                              const char              *member,
                                              gboolean                 required,
                                              char                   **out,
                                              GError                 **error);

/* @node as UTF-8 text: two-space indent, members in their order,
 * `"key": value`, empty containers as `{}` and `[]`, a final newline.
 * The same node always gives the same bytes. */
char            *pnl_json_to_pretty_string   (JsonNode         *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnlJsonDoc, pnl_json_doc_free)

G_END_DECLS
