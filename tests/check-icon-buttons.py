#!/usr/bin/env python3
# Every button that shows only an icon must say what it does twice: a
# tooltip for those who point, an accessible label for screen readers.
# Checks the interface templates given as arguments; prints each button
# that lacks one and fails.
import sys
import xml.etree.ElementTree as ET

BUTTONS = {"GtkButton", "GtkToggleButton", "GtkMenuButton"}


def props(obj):
    return {p.get("name"): p for p in obj.findall("property")}


def has_accessible_label(obj):
    for acc in obj.findall("accessibility"):
        for p in acc.findall("property"):
            if p.get("name") == "label":
                return True
    return False


def has_child_widget(obj):
    for child in obj.findall("child"):
        if child.find("object") is not None:
            return True
    return "child" in props(obj)


problems = []
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    for obj in root.iter("object"):
        if obj.get("class") not in BUTTONS:
            continue
        p = props(obj)
        if "icon-name" not in p or "label" in p or has_child_widget(obj):
            continue
        where = "%s: %s%s" % (path, obj.get("class"), " id=%s" % obj.get("id") if obj.get("id") else "")
        if "tooltip-text" not in p:
            problems.append(where + " has no tooltip")
        if not has_accessible_label(obj):
            problems.append(where + " has no accessible label")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
