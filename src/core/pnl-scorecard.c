/* pnl-scorecard.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-scorecard"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pnl-answer.h"
#include "pnl-interview.h"
#include "pnl-json-private.h"
#include "pnl-question-private.h"
#include "pnl-scale-private.h"
#include "pnl-scorecard.h"
#include "pnl-utils.h"

/* The file's spellings of the answer flags, in the order written. */
static const struct {
  PnlAnswerFlags  flag;
  const char     *nick;
} flag_spellings[] = {
  { PNL_ANSWER_FLAGS_FOLLOW_UP, "follow-up" },
  { PNL_ANSWER_FLAGS_RED_FLAG, "red-flag" },
  { PNL_ANSWER_FLAGS_HIGHLIGHT, "highlight" },
};

struct _PnlScorecard
{
  GObject       parent_instance;

  /* Owned references */
  PnlInterview *interview;
  GListModel   *answers;
};

enum {
  PROP_0,
  PROP_INTERVIEW,
  PROP_ANSWERS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PnlScorecard, pnl_scorecard, G_TYPE_OBJECT)

G_DEFINE_QUARK (pnl-scorecard-error-quark, pnl_scorecard_error)

static GParamSpec *properties[N_PROPS];

static void
pnl_scorecard_dispose (GObject *object)
{
  PnlScorecard *self = (PnlScorecard *)object;

  g_clear_object (&self->interview);
  g_clear_object (&self->answers);

  G_OBJECT_CLASS (pnl_scorecard_parent_class)->dispose (object);
}

static void
pnl_scorecard_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PnlScorecard *self = PNL_SCORECARD (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW:
      g_value_set_object (value, self->interview);
      break;

    case PROP_ANSWERS:
      g_value_set_object (value, self->answers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_scorecard_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PnlScorecard *self = PNL_SCORECARD (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW:
      self->interview = g_value_dup_object (value);
      break;

    case PROP_ANSWERS:
      self->answers = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pnl_scorecard_class_init (PnlScorecardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pnl_scorecard_dispose;
  object_class->get_property = pnl_scorecard_get_property;
  object_class->set_property = pnl_scorecard_set_property;

  properties[PROP_INTERVIEW] =
    g_param_spec_object ("interview", NULL, NULL,
                         PNL_TYPE_INTERVIEW,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWERS] =
    g_param_spec_object ("answers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pnl_scorecard_init (PnlScorecard *self)
{
}

/**
 * pnl_scorecard_new:
 * @interview: a #PnlInterview
 * @answers: a #GListModel of #PnlAnswer, in the interview's order
 *
 * Returns: (transfer full): a new #PnlScorecard
 */
PnlScorecard *
pnl_scorecard_new (PnlInterview *interview,
                   GListModel   *answers)
{
  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (answers), NULL);

  return g_object_new (PNL_TYPE_SCORECARD,
                       "interview", interview,
                       "answers", answers,
                       NULL);
}

PnlInterview *
pnl_scorecard_get_interview (PnlScorecard *self)
{
  g_return_val_if_fail (PNL_IS_SCORECARD (self), NULL);

  return self->interview;
}

GListModel *
pnl_scorecard_get_answers (PnlScorecard *self)
{
  g_return_val_if_fail (PNL_IS_SCORECARD (self), NULL);

  return self->answers;
}

/* Writing -------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          GDateTime   *time)
{
  json_builder_set_member_name (builder, member);

  if (time == NULL)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      /* %C%y, not %Y: ISO 8601 wants four digits for a year before 1000
       * too, and the reader wants ISO 8601. */
      g_autofree char *text = g_date_time_format (utc, "%C%y-%m-%dT%H:%M:%SZ");

      json_builder_add_string_value (builder, text);
    }
}

static gboolean
add_answer (JsonBuilder  *builder,
            PnlAnswer    *answer,
            GError      **error)
{
  PnlQuestion *question = pnl_answer_get_question (answer);
  PnlAnswerFlags flags = pnl_answer_get_flags (answer);
  int score = pnl_answer_get_score (answer);

  if (question == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("An answer without its question cannot be written."));
      return FALSE;
    }

  json_builder_begin_object (builder);
  add_string (builder, "question_id", pnl_question_get_id (question));
  add_string (builder, "area_id", pnl_question_get_area_id (question));
  add_string (builder, "area", pnl_answer_get_area_title (answer));
  add_string (builder, "kind", pnl_question_kind_to_string (pnl_question_get_kind (question)));
  add_string (builder, "level", pnl_question_level_to_string (pnl_question_get_level (question)));
  add_string (builder, "prompt", pnl_question_get_prompt (question));
  add_boolean (builder, "asked", pnl_answer_get_asked (answer));

  json_builder_set_member_name (builder, "score");
  if (score > 0)
    json_builder_add_int_value (builder, score);
  else
    json_builder_add_null_value (builder);

  add_string (builder, "notes", pnl_answer_get_notes (answer));

  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (flag_spellings); i++)
    {
      if (flags & flag_spellings[i].flag)
        json_builder_add_string_value (builder, flag_spellings[i].nick);
    }
  json_builder_end_array (builder);

  add_int (builder, "seconds", pnl_answer_get_seconds (answer));
  add_boolean (builder, "custom", pnl_answer_get_custom (answer));

  json_builder_set_member_name (builder, "question");
  json_builder_add_value (builder, pnl_question_to_json (question));

  json_builder_end_object (builder);

  return TRUE;
}

