#!/usr/bin/env python3
# Checks po/POTFILES.in against the sources: every file under src/ and
# data/ with translatable strings is listed, every listed file exists, and
# the list is sorted.
#   build-aux/check-potfiles.py [SOURCE_ROOT]

import os
import re
import sys

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), '..'))

C_MARK = re.compile(r'(?<![A-Za-z0-9_])'
                    r'(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?|g_dgettext|dgettext|dngettext)'
                    r'\s*\(')
C_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
UI_MARK = re.compile(r'\btranslatable\s*=\s*["\'](?:yes|true|1)["\']', re.I)
SCHEMA_MARK = re.compile(r'<(?:summary|description)\b')


def has_translatable_strings(path):
    name = os.path.basename(path)
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
    except OSError:
        return False

    if name.endswith(('.c', '.h')):
        return C_MARK.search(C_COMMENT.sub('', text)) is not None
    # Desktop files and metainfo always carry strings for translators.
    if name.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')):
        return True
    if name.endswith(('.gschema.xml', '.gschema.xml.in')):
        return SCHEMA_MARK.search(text) is not None or UI_MARK.search(text) is not None
    if name.endswith(('.ui', '.xml.in', '.xml')):
        return UI_MARK.search(text) is not None
    return False


def scanned_files():
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(('.', '_')))
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if has_translatable_strings(path):
                    yield os.path.relpath(path, root).replace(os.sep, '/')


def read_list(name):
    path = os.path.join(root, 'po', name)
    entries = []
    if not os.path.exists(path):
        return entries
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#') or line.startswith('['):
                continue
            entries.append((number, line))
    return entries


def main():
    problems = []
    listed = read_list('POTFILES.in')
    skipped = {entry for _, entry in read_list('POTFILES.skip')}
    names = [entry for _, entry in listed]

    for number, entry in listed:
        if not os.path.isfile(os.path.join(root, entry)):
            problems.append(f'po/POTFILES.in:{number}: {entry} does not exist')

    seen = set()
    for number, entry in listed:
        if entry in seen:
            problems.append(f'po/POTFILES.in:{number}: {entry} is listed twice')
        seen.add(entry)

    for path in scanned_files():
        if path not in seen and path not in skipped:
            problems.append(f'{path} has translatable strings but is not in po/POTFILES.in')

    if names != sorted(names):
        for (number, entry), expected in zip(listed, sorted(names)):
            if entry != expected:
                problems.append(f'po/POTFILES.in:{number}: not sorted: {entry} '
                                f'where {expected} belongs')
                break

    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f'po/POTFILES.in lists all {len(names)} files with translatable strings')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
