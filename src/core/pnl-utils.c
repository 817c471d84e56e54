/* pnl-utils.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-utils"

#include "config.h"

#include <string.h>

#include "pnl-utils.h"

gboolean
pnl_str_is_blank (const char *str)
{
  for (; str != NULL && *str != '\0'; str = g_utf8_next_char (str))
    {
      if (!g_unichar_isspace (g_utf8_get_char (str)))
        return FALSE;
    }

  return TRUE;
}

gboolean
pnl_str_is_identifier (const char *str)
{
  if (str == NULL || *str == '\0')
    return FALSE;

  for (; *str != '\0'; str++)
    {
      if (!g_ascii_isalnum (*str) && *str != '.' && *str != '-' && *str != '_')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_shown_control (gunichar    c,
                  const char *keep)
{
  if (c < 0x20 || c == 0x7f)
    return keep == NULL || c == 0 || strchr (keep, (char) c) == NULL;

  return c >= 0x80 && c <= 0x9f;
}

char *
pnl_str_show_controls (const char *text,
                       const char *keep)
{
  GString *out = NULL;
  const char *run;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  for (run = p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_shown_control (c, keep))
        continue;

      if (out == NULL)
        out = g_string_sized_new (strlen (text) + 8);

      g_string_append_len (out, run, p - run);
      if (c < 0x20)
        g_string_append_unichar (out, 0x2400 + c);
      else if (c == 0x7f)
        g_string_append_unichar (out, 0x2421);
      else
        g_string_append_unichar (out, 0xfffd);
      run = g_utf8_next_char (p);
    }

  if (out == NULL)
    return NULL;

  g_string_append (out, run);

  return g_string_free (out, FALSE);
}