/* Adds one scorecard object to @builder; @header says whether it
 * carries "format" and "version" (a bundle's members do not). */
static gboolean
add_scorecard (JsonBuilder   *builder,
               PnlInterview  *interview,
               GListModel    *answers,
               gboolean       header,
               GError       **error)
{
  PnlRecommendation recommendation;
  guint n_answers;

  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (answers), FALSE);

  if (!g_uuid_string_is_valid (pnl_interview_get_uuid (interview)) ||
      pnl_interview_get_scale (interview) == NULL ||
      pnl_interview_get_started_at (interview) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The interview cannot be written: it has no UUID, "
                             "no rating scale or no start time."));
      return FALSE;
    }

  json_builder_begin_object (builder);

  if (header)
    {
      add_string (builder, "format", PNL_SCORECARD_FORMAT);
      add_int (builder, "version", PNL_SCORECARD_FORMAT_VERSION);
    }

  add_string (builder, "uuid", pnl_interview_get_uuid (interview));
  add_int (builder, "revision", pnl_interview_get_revision (interview));

  json_builder_set_member_name (builder, "candidate");
  json_builder_begin_object (builder);
  add_string (builder, "name", pnl_interview_get_candidate_name (interview));
  add_string (builder, "reference", pnl_interview_get_candidate_reference (interview));
  json_builder_end_object (builder);

  add_string (builder, "role", pnl_interview_get_role (interview));
  add_string (builder, "round", pnl_interview_get_round (interview));
  add_string (builder, "interviewer", pnl_interview_get_interviewer (interview));
  /* Only when known: a scorecard read from a file without it is
   * written back as it was. */
  if (*pnl_interview_get_origin (interview) != '\0')
    add_string (builder, "origin", pnl_interview_get_origin (interview));

  json_builder_set_member_name (builder, "bank");
  json_builder_begin_object (builder);
  add_string (builder, "id", pnl_interview_get_bank_id (interview));
  add_int (builder, "version", pnl_interview_get_bank_revision (interview));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "scale");
  json_builder_add_value (builder, pnl_scale_to_json (pnl_interview_get_scale (interview)));

  add_time (builder, "started_at", pnl_interview_get_started_at (interview));
  add_time (builder, "ended_at", pnl_interview_get_ended_at (interview));
  add_string (builder, "state", pnl_interview_state_to_string (pnl_interview_get_state (interview)));

  recommendation = pnl_interview_get_recommendation (interview);
  json_builder_set_member_name (builder, "recommendation");
  if (recommendation == PNL_RECOMMENDATION_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, pnl_recommendation_to_string (recommendation));

  add_string (builder, "summary", pnl_interview_get_summary (interview));

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  n_answers = g_list_model_get_n_items (answers);
  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(PnlAnswer) answer = g_list_model_get_item (answers, i);

      if (!add_answer (builder, answer, error))
        return FALSE;
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return TRUE;
}

