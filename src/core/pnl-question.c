/* pnl-question.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-question"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-enums.h"
#include "pnl-question-private.h"
#include "pnl-utils.h"

#define MAX_MINUTES 240

struct _PnlQuestion
{
  GObject           parent_instance;

  char             *id;
  char             *area_id;
  char             *prompt;
  char             *assesses;
  char            **look_fors;
  char            **red_flags;
  char            **follow_ups;
  /* int value -> char *meaning */
  GHashTable       *anchors;
  PnlQuestionKind   kind;
  PnlQuestionLevel  level;
  guint             minutes;
};

G_DEFINE_FINAL_TYPE (PnlQuestion, pnl_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AREA_ID,
  PROP_KIND,
  PROP_LEVEL,
  PROP_PROMPT,
  PROP_ASSESSES,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pnl_question_finalize (GObject *object)
{
  PnlQuestion *self = (PnlQuestion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->area_id, g_free);
  g_clear_pointer (&self->prompt, g_free);
  g_clear_pointer (&self->assesses, g_free);
  g_clear_pointer (&self->look_fors, g_strfreev);
  g_clear_pointer (&self->red_flags, g_strfreev);
  g_clear_pointer (&self->follow_ups, g_strfreev);
  g_clear_pointer (&self->anchors, g_hash_table_unref);

  G_OBJECT_CLASS (pnl_question_parent_class)->finalize (object);
}

static void
pnl_question_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PnlQuestion *self = PNL_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_AREA_ID:
      g_value_set_string (value, self->area_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;

    case PROP_PROMPT:
      g_value_set_string (value, self->prompt);
      break;

    case PROP_ASSESSES:
      g_value_set_string (value, self->assesses);
      break;

    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_question_class_init (PnlQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_question_finalize;
  object_class->get_property = pnl_question_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_AREA_ID] =
    g_param_spec_string ("area-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PNL_TYPE_QUESTION_KIND,
                       PNL_QUESTION_KIND_TECHNICAL,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL,
                       PNL_TYPE_QUESTION_LEVEL,
                       PNL_QUESTION_LEVEL_ENTRY,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROMPT] =
    g_param_spec_string ("prompt", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ASSESSES] =
    g_param_spec_string ("assesses", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 0, MAX_MINUTES, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_question_init (PnlQuestion *self)
{
  self->anchors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static const char *
type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      /* Translators: what a JSON value is, as in “must be text, not an object” */
      return _("an object");

    case JSON_NODE_ARRAY:
      return _("an array");

    case JSON_NODE_NULL:
      /* Translators: the JSON value null, as in “must be text, not null” */
      return _("null");

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("text");

        case G_TYPE_BOOLEAN:
          return _("true or false");

        case G_TYPE_INT64:
          return _("a whole number");

        case G_TYPE_DOUBLE:
          return _("a number with a fraction");

        default:
          return _("a value");
        }
    }
}

static gboolean
get_string (JsonObject   *object,
            const char   *member,
            gboolean      required,
            char        **out,
            const char  **bad_member,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (!required)
        {
          *out = g_strdup ("");
          return TRUE;
        }

      *bad_member = NULL;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the key “%s” is missing"), member);
      return FALSE;
    }

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *bad_member = member;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” must be text, not %s"), member, type_name (node));
      return FALSE;
    }

  if (required && pnl_str_is_blank (json_node_get_string (node)))
    {
      *bad_member = member;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is empty"), member);
      return FALSE;
    }

  *out = g_strdup (json_node_get_string (node));

  return TRUE;
}

static gboolean
get_strv (JsonObject   *object,
          const char   *member,
          char       ***out,
          const char  **bad_member,
          GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          *bad_member = member;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” must be an array of text, not %s"), member, type_name (node));
          return FALSE;
        }

      array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            {
              *bad_member = member;
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("item %u of “%s” must be text, not %s"),
                           i + 1, member, type_name (element));
              return FALSE;
            }

          if (!pnl_str_is_blank (json_node_get_string (element)))
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  *out = g_strv_builder_end (builder);

  return TRUE;
}

