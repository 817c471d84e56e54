/* pnl-json.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-json"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pnl-json-private.h"
#include "pnl-utils.h"

struct _PnlJsonDoc
{
  char       *name;
  JsonParser *parser;
  /* Where json-glib saw each object, array and member. */
  GArray     *stack;
  GHashTable *containers;
  GHashTable *members;
  /* The members the check saw, in the order json-glib reports them,
   * and how the file writes the numbers among them. */
  GPtrArray  *scanned;
  guint       n_members;
  gboolean    scanned_lost;
  GHashTable *numbers;
};

typedef struct
{
  char *key;
  char *number;  /* as written, or NULL when the value is not a number */
} ScannedMember;

static void
scanned_member_free (gpointer data)
{
  ScannedMember *member = data;

  g_free (member->key);
  g_free (member->number);
  g_free (member);
}

/* Positions ------------------------------------------------------------ */

static PnlJsonPosition
current_position (JsonParser *parser)
{
  PnlJsonPosition pos = {
    (int)json_parser_get_current_line (parser),
    (int)json_parser_get_current_pos (parser),
  };

  return pos;
}

static void
on_container_start (JsonParser *parser,
                    PnlJsonDoc *doc)
{
  PnlJsonPosition pos = current_position (parser);

  g_array_append_val (doc->stack, pos);
}

static void
on_container_end (JsonParser *parser,
                  gpointer    container,
                  PnlJsonDoc *doc)
{
  PnlJsonPosition *pos;

  g_return_if_fail (doc->stack->len > 0);

  pos = g_new (PnlJsonPosition, 1);
  *pos = g_array_index (doc->stack, PnlJsonPosition, doc->stack->len - 1);
  g_array_set_size (doc->stack, doc->stack->len - 1);
  g_hash_table_insert (doc->containers, container, pos);
}

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *member,
                  PnlJsonDoc *doc)
{
  PnlJsonPosition *pos = g_new (PnlJsonPosition, 1);
  char *key = g_strdup_printf ("%p/%s", (gpointer)object, member);

  /* json-glib reports a member once its value is read, as the check
   * recorded them: the same text, the same order.  Should it ever
   * differ, the numbers are not known rather than wrong. */
  if (!doc->scanned_lost)
    {
      ScannedMember *scanned = NULL;

      if (doc->n_members < doc->scanned->len)
        scanned = g_ptr_array_index (doc->scanned, doc->n_members);
      doc->n_members++;

      if (scanned == NULL || g_strcmp0 (scanned->key, member) != 0)
        doc->scanned_lost = TRUE;
      else if (scanned->number != NULL)
        g_hash_table_insert (doc->numbers, g_strdup (key), g_strdup (scanned->number));
    }

  *pos = current_position (parser);
  g_hash_table_insert (doc->members, key, pos);
}

/* Checking the text ---------------------------------------------------- */

/* json-glib's parser calls itself for every object and array inside
 * another, so a document nested tens of thousands deep overflows the
 * stack; it also accepts what JSON forbids (raw control characters in
 * text, "\u0000", a key twice, "01") and its messages quote the text
 * they choke on.  So every document is first checked here, without
 * recursion, against the grammar of RFC 8259 and our limits; json-glib
 * only ever sees valid JSON. */

typedef struct
{
  const char      *name;
  const guchar    *p;
  const guchar    *end;
  PnlJsonPosition  pos;
  /* ScannedMember, in the order their values end */
  GPtrArray       *members;
} Scan;

typedef struct
{
  guchar      close;  /* '}' or ']' */
  /* An object's keys (decoded) and where each first appeared. */
  GHashTable *keys;
  /* The key whose value this is, NULL in an array or at the root */
  char       *member;
} Level;

/* A member's value ended: @key is taken. */
static void
scan_member_done (Scan *scan,
                  char *key,
                  char *number)
{
  ScannedMember *member;

  if (key == NULL)
    return;

  member = g_new (ScannedMember, 1);
  member->key = key;
  member->number = g_strdup (number);
  g_ptr_array_add (scan->members, member);
}

G_GNUC_PRINTF (4, 5)
static gboolean
scan_fail (Scan            *scan,
           PnlJsonPosition  pos,
           GError         **error,
           const char      *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
               "%s:%d:%d: %s", scan->name, pos.line, pos.column, message);

  return FALSE;
}

