"""``python -m cifar_gui``: the same as the ``cifar-gui`` command."""

import sys

from cifar_gui.cli import main

sys.exit(main())