/**
 * pnl_scorecard_write:
 * @interview: a #PnlInterview
 * @answers: a #GListModel of its #PnlAnswer, in order
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the JSON text of one scorecard, or %NULL
 *   with @error set when @interview lacks its UUID, scale or start time
 */
char *
pnl_scorecard_write (PnlInterview  *interview,
                     GListModel    *answers,
                     GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PNL_IS_INTERVIEW (interview), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (answers), NULL);

  if (!add_scorecard (builder, interview, answers, TRUE, error))
    return NULL;

  root = json_builder_get_root (builder);

  return pnl_json_to_pretty_string (root);
}

char *
pnl_scorecard_to_string (PnlScorecard  *self,
                         GError       **error)
{
  g_return_val_if_fail (PNL_IS_SCORECARD (self), NULL);

  return pnl_scorecard_write (self->interview, self->answers, error);
}

/**
 * pnl_scorecard_write_many:
 * @scorecards: (element-type PnlScorecard): the scorecards
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the JSON text of a bundle, or %NULL with
 *   @error set
 */
char *
pnl_scorecard_write_many (GPtrArray  *scorecards,
                          GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (scorecards != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", PNL_SCORECARDS_FORMAT);
  add_int (builder, "version", PNL_SCORECARD_FORMAT_VERSION);
  json_builder_set_member_name (builder, "scorecards");
  json_builder_begin_array (builder);

  for (guint i = 0; i < scorecards->len; i++)
    {
      PnlScorecard *card = g_ptr_array_index (scorecards, i);

      g_return_val_if_fail (PNL_IS_SCORECARD (card), NULL);

      if (!add_scorecard (builder, card->interview, card->answers, FALSE, error))
        return NULL;
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return pnl_json_to_pretty_string (root);
}

/* Reading -------------------------------------------------------------- */

G_GNUC_PRINTF (5, 6)
static gboolean
fail (PnlJsonDoc         *doc,
      GError            **error,
      PnlScorecardError   code,
      PnlJsonPosition     pos,
      const char         *format,
      ...)
{
  va_list args;
  gboolean ret;

  va_start (args, format);
  ret = pnl_json_doc_fail_valist (doc, error, PNL_SCORECARD_ERROR, code, pos, format, args);
  va_end (args);

  return ret;
}

static PnlJsonPosition
at (PnlJsonDoc *doc,
    JsonObject *object,
    const char *member)
{
  return pnl_json_doc_find_member (doc, object, member);
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* Text: absent or null reads as "" unless @required; a required value
 * must not be blank. */
static gboolean
read_string (PnlJsonDoc  *doc,
             JsonObject  *object,
             const char  *member,
             gboolean     required,
             char       **out,
             GError     **error)
{
  PnlJsonErrorCodes codes = {
    PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_MISSING,
    PNL_SCORECARD_ERROR_FORMAT, PNL_SCORECARD_ERROR_INVALID,
  };

  return pnl_json_doc_read_string (doc, &codes, object, member, required, out, error);
}

static gboolean
read_int (PnlJsonDoc  *doc,
          JsonObject  *object,
          const char  *member,
          gboolean     required,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (is_null (node))
    {
      if (required)
        return fail (doc, error, PNL_SCORECARD_ERROR_MISSING, at (doc, object, NULL),
                     _("the key “%s” is missing"), member);

      *out = min;
      return TRUE;
    }

  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      const char *number = pnl_json_doc_get_number_text (doc, object, member);

      if (number != NULL)
        return fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, member),
                     /* Translators: %s is a number as the file writes it, such as 1e30 */
                     _("“%s” must be a whole number, not %s"), member, number);

      return fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, member),
                   _("“%s” must be a whole number"), member);
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      return fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, member),
                   _("“%s” is %s; it must lie between %s and %s"),
                   member, number, low, high);
    }

  *out = value;

  return TRUE;
}

