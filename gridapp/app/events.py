"""A tiny observer: headless state announces changes; the UI subscribes (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable


class Signal:
    def __init__(self) -> None:
        self._handlers: list[Callable] = []

    def connect(self, handler: Callable) -> None:
        if handler not in self._handlers:
            self._handlers.append(handler)

    def disconnect(self, handler: Callable) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, *args) -> None:
        for h in list(self._handlers):
            h(*args)
