"""Bulletins and assessments for the CLI and the client: one place wires store, scheme,
calendar and catalog into gridapp.analysis, and writes the files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..analysis import bulletin as bl
from ..analysis.assessment import Assessment
from ..domain.period import Period
from ..io.export import layer_frame
from ..services.assessment import current_scheme
from ..services.hotline import paused_gc
from ..store.errors import StoreReadOnly
from ..store.issued import keep as keep_issue


def context(store) -> dict:
    """What every report needs from the store: scheme, calendar, class names, district."""
    version, scheme = current_scheme(store.uow(write=False))
    with store.uow(write=False) as uow:
        calendar = uow.config.calendar()
        names = {c.code: c.name for c in uow.config.catalog()}
        district = uow.config.meta("district_name") or ""
    return {"scheme_version": version, "scheme": scheme, "calendar": calendar,
            "class_names": names, "district": district}


def assessment(store, period: Period, now: datetime | None = None) -> Assessment:
    c = context(store)
    return Assessment.run(store, period, c["scheme"], c["scheme_version"], now or store.now(),
                          c["calendar"])


def make_bulletin(store, period: Period, now: datetime | None = None,
                  recompute_previous: bool = False) -> bl.Bulletin:
    c = context(store)
    return bl.build(store, period, now or store.now(), c["district"], c["scheme_version"],
                    c["scheme"], c["calendar"], c["class_names"],
                    lambda: layer_frame(store, "streets"),  # read on a thread by build
                    recompute_previous)


def write_bulletin(store, period: Period, out_dir: Path, formats=("xlsx", "pdf"),
                   now: datetime | None = None, lang: str = "zh",
                   made_by: str = "", recompute_previous: bool = False) -> list[Path]:
    """The bulletin files of `period` in `out_dir` (通报-2026-10.xlsx / .pdf). A period that
    has ended is issued: its figures are kept for the next bulletin's 上期 (replacing an
    earlier issue of the same period), unless the store is read-only. `recompute_previous`:
    上期 recomputed today even when last period was issued (the bench's comparison)."""
    # no cyclic collection meanwhile: each pass walked the whole process's objects again
    # (measured: ~50 passes and a full one a bulletin, ~8 % of its time); what it makes is
    # freed by reference counts, and its cycles (~20,000 objects) by the next collection
    with paused_gc():
        return _write_bulletin(store, period, out_dir, formats, now, lang, made_by,
                               recompute_previous)


def _write_bulletin(store, period: Period, out_dir: Path, formats, now: datetime | None,
                    lang: str, made_by: str, recompute_previous: bool) -> list[Path]:
    from ..io.bulletin_pdf import write_pdf
    from ..io.bulletin_xlsx import write_xlsx
    b = make_bulletin(store, period, now, recompute_previous)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"通报-{period.label}" if lang == "zh" else f"bulletin-{period.label}"
    written = []
    if "xlsx" in formats:
        written.append(write_xlsx(b, out_dir / f"{stem}.xlsx", lang))
    if "pdf" in formats:
        written.append(write_pdf(b, out_dir / f"{stem}.pdf"))
    if b.ended:
        issue(store, b, made_by)
    return written


def issue(store, b: bl.Bulletin, made_by: str = "") -> bool:
    """Keep `b` as its period's issued bulletin; False when the store is read-only."""
    try:
        with store.uow() as uow:
            keep_issue(uow.conn, bl.issue_record(b, made_by))
            uow.commit()
    except StoreReadOnly:
        return False
    return True
