"""Interface language: Chinese by default, English switchable while the app runs.

UI strings are written in Chinese in the code; `tr()` returns the English of the catalog
(resources/translations/en.json) when English is on. Widgets re-label themselves on
`language_changed`.
"""

from __future__ import annotations

import json

from ..app.events import Signal
from ..paths import resource

_state = {"lang": "zh", "en": None}
language_changed = Signal()


def _catalog() -> dict[str, str]:
    if _state["en"] is None:
        _state["en"] = json.loads(resource("translations", "en.json").read_text("utf-8"))
    return _state["en"]


def tr(text: str, **params) -> str:
    """`text` (Chinese) in the current language; {name} placeholders are filled."""
    out = text if _state["lang"] == "zh" else _catalog().get(text, text)
    return out.format(**params) if params else out


def follow_language(widget, handler) -> None:
    """Call `handler()` on every language change while `widget` lives (then forget it)."""
    def relabel(*_args) -> None:
        handler()
    language_changed.connect(relabel)
    widget.destroyed.connect(lambda *_: language_changed.disconnect(relabel))


def language() -> str:
    return _state["lang"]


def set_language(lang: str) -> None:
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}")
    if lang != _state["lang"]:
        _state["lang"] = lang
        language_changed.emit(lang)


def missing(texts) -> list[str]:
    """The Chinese texts that have no English yet (a test keeps this empty)."""
    cat = _catalog()
    return [t for t in texts if t not in cat]
