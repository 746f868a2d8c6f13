"""Long work reports progress through a callback, which may cancel by raising Cancelled."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled; the unit of work rolls back, so nothing is left behind."""
