"""`gridapp indicators | assess | report | analyze | warnings`: assessment and analysis."""

from __future__ import annotations

import json
import math
from datetime import datetime
from pathlib import Path

import click

from ..domain.indicators import COUNTS_BY_LEVEL, RATE_BY_KEY, RATES_BY_LEVEL, Level, percent
from ..domain.period import Period
from . import pass_ctx
from .auth import authenticate

LEVELS = click.Choice([lv.value for lv in Level])


def _period(value: str | None, now: datetime) -> Period:
    if value:
        return Period.parse(value)
    return Period.containing(now.date()).previous()  # last month: the one being judged


def _records(table, keys) -> list[dict]:
    out = []
    for unit, row in table.iterrows():
        rec = {"unit": str(unit), "name": row["name"]}
        for k in keys:
            if k not in row:
                continue
            v = row[k]
            if v is None or (isinstance(v, float) and math.isnan(v)) or str(v) == "<NA>":
                rec[k] = None
            elif isinstance(v, str):
                rec[k] = v
            else:
                rec[k] = round(float(v), 6) if isinstance(v, float) else int(v)
        out.append(rec)
    return out


@click.command()
@click.option("--period", help="2026-10, 2026-W43, 2026-Q3, 2026, 2026-10-05 or a range "
              "2026-10-01..2026-10-15 (default: last month).")
@click.option("--level", type=LEVELS, default="street", show_default=True)
@click.option("--at", "at", help="Judge as of this time (default: now).")
@pass_ctx
def indicators(ctx, period, level, at):
    """Counts and rates (签收率, 按期结案率, …) of every unit of a level for a period."""
    from ..analysis.indicators import indicator_table, load_period
    from ..app.reports import context
    now = ctx.at(at)
    p, lv = _period(period, now), Level(level)
    c = context(ctx.store)
    t = indicator_table(load_period(ctx.store, p, now, c["calendar"],
                                    c["scheme"].verify_limit_hours), lv)
    keys = list(COUNTS_BY_LEVEL[lv]) + list(RATES_BY_LEVEL[lv])
    recs = _records(t, keys)
    rates = RATES_BY_LEVEL[lv]
    lines = [f"{p.label_zh} · {lv.label_zh} · {len(t)}",
             "  ".join(["unit".ljust(16), "name".ljust(12)] + [RATE_BY_KEY[k].zh for k in rates])]
    for r in recs:
        lines.append("  ".join([r["unit"].ljust(16), str(r["name"])[:12].ljust(12)]
                               + [percent(r[k]).rjust(len(RATE_BY_KEY[k].zh) * 2) for k in rates]))
    ctx.emit({"period": p.label, "level": lv.value, "units": recs}, "\n".join(lines))


@click.group(invoke_without_command=True)
@click.option("--period", help="The period to judge (default: last month).")
@click.option("--level", type=LEVELS, default="street", show_default=True)
@click.option("--at", "at", help="Judge as of this time (default: now).")
@click.pass_context
def assess(cctx, period, level, at):
    """Monthly assessment: score, grade, rank and change against the previous period."""
    if cctx.invoked_subcommand is not None:
        return
    from ..app.reports import assessment
    ctx = cctx.obj
    now = ctx.at(at)
    p, lv = _period(period, now), Level(level)
    a = assessment(ctx.store, p, now)
    t = a.table(lv)
    keys = ["score", "grade", "rank", "prev_score", "prev_rank", "change", "rank_change"]
    recs = _records(t, keys + list(RATES_BY_LEVEL[lv]))
    lines = [f"{p.label_zh} · {lv.label_zh} · {a.scheme.name} (v{a.scheme_version})"]
    for r in recs:
        score = "—" if r["score"] is None else f"{r['score']:6.2f}"
        change = "" if r["change"] is None else f"{r['change']:+.2f}"
        rank = "-" if r["rank"] is None else str(r["rank"])
        lines.append(f"{rank:>4}  {r['unit']:<16} {str(r['name'])[:12]:<12} {score} "
                     f"{r['grade']:<4} {change}")
    ctx.emit({"period": p.label, "level": lv.value, "scheme_version": a.scheme_version,
              "units": recs}, "\n".join(lines))


@assess.command("scheme")
@click.option("--set", "source", type=click.Path(exists=True, dir_okay=False),
              help="Save this JSON file as the new scheme version.")
@click.option("--by", "username", help="Who changes it (administrator or leader).")
@click.option("--note", default="", help="Why it changed (kept with the version).")
@pass_ctx
def scheme(ctx, source, username, note):
    """Show the assessment scheme in force, or save a new version from JSON."""
    from ..services.assessment import current_scheme, save_scheme
    if source:
        if not username:
            raise click.UsageError("--by USER is needed to change the scheme")
        from ..domain.people import Role
        authenticate(ctx, username, Role.ADMIN, Role.LEADER)
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"{source}: not valid JSON ({exc})") from None
        version = save_scheme(ctx.store.uow(), username, data, note)
        ctx.emit({"version": version}, f"assessment scheme version {version} saved")
        return
    version, s = current_scheme(ctx.store.uow(write=False))
    ctx.emit({"version": version, "scheme": s.to_dict()},
             json.dumps({"version": version, **s.to_dict()}, ensure_ascii=False, indent=2))


@click.command()
@click.option("--period", help="2026-10 (monthly), 2026-W45 (weekly analysis), 2026-Q3 … "
              "(default: last month).")
