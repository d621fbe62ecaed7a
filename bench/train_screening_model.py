"""Thin entry point kept for habit: the trainer lives in assessments/screening/training.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assessments.screening.training import main

if __name__ == "__main__":
    main()
