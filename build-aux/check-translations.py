#!/usr/bin/env python3
# Checks that every translation listed in po/LINGUAS is complete: msgfmt
# accepts it (format strings, plural forms, header), nothing in it is
# untranslated or fuzzy, and it holds every message the sources have now
# (merged with a fresh template), so a new string cannot slip in
# untranslated.
#   build-aux/check-translations.py [SOURCE_ROOT]

import os
import re
import subprocess
import sys
import tempfile

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), '..'))
po_dir = os.path.join(root, 'po')

# The keywords of i18n.gettext(preset: 'glib'), as far as msgids go.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
]

STATISTICS = re.compile(r'(\d+) (translated|fuzzy|untranslated)')


def read_linguas():
    languages = []
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0]
            languages.extend(line.split())
    return languages


def statistics(po):
    result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                            capture_output=True, text=True)
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    for number, kind in STATISTICS.findall(result.stderr):
        counts[kind] = int(number)
    return result, counts


def fresh_pot(workdir):
    pot = os.path.join(workdir, 'sources.pot')
    result = subprocess.run(['xgettext', *XGETTEXT_ARGS,
                             '--files-from', os.path.join(po_dir, 'POTFILES.in'),
                             '--directory', root, '--output', pot],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f'xgettext failed:\n{result.stderr}')
    return pot


def main():
    problems = []
    languages = read_linguas()
    if not languages:
        print('po/LINGUAS lists no languages')
        return 0

    with tempfile.TemporaryDirectory() as workdir:
        pot = fresh_pot(workdir)

        for lang in languages:
            po = os.path.join(po_dir, lang + '.po')
            name = os.path.relpath(po, root)
            if not os.path.isfile(po):
                problems.append(f'{name} is listed in po/LINGUAS but does not exist')
                continue

            result, counts = statistics(po)
            print(f'{name}: {result.stderr.strip()}')
            if result.returncode != 0:
                problems.append(f'{name}: msgfmt --check failed')
            if counts['fuzzy']:
                problems.append(f'{name}: {counts["fuzzy"]} fuzzy messages')
            if counts['untranslated']:
                problems.append(f'{name}: {counts["untranslated"]} untranslated messages')

            # Messages the sources have that the translation lacks, or
            # has only untranslated or fuzzy.
            merged = os.path.join(workdir, lang + '.po')
            subprocess.run(['msgmerge', '--quiet', '--no-wrap', '--output-file', merged, po, pot],
                           check=True)
            for option, what in (('--untranslated', 'untranslated'), ('--only-fuzzy', 'fuzzy')):
                result = subprocess.run(['msgattrib', option, '--no-obsolete', '--no-wrap', merged],
                                        capture_output=True, text=True, check=True)
                msgids = [line for line in result.stdout.splitlines()
                          if line.startswith('msgid "') and line != 'msgid ""']
                if msgids:
                    problems.append(f'{name} once updated from the sources has {len(msgids)} {what} '
                                    f'messages; run `meson compile -C _build panelist-update-po` '
                                    f'and translate them:\n  ' + '\n  '.join(msgids))

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
