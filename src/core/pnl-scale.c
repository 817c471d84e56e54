/* pnl-scale.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-scale"

#include "config.h"

#include <glib/gi18n.h>

#include "pnl-scale-private.h"
#include "pnl-utils.h"

typedef struct
{
  int   value;
  char *label;
  char *meaning;
} Level;

struct _PnlScale
{
  GObject  parent_instance;
  GArray  *levels;
};

G_DEFINE_FINAL_TYPE (PnlScale, pnl_scale, G_TYPE_OBJECT)

static void
clear_level (gpointer data)
{
  Level *level = data;

  g_clear_pointer (&level->label, g_free);
  g_clear_pointer (&level->meaning, g_free);
}

static void
pnl_scale_finalize (GObject *object)
{
  PnlScale *self = (PnlScale *)object;

  g_clear_pointer (&self->levels, g_array_unref);

  G_OBJECT_CLASS (pnl_scale_parent_class)->finalize (object);
}

static void
pnl_scale_class_init (PnlScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_scale_finalize;
}

static void
pnl_scale_init (PnlScale *self)
{
  self->levels = g_array_new (FALSE, TRUE, sizeof (Level));
  g_array_set_clear_func (self->levels, clear_level);
}

static void
add_level (PnlScale   *self,
           int         value,
           const char *label,
           const char *meaning)
{
  Level level = { value, g_strdup (label), g_strdup (meaning) };

  g_array_append_val (self->levels, level);
}

PnlScale *
pnl_scale_new_default (void)
{
  PnlScale *self = g_object_new (PNL_TYPE_SCALE, NULL);

  add_level (self, 1, _("Strong no"),
             _("Clear evidence against: a gap we could not hire over at this level."));
  add_level (self, 2, _("No"),
             _("Below the bar for this level: the gaps outweigh what went well."));
  add_level (self, 3, _("Yes"),
             _("Meets the bar for this level: sound reasoning, only minor gaps."));
  add_level (self, 4, _("Strong yes"),
             _("Well above the bar: depth and judgement we would want the team to learn from."));

  return self;
}

PnlScale *
_pnl_scale_parse (JsonNode  *node,
                  int       *bad_index,
                  GError   **error)
{
  g_autoptr(PnlScale) self = NULL;
  g_autofree char *number = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (node != NULL, NULL);

  *bad_index = -1;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the scale must be an array of levels"));
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (n < 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the scale needs at least two levels"));
      return NULL;
    }

  self = g_object_new (PNL_TYPE_SCALE, NULL);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *value;
      JsonNode *label;
      JsonNode *meaning;
      gint64 v;

      *bad_index = i;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("scale level %u must be an object with “value”, “label” and “meaning”"),
                       i + 1);
          return NULL;
        }

      object = json_node_get_object (element);
      value = json_object_get_member (object, "value");
      label = json_object_get_member (object, "label");
      meaning = json_object_get_member (object, "meaning");

      if (value == NULL || json_node_get_value_type (value) != G_TYPE_INT64)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("scale level %u needs a whole number “value”"), i + 1);
          return NULL;
        }

      v = json_node_get_int (value);
      g_free (number);
      number = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      if (v < 1 || v > 100)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("scale level %u has value %s; values run from 1 to 100"),
                       i + 1, number);
          return NULL;
        }

      if (i > 0 && v <= g_array_index (self->levels, Level, i - 1).value)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("scale level %u has value %s; values must rise from one level to the next"),
                       i + 1, number);
          return NULL;
        }

      if (label == NULL || json_node_get_value_type (label) != G_TYPE_STRING ||
          pnl_str_is_blank (json_node_get_string (label)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("scale level %u needs a “label”"), i + 1);
          return NULL;
        }

      if (meaning != NULL && json_node_get_value_type (meaning) != G_TYPE_STRING)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("scale level %u has a “meaning” that is not text"), i + 1);
          return NULL;
        }

      add_level (self, (int)v, json_node_get_string (label),
                 meaning ? json_node_get_string (meaning) : "");
    }

  *bad_index = -1;

  return g_steal_pointer (&self);
}

PnlScale *
pnl_scale_new_from_json (JsonNode  *node,
                         GError   **error)
{
  int bad_index;

  return _pnl_scale_parse (node, &bad_index, error);
}

JsonNode *
pnl_scale_to_json (PnlScale *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PNL_IS_SCALE (self), NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->levels->len; i++)
    {
      const Level *level = &g_array_index (self->levels, Level, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, level->value);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, level->label);
      json_builder_set_member_name (builder, "meaning");
      json_builder_add_string_value (builder, level->meaning);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

guint
pnl_scale_get_n_levels (PnlScale *self)
{
  g_return_val_if_fail (PNL_IS_SCALE (self), 0);

  return self->levels->len;
}

static const Level *
get_level (PnlScale *self,
           guint     position)
{
  g_return_val_if_fail (PNL_IS_SCALE (self), NULL);
  g_return_val_if_fail (position < self->levels->len, NULL);

  return &g_array_index (self->levels, Level, position);
}

int
pnl_scale_get_value (PnlScale *self,
                     guint     position)
{
  const Level *level = get_level (self, position);

  return level ? level->value : 0;
}

const char *
pnl_scale_get_label (PnlScale *self,
                     guint     position)
{
  const Level *level = get_level (self, position);

  return level ? level->label : NULL;
}

const char *
pnl_scale_get_meaning (PnlScale *self,
                       guint     position)
{
  const Level *level = get_level (self, position);

  return level ? level->meaning : NULL;
}

int
pnl_scale_find (PnlScale *self,
                int       value)
{
  g_return_val_if_fail (PNL_IS_SCALE (self), -1);

  for (guint i = 0; i < self->levels->len; i++)
    {
      if (g_array_index (self->levels, Level, i).value == value)
        return i;
    }

  return -1;
}

int
pnl_scale_get_min (PnlScale *self)
{
  return pnl_scale_get_value (self, 0);
}

int
pnl_scale_get_max (PnlScale *self)
{
  g_return_val_if_fail (PNL_IS_SCALE (self), 0);

  return pnl_scale_get_value (self, self->levels->len - 1);
}

double
pnl_scale_get_middle (PnlScale *self)
{
  return (pnl_scale_get_min (self) + pnl_scale_get_max (self)) / 2.0;
}

gboolean
pnl_scale_equal (PnlScale *a,
                 PnlScale *b)
{
  g_return_val_if_fail (PNL_IS_SCALE (a), FALSE);
  g_return_val_if_fail (PNL_IS_SCALE (b), FALSE);

  if (a->levels->len != b->levels->len)
    return FALSE;

  for (guint i = 0; i < a->levels->len; i++)
    {
      const Level *la = &g_array_index (a->levels, Level, i);
      const Level *lb = &g_array_index (b->levels, Level, i);

      if (la->value != lb->value ||
          g_strcmp0 (la->label, lb->label) != 0 ||
          g_strcmp0 (la->meaning, lb->meaning) != 0)
        return FALSE;
    }

  return TRUE;
}
