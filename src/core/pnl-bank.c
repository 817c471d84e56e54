/* pnl-bank.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-bank"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pnl-area.h"
#include "pnl-bank.h"
#include "pnl-json-private.h"
#include "pnl-question-private.h"
#include "pnl-scale-private.h"
#include "pnl-utils.h"

struct _PnlBank
{
  GObject      parent_instance;

  char        *source;
  char        *id;
  char        *title;
  char        *role;
  char        *language;
  char        *description;
  PnlScale    *scale;
  GListStore  *areas;
  GListStore  *questions;
  GHashTable  *areas_by_id;
  GHashTable  *questions_by_id;
  guint        revision;
};

G_DEFINE_FINAL_TYPE (PnlBank, pnl_bank, G_TYPE_OBJECT)

G_DEFINE_QUARK (pnl-bank-error-quark, pnl_bank_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ROLE,
  PROP_LANGUAGE,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  PnlJsonDoc *doc;
  PnlBank    *bank;
} Loader;

static void
pnl_bank_finalize (GObject *object)
{
  PnlBank *self = (PnlBank *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->areas_by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_object (&self->scale);
  g_clear_object (&self->areas);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (pnl_bank_parent_class)->finalize (object);
}

static void
pnl_bank_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PnlBank *self = PNL_BANK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_bank_class_init (PnlBankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pnl_bank_finalize;
  object_class->get_property = pnl_bank_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 1, G_MAXUINT, 1,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_bank_init (PnlBank *self)
{
  self->revision = 1;
  self->areas = g_list_store_new (PNL_TYPE_AREA);
  self->questions = g_list_store_new (PNL_TYPE_QUESTION);
  self->areas_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->questions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Positions ------------------------------------------------------------ */

static PnlJsonPosition
find_container (Loader   *loader,
                gpointer  container)
{
  return pnl_json_doc_find_container (loader->doc, container);
}

static PnlJsonPosition
find_member (Loader     *loader,
             JsonObject *object,
             const char *member)
{
  return pnl_json_doc_find_member (loader->doc, object, member);
}

/* Errors --------------------------------------------------------------- */

G_GNUC_PRINTF (5, 6)
static gboolean
fail (Loader          *loader,
      GError         **error,
      PnlBankError     code,
      PnlJsonPosition  pos,
      const char      *format,
      ...)
{
  va_list args;
  gboolean ret;

  va_start (args, format);
  ret = pnl_json_doc_fail_valist (loader->doc, error, PNL_BANK_ERROR, code, pos, format, args);
  va_end (args);

  return ret;
}

/* Reading -------------------------------------------------------------- */

static gboolean
read_string (Loader      *loader,
             JsonObject  *object,
             const char  *member,
             gboolean     required,
             char       **out,
             GError     **error)
{
  PnlJsonErrorCodes codes = {
    PNL_BANK_ERROR, PNL_BANK_ERROR_MISSING, PNL_BANK_ERROR_FORMAT, PNL_BANK_ERROR_INVALID,
  };

  return pnl_json_doc_read_string (loader->doc, &codes, object, member, required, out, error);
}

