#!/usr/bin/env python3
# The app finds the translations built in the build folder (through
# PANELIST_LOCALEDIR, as `meson devenv` sets it) and speaks each language
# of po/LINGUAS.

import gettext
import locale
import os
import subprocess
import sys

SKIP = 77
MSGID = 'Use FILE instead of the default database'

binary = os.environ['PANELIST_BINARY']
localedir = os.environ['PANELIST_LOCALEDIR']
root = os.path.dirname(os.path.abspath(os.environ['G_TEST_SRCDIR']))

# glibc honours LANGUAGE in C.UTF-8, not in plain C.
try:
    locale.setlocale(locale.LC_ALL, 'C.UTF-8')
except locale.Error:
    print('no C.UTF-8 locale here: skipped')
    sys.exit(SKIP)

with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
    languages = f.read().split()

failed = False
for lang in languages:
    translation = gettext.translation('panelist', localedir, languages=[lang])
    expected = translation.gettext(MSGID)
    if expected == MSGID:
        print(f'{lang}: “{MSGID}” is not translated in {localedir}')
        failed = True
        continue

    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE=lang)
    result = subprocess.run([binary, '--help'], env=env, capture_output=True, text=True)
    if result.returncode != 0 or expected not in result.stdout:
        print(f'{lang}: panelist --help does not say “{expected}”:\n{result.stdout}{result.stderr}')
        failed = True
    else:
        print(f'{lang}: ok')

sys.exit(1 if failed else 0)
