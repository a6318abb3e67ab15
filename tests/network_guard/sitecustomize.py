"""Imported by every Python process started with this folder on PYTHONPATH (see conftest)."""

from network_block import install

install()
