"""Long work reports progress through a callback, which may cancel by raising Cancelled.

A unit of work that writes reports COMMITTING as its last stage, just before its commit:
a cancel is honoured up to there (everything rolls back), and after it the work is saved, so
whoever shows progress can say so instead of "cancelled".
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]

COMMITTING = "committing"  # the stage reported just before the commit: the last to cancel
CHUNK = 20_000  # rows between two progress reports


class Cancelled(Exception):
    """The user cancelled; the unit of work rolls back, so nothing is left behind."""


def quiet(_done: int, _total: int, _what: str) -> None:
    """Progress nobody watches."""