static gboolean
read_boolean (PnlJsonDoc  *doc,
              JsonObject  *object,
              const char  *member,
              gboolean    *out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (is_null (node))
    {
      *out = FALSE;
      return TRUE;
    }

  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, member),
                 _("“%s” must be true or false"), member);

  *out = json_node_get_boolean (node);

  return TRUE;
}

static JsonObject *
read_object (PnlJsonDoc  *doc,
             JsonObject  *object,
             const char  *member,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (is_null (node))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_MISSING, at (doc, object, NULL),
            _("the key “%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, member),
            _("“%s” must be an object"), member);
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonArray *
read_array (PnlJsonDoc  *doc,
            JsonObject  *object,
            const char  *member,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (is_null (node))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_MISSING, at (doc, object, NULL),
            _("the key “%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, member),
            _("“%s” must be an array"), member);
      return NULL;
    }

  return json_node_get_array (node);
}

/* An ISO 8601 time with a zone ("2026-11-24T16:08:34Z"), kept in UTC
 * to the second; null when @nullable. */
static gboolean
read_time (PnlJsonDoc  *doc,
           JsonObject  *object,
           const char  *member,
           gboolean     nullable,
           GDateTime  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GDateTime) parsed = NULL;

  if (is_null (node))
    {
      if (!nullable)
        return fail (doc, error, PNL_SCORECARD_ERROR_MISSING, at (doc, object, NULL),
                     _("the key “%s” is missing"), member);

      *out = NULL;
      return TRUE;
    }

  if (json_node_get_value_type (node) != G_TYPE_STRING ||
      !(parsed = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL)))
    return fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, member),
                 _("“%s” must be a time in ISO 8601 form with its zone, "
                   "such as “2026-11-24T16:08:34Z”"),
                 member);

  *out = g_date_time_new_from_unix_utc (g_date_time_to_unix (parsed));

  return TRUE;
}

/* "format" and "version".  A bundle's members may leave them out
 * (@required FALSE); when there they must be right. */
static gboolean
read_header (PnlJsonDoc  *doc,
             JsonObject  *object,
             const char  *expected,
             gboolean     required,
             GError     **error)
{
  JsonNode *node;
  gint64 version;

  node = json_object_get_member (object, "format");
  if (node == NULL && !required)
    return TRUE;

  if (node == NULL ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), expected) != 0)
    return fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, "format"),
                 _("this is not a Panelist scorecard: “format” must be “%s”"),
                 expected);

  node = json_object_get_member (object, "version");
  if (node == NULL)
    return fail (doc, error, PNL_SCORECARD_ERROR_MISSING, at (doc, object, NULL),
                 _("the key “%s” is missing"), "version");
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      const char *number = pnl_json_doc_get_number_text (doc, object, "version");

      if (number != NULL)
        return fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, "version"),
                     _("“%s” must be a whole number, not %s"), "version", number);

      return fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, "version"),
                   _("“version” must be a whole number"));
    }

  version = json_node_get_int (node);
  if (version > PNL_SCORECARD_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      return fail (doc, error, PNL_SCORECARD_ERROR_NEWER, at (doc, object, "version"),
                   _("this file was written by a newer Panelist (format version %s; "
                     "this one reads %d)"),
                   number, PNL_SCORECARD_FORMAT_VERSION);
    }
  if (version < 1)
    return fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "version"),
                 _("“version” must be 1 or more"));

  return TRUE;
}

static gboolean
read_flags (PnlJsonDoc      *doc,
            JsonObject      *object,
            PnlAnswerFlags  *out,
            GError         **error)
{
  JsonArray *array;

  *out = PNL_ANSWER_FLAGS_NONE;

  if (is_null (json_object_get_member (object, "flags")))
    return TRUE;

  if (!(array = read_array (doc, object, "flags", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *nick = NULL;
      gboolean found = FALSE;

      if (json_node_get_value_type (element) == G_TYPE_STRING)
        nick = json_node_get_string (element);

      for (guint j = 0; nick != NULL && j < G_N_ELEMENTS (flag_spellings); j++)
        {
          if (g_str_equal (nick, flag_spellings[j].nick))
            {
              *out |= flag_spellings[j].flag;
              found = TRUE;
            }
        }

      if (!found)
        return fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "flags"),
                     /* Translators: the words after “one of” are spelled as in the file:
                      * keep them as they are */
                     _("flag %u is not one of follow-up, red-flag, highlight"), i + 1);
    }

  return TRUE;
}

