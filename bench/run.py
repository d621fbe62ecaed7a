"""Run every benchmark the repo carries, one after the other, each printing its table."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    "screening_bench.py",
    "kit_bench.py",
    "report_bench.py",
    "load_bench.py",
    "bounded_input_bench.py",
]

if __name__ == "__main__":
    failed = 0
    for name in BENCHES:
        script = HERE / name
        print(f"\n== {name} ==", flush=True)
        failed |= subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
    sys.exit(failed)
