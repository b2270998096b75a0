"""chronicler: political event reports turned into a database of claims with their evidence."""

__version__ = "0.1.0"