/* The flat copy of a question's fields must say what its snapshot says. */
static gboolean
check_same (PnlJsonDoc  *doc,
            JsonObject  *object,
            const char  *member,
            const char  *flat,
            const char  *snapshot,
            GError     **error)
{
  if (g_strcmp0 (flat, snapshot) == 0)
    return TRUE;

  return fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, member),
               _("“%s” does not match the copy of the question in “question”"), member);
}

static PnlAnswer *
read_answer (PnlJsonDoc  *doc,
             JsonObject  *object,
             PnlScale    *scale,
             guint        position,
             GError     **error)
{
  g_autoptr(PnlQuestion) question = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autofree char *question_id = NULL;
  g_autofree char *area_id = NULL;
  g_autofree char *area = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *level = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *subject = NULL;
  const char *bad_member = NULL;
  PnlQuestionKind kind_value;
  PnlQuestionLevel level_value;
  PnlAnswerFlags flags;
  JsonObject *snapshot;
  JsonNode *node;
  gboolean asked;
  gboolean custom;
  gint64 score = 0;
  gint64 seconds;

  if (!read_string (doc, object, "question_id", TRUE, &question_id, error))
    return NULL;

  if (!pnl_str_is_identifier (question_id))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "question_id"),
            _("the question id “%s” may hold only letters, digits, “.”, “-” and “_”"),
            question_id);
      return NULL;
    }

  /* Translators: names an answer in an error message, followed by what is
   * wrong with it; %s is the question's id */
  subject = g_strdup_printf (_("answer to “%s”"), question_id);

  if (!read_string (doc, object, "area_id", TRUE, &area_id, error) ||
      !read_string (doc, object, "area", FALSE, &area, error) ||
      !read_string (doc, object, "kind", TRUE, &kind, error) ||
      !read_string (doc, object, "level", TRUE, &level, error) ||
      !read_string (doc, object, "prompt", TRUE, &prompt, error) ||
      !read_boolean (doc, object, "asked", &asked, error) ||
      !read_string (doc, object, "notes", FALSE, &notes, error) ||
      !read_flags (doc, object, &flags, error) ||
      !read_int (doc, object, "seconds", FALSE, 0, G_MAXUINT, &seconds, error) ||
      !read_boolean (doc, object, "custom", &custom, error))
    return NULL;

  if (!pnl_question_kind_from_string (kind, &kind_value))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "kind"),
            /* Translators: %s names the answer; the words after “one of” are spelled as in the file:
             * keep them as they are */
            _("%s: the kind “%s” is not one of technical, behavioural, situational, "
              "competency, culture, candidate-asks"),
            subject, kind);
      return NULL;
    }

  if (!pnl_question_level_from_string (level, &level_value))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "level"),
            /* Translators: %s names the answer; the words after “one of” are spelled as in the file:
             * keep them as they are */
            _("%s: the level “%s” is not one of entry, experienced, senior"),
            subject, level);
      return NULL;
    }

  node = json_object_get_member (object, "score");
  if (!is_null (node))
    {
      if (json_node_get_value_type (node) != G_TYPE_INT64)
        {
          const char *number = pnl_json_doc_get_number_text (doc, object, "score");

          if (number != NULL)
            fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, "score"),
                  /* Translators: the first %s names the answer, the second is a number
                   * as the file writes it, such as 2.5 */
                  _("%s: “score” must be a whole number or null, not %s"), subject, number);
          else
            fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, "score"),
                  _("%s: “score” must be a whole number or null"), subject);
          return NULL;
        }

      score = json_node_get_int (node);
      if (score < G_MININT || score > G_MAXINT || pnl_scale_find (scale, (int)score) < 0)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, score);

          fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "score"),
                _("%s: the score %s is not a value of the scale (use null for no score)"),
                subject, number);
          return NULL;
        }
    }

  if (!(snapshot = read_object (doc, object, "question", error)))
    return NULL;

  if (!(question = _pnl_question_parse (snapshot, &bad_member, &local_error)))
    {
      PnlScorecardError code;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        code = PNL_SCORECARD_ERROR_MISSING;
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        code = PNL_SCORECARD_ERROR_FORMAT;
      else
        code = PNL_SCORECARD_ERROR_INVALID;

      fail (doc, error, code, at (doc, snapshot, bad_member),
            _("%s: its copy of the question is broken: %s"), subject, local_error->message);
      return NULL;
    }

  if (!check_same (doc, object, "question_id", question_id, pnl_question_get_id (question), error) ||
      !check_same (doc, object, "area_id", area_id, pnl_question_get_area_id (question), error) ||
      !check_same (doc, object, "kind", kind,
                   pnl_question_kind_to_string (pnl_question_get_kind (question)), error) ||
      !check_same (doc, object, "level", level,
                   pnl_question_level_to_string (pnl_question_get_level (question)), error) ||
      !check_same (doc, object, "prompt", prompt, pnl_question_get_prompt (question), error))
    return NULL;

  anchors = _pnl_question_get_anchor_values (question);
  for (guint i = 0; i < anchors->len; i++)
    {
      int value = g_array_index (anchors, int, i);

      if (pnl_scale_find (scale, value) < 0)
        {
          fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, snapshot, "anchors"),
                _("%s: there is an anchor for %d, which is not a value of the scale"),
                subject, value);
          return NULL;
        }
    }

  /* Panelist keeps only the id, area and prompt of a question typed
   * during an interview; read it back the way the database will. */
  if (custom)
    {
      g_clear_object (&question);
      question = pnl_question_new_custom (question_id, area_id, prompt);
    }

  return g_object_new (PNL_TYPE_ANSWER,
                       "position", position,
                       "question", question,
                       "area-title", pnl_str_is_blank (area) ? area_id : area,
                       "custom", custom,
                       "asked", asked,
                       "score", (int)score,
                       "notes", notes,
                       "flags", flags,
                       "seconds", (guint)seconds,
                       NULL);
}

