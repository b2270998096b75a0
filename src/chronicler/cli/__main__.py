"""``python -m chronicler.cli``: the same command line as the ``chronicler`` script."""

from chronicler.cli import app

app()
