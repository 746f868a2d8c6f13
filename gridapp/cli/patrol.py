"""`gridapp patrol`: patrol tracks in, patrol calendars and 巡查到位率 out."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import click

from . import pass_ctx
from .auth import authenticate


@click.group()
def patrol():
    """巡查: road chiefs' and grid workers' tracks, calendars, compliance."""


@patrol.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--as", "user", required=True,
              help="An administrator (anyone's tracks) or the person whose tracks they are.")
@click.option("--person", help="Whose track it is, when the file does not say (GPX).")
@click.option("--coords", type=click.Choice(["wgs84", "gcj02", "bd09"]), default="wgs84",
              show_default=True, help="What the lon/lat are (Amap apps: gcj02).")
@pass_ctx
def patrol_import(ctx, paths, user, person, coords):
    """Import GPX, CSV or GeoJSON point tracks (person, time, lon, lat); each person-day is
    matched against the segments that person was in charge of that day."""
    from ..analysis.patrol import import_tracks
    from ..io.tracks import read_tracks
    from ..io.zone import district_zone
    authenticate(ctx, user)
    store = ctx.store
    with store.read() as conn:
        known = set(conn.exec_driver_sql("SELECT username FROM people").scalars())
    zone = district_zone(store)
    days = []
    for path in paths:  # every file checked before anything is written
        days += [(Path(path).name, d) for d in read_tracks(Path(path), store.srid, zone,
                                                           person, coords, known)]
    total = None
    for name in dict.fromkeys(n for n, _ in days):
        r = import_tracks(store, [d for n, d in days if n == name], name, user)
        total = r if total is None else type(r)(*(a + b for a, b in zip(total, r, strict=True)))
    ctx.emit(total.__dict__, f"{total.tracks} track(s), {total.points:,} points, "
             f"{total.person_days} person-day(s); {total.segment_days} segment-day(s) walked; "
             f"{total.skipped} already imported")


def _month(text: str | None) -> tuple[date, date]:
    if not text:
        today = date.today()
        first = today.replace(day=1)
    else:
        try:
            first = date.fromisoformat(text + "-01")
        except ValueError:
            raise click.BadParameter(f"{text!r} is not a month like 2026-11") from None
    nxt = (first + timedelta(days=32)).replace(day=1)
    return first, nxt


@patrol.command("calendar")
@click.option("--person", required=True, help="The road chief.")
@click.option("--month", help="YYYY-MM (default: this month).")
@pass_ctx
def patrol_calendar(ctx, person, month):
    """A road chief's patrol calendar: per segment and day ✓ patrolled, ✗ missed, · not due,
    ○ due and still open; his 巡查到位率 and kilometres."""
    from ..analysis.patrol import calendars, chief_rates, compliance
    store = ctx.store
    start, end = _month(month)
    with store.uow(write=False) as uow:
        who = uow.people.by_username(person)
        share = uow.config.settings().patrol.share
        today = uow.now().date()
    c = compliance(store, start, end, today, share)
    w = c.windows[c.windows.chief_id == who.id]
    segs = sorted(set(w.segment_id))
    cals = calendars(c, segs, start, end, today)
    rates = chief_rates(c)
    due = int(rates.patrol_due.get(who.id, 0)) if len(rates) else 0
    done = int(rates.patrolled.get(who.id, 0)) if len(rates) else 0
    km = float(c.km[c.km.person_id == who.id].metres.sum()) / 1000
    mark = {"patrolled": "✓", "missed": "✗", "open": "○", "": "·"}
    lines = [f"{who.name} ({person}) {start:%Y-%m}: 巡查到位率 "
             + (f"{done / due:.1%}" if due else "—") + f" ({done}/{due}), {km:.1f} km"]
    with store.read() as conn:
        names = dict(conn.exec_driver_sql("SELECT id, name FROM road_segments").all())
    for cal in cals:
        row = "".join(mark[cal.days[d]] for d in sorted(cal.days))
        last = f"last {cal.last_patrol:%m-%d}" if cal.last_patrol else "never"
        lines.append(f"{names.get(cal.segment_id, cal.segment_id)[:16]:<16} "
                     f"every {cal.every}d {row} {last}")
    ctx.emit({"person": person, "month": f"{start:%Y-%m}", "due": due, "patrolled": done,
              "rate": done / due if due else None, "km": round(km, 3),
              "segments": [{"segment_id": cal.segment_id, "every": cal.every,
                            "days": {d.isoformat(): v for d, v in cal.days.items()},
                            "last_patrol": cal.last_patrol} for cal in cals]},
             "\n".join(lines))


@patrol.command("rematch")
@click.option("--from", "start", required=True, help="First day (YYYY-MM-DD).")
@click.option("--to", "end", required=True, help="Day after the last (YYYY-MM-DD).")
@click.option("--as", "user", required=True, help="An administrator.")
@pass_ctx
def patrol_rematch(ctx, start, end, user):
    """Match stored tracks again (after patrol.distance_m or assignments changed)."""
    from ..analysis.patrol import rematch
    from .auth import as_admin
    as_admin(ctx, user)
    n = rematch(ctx.store, date.fromisoformat(start), date.fromisoformat(end))
    ctx.emit({"segment_days": n}, f"{n} segment-day(s) walked")


COMMANDS = [patrol]