/* Steps over one byte.  Columns count characters, from 1. */
static void
scan_advance (Scan *scan)
{
  guchar c = *scan->p++;

  if (c == '\n')
    {
      scan->pos.line++;
      scan->pos.column = 1;
    }
  else if (scan->p == scan->end || (*scan->p & 0xc0) != 0x80)
    scan->pos.column++;
}

static void
scan_skip_space (Scan *scan)
{
  while (scan->p < scan->end &&
         (*scan->p == ' ' || *scan->p == '\t' || *scan->p == '\n' || *scan->p == '\r'))
    scan_advance (scan);
}

static int
scan_hex4 (Scan *scan)
{
  int value = 0;

  if (scan->end - scan->p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (scan->p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  for (guint i = 0; i < 4; i++)
    scan_advance (scan);

  return value;
}

/* A string, from its opening quote; a key is decoded into @key. */
static gboolean
scan_string (Scan     *scan,
             GString  *key,
             GError  **error)
{
  PnlJsonPosition start = scan->pos;

  scan_advance (scan);

  for (;;)
    {
      PnlJsonPosition here = scan->pos;
      guchar c;
      int unit;

      if (scan->p == scan->end)
        return scan_fail (scan, start, error, _("the text that starts here has no closing “\"”"));

      c = *scan->p;

      if (c == '"')
        {
          scan_advance (scan);
          return TRUE;
        }

      if (c < 0x20)
        return scan_fail (scan, here, error,
                          /* Translators: %04X is a character code, like 0001 */
                          _("text holds the control character U+%04X as it is; "
                            "JSON allows it only as an escape such as \\u%04X"),
                          c, c);

      if (c != '\\')
        {
          if (key != NULL)
            g_string_append_c (key, c);
          scan_advance (scan);
          continue;
        }

      scan_advance (scan);
      if (scan->p == scan->end)
        return scan_fail (scan, start, error, _("the text that starts here has no closing “\"”"));

      c = *scan->p;
      scan_advance (scan);

      switch (c)
        {
        case '"': case '\\': case '/':
          break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;

        case 'u':
          if ((unit = scan_hex4 (scan)) < 0)
            return scan_fail (scan, here, error, _("“\\u” must be followed by four hexadecimal digits"));

          if (unit == 0)
            return scan_fail (scan, here, error,
                              _("text holds the character \\u0000, which Panelist does not accept"));

          if (unit >= 0xdc00 && unit <= 0xdfff)
            return scan_fail (scan, here, error,
                              _("a \\u escape there is not a character (a lone surrogate, "
                                "\\uD800 to \\uDFFF)"));

          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              int low = -1;

              if (scan->end - scan->p >= 2 && scan->p[0] == '\\' && scan->p[1] == 'u')
                {
                  Scan peek = *scan;

                  scan_advance (&peek);
                  scan_advance (&peek);
                  low = scan_hex4 (&peek);
                  if (low >= 0xdc00 && low <= 0xdfff)
                    *scan = peek;
                }

              if (low < 0xdc00 || low > 0xdfff)
                return scan_fail (scan, here, error,
                                  _("a \\u escape there is not a character (a lone surrogate, "
                                    "\\uD800 to \\uDFFF)"));

              unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
            }

          if (key != NULL)
            g_string_append_unichar (key, unit);
          continue;

        default:
          return scan_fail (scan, here, error,
                            _("an unknown escape: JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                              "and \\u with four hexadecimal digits"));
        }

      if (key != NULL)
        g_string_append_c (key, c);
    }
}

static gboolean
scan_digits (Scan *scan)
{
  if (scan->p == scan->end || !g_ascii_isdigit (*scan->p))
    return FALSE;

  while (scan->p < scan->end && g_ascii_isdigit (*scan->p))
    scan_advance (scan);

  return TRUE;
}

/* The longest number a message quotes in full, in characters. */
#define MAX_QUOTED_NUMBER 40

/* A number, which must also be one json-glib keeps as it is: a whole
 * number in 64 bits, any other number short of infinity. */
static gboolean
scan_number (Scan    *scan,
             char   **written,
             GError **error)
{
  PnlJsonPosition start = scan->pos;
  const guchar *first = scan->p;
  g_autofree char *text = NULL;
  gboolean whole = TRUE;
  gboolean too_large;
  gsize length;

  if (*scan->p == '-')
    scan_advance (scan);

  if (scan->p < scan->end && *scan->p == '0')
    scan_advance (scan);
  else if (!scan_digits (scan))
    return scan_fail (scan, start, error, _("a number must have a digit after “-”"));

  if (scan->p < scan->end && *scan->p == '.')
    {
      whole = FALSE;
      scan_advance (scan);
      if (!scan_digits (scan))
        return scan_fail (scan, start, error, _("a number must have digits after its “.”"));
    }

  if (scan->p < scan->end && (*scan->p == 'e' || *scan->p == 'E'))
    {
      whole = FALSE;
      scan_advance (scan);
      if (scan->p < scan->end && (*scan->p == '+' || *scan->p == '-'))
        scan_advance (scan);
      if (!scan_digits (scan))
        return scan_fail (scan, start, error, _("a number must have digits after its exponent “e”"));
    }

  if (scan->p < scan->end && g_ascii_isdigit (*scan->p))
    return scan_fail (scan, start, error, _("a number must not start with a 0 followed by digits"));

  length = scan->p - first;
  text = g_strndup ((const char *)first, length);

  errno = 0;
  if (whole)
    too_large = (g_ascii_strtoll (text, NULL, 10), errno == ERANGE);
  else
    too_large = isinf (g_ascii_strtod (text, NULL));

  /* The number as written, for the person who wrote it; a number
   * carries none of a candidate's words. */
  if (length > MAX_QUOTED_NUMBER)
    {
      char *shorter = g_strdup_printf ("%.*s…", MAX_QUOTED_NUMBER, text);

      g_free (text);
      text = shorter;
    }

  if (too_large)
    {
      if (whole)
        return scan_fail (scan, start, error,
                          _("the number %s is too large: whole numbers must lie between "
                            "-9223372036854775808 and 9223372036854775807"),
                          text);

      return scan_fail (scan, start, error, _("the number %s is too large"), text);
    }

  *written = g_steal_pointer (&text);

  return TRUE;
}

static gboolean
scan_literal (Scan       *scan,
              const char *word)
{
  gsize length = strlen (word);

  if ((gsize)(scan->end - scan->p) < length || memcmp (scan->p, word, length) != 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    scan_advance (scan);

  return TRUE;
}

/* A container ends: its keys are forgotten, and it is recorded as the
 * value of its member. */
static void
scan_pop (Scan  *scan,
          Level *level)
{
  g_clear_pointer (&level->keys, g_hash_table_unref);
  scan_member_done (scan, g_steal_pointer (&level->member), NULL);
}

typedef enum
{
  WANT_VALUE,           /* at the start, after “:” and after “,” in an array */
  WANT_VALUE_OR_CLOSE,  /* after “[” */
  WANT_KEY_OR_CLOSE,    /* after “{” */
  WANT_KEY,             /* after “,” in an object */
  WANT_COMMA_OR_CLOSE,  /* after a value */
} ScanState;

static gboolean
scan_document (Scan    *scan,
               GError **error)
{
  Level stack[PNL_JSON_MAX_DEPTH];
  guint depth = 0;
  ScanState state = WANT_VALUE;
  PnlJsonPosition value_end = { 1, 1 };
  g_autoptr(GString) key = g_string_new (NULL);
  /* The key whose value comes next, NULL in an array or at the root */
  g_autofree char *member = NULL;
  gboolean ok = FALSE;

  for (;;)
    {
      PnlJsonPosition here;
      guchar c;

      scan_skip_space (scan);
      here = scan->pos;

      if (scan->p == scan->end)
        {
          if (state == WANT_COMMA_OR_CLOSE && depth == 0)
            ok = TRUE;
          else if (state == WANT_VALUE && depth == 0)
            scan_fail (scan, here, error, _("the file holds no JSON value"));
          else
            scan_fail (scan, here, error, _("the text ends before the document does"));
          break;
        }

      c = *scan->p;

      if (state == WANT_COMMA_OR_CLOSE)
        {
          if (depth == 0)
            {
              scan_fail (scan, here, error, _("the text goes on after the end of the document"));
              break;
            }

          if (c == stack[depth - 1].close)
            {
              scan_advance (scan);
              scan_pop (scan, &stack[--depth]);
              value_end = scan->pos;
            }
          else if (c == ',')
            {
              scan_advance (scan);
              state = stack[depth - 1].close == '}' ? WANT_KEY : WANT_VALUE;
            }
          else
            {
              /* Most often a comma forgotten at the end of a line:
               * point there, not at the next line. */
              scan_fail (scan, value_end, error,
                         stack[depth - 1].close == '}'
                           ? _("expected “,” or “}” after the value that ends here")
                           : _("expected “,” or “]” after the value that ends here"));
              break;
            }
          continue;
        }

      if (state == WANT_KEY_OR_CLOSE || state == WANT_KEY)
        {
          Level *level = &stack[depth - 1];
          PnlJsonPosition *first;

          if (c == '}' && state == WANT_KEY_OR_CLOSE)
            {
              scan_advance (scan);
              scan_pop (scan, &stack[--depth]);
              value_end = scan->pos;
              state = WANT_COMMA_OR_CLOSE;
              continue;
            }

          if (c != '"')
            {
              scan_fail (scan, here, error, _("expected a key in double quotes here"));
              break;
            }

          g_string_truncate (key, 0);
          if (!scan_string (scan, key, error))
            break;

          if (level->keys == NULL)
            level->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

          if ((first = g_hash_table_lookup (level->keys, key->str)) != NULL)
            {
              /* Which of the two json-glib would keep is no rule to
               * rely on; the key is not quoted, it could be anything. */
              scan_fail (scan, here, error,
                         _("this key appears a second time in the object (first at %d:%d); "
                           "a key may appear only once"),
                         first->line, first->column);
              break;
            }
          first = g_new (PnlJsonPosition, 1);
          *first = here;
          g_hash_table_insert (level->keys, g_strdup (key->str), first);

          scan_skip_space (scan);
          if (scan->p == scan->end || *scan->p != ':')
            {
              scan_fail (scan, scan->pos, error, _("expected “:” here"));
              break;
            }
          scan_advance (scan);
          g_free (member);
          member = g_strdup (key->str);
          state = WANT_VALUE;
          continue;
        }

      /* A value. */
      if (c == ']' && state == WANT_VALUE_OR_CLOSE)
        {
          scan_advance (scan);
          scan_pop (scan, &stack[--depth]);
          value_end = scan->pos;
          state = WANT_COMMA_OR_CLOSE;
          continue;
        }

      if (c == '{' || c == '[')
        {
          if (depth == PNL_JSON_MAX_DEPTH)
            {
              scan_fail (scan, here, error,
                         _("objects and arrays nest deeper than %d levels here; "
                           "Panelist reads no deeper"),
                         PNL_JSON_MAX_DEPTH);
              break;
            }

          scan_advance (scan);
          stack[depth].close = c == '{' ? '}' : ']';
          stack[depth].keys = NULL;
          stack[depth].member = g_steal_pointer (&member);
          depth++;
          state = c == '{' ? WANT_KEY_OR_CLOSE : WANT_VALUE_OR_CLOSE;
          continue;
        }

      if (c == '"')
        {
          if (!scan_string (scan, NULL, error))
            break;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          g_autofree char *number = NULL;

          if (!scan_number (scan, &number, error))
            break;
          scan_member_done (scan, g_steal_pointer (&member), number);
        }
      else if (!scan_literal (scan, "true") &&
               !scan_literal (scan, "false") &&
               !scan_literal (scan, "null"))
        {
          /* What is there is not quoted: it could be anyone's words. */
          scan_fail (scan, here, error,
                     _("expected a value here: an object, an array, text in double quotes, "
                       "a number, true, false or null"));
          break;
        }

      scan_member_done (scan, g_steal_pointer (&member), NULL);
      value_end = scan->pos;
      state = WANT_COMMA_OR_CLOSE;
    }

  while (depth > 0)
    {
      depth--;
      g_clear_pointer (&stack[depth].keys, g_hash_table_unref);
      g_clear_pointer (&stack[depth].member, g_free);
    }

  return ok;
}

/* Checks the whole of @data (UTF-8) as above.
 *
 * Returns: (transfer full): the members seen (ScannedMember), in the
 *   order their values end, or %NULL with @error set */
static GPtrArray *
check_syntax (const char  *data,
              gsize        size,
              const char  *name,
              GError     **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (scanned_member_free);
  Scan scan = {
    name, (const guchar *)data, (const guchar *)data + size, { 1, 1 }, members,
  };

  /* A byte order mark, as some editors write: json-glib skips it too. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    scan.p += 3;

  if (!scan_document (&scan, error))
    return NULL;

  return g_steal_pointer (&members);
}

/**
 * pnl_json_doc_new:
 * @bytes: the text
 * @name: what messages call it: a file name or a resource path
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the parsed document, or %NULL with @error set
 */
PnlJsonDoc *
pnl_json_doc_new (GBytes      *bytes,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(PnlJsonDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) scanned = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the file is not UTF-8 text"), name);
      return NULL;
    }

  if (!(scanned = check_syntax (data, size, name, error)))
    return NULL;

  doc = g_new0 (PnlJsonDoc, 1);
  doc->scanned = g_steal_pointer (&scanned);
  doc->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->name = g_strdup (name);
  doc->stack = g_array_new (FALSE, FALSE, sizeof (PnlJsonPosition));
  doc->containers = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  doc->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->parser = json_parser_new ();

  g_signal_connect (doc->parser, "object-start", G_CALLBACK (on_container_start), doc);
  g_signal_connect (doc->parser, "array-start", G_CALLBACK (on_container_start), doc);
  g_signal_connect (doc->parser, "object-end", G_CALLBACK (on_container_end), doc);
  g_signal_connect (doc->parser, "array-end", G_CALLBACK (on_container_end), doc);
  g_signal_connect (doc->parser, "object-member", G_CALLBACK (on_object_member), doc);

  if (!json_parser_load_from_data (doc->parser, data, size, &local_error))
    {
      int line = 0;
      int column = 0;

      /* Not expected once the text is valid JSON.  json-glib's message
       * quotes the text, so only its position is kept. */
      if (sscanf (local_error->message, "<data>:%d:%d:", &line, &column) == 2)
        g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                     _("%s:%d:%d: the JSON text could not be read"), name, line, column);
      else
        g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                     _("%s: the JSON text could not be read"), name);
      return NULL;
    }

  g_signal_handlers_disconnect_by_data (doc->parser, doc);

  /* Only the numbers are kept. */
  if (doc->scanned_lost || doc->n_members != doc->scanned->len)
    g_hash_table_remove_all (doc->numbers);
  g_clear_pointer (&doc->scanned, g_ptr_array_unref);

  return g_steal_pointer (&doc);
}

void
pnl_json_doc_free (PnlJsonDoc *doc)
{
  if (doc == NULL)
    return;

  if (doc->parser != NULL)
    g_signal_handlers_disconnect_by_data (doc->parser, doc);
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->stack, g_array_unref);
  g_clear_pointer (&doc->containers, g_hash_table_unref);
  g_clear_pointer (&doc->members, g_hash_table_unref);
  g_clear_pointer (&doc->scanned, g_ptr_array_unref);
  g_clear_pointer (&doc->numbers, g_hash_table_unref);
  g_free (doc->name);
  g_free (doc);
}

const char *
pnl_json_doc_get_name (PnlJsonDoc *doc)
{
  return doc->name;
}

/* Returns: (transfer none) (nullable): the root, owned by @doc */
JsonNode *
pnl_json_doc_get_root (PnlJsonDoc *doc)
{
  return json_parser_get_root (doc->parser);
}

PnlJsonPosition
pnl_json_doc_find_container (PnlJsonDoc    *doc,
                             gconstpointer  container)
{
  PnlJsonPosition none = { 0, 0 };
  PnlJsonPosition *pos = g_hash_table_lookup (doc->containers, container);

  return pos ? *pos : none;
}

PnlJsonPosition
pnl_json_doc_find_member (PnlJsonDoc *doc,
                          JsonObject *object,
                          const char *member)
{
  g_autofree char *key = NULL;
  PnlJsonPosition *pos;
  JsonNode *node;

  if (member == NULL)
    return pnl_json_doc_find_container (doc, object);

  /* An object or array member is best pointed at where it starts. */
  node = json_object_get_member (object, member);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return pnl_json_doc_find_container (doc, json_node_get_object (node));
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return pnl_json_doc_find_container (doc, json_node_get_array (node));

  key = g_strdup_printf ("%p/%s", (gpointer)object, member);
  pos = g_hash_table_lookup (doc->members, key);

  if (pos == NULL)
    return pnl_json_doc_find_container (doc, object);

  return *pos;
}

const char *
pnl_json_doc_get_number_text (PnlJsonDoc *doc,
                              JsonObject *object,
                              const char *member)
{
  g_autofree char *key = g_strdup_printf ("%p/%s", (gpointer)object, member);

  return g_hash_table_lookup (doc->numbers, key);
}

gboolean
pnl_json_doc_fail_literal (PnlJsonDoc       *doc,
                           GError          **error,
                           GQuark            domain,
                           int               code,
                           PnlJsonPosition   pos,
                           const char       *message)
{
  if (pos.line > 0)
    g_set_error (error, domain, code, "%s:%d:%d: %s",
                 doc->name, pos.line, pos.column, message);
  else
    /* Translators: a file, then what is wrong with it */
    g_set_error (error, domain, code, _("%s: %s"), doc->name, message);

  return FALSE;
}

gboolean
pnl_json_doc_fail_valist (PnlJsonDoc       *doc,
                          GError          **error,
                          GQuark            domain,
                          int               code,
                          PnlJsonPosition   pos,
                          const char       *format,
                          va_list           args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  return pnl_json_doc_fail_literal (doc, error, domain, code, pos, message);
}

G_GNUC_PRINTF (6, 7)
static gboolean
fail (PnlJsonDoc              *doc,
      GError                 **error,
      const PnlJsonErrorCodes *codes,
      int                      code,
      PnlJsonPosition          pos,
      const char              *format,
      ...)
{
  va_list args;
  gboolean ret;

  va_start (args, format);
  ret = pnl_json_doc_fail_valist (doc, error, codes->domain, code, pos, format, args);
  va_end (args);

  return ret;
}

gboolean
pnl_json_doc_read_string (PnlJsonDoc              *doc,
                          const PnlJsonErrorCodes *codes,
                          JsonObject              *object,
                          const char              *member,
                          gboolean                 required,
                          char                   **out,
                          GError                 **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (doc, error, codes, codes->missing,
                     pnl_json_doc_find_member (doc, object, NULL),
                     /* Translators: %s is a key of a JSON file, spelled as in the file */
                     _("the key “%s” is missing"), member);

      *out = g_strdup ("");
      return TRUE;
    }

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (doc, error, codes, codes->wrong_type,
                 pnl_json_doc_find_member (doc, object, member),
                 _("“%s” must be text"), member);

  if (required && pnl_str_is_blank (json_node_get_string (node)))
    return fail (doc, error, codes, codes->invalid,
                 pnl_json_doc_find_member (doc, object, member),
                 _("“%s” is empty"), member);

  *out = g_strdup (json_node_get_string (node));

  return TRUE;
}

