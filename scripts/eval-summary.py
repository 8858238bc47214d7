#!/usr/bin/env python3
"""One line per scored run: reads score.py --json on stdin; arguments: the file's name and the borough mode."""
import json
import sys

report = json.load(sys.stdin)
overall = report["overall"]
calibration = " ".join(
    f"{kind}={value.get('calibration_pct')}"
    for kind, value in sorted(report.get("match_types", {}).items())
    if value.get("returned")
)
name, borough = sys.argv[1], sys.argv[2]
print(f"{name:<24} {borough:<5} correct {overall['recall_pct']:5.1f} %  "
      f"precision {overall['precision_pct']:5.1f} %  calibration: {calibration}")