static gboolean
read_header (Loader      *loader,
             JsonObject  *root,
             GError     **error)
{
  PnlBank *self = loader->bank;
  JsonNode *node;
  gint64 version;

  node = json_object_get_member (root, "format");
  if (node == NULL ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), PNL_BANK_FORMAT) != 0)
    return fail (loader, error, PNL_BANK_ERROR_FORMAT, find_member (loader, root, "format"),
                 _("this is not a Panelist question bank: “format” must be “%s”"),
                 PNL_BANK_FORMAT);

  node = json_object_get_member (root, "version");
  if (node == NULL)
    return fail (loader, error, PNL_BANK_ERROR_MISSING, find_container (loader, root),
                 _("the key “%s” is missing"), "version");
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      const char *number = pnl_json_doc_get_number_text (loader->doc, root, "version");

      if (number != NULL)
        return fail (loader, error, PNL_BANK_ERROR_FORMAT, find_member (loader, root, "version"),
                     /* Translators: %s is a number as the file writes it, such as 1e30 */
                     _("“%s” must be a whole number, not %s"), "version", number);

      return fail (loader, error, PNL_BANK_ERROR_FORMAT, find_member (loader, root, "version"),
                   _("“version” must be a whole number"));
    }

  version = json_node_get_int (node);
  if (version > PNL_BANK_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      return fail (loader, error, PNL_BANK_ERROR_NEWER, find_member (loader, root, "version"),
                   _("the bank uses format version %s, but this version of "
                     "Panelist reads only up to version %d; a newer Panelist is needed"),
                   number, PNL_BANK_FORMAT_VERSION);
    }
  if (version < 1)
    return fail (loader, error, PNL_BANK_ERROR_INVALID, find_member (loader, root, "version"),
                 _("“version” must be 1 or more"));

  if (!read_string (loader, root, "id", TRUE, &self->id, error))
    return FALSE;
  if (!pnl_str_is_identifier (self->id))
    return fail (loader, error, PNL_BANK_ERROR_INVALID, find_member (loader, root, "id"),
                 _("the id “%s” may hold only letters, digits, “.”, “-” and “_”"), self->id);

  if (!read_string (loader, root, "title", TRUE, &self->title, error) ||
      !read_string (loader, root, "role", TRUE, &self->role, error) ||
      !read_string (loader, root, "language", TRUE, &self->language, error) ||
      !read_string (loader, root, "description", FALSE, &self->description, error))
    return FALSE;

  node = json_object_get_member (root, "revision");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (json_node_get_value_type (node) != G_TYPE_INT64)
        {
          const char *number = pnl_json_doc_get_number_text (loader->doc, root, "revision");

          if (number != NULL)
            return fail (loader, error, PNL_BANK_ERROR_INVALID, find_member (loader, root, "revision"),
                         _("“%s” must be a whole number, not %s"), "revision", number);

          return fail (loader, error, PNL_BANK_ERROR_INVALID, find_member (loader, root, "revision"),
                       _("“revision” must be a whole number, 1 or more"));
        }

      if (json_node_get_int (node) < 1 || json_node_get_int (node) > G_MAXINT)
        {
          /* The number as the file writes it: pnl_json_doc_new() refused
           * any that json-glib would not keep exactly. */
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          g_autofree char *high = g_strdup_printf ("%d", G_MAXINT);

          return fail (loader, error, PNL_BANK_ERROR_INVALID, find_member (loader, root, "revision"),
                       _("“%s” is %s; it must lie between %s and %s"),
                       "revision", number, "1", high);
        }

      self->revision = json_node_get_int (node);
    }

  return TRUE;
}

static gboolean
read_scale (Loader      *loader,
            JsonObject  *root,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_object_get_member (root, "scale");
  PnlJsonPosition pos;
  int bad_index;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      loader->bank->scale = pnl_scale_new_default ();
      return TRUE;
    }

  loader->bank->scale = _pnl_scale_parse (node, &bad_index, &local_error);
  if (loader->bank->scale != NULL)
    return TRUE;

  pos = find_member (loader, root, "scale");
  if (bad_index >= 0 && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonNode *level = json_array_get_element (json_node_get_array (node), bad_index);

      if (JSON_NODE_HOLDS_OBJECT (level))
        pos = find_container (loader, json_node_get_object (level));
    }

  return fail (loader, error, PNL_BANK_ERROR_INVALID, pos,
               _("broken scale: %s"), local_error->message);
}

static JsonArray *
require_array (Loader      *loader,
               JsonObject  *root,
               const char  *member,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL)
    {
      fail (loader, error, PNL_BANK_ERROR_MISSING, find_container (loader, root),
            _("the key “%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (loader, error, PNL_BANK_ERROR_FORMAT, find_member (loader, root, member),
            _("“%s” must be an array"), member);
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      fail (loader, error, PNL_BANK_ERROR_INVALID, find_member (loader, root, member),
            _("“%s” is empty"), member);
      return NULL;
    }

  return array;
}