/* Writing -------------------------------------------------------------- */

static void
append_string (GString    *out,
               const char *str)
{
  const char *run = str;

  g_string_append_c (out, '"');

  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      gsize length = 1;
      char hex[8];

      /* DEL and the C1 controls (U+0080 to U+009F, 0xC2 0x80 to 0xC2
       * 0x9F in UTF-8) are valid JSON raw, but a terminal that shows the
       * file obeys them: escaped like the C0 ones. */
      if (c == 0xc2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f)
        {
          g_snprintf (hex, sizeof hex, "\\u%04x", (guchar) p[1]);
          escape = hex;
          length = 2;
        }
      else switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          if (c < 0x20 || c == 0x7f)
            {
              g_snprintf (hex, sizeof hex, "\\u%04x", c);
              escape = hex;
            }
          break;
        }

      if (escape != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, escape);
          p += length - 1;
          run = p + 1;
        }
    }

  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void append_node (GString  *out,
                         JsonNode *node,
                         guint     depth);

static void
append_object (GString    *out,
               JsonObject *object,
               guint       depth)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    {
      g_string_append (out, "{}");
      return;
    }

  g_string_append (out, "{\n");
  for (const GList *iter = members; iter; iter = iter->next)
    {
      append_indent (out, depth + 1);
      append_string (out, iter->data);
      g_string_append (out, ": ");
      append_node (out, json_object_get_member (object, iter->data), depth + 1);
      g_string_append (out, iter->next ? ",\n" : "\n");
    }
  append_indent (out, depth);
  g_string_append_c (out, '}');
}

static void
append_array (GString   *out,
              JsonArray *array,
              guint      depth)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      append_indent (out, depth + 1);
      append_node (out, json_array_get_element (array, i), depth + 1);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  append_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
append_node (GString  *out,
             JsonNode *node,
             guint     depth)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), depth);
      break;

    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), depth);
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;

        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;

        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;

        case G_TYPE_DOUBLE:
          g_string_append (out, g_ascii_dtostr (number, sizeof number,
                                                json_node_get_double (node)));
          break;

        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

/**
 * pnl_json_to_pretty_string:
 * @node: a #JsonNode
 *
 * Returns: (transfer full): @node as text, ending with a newline
 */
char *
pnl_json_to_pretty_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  append_node (out, node, 0);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
