"""Interface language: Chinese by default, English switchable while the app runs.

UI strings are written in Chinese in the code; `tr()` returns the English of the catalog
(resources/translations/en.json) when English is on. Widgets re-label themselves on
`language_changed`.
"""

from __future__ import annotations

import json
import re

from ..app.events import Signal
from ..paths import resource

_state = {"lang": "zh", "en": None}
language_changed = Signal()


def _catalog() -> dict[str, str]:
    if _state["en"] is None:
        _state["en"] = json.loads(resource("translations", "en.json").read_text("utf-8"))
    return _state["en"]


# `{n|case|cases}` in an English text: the singular when parameter n is 1, else the plural
# (Chinese has no plural, so only the catalog's English carries these)
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def tr(text: str, **params) -> str:
    """`text` (Chinese) in the current language; {name} placeholders are filled, and
    `{name|one|other}` is the word for that count."""
    out = text if _state["lang"] == "zh" else _catalog().get(text, text)
    if not params:
        return out
    if "|" in out:
        out = _PLURAL.sub(lambda m: m[2] if str(params.get(m[1])) == "1" else m[3], out)
    return out.format(**params)


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
        _qt_language(lang)
        language_changed.emit(lang)


def use_language(lang: str) -> None:
    """The language of a process with no window (a job's child process): no Qt, no signal."""
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}")
    _state["lang"] = lang


_qt_translators: list = []


def _qt_language(lang: str) -> None:
    """Qt's own dialogs and buttons (OK/Cancel, file dialogs, context menus) in the same
    language: Qt's zh_CN catalogs installed while the interface is Chinese."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None:
        return
    for t in _qt_translators:
        app.removeTranslator(t)
    _qt_translators.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if lang == "zh" else QLocale(QLocale.Language.English,
                                                    QLocale.Country.UnitedStates))
    if lang != "zh":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        t = QTranslator()
        if t.load(name, folder):
            app.installTranslator(t)
            _qt_translators.append(t)
    # Qt 6.11 gave two labels of its file dialog a mnemonic ("&Look in:", "Files of &type:")
    # and its zh_CN catalog still has them without: they stayed English in the Chinese
    # window. Our own small catalog (qt_gaps_zh_CN.ts) fills them. A compiled catalog, not a
    # Python QTranslator subclass: Qt consults translators from its own threads too, and
    # such a subclass broke QImage.fromData (every basemap tile came back null).
    t = QTranslator()
    if t.load(str(resource("translations", "qt_gaps_zh_CN.qm"))):
        app.installTranslator(t)
        _qt_translators.append(t)


def install_qt_language() -> None:
    """At start-up, once the application exists: Qt's texts in the interface language."""
    _qt_language(_state["lang"])


def missing(texts) -> list[str]:
    """The Chinese texts that have no English yet (a test keeps this empty)."""
    cat = _catalog()
    return [t for t in texts if t not in cat]
