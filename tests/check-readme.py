#!/usr/bin/env python3
# The README's set-up commands and what runs them: the first sh block
# holds exactly two commands; the first launches the app, the second runs
# the suite; .ci/run runs the second word for word; both set up _build
# only when it holds no build.ninja, so that a failed first setup cannot
# leave a folder the next run mistakes for a build (issue 12); and
# install-deps installs, without --tests, every program that
# gnome.post_install asks for at setup time.
#   check-readme.py SOURCE_ROOT

import os
import re
import sys

root = sys.argv[1]
failures = []


def read(*parts):
    with open(os.path.join(root, *parts), encoding='utf-8') as f:
        return f.read()


readme = read('README.md')
block = re.search(r'^```sh\n(.*?)^```', readme, re.S | re.M)
if block is None:
    sys.exit('README.md: no sh block with the set-up commands')
commands = [line for line in block.group(1).splitlines()
            if line.strip() and not line.startswith('#')]
if len(commands) != 2:
    failures.append('README.md: the first sh block holds %d commands, not 2' % len(commands))
else:
    launch, suite = commands
    if not launch.startswith('build-aux/install-deps &&'):
        failures.append('README command 1 does not start by installing what is missing')
    if not launch.endswith('meson devenv -C _build src/panelist'):
        failures.append('README command 1 does not end by launching the app')
    if not suite.startswith('build-aux/install-deps --tests &&'):
        failures.append('README command 2 does not install what the tests need')
    if 'meson test -C _build' not in suite:
        failures.append('README command 2 does not run the suite')
    for i, command in enumerate(commands, 1):
        if '[ -f _build/build.ninja ] || { rm -rf _build && meson setup _build; }' not in command:
            failures.append('README command %d does not set up _build again when it '
                            'holds no build.ninja' % i)
    ci = read('.ci', 'run')
    if suite not in ci.splitlines():
        failures.append('.ci/run does not run README command 2 word for word')
    if 'build-aux/fresh-machine-check' not in ci:
        failures.append('.ci/run does not run build-aux/fresh-machine-check')

# gnome.post_install's programs and the packages that hold them.
helpers = {
    'glib_compile_schemas': 'libglib2.0-bin',
    'gtk_update_icon_cache': 'libgtk-4-bin',
    'update_desktop_database': 'desktop-file-utils',
}
deps = read('build-aux', 'install-deps')
base = re.search(r'^packages="(.*?)"', deps, re.S | re.M)
base_packages = base.group(1).split() if base else []
meson_build = read('meson.build')
post_install = re.search(r'gnome\.post_install\((.*?)\)', meson_build, re.S)
for option, package in helpers.items():
    if post_install and re.search(option + r'\s*:\s*true', post_install.group(1)):
        if package not in base_packages:
            failures.append('meson.build asks gnome.post_install for %s, but install-deps '
                            'installs %s only with --tests' % (option, package))
if 'libxml2-utils' not in base_packages:
    failures.append('install-deps does not install libxml2-utils (xmllint), which '
                    'xml-stripblanks needs at build time')

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
