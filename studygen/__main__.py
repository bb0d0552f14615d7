"""`python -m studygen`."""

from .cli import run

run()