PnlQuestion *
_pnl_question_parse (JsonObject   *object,
                     const char  **bad_member,
                     GError      **error)
{
  g_autoptr(PnlQuestion) self = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *level = NULL;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (bad_member != NULL, NULL);

  *bad_member = NULL;

  self = g_object_new (PNL_TYPE_QUESTION, NULL);

  if (!get_string (object, "id", TRUE, &self->id, bad_member, error))
    return NULL;

  if (!pnl_str_is_identifier (self->id))
    {
      *bad_member = "id";
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the id “%s” may hold only letters, digits, “.”, “-” and “_”"),
                   self->id);
      return NULL;
    }

  if (!get_string (object, "area", TRUE, &self->area_id, bad_member, error) ||
      !get_string (object, "kind", TRUE, &kind, bad_member, error) ||
      !get_string (object, "level", TRUE, &level, bad_member, error) ||
      !get_string (object, "prompt", TRUE, &self->prompt, bad_member, error) ||
      !get_string (object, "assesses", FALSE, &self->assesses, bad_member, error) ||
      !get_strv (object, "look_fors", &self->look_fors, bad_member, error) ||
      !get_strv (object, "red_flags", &self->red_flags, bad_member, error) ||
      !get_strv (object, "follow_ups", &self->follow_ups, bad_member, error))
    return NULL;

  if (!pnl_question_kind_from_string (kind, &self->kind))
    {
      *bad_member = "kind";
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the words after “one of” are spelled as in the file:
                    * keep them as they are */
                   _("the kind “%s” is not one of technical, behavioural, situational, "
                     "competency, culture, candidate-asks"),
                   kind);
      return NULL;
    }

  if (!pnl_question_level_from_string (level, &self->level))
    {
      *bad_member = "level";
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the words after “one of” are spelled as in the file:
                    * keep them as they are */
                   _("the level “%s” is not one of entry, experienced, senior"),
                   level);
      return NULL;
    }

  if ((node = json_object_get_member (object, "minutes")) && !JSON_NODE_HOLDS_NULL (node))
    {
      gint64 minutes;

      if (json_node_get_value_type (node) != G_TYPE_INT64)
        {
          *bad_member = "minutes";
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“minutes” must be a whole number, not %s"), type_name (node));
          return NULL;
        }

      minutes = json_node_get_int (node);

      if (minutes < 0 || minutes > MAX_MINUTES)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, minutes);

          *bad_member = "minutes";
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“minutes” is %s; it must lie between 0 and %d"),
                       number, MAX_MINUTES);
          return NULL;
        }

      self->minutes = minutes;
    }

  if ((node = json_object_get_member (object, "anchors")) && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonObject *anchors;
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          *bad_member = "anchors";
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“anchors” must be an object from scale values to text, not %s"),
                       type_name (node));
          return NULL;
        }

      anchors = json_node_get_object (node);
      members = json_object_get_members (anchors);

      for (const GList *iter = members; iter; iter = iter->next)
        {
          const char *key = iter->data;
          JsonNode *meaning = json_object_get_member (anchors, key);
          guint64 value;

          if (!g_ascii_string_to_unsigned (key, 10, 1, 100, &value, NULL))
            {
              *bad_member = "anchors";
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("the anchor “%s” is not a scale value"), key);
              return NULL;
            }

          if (json_node_get_value_type (meaning) != G_TYPE_STRING)
            {
              *bad_member = "anchors";
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the anchor for %s must be text, not %s"), key, type_name (meaning));
              return NULL;
            }

          if (!pnl_str_is_blank (json_node_get_string (meaning)))
            g_hash_table_insert (self->anchors,
                                 GINT_TO_POINTER ((int)value),
                                 g_strdup (json_node_get_string (meaning)));
        }
    }

  return g_steal_pointer (&self);
}

PnlQuestion *
pnl_question_new_from_json (JsonObject  *object,
                            GError     **error)
{
  const char *bad_member;

  return _pnl_question_parse (object, &bad_member, error);
}

PnlQuestion *
pnl_question_new_custom (const char *id,
                         const char *area_id,
                         const char *prompt)
{
  PnlQuestion *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (area_id != NULL, NULL);
  g_return_val_if_fail (prompt != NULL, NULL);

  self = g_object_new (PNL_TYPE_QUESTION, NULL);
  self->id = g_strdup (id);
  self->area_id = g_strdup (area_id);
  self->prompt = g_strdup (prompt);
  self->assesses = g_strdup ("");
  self->look_fors = g_new0 (char *, 1);
  self->red_flags = g_new0 (char *, 1);
  self->follow_ups = g_new0 (char *, 1);
  self->kind = PNL_QUESTION_KIND_TECHNICAL;
  self->level = PNL_QUESTION_LEVEL_EXPERIENCED;

  return self;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

GArray *
_pnl_question_get_anchor_values (PnlQuestion *self)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->anchors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int value = GPOINTER_TO_INT (key);
      g_array_append_val (values, value);
    }

  g_array_sort (values, compare_int);

  return values;
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i]; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

JsonNode *
pnl_question_to_json (PnlQuestion *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) values = NULL;

  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "area");
  json_builder_add_string_value (builder, self->area_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, pnl_question_kind_to_string (self->kind));
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, pnl_question_level_to_string (self->level));
  json_builder_set_member_name (builder, "prompt");
  json_builder_add_string_value (builder, self->prompt);
  json_builder_set_member_name (builder, "assesses");
  json_builder_add_string_value (builder, self->assesses);
  add_strv (builder, "look_fors", (const char * const *)self->look_fors);
  add_strv (builder, "red_flags", (const char * const *)self->red_flags);
  add_strv (builder, "follow_ups", (const char * const *)self->follow_ups);
  json_builder_set_member_name (builder, "minutes");
  json_builder_add_int_value (builder, self->minutes);

  json_builder_set_member_name (builder, "anchors");
  json_builder_begin_object (builder);
  values = _pnl_question_get_anchor_values (self);
  for (guint i = 0; i < values->len; i++)
    {
      int value = g_array_index (values, int, i);
      char key[16];

      g_snprintf (key, sizeof key, "%d", value);
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->anchors,
                                                                   GINT_TO_POINTER (value)));
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
pnl_question_get_id (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  return self->id;
}

const char *
pnl_question_get_area_id (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  return self->area_id;
}

PnlQuestionKind
pnl_question_get_kind (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), 0);

  return self->kind;
}

PnlQuestionLevel
pnl_question_get_level (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), 0);

  return self->level;
}

const char *
pnl_question_get_prompt (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  return self->prompt;
}

const char *
pnl_question_get_assesses (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  return self->assesses;
}

const char * const *
pnl_question_get_look_fors (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  return (const char * const *)self->look_fors;
}

const char * const *
pnl_question_get_red_flags (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  return (const char * const *)self->red_flags;
}

const char * const *
pnl_question_get_follow_ups (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  return (const char * const *)self->follow_ups;
}

guint
pnl_question_get_minutes (PnlQuestion *self)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), 0);

  return self->minutes;
}

const char *
pnl_question_get_anchor (PnlQuestion *self,
                         int          value)
{
  g_return_val_if_fail (PNL_IS_QUESTION (self), NULL);

  return g_hash_table_lookup (self->anchors, GINT_TO_POINTER (value));
}
