#!/usr/bin/env python3
# check-install.py: installs the build into a temporary folder and checks
# that everything a desktop looks for is where it looks, and agrees on
# the app id.
#
#   check-install.py MESON BUILDDIR SRCDIR APP_ID BINDIR DATADIR LOCALEDIR
#
# BINDIR, DATADIR and LOCALEDIR are the absolute installed paths (prefix
# included).  Translations are checked for every language in po/LINGUAS,
# so an empty LINGUAS checks none.
#
# Copyright 2026 The Panelist authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SCHEMA_ID = "io.github.panelist.Panelist"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def read_entries(path, group):
    """The keys of one group of a desktop-entry-style file."""
    entries = {}
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
            elif current == group and "=" in line:
                key, value = line.split("=", 1)
                entries[key.strip()] = value.strip()
    return entries


def linguas(srcdir):
    languages = []
    with open(os.path.join(srcdir, "po", "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            languages.extend(line.split())
    return languages


def main():
    meson, builddir, srcdir, app_id, bindir, datadir, localedir = sys.argv[1:8]

    with tempfile.TemporaryDirectory(prefix="panelist-install-") as destdir:
        # --no-rebuild: the test runs after the build, and must not start
        # ninja while meson test holds the build folder.
        result = subprocess.run(
            [meson, "install", "-C", builddir, "--no-rebuild", "--quiet",
             "--destdir", destdir],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            print(result.stdout)
            print("meson install failed with status", result.returncode)
            return 1

        def staged(path):
            return destdir + path

        binary = os.path.join(bindir, "panelist")
        desktop = os.path.join(datadir, "applications", app_id + ".desktop")
        metainfo = os.path.join(datadir, "metainfo", app_id + ".metainfo.xml")
        service = os.path.join(datadir, "dbus-1", "services", app_id + ".service")
        icons = os.path.join(datadir, "icons", "hicolor")
        scalable = os.path.join(icons, "scalable", "apps", app_id + ".svg")
        symbolic = os.path.join(icons, "symbolic", "apps", app_id + "-symbolic.svg")
        schema = os.path.join(datadir, "glib-2.0", "schemas", SCHEMA_ID + ".gschema.xml")

        check(os.access(staged(binary), os.X_OK), f"no executable {binary}")
        for path in (desktop, metainfo, service, scalable, symbolic, schema):
            check(os.path.isfile(staged(path)), f"not installed: {path}")

        for language in linguas(srcdir):
            mo = os.path.join(localedir, language, "LC_MESSAGES", "panelist.mo")
            check(os.path.isfile(staged(mo)), f"not installed: {mo}")

        if os.path.isfile(staged(desktop)):
            entry = read_entries(staged(desktop), "Desktop Entry")
            check(entry.get("Icon") == app_id,
                  f"{desktop}: Icon is {entry.get('Icon')!r}, not the app id")
            check(entry.get("Exec", "").split(" ")[0] in ("panelist", binary),
                  f"{desktop}: Exec does not run panelist")
            check(entry.get("DBusActivatable") == "true",
                  f"{desktop}: not DBusActivatable")

        if os.path.isfile(staged(service)):
            entry = read_entries(staged(service), "D-BUS Service")
            check(entry.get("Name") == app_id,
                  f"{service}: Name is {entry.get('Name')!r}, not the app id")
            check(entry.get("Exec") == binary + " --gapplication-service",
                  f"{service}: Exec is {entry.get('Exec')!r}")

        if os.path.isfile(staged(metainfo)):
            root = ET.parse(staged(metainfo)).getroot()
            check(root.findtext("id") == app_id,
                  f"{metainfo}: id is {root.findtext('id')!r}, not the app id")
            check(root.findtext("launchable") == app_id + ".desktop",
                  f"{metainfo}: launchable is not the desktop file")

    for failure in failures:
        print(failure)
    if not failures:
        print("installed where a desktop finds it:", app_id)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
