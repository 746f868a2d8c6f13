"""The client's jobs that run in a child process (see processes.py): Qt-free, each opens the
store by its address and works at the window's "now", in the window's language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..app.reports import write_bulletin
from ..bootstrap import open_store
from ..domain.period import Period
from ..io.export import cases_frame, export_cases_table
from ..services.reading import CaseSelection
from . import i18n


def _store(url: str, now: datetime):
    store = open_store(url)
    store.clock = lambda: now  # the moment the user asked, as the window's clock told it
    return store


def export_cases(progress, url: str, ids: list[int], note: str, path: str, now: datetime,
                 lang: str) -> int:
    """The listed cases, in the list's order, to CSV or XLSX; the count written."""
    i18n.use_language(lang)
    store = _store(url, now)
    try:
        progress(0, 3, i18n.tr("读取案件"))
        frame = cases_frame(store, CaseSelection(ids=tuple(ids)), now=now)
        progress(1, 3, i18n.tr("整理"))
        frame = frame.set_index("id").loc[ids].reset_index()  # the list's order
        progress(2, 3, i18n.tr("写入文件"))
        n = export_cases_table(store, Path(path), frame, note=note, translate=i18n.tr)
        progress(3, 3, i18n.tr("完成"))
        return n
    finally:
        store.close()


def bulletin(progress, url: str, period: Period, folder: str, now: datetime,
             lang: str) -> list[Path]:
    """The period's 通报 (XLSX and PDF) in `folder`; the files written."""
    i18n.use_language(lang)
    store = _store(url, now)
    try:
        progress(0, 1, i18n.tr("通报"))
        return write_bulletin(store, period, Path(folder), now=now, lang=lang)
    finally:
        store.close()