static gboolean
read_areas (Loader      *loader,
            JsonObject  *root,
            GError     **error)
{
  PnlBank *self = loader->bank;
  JsonArray *array;

  if (!(array = require_array (loader, root, "areas", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(PnlArea) area = NULL;
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (loader, error, PNL_BANK_ERROR_FORMAT, find_member (loader, root, "areas"),
                     _("area %u must be an object"), i + 1);

      object = json_node_get_object (node);

      if (!read_string (loader, object, "id", TRUE, &id, error))
        return FALSE;
      if (!pnl_str_is_identifier (id))
        return fail (loader, error, PNL_BANK_ERROR_INVALID, find_member (loader, object, "id"),
                     _("the area id “%s” may hold only letters, digits, “.”, “-” and “_”"), id);
      if (g_hash_table_contains (self->areas_by_id, id))
        return fail (loader, error, PNL_BANK_ERROR_DUPLICATE, find_member (loader, object, "id"),
                     _("there is more than one area with the id “%s”"), id);
      if (!read_string (loader, object, "title", TRUE, &title, error) ||
          !read_string (loader, object, "description", FALSE, &description, error))
        return FALSE;

      area = pnl_area_new (id, title, description);
      g_list_store_append (self->areas, area);
      g_hash_table_insert (self->areas_by_id, (char *)pnl_area_get_id (area), area);
    }

  return TRUE;
}

static gboolean
read_questions (Loader      *loader,
                JsonObject  *root,
                GError     **error)
{
  PnlBank *self = loader->bank;
  JsonArray *array;

  if (!(array = require_array (loader, root, "questions", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(PnlQuestion) question = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GArray) anchors = NULL;
      const char *bad_member = NULL;
      JsonObject *object;
      JsonNode *id_node;
      const char *id;
      g_autofree char *subject = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (loader, error, PNL_BANK_ERROR_FORMAT, find_member (loader, root, "questions"),
                     _("question %u must be an object"), i + 1);

      object = json_node_get_object (node);

      /* Name the question by its id where it has a usable one. */
      id_node = json_object_get_member (object, "id");
      if (id_node != NULL && json_node_get_value_type (id_node) == G_TYPE_STRING &&
          !pnl_str_is_blank (json_node_get_string (id_node)))
        /* Translators: names a question in an error message, followed by what is
         * wrong with it; %s is the question's id */
        subject = g_strdup_printf (_("question “%s”"), json_node_get_string (id_node));
      else
        /* Translators: names a question in an error message, followed by what is
         * wrong with it; %u is its position in the bank */
        subject = g_strdup_printf (_("question %u"), i + 1);

      if (!(question = _pnl_question_parse (object, &bad_member, &local_error)))
        {
          PnlBankError code;

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            code = PNL_BANK_ERROR_MISSING;
          else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
            code = PNL_BANK_ERROR_FORMAT;
          else
            code = PNL_BANK_ERROR_INVALID;

          /* Translators: a question of a bank, then what is wrong with it */
          return fail (loader, error, code, find_member (loader, object, bad_member),
                       _("%s: %s"), subject, local_error->message);
        }

      id = pnl_question_get_id (question);

      if (g_hash_table_contains (self->questions_by_id, id))
        return fail (loader, error, PNL_BANK_ERROR_DUPLICATE, find_member (loader, object, "id"),
                     _("there is more than one question with the id “%s”"), id);

      if (!g_hash_table_contains (self->areas_by_id, pnl_question_get_area_id (question)))
        return fail (loader, error, PNL_BANK_ERROR_INVALID, find_member (loader, object, "area"),
                     _("%s: the area “%s” is not one of the bank’s areas"),
                     subject, pnl_question_get_area_id (question));

      anchors = _pnl_question_get_anchor_values (question);
      for (guint j = 0; j < anchors->len; j++)
        {
          int value = g_array_index (anchors, int, j);

          if (pnl_scale_find (self->scale, value) < 0)
            return fail (loader, error, PNL_BANK_ERROR_INVALID,
                         find_member (loader, object, "anchors"),
                         _("%s: there is an anchor for %d, which is not a value of the scale"),
                         subject, value);
        }

      g_list_store_append (self->questions, question);
      g_hash_table_insert (self->questions_by_id, (char *)id, question);
    }

  return TRUE;
}

PnlBank *
pnl_bank_new_from_bytes (GBytes      *bytes,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(PnlJsonDoc) doc = NULL;
  g_autoptr(PnlBank) self = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader loader = { 0 };
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(doc = pnl_json_doc_new (bytes, name, &local_error)))
    {
      g_set_error_literal (error, PNL_BANK_ERROR, PNL_BANK_ERROR_SYNTAX, local_error->message);
      return NULL;
    }

  self = g_object_new (PNL_TYPE_BANK, NULL);
  self->source = g_strdup (name);

  loader.doc = doc;
  loader.bank = self;

  root = pnl_json_doc_get_root (doc);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_FORMAT,
                   _("%s: this is not a Panelist question bank: it must be a JSON object"),
                   name);
      return NULL;
    }

  if (!read_header (&loader, json_node_get_object (root), error) ||
      !read_scale (&loader, json_node_get_object (root), error) ||
      !read_areas (&loader, json_node_get_object (root), error) ||
      !read_questions (&loader, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Why a file of @mode is not read, or NULL for a regular file. */
static const char *
describe_special (mode_t mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISDIR (mode))
    return _("this is a folder, not a file");
  if (S_ISFIFO (mode))
    return _("this is a named pipe, not a file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("this is a device, not a file");
  if (S_ISSOCK (mode))
    return _("this is a socket, not a file");

  return _("this is not a regular file");
}

static void
set_too_big (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("the file is larger than %u MiB, the most a bank may be"),
               (guint) (PNL_BANK_MAX_SIZE / (1024 * 1024)));
}

/* Reads at most PNL_BANK_MAX_SIZE + 1 bytes of the regular file at
 * @path.  It is opened without blocking (a pipe with no writer would
 * block open() for ever) and checked after opening, so that nothing
 * swapped in between a look at the folder and the open is waited on. */
static GBytes *
load_regular_file (const char  *path,
                   GError     **error)
{
  g_autofree char *buffer = NULL;
  const char *special;
  struct stat st;
  gsize capacity;
  gsize length = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      close (fd);
      return NULL;
    }

  if ((special = describe_special (st.st_mode)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, special);
      close (fd);
      return NULL;
    }

  if (st.st_size > PNL_BANK_MAX_SIZE)
    {
      set_too_big (error);
      close (fd);
      return NULL;
    }

  /* The size may change while it is read: never more than one byte past
   * the limit, which tells a file that grew too big. */
  capacity = (gsize) st.st_size + 1;
  buffer = g_malloc (capacity);
  while (length < PNL_BANK_MAX_SIZE + 1)
    {
      gssize n;

      if (length == capacity)
        {
          capacity = MIN (capacity * 2, (gsize) PNL_BANK_MAX_SIZE + 1);
          buffer = g_realloc (buffer, capacity);
        }

      n = read (fd, buffer + length, capacity - length);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          close (fd);
          return NULL;
        }

      if (n == 0)
        break;

      length += n;
    }
  close (fd);

  if (length > PNL_BANK_MAX_SIZE)
    {
      set_too_big (error);
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (length, 1)), length);
}

