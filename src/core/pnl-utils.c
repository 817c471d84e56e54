/* pnl-utils.c
 *
 * Copyright 2026 The Panelist authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pnl-utils"

#include "config.h"

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
