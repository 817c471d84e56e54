#!/usr/bin/env python3
# check-flatpak.py: flatpak-builder reads the Flatpak manifest without a
# complaint, and the sandbox asks for nothing beyond a display and the
# GPU: no network, no files (those go through the portal).
#
#   check-flatpak.py MANIFEST
#
# Skipped (status 77) where flatpak-builder is not installed.
#
# Copyright 2026 The Panelist authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile

APP_ID = "io.github.panelist.Panelist"
FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]


def main():
    manifest = os.path.abspath(sys.argv[1])
    builder = shutil.which("flatpak-builder")

    if builder is None:
        print("flatpak-builder is not installed: skipped")
        return 77

    # flatpak-builder keeps its state in .flatpak-builder in the current
    # folder: a temporary one, not the checkout or the build folder.
    with tempfile.TemporaryDirectory(prefix="panelist-flatpak-") as scratch:
        result = subprocess.run([builder, "--show-manifest", manifest], cwd=scratch,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    failures = []
    if result.returncode != 0:
        print(result.stderr)
        print(f"flatpak-builder could not read {manifest}")
        return 1
    if result.stderr.strip():
        # Unknown properties are only warnings there: count them as errors.
        failures.append(f"flatpak-builder complained: {result.stderr.strip()}")

    shown = json.loads(result.stdout)

    def expect(key, value):
        if shown.get(key) != value:
            failures.append(f"{key} is {shown.get(key)!r}, expected {value!r}")

    expect("id", APP_ID)
    expect("command", "panelist")
    expect("runtime", "org.gnome.Platform")
    expect("sdk", "org.gnome.Sdk")
    if not shown.get("runtime-version"):
        failures.append("no runtime-version")

    finish_args = shown.get("finish-args", [])
    extra = [arg for arg in finish_args if arg not in FINISH_ARGS]
    missing = [arg for arg in FINISH_ARGS if arg not in finish_args]
    if extra:
        failures.append(f"finish-args asks for more than it needs: {' '.join(extra)}")
    if missing:
        failures.append(f"finish-args lacks {' '.join(missing)}")
    if len(finish_args) != len(set(finish_args)):
        failures.append("finish-args repeats itself")

    modules = shown.get("modules", [])
    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    if app.get("name") != "panelist" or app.get("buildsystem") != "meson":
        failures.append("the last module is not panelist built with meson")
    elif not any(s.get("type") == "dir" and s.get("path") == ".." for s in app.get("sources", [])):
        failures.append("the panelist module does not build this checkout")

    for failure in failures:
        print(failure)
    if not failures:
        print(f"{manifest}: {shown['runtime']} {shown['runtime-version']}, finish-args {' '.join(finish_args)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