/* The same for a file with no local path, through GIO. */
static GBytes *
load_stream (GFile   *file,
             GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("this is not a regular file"));
      return NULL;
    }

  if (!(stream = g_file_read (file, NULL, error)))
    return NULL;

  buffer = g_malloc (PNL_BANK_MAX_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, PNL_BANK_MAX_SIZE + 1,
                                &length, NULL, error))
    return NULL;

  if (length > PNL_BANK_MAX_SIZE)
    {
      set_too_big (error);
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (length, 1)), length);
}

PnlBank *
pnl_bank_new_from_file (GFile   *file,
                        GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  path = g_file_peek_path (file);

  if (path != NULL)
    bytes = load_regular_file (path, &local_error);
  else
    bytes = load_stream (file, &local_error);

  if (bytes == NULL)
    {
      /* Translators: a file, then what is wrong with it */
      g_set_error (error, PNL_BANK_ERROR, PNL_BANK_ERROR_IO,
                   _("%s: %s"), name, local_error->message);
      return NULL;
    }

  return pnl_bank_new_from_bytes (bytes, name, error);
}

const char *
pnl_bank_get_source (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return self->source;
}

const char *
pnl_bank_get_id (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return self->id;
}

guint
pnl_bank_get_revision (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), 0);

  return self->revision;
}

const char *
pnl_bank_get_title (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return self->title;
}

const char *
pnl_bank_get_role (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return self->role;
}

const char *
pnl_bank_get_language (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return self->language;
}

const char *
pnl_bank_get_description (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return self->description;
}

PnlScale *
pnl_bank_get_scale (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return self->scale;
}

GListModel *
pnl_bank_get_areas (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return G_LIST_MODEL (self->areas);
}

GListModel *
pnl_bank_get_questions (PnlBank *self)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);

  return G_LIST_MODEL (self->questions);
}

PnlArea *
pnl_bank_find_area (PnlBank    *self,
                    const char *area_id)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);
  g_return_val_if_fail (area_id != NULL, NULL);

  return g_hash_table_lookup (self->areas_by_id, area_id);
}

PnlQuestion *
pnl_bank_find_question (PnlBank    *self,
                        const char *question_id)
{
  g_return_val_if_fail (PNL_IS_BANK (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->questions_by_id, question_id);
}
