"""The client's jobs that run in a child process (see processes.py): Qt-free, each opens the
store by its address and works in the window's language. Reading jobs work at the window's
"now"; writing jobs tell time as the window's store does (the store's own clock, or the
moment a test or a simulation holds it at)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..app import problem_text
from ..app.reports import write_bulletin
from ..bootstrap import open_store
from ..domain.period import Period
from ..io.errors import SCREEN_LINES, ImportRejected, default_report_path, write_report
from ..io.export import cases_frame, export_cases_table
from ..io.field_import import FieldImport, import_package
from ..io.field_package import PackageInfo, export_package
from ..io.history import migrate_file
from ..io.hotline import HotlineMapping, import_context, parse_hotline
from ..io.mapping import Mapping
from ..services.history import HistorySummary
from ..services.hotline import ImportSummary, import_reports
from ..services.reading import CaseSelection
from ..store.store import Store
from . import i18n


@contextlib.contextmanager
def _opened(url: str, now: datetime | None, lang: str) -> Iterator[Store]:
    """The store at `url` in the window's language; with `now`, its clock held there (None:
    it tells time itself); closed after the job."""
    i18n.use_language(lang)
    store = open_store(url)
    if now is not None:
        store.clock = lambda: now
    try:
        yield store
    finally:
        store.close()


def held_now(store) -> datetime | None:
    """What a writing job's store clock should be held at: the window store's held time, if a
    test or a simulation holds it; None when the store tells time itself."""
    return store.clock() if store.clock is not None else None


def export_cases(progress, url: str, ids: list[int], note: str, path: str, now: datetime,
                 lang: str) -> int:
    """The listed cases, in the list's order, to CSV or XLSX; the count written."""
    with _opened(url, now, lang) as store:
        progress(0, 3, i18n.tr("读取案件"))
        frame = cases_frame(store, CaseSelection(ids=tuple(ids)), now=now)
        progress(1, 3, i18n.tr("整理"))
        frame = frame.set_index("id").loc[ids].reset_index()  # the list's order
        progress(2, 3, i18n.tr("写入文件"))
        n = export_cases_table(store, Path(path), frame, note=note, translate=i18n.tr)
        progress(3, 3, i18n.tr("完成"))
        return n


def bulletin(progress, url: str, period: Period, folder: str, now: datetime,
             lang: str, made_by: str = "") -> list[Path]:
    """The period's 通报 (XLSX and PDF) in `folder`; the files written. An ended period's
    is issued in the name of `made_by` (the user at the window)."""
    with _opened(url, now, lang) as store:
        progress(0, 1, i18n.tr("通报"))
        return write_bulletin(store, period, Path(folder), now=now, lang=lang, made_by=made_by)


def import_hotline(progress, url: str, path: str, mapping: HotlineMapping, user: str,
                   now: datetime | None, lang: str) -> ImportSummary:
    """A 12345 export checked and imported; when it is refused with more problems than fit
    the screen, all of them are written to a CSV beside the file."""
    with _opened(url, now, lang) as store:
        progress(0, 1, "reading")
        try:
            batch = parse_hotline(path, mapping, import_context(store), progress=progress)
        except ImportRejected as exc:
            if len(exc.report) > SCREEN_LINES:
                with contextlib.suppress(OSError):
                    write_report(exc.report, default_report_path(path),
                                 lambda text: problem_text.text(text, lang))
            raise
        return import_reports(store.uow(), user, batch, progress)


def migrate_history(progress, url: str, path: str, mapping: Mapping, user: str,
                    dry_run: bool, keep_mapping: bool, now: datetime | None,
                    lang: str) -> tuple[list[str], HistorySummary]:
    """A history file checked (`dry_run`) or migrated; the reader's notes and the summary
    (not the cases read: the window has no use for them). A mapping that worked is kept in
    the store after the migration's own commit when asked."""
    with _opened(url, now, lang) as store:
        progress(0, 1, "reading")
        read, summary = migrate_file(store, path, mapping, user, dry_run=dry_run,
                                     progress=progress)
        if keep_mapping and not dry_run:
            with store.uow() as uow:
                uow.config.save_preset(mapping.name, mapping.to_dict())
                uow.commit()
        return list(read.notes), summary


def export_field_package(progress, url: str, user: str, folder: str, now: datetime | None,
                         lang: str) -> PackageInfo:
    """A road chief's 外业包 written into `folder`."""
    with _opened(url, now, lang) as store:
        progress(0, 1, "field package")
        return export_package(store, user, Path(folder), user)


def import_field_package(progress, url: str, folder: str, user: str, now: datetime | None,
                         lang: str) -> FieldImport:
    """A 外业包 merged back: applied, conflicts held, refused."""
    with _opened(url, now, lang) as store:
        progress(0, 1, "field package")
        return import_package(store, Path(folder), user)