static PnlScale *
read_scale (PnlJsonDoc  *doc,
            JsonObject  *object,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_object_get_member (object, "scale");
  PnlScale *scale;
  PnlJsonPosition pos;
  int bad_index;

  if (is_null (node))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_MISSING, at (doc, object, NULL),
            _("the key “%s” is missing"), "scale");
      return NULL;
    }

  if ((scale = _pnl_scale_parse (node, &bad_index, &local_error)))
    return scale;

  pos = at (doc, object, "scale");
  if (bad_index >= 0 && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonNode *level = json_array_get_element (json_node_get_array (node), bad_index);

      if (JSON_NODE_HOLDS_OBJECT (level))
        pos = pnl_json_doc_find_container (doc, json_node_get_object (level));
    }

  fail (doc, error, PNL_SCORECARD_ERROR_INVALID, pos,
        _("broken scale: %s"), local_error->message);
  return NULL;
}

static PnlScorecard *
read_scorecard (PnlJsonDoc  *doc,
                JsonObject  *object,
                gboolean     in_bundle,
                GError     **error)
{
  g_autoptr(PnlInterview) interview = NULL;
  g_autoptr(GListStore) answers = NULL;
  g_autoptr(GHashTable) question_ids = NULL;
  g_autoptr(PnlScale) scale = NULL;
  g_autoptr(GDateTime) started_at = NULL;
  g_autoptr(GDateTime) ended_at = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *role = NULL;
  g_autofree char *round = NULL;
  g_autofree char *interviewer = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *bank_id = NULL;
  g_autofree char *state = NULL;
  g_autofree char *summary = NULL;
  PnlRecommendation recommendation = PNL_RECOMMENDATION_NONE;
  PnlInterviewState state_value;
  JsonObject *candidate;
  JsonObject *bank;
  JsonArray *array;
  JsonNode *node;
  gint64 revision;
  gint64 bank_version;

  if (in_bundle &&
      !read_header (doc, object, PNL_SCORECARD_FORMAT, FALSE, error))
    return NULL;

  if (!read_string (doc, object, "uuid", TRUE, &uuid, error))
    return NULL;
  if (!g_uuid_string_is_valid (uuid))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "uuid"),
            _("“uuid” must be a UUID such as “1c4fa5a2-7d0b-4d5e-9b8e-2f0c6a1d3e47”"));
      return NULL;
    }
  /* One spelling, so that copies of one interview always meet. */
  lower = g_ascii_strdown (uuid, -1);
  g_free (uuid);
  uuid = g_steal_pointer (&lower);

  if (!read_int (doc, object, "revision", TRUE, 1, PNL_INTERVIEW_REVISION_MAX, &revision, error))
    return NULL;

  if (!(candidate = read_object (doc, object, "candidate", error)) ||
      !read_string (doc, candidate, "name", TRUE, &name, error) ||
      !read_string (doc, candidate, "reference", FALSE, &reference, error) ||
      !read_string (doc, object, "role", FALSE, &role, error) ||
      !read_string (doc, object, "round", FALSE, &round, error) ||
      !read_string (doc, object, "interviewer", FALSE, &interviewer, error) ||
      !read_string (doc, object, "origin", FALSE, &origin, error))
    return NULL;
  if (*origin != '\0')
    {
      if (!g_uuid_string_is_valid (origin))
        {
          fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "origin"),
                _("“origin” must be a UUID such as “1c4fa5a2-7d0b-4d5e-9b8e-2f0c6a1d3e47”"));
          return NULL;
        }
      lower = g_ascii_strdown (origin, -1);
      g_free (origin);
      origin = g_steal_pointer (&lower);
    }

  if (!(bank = read_object (doc, object, "bank", error)) ||
      !read_string (doc, bank, "id", TRUE, &bank_id, error) ||
      !read_int (doc, bank, "version", TRUE, 1, G_MAXUINT, &bank_version, error))
    return NULL;
  if (!pnl_str_is_identifier (bank_id))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, bank, "id"),
            _("the bank id “%s” may hold only letters, digits, “.”, “-” and “_”"), bank_id);
      return NULL;
    }

  if (!(scale = read_scale (doc, object, error)) ||
      !read_time (doc, object, "started_at", FALSE, &started_at, error) ||
      !read_time (doc, object, "ended_at", TRUE, &ended_at, error))
    return NULL;

  if (!read_string (doc, object, "state", TRUE, &state, error))
    return NULL;
  if (!pnl_interview_state_from_string (state, &state_value))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "state"),
            /* Translators: the words after “one of” are spelled as in the file:
             * keep them as they are */
            _("the state “%s” is not one of in-progress, submitted"), state);
      return NULL;
    }

  node = json_object_get_member (object, "recommendation");
  if (!is_null (node) &&
      (json_node_get_value_type (node) != G_TYPE_STRING ||
       !pnl_recommendation_from_string (json_node_get_string (node), &recommendation) ||
       recommendation == PNL_RECOMMENDATION_NONE))
    {
      fail (doc, error, PNL_SCORECARD_ERROR_INVALID, at (doc, object, "recommendation"),
            /* Translators: “recommendation” and the words after “one of” are spelled as
             * in the file: keep them as they are */
            _("“recommendation” must be one of strong-no, no, yes, strong-yes, or null"));
      return NULL;
    }

  if (!read_string (doc, object, "summary", FALSE, &summary, error))
    return NULL;

  if (!(array = read_array (doc, object, "answers", error)))
    return NULL;

  answers = g_list_store_new (PNL_TYPE_ANSWER);
  question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(PnlAnswer) answer = NULL;
      JsonObject *answer_object;
      const char *question_id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, "answers"),
                _("answer %u must be an object"), i + 1);
          return NULL;
        }

      answer_object = json_node_get_object (element);
      if (!(answer = read_answer (doc, answer_object, scale, i, error)))
        return NULL;

      question_id = pnl_question_get_id (pnl_answer_get_question (answer));
      if (!g_hash_table_add (question_ids, g_strdup (question_id)))
        {
          fail (doc, error, PNL_SCORECARD_ERROR_DUPLICATE, at (doc, answer_object, "question_id"),
                _("there is more than one answer to the question “%s”"), question_id);
          return NULL;
        }

      g_list_store_append (answers, answer);
    }

  interview = g_object_new (PNL_TYPE_INTERVIEW,
                            "uuid", uuid,
                            "revision", revision,
                            "candidate-name", name,
                            "candidate-reference", reference,
                            "role", role,
                            "round", round,
                            "interviewer", interviewer,
                            "origin", origin,
                            "bank-id", bank_id,
                            "bank-revision", (guint)bank_version,
                            "scale", scale,
                            "started-at", started_at,
                            "updated-at", ended_at ? ended_at : started_at,
                            "ended-at", ended_at,
                            "state", state_value,
                            "recommendation", recommendation,
                            "summary", summary,
                            NULL);

  return pnl_scorecard_new (interview, G_LIST_MODEL (answers));
}

