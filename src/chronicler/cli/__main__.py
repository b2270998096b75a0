"""``python -m chronicler.cli``: the same command line as the ``chronicler`` script."""

from chronicler.cli import app

# The guard keeps the extraction worker, which a spawned process starts by importing the
# parent's main module, from running the command line again.
if __name__ == "__main__":
    app()
