"""chronicler's exceptions, one hierarchy::

    ChroniclerError
     ├── InputError      a document that cannot be read or cleaned (names the file and line)
     ├── PackError       a knowledge pack that fails validation (names the file, line and entry)
     ├── StoreError      the database cannot be opened or written
     └── ConfigError     a setting with an unknown key or a bad value

Messages say what was wrong, where, and what to do.
"""

from __future__ import annotations


class ChroniclerError(Exception):
    """Base of every error chronicler raises on purpose."""


class InputError(ChroniclerError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class PackError(ChroniclerError):
    """``<path>:<line>: <reason>``, or ``<path>: <reason>`` for a fault no one line holds."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.line = line


class StoreError(ChroniclerError):
    pass


class ConfigError(ChroniclerError):
    pass