/**
 * pnl_scorecard_read:
 * @bytes: the file's contents
 * @name: what messages call the file
 * @error: a location for a #GError
 *
 * Reads one scorecard or a bundle of them.  Every error names @name,
 * and the line and column of the problem when there is one; a bundle
 * with one broken scorecard gives nothing.
 *
 * Returns: (transfer container) (element-type PnlScorecard): the
 *   scorecards, in the file's order, or %NULL with @error set
 */
GPtrArray *
pnl_scorecard_read (GBytes      *bytes,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(PnlJsonDoc) doc = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) uuids = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *format;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(doc = pnl_json_doc_new (bytes, name, &local_error)))
    {
      g_set_error_literal (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_SYNTAX,
                           local_error->message);
      return NULL;
    }

  root = pnl_json_doc_get_root (doc);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_FORMAT,
                   _("%s: this is not a Panelist scorecard: it must be a JSON object"),
                   name);
      return NULL;
    }

  object = json_node_get_object (root);
  cards = g_ptr_array_new_with_free_func (g_object_unref);
  format = json_object_get_member (object, "format");

  if (format != NULL &&
      json_node_get_value_type (format) == G_TYPE_STRING &&
      g_strcmp0 (json_node_get_string (format), PNL_SCORECARDS_FORMAT) == 0)
    {
      JsonArray *array;

      if (!read_header (doc, object, PNL_SCORECARDS_FORMAT, TRUE, error) ||
          !(array = read_array (doc, object, "scorecards", error)))
        return NULL;

      uuids = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          PnlScorecard *card;
          const char *uuid;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              fail (doc, error, PNL_SCORECARD_ERROR_FORMAT, at (doc, object, "scorecards"),
                    _("scorecard %u must be an object"), i + 1);
              return NULL;
            }

          if (!(card = read_scorecard (doc, json_node_get_object (element), TRUE, error)))
            return NULL;

          g_ptr_array_add (cards, card);

          uuid = pnl_interview_get_uuid (card->interview);
          if (!g_hash_table_add (uuids, (char *)uuid))
            {
              fail (doc, error, PNL_SCORECARD_ERROR_DUPLICATE,
                    at (doc, json_node_get_object (element), "uuid"),
                    _("there is more than one copy of the interview %s"), uuid);
              return NULL;
            }
        }
    }
  else
    {
      PnlScorecard *card;

      if (!read_header (doc, object, PNL_SCORECARD_FORMAT, TRUE, error) ||
          !(card = read_scorecard (doc, object, FALSE, error)))
        return NULL;

      g_ptr_array_add (cards, card);
    }

  return g_steal_pointer (&cards);
}

/**
 * pnl_scorecard_read_file:
 * @file: a #GFile
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Like pnl_scorecard_read(), naming the file by its parse name.
 *
 * Returns: (transfer container) (element-type PnlScorecard): the
 *   scorecards, or %NULL with @error set
 */
GPtrArray *
pnl_scorecard_read_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)))
    {
      /* Translators: a file, then what is wrong with it */
      g_set_error (error, PNL_SCORECARD_ERROR, PNL_SCORECARD_ERROR_IO,
                   _("%s: %s"), name, local_error->message);
      return NULL;
    }

  return pnl_scorecard_read (bytes, name, error);
}
