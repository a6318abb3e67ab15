"""Imported by every Python process started with this folder on PYTHONPATH (see conftest)."""

import os

from network_block import install

install()

if os.environ.get("CIFAR_GUI_TEST_TINY_MODEL"):  # tiny_model.TINY_MODEL_ENV, set by conftest
    import tiny_model

    tiny_model.install()
