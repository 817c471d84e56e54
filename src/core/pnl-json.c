/* pnl-json.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-json"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
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
  /* json-glib reads "{…} {…}" as two documents and keeps the last;
   * where the second one starts, line 0 when there is none. */
  PnlJsonPosition second_root;
  guint           n_roots;
};

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

  if (doc->stack->len == 0 && doc->n_roots++ == 1)
    doc->second_root = pos;

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

  *pos = current_position (parser);
  g_hash_table_insert (doc->members,
                       g_strdup_printf ("%p/%s", (gpointer)object, member),
                       pos);
}

static char *
rename_syntax_error (const char *name,
                     const char *message)
{
  g_autofree char *renamed = NULL;

  /* json-glib says "<data>:LINE:COL: Parse error: ..." for in-memory data;
   * say the file's own name instead. */
  if (g_str_has_prefix (message, "<data>:"))
    renamed = g_strconcat (name, message + strlen ("<data>"), NULL);
  else
    /* Translators: a file, then what is wrong with it */
    renamed = g_strdup_printf (_("%s: %s"), name, message);

  /* The message quotes the text it choked on, which need not be UTF-8
   * once json-glib has decoded a lone surrogate ("\ud800") in it. */
  return g_utf8_make_valid (renamed, -1);
}

/* json-glib decodes a lone surrogate escape ("\ud800" with no low half
 * after it) to bytes that are not UTF-8, in a value or in a member name.
 * Every text a reader takes from the document must be UTF-8 (labels,
 * SQLite, exports all rely on it), so refuse the document here.  The walk
 * keeps its own stack: a deeply nested document must not exhaust ours. */
static gboolean
check_text (PnlJsonDoc  *doc,
            JsonNode    *root,
            GError     **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  const char *message = _("a \\u escape there is not a character (a lone surrogate, "
                          "\\uD800 to \\uDFFF)");

  if (root != NULL)
    g_ptr_array_add (pending, root);

  while (pending->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index_fast (pending, pending->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          JsonObjectIter iter;
          const char *member;
          JsonNode *value;

          json_object_iter_init (&iter, object);
          while (json_object_iter_next (&iter, &member, &value))
            {
              if (!g_utf8_validate (member, -1, NULL) ||
                  (JSON_NODE_HOLDS_VALUE (value) &&
                   json_node_get_value_type (value) == G_TYPE_STRING &&
                   !g_utf8_validate (json_node_get_string (value), -1, NULL)))
                return pnl_json_doc_fail_literal (doc, error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                                  pnl_json_doc_find_member (doc, object, member),
                                                  message);

              if (JSON_NODE_HOLDS_OBJECT (value) || JSON_NODE_HOLDS_ARRAY (value))
                g_ptr_array_add (pending, value);
            }
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (element) &&
                  json_node_get_value_type (element) == G_TYPE_STRING &&
                  !g_utf8_validate (json_node_get_string (element), -1, NULL))
                return pnl_json_doc_fail_literal (doc, error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                                  pnl_json_doc_find_container (doc, array),
                                                  message);

              if (JSON_NODE_HOLDS_OBJECT (element) || JSON_NODE_HOLDS_ARRAY (element))
                g_ptr_array_add (pending, element);
            }
        }
      else if (JSON_NODE_HOLDS_VALUE (node) &&
               json_node_get_value_type (node) == G_TYPE_STRING &&
               !g_utf8_validate (json_node_get_string (node), -1, NULL))
        {
          PnlJsonPosition none = { 0, 0 };

          return pnl_json_doc_fail_literal (doc, error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                            none, message);
        }
    }

  return TRUE;
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

  doc = g_new0 (PnlJsonDoc, 1);
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
      g_autofree char *message = rename_syntax_error (name, local_error->message);

      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return NULL;
    }

  g_signal_handlers_disconnect_by_data (doc->parser, doc);

  if (doc->n_roots > 1)
    {
      pnl_json_doc_fail_literal (doc, error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                                 doc->second_root,
                                 _("the text goes on after the end of the document"));
      return NULL;
    }

  if (!check_text (doc, json_parser_get_root (doc->parser), error))
    return NULL;

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
      char hex[8];

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          if (c < 0x20)
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
