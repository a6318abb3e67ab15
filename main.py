#!/usr/bin/env python3
"""Launch cifar-gui from a source checkout: double-click it or run ``python main.py [command]``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cifar_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