@click.option("--out", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder for the files.")
@click.option("--format", "formats", default="xlsx,pdf", show_default=True,
              help="Comma-separated: xlsx, pdf.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the XLSX headings.")
@click.option("--at", "at", help="Judge as of this time (default: now).")
@click.option("--by", "made_by", default="", metavar="USER",
              help="Who issues it (kept with an ended period's "
              "issued bulletin, whose figures the next bulletin's 上期 reads).")
@pass_ctx
def report(ctx, period, out, formats, lang, at, made_by):
    """The bulletin (通报) of a period as XLSX (a sheet per level) and PDF. A period that has
    ended is issued: its figures are kept as published (a newer issue replaces them)."""
    from ..app.reports import write_bulletin
    now = ctx.at(at)
    p = _period(period, now)
    fmts = {f.strip() for f in formats.split(",") if f.strip()}
    if not fmts or fmts - {"xlsx", "pdf"}:
        raise click.BadParameter(f"{formats!r}: use xlsx, pdf or both", param_hint="--format")
    files = write_bulletin(ctx.store, p, Path(out), tuple(fmts), now, lang, made_by)
    ctx.emit({"period": p.label, "files": [str(f) for f in files]},
             "\n".join(str(f) for f in files))


@click.group()
def analyze():
    """分析研判: high-frequency problems, repeat complaints, trends."""


@analyze.command("frequent")
@click.option("--period")
@click.option("--by", type=click.Choice(["class_code", "cell_code", "street_code", "hour",
                                         "weekday", "source"]), default="class_code",
              show_default=True)
@click.option("--top", type=int, default=10, show_default=True)
@pass_ctx
def frequent(ctx, period, by, top):
    """高频问题: the most reported classes, places or times."""
    from ..analysis.patterns import high_frequency, load_points
    p = _period(period, ctx.store.now())
    t = high_frequency(load_points(ctx.store, p), by, top)
    recs = [{by: str(k), "cases": int(r.cases), "share": round(float(r.share), 4)}
            for k, r in t.iterrows()]
    ctx.emit({"period": p.label, "by": by, "rows": recs},
             "\n".join(f"{r[by]:<18} {r['cases']:>7,} {r['share']:>7.1%}" for r in recs))


@analyze.command("repeats")
@click.option("--period")
@click.option("--radius", type=float, default=50.0, show_default=True, help="metres")
@click.option("--window", type=float, default=30.0, show_default=True, help="days")
@click.option("--min-cases", type=int, default=3, show_default=True)
@click.option("--top", type=int, default=20, show_default=True)
@pass_ctx
def repeats(ctx, period, radius, window, min_cases, top):
    """重复投诉: places where one class keeps coming back."""
    from ..analysis.patterns import as_datetime, load_points, repeat_complaints
    p = _period(period, ctx.store.now())
    found = repeat_complaints(load_points(ctx.store, p), radius, window, min_cases, top)
    recs = [{"class_code": r.class_code, "cell_code": r.cell_code, "cases": r.cases,
             "x": round(r.x, 1), "y": round(r.y, 1), "first": as_datetime(r.first).isoformat(),
             "last": as_datetime(r.last).isoformat(), "case_ids": list(r.case_ids)}
            for r in found]
    ctx.emit({"period": p.label, "places": recs},
             "\n".join(f"{r['class_code']} {r['cell_code']} {r['cases']:>4}  {r['first'][:10]}"
                       f"…{r['last'][:10]}" for r in recs) or "no repeat places")


@analyze.command("trend")
@click.option("--period", help="default: the last 12 months")
@click.option("--class", "class_code")
@click.option("--level", type=click.Choice(["street", "community", "cell"]))
@click.option("--unit", help="street, community or cell code")
@click.option("--step", type=click.Choice(["day", "week", "month"]), default="month",
              show_default=True)
@pass_ctx
def trend_(ctx, period, class_code, level, unit, step):
    """The trend of a class (or all) in a unit (or the district)."""
    from ..analysis.patterns import trend
    now = ctx.store.now()
    p = Period.parse(period) if period else Period.containing(now.date()).trailing_months(12)
    s = trend(ctx.store, p, class_code, level, unit, step)
    recs = [{"start": f"{d:%Y-%m-%d}", "cases": int(v)} for d, v in s.items()]
    ctx.emit({"period": p.label, "class": class_code, "unit": unit, "rows": recs},
             "\n".join(f"{r['start']}  {r['cases']:>7,}" for r in recs))


@click.command()
@click.option("--at", "at", help="As of this time (default: now).")
@click.option("--cases", "show_cases", is_flag=True, help="List every case, not only units.")
@pass_ctx
def warnings(ctx, at, show_cases):
    """每日预警: overdue and about-to-be-overdue cases by unit, for the supervision order."""
    from ..analysis.warnings import by_unit, warning_list
    now = ctx.at(at)
    df = warning_list(ctx.store, now)
    units = by_unit(df)
    data = {"at": now.isoformat(timespec="minutes"),
            "units": [{"unit": u, "overdue": int(r.overdue), "warning": int(r.warning),
                       "worst_hours": float(r.worst_hours)} for u, r in units.iterrows()]}
    lines = [f"{now:%Y-%m-%d %H:%M}: {int((df.status == 'overdue').sum()) if len(df) else 0} "
             f"overdue, {int((df.status == 'warning').sum()) if len(df) else 0} about to be"]
    lines += [f"  {u:<20} 超期 {int(r.overdue):>4}  预警 {int(r.warning):>4}  最长超期 {r.worst_hours:.1f} h"
              for u, r in units.iterrows()]
    if show_cases:
        data["cases"] = [{"number": r.number, "unit": r.unit, "status": r.status,
                          "class_code": r.class_code, "overdue_hours": round(r.overdue_hours, 1)}
                         for r in df.itertuples()]
        lines += [f"    {r.number} {r.class_code} {r.unit} {r.status} {r.overdue_hours:+.1f} h"
                  for r in df.itertuples()]
    ctx.emit(data, "\n".join(lines))


COMMANDS = [indicators, assess, report, analyze, warnings]
