#!/usr/bin/env python3
"""What a student waits for after `check NN`: seconds to the first ✓/✗ line and to the whole report.

    labs/bench/first-feedback.py RUNS COMMAND...
    labs/bench/first-feedback.py 3 java -jar cli/target/wirelab.jar check 07 --reference

Prints one line per run: first-line seconds, whole-report seconds, the report's last line.
"""
import subprocess
import sys
import time

runs, command = int(sys.argv[1]), sys.argv[2:]
for _ in range(runs):
    start = time.monotonic()
    first = None
    last = ""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as child:
        for line in child.stdout:
            if first is None and line.lstrip().startswith(("✓", "✗")):
                first = time.monotonic() - start
            if line.strip():
                last = line.strip()
    whole = time.monotonic() - start
    print(f"{first if first is not None else float('nan'):.2f} {whole:.2f} {last}")
