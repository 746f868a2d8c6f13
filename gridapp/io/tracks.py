"""Patrol tracks as phones and GPS loggers export them: GPX tracks and routes, CSV and GeoJSON
point tracks (person, time, lon/lat), in WGS-84, GCJ-02 or BD-09.

Every row is checked first; a problem is named as `file, row N [column]: …` (N as Excel or
a text editor shows it) and nothing is kept while any is left. Times with an offset (GPX
times are UTC) are converted into the district's wall clock; times without one are read as
the district's. Epoch numbers (seconds or milliseconds, as apps write them) are UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from ..domain.errors import InvalidInput
from .crs import lonlat_to_store

COLUMNS = {  # our field: the headers phone apps and loggers use
    "person": ("person", "user", "username", "account", "人员", "账号", "用户", "巡查人", "路长"),
    "time": ("time", "timestamp", "datetime", "date_time", "时间", "定位时间", "采集时间"),
    "lon": ("lon", "lng", "longitude", "x", "经度"),
    "lat": ("lat", "latitude", "y", "纬度"),
}
MAX_PROBLEMS = 30


@dataclass(frozen=True)
class PersonDay:
    """One person's fixes of one day, in time order (store CRS)."""

    person: str
    day: object
    t: np.ndarray      # datetime64[s], district wall clock
    x: np.ndarray
    y: np.ndarray


class TrackProblems(InvalidInput):
    pass


def read_tracks(path: Path, srid: int, zone: str, person: str | None = None,
                coords: str = "wgs84", known: set[str] | None = None) -> list[PersonDay]:
    """Every person-day of the file; InvalidInput listing every problem when any."""
    path = Path(path)
    suffix = path.suffix.lower()
    problems: list[str] = []
    if not path.exists():
        raise InvalidInput(f"{path.name}: no such file")
    if suffix == ".gpx":
        df, first_row = _gpx(path), 0
    elif suffix in (".csv", ".txt"):
        df, first_row = _csv(path), 2
    elif suffix in (".geojson", ".json"):
        df, first_row = _geojson(path), 1
    else:
        raise InvalidInput(f"{path.name}: a track is GPX, CSV or GeoJSON, not {suffix or 'this'}")
    if df.empty:
        raise InvalidInput(f"{path.name}: no track points in the file")
    rows = np.arange(len(df)) + first_row  # as the file shows them (features: 1, 2, …)
    if person:
        df["person"] = person
    for col in ("person", "time", "lon", "lat"):
        if col not in df.columns:
            what = "--person USER" if col == "person" else f"a {col} column"
            raise InvalidInput(f"{path.name}: no {col} ({' / '.join(COLUMNS[col][:6])}); "
                               f"give {what}")
    people = df["person"].astype(str).str.strip()
    for i in np.flatnonzero((people == "") | df["person"].isna()):
        problems.append(f"{path.name}, row {rows[i]} [person]: empty")
    if known is not None:
        for name in sorted(set(people) - known - {""}):
            i = int(np.flatnonzero(people == name)[0])
            problems.append(f"{path.name}, row {rows[i]} [person]: {name!r} is no user of "
                            "this store")
    t = _times(df["time"], zone)
    for i in np.flatnonzero(pd.isna(t)):
        problems.append(f"{path.name}, row {rows[i]} [time]: {df['time'].iloc[i]!r} is not a "
                        "time such as 2026-11-02 09:30:05 or 2026-11-02T01:30:05Z")
    lon = pd.to_numeric(df["lon"], errors="coerce").to_numpy(float)
    lat = pd.to_numeric(df["lat"], errors="coerce").to_numpy(float)
    bad = ~np.isfinite(lon) | ~np.isfinite(lat)
    for i in np.flatnonzero(bad):
        problems.append(f"{path.name}, row {rows[i]} [lon/lat]: ({df['lon'].iloc[i]!r}, "
                        f"{df['lat'].iloc[i]!r}) is no position")
    outside = ~bad & ((lon < 73) | (lon > 136) | (lat < 3) | (lat > 54))
    for i in np.flatnonzero(outside):
        swapped = 73 <= lat[i] <= 136 and 3 <= lon[i] <= 54
        problems.append(f"{path.name}, row {rows[i]} [lon/lat]: ({lon[i]}, {lat[i]}) is not in "
                        f"China{' (longitude and latitude look swapped)' if swapped else ''}")
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = f"\n… and {len(problems) - MAX_PROBLEMS} more" if len(problems) > MAX_PROBLEMS \
            else ""
        raise TrackProblems(f"{len(problems)} problem(s); nothing was imported:\n"
                            + "\n".join(shown) + more)
    x, y = lonlat_to_store(lon, lat, coords, srid)
    frame = pd.DataFrame({"person": people.to_numpy(), "t": t.to_numpy(),
                          "x": np.asarray(x, float), "y": np.asarray(y, float)})
    frame["day"] = frame.t.dt.date
    frame = frame.sort_values(["person", "t"], kind="stable")
    out = []
    for (who, day), g in frame.groupby(["person", "day"], sort=True):
        out.append(PersonDay(str(who), day, g.t.to_numpy().astype("datetime64[s]"),
                             g.x.to_numpy(), g.y.to_numpy()))
    return out


def _times(s: pd.Series, zone: str) -> pd.Series:
    """District wall-clock times (naive); NaT where a value is no time."""
    if pd.api.types.is_numeric_dtype(s):
        v = pd.to_numeric(s, errors="coerce")
        unit = "ms" if v.dropna().abs().median() > 1e11 else "s"
        aware = pd.to_datetime(v, unit=unit, utc=True, errors="coerce")
        return aware.dt.tz_convert(ZoneInfo(zone)).dt.tz_localize(None)
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        return s.dt.tz_convert(ZoneInfo(zone)).dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(s):
        return s
    text = s.astype(str).str.strip().str.replace("/", "-", regex=False)
    has_zone = text.str.contains(r"(?:Z|[+-]\d{2}:?\d{2})$", regex=True, na=False)
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    if has_zone.any():
        aware = pd.to_datetime(text[has_zone], utc=True, errors="coerce", format="ISO8601")
        out[has_zone] = aware.dt.tz_convert(ZoneInfo(zone)).dt.tz_localize(None)
    if (~has_zone).any():
        out[~has_zone] = pd.to_datetime(text[~has_zone], errors="coerce", format="ISO8601")
    return out


def _rename(df: pd.DataFrame) -> pd.DataFrame:
    lower = {str(c).strip().lower(): c for c in df.columns}
    renames = {}
    for ours, names in COLUMNS.items():
        for n in names:
            if n.lower() in lower and ours not in renames.values():
                renames[lower[n.lower()]] = ours
                break
    return df.rename(columns=renames)


def _csv(path: Path) -> pd.DataFrame:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InvalidInput(f"{path.name}: neither UTF-8 nor GBK text")
    import io
    sep = "\t" if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else ","
    df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    df = _rename(df)
    if "time" in df and df["time"].str.fullmatch(r"\d{9,13}").all():
        df["time"] = pd.to_numeric(df["time"])
    return df


def _geojson(path: Path) -> pd.DataFrame:
    import json
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{path.name}: not GeoJSON ({exc})") from None
    rows = []
    for k, f in enumerate(doc.get("features", []), start=1):
        g = f.get("geometry") or {}
        props = dict(f.get("properties") or {})
        if g.get("type") != "Point" or len(g.get("coordinates") or ()) < 2:
            raise InvalidInput(f"{path.name}, feature {k}: a point track has Point features, "
                               f"not {g.get('type') or 'no geometry'}")
        props["lon"], props["lat"] = g["coordinates"][:2]
        rows.append(props)
    df = _rename(pd.DataFrame(rows))
    if "time" in df and pd.api.types.is_numeric_dtype(df["time"]):
        df["time"] = pd.to_numeric(df["time"])
    return df


def _gpx(path: Path) -> pd.DataFrame:
    import pyogrio
    try:
        layers = {name for name, _ in pyogrio.list_layers(path)}
        parts = []
        for layer in ("track_points", "route_points"):
            if layer not in layers:
                continue
            df = pyogrio.read_dataframe(path, layer=layer, columns=["time"])
            if len(df):
                parts.append(df)
    except Exception as exc:  # noqa: BLE001 (GDAL's own message names what is wrong)
        raise InvalidInput(f"{path.name}: not a readable GPX file ({exc})") from None
    if not parts:
        return pd.DataFrame()
    df = pd.concat(parts, ignore_index=True)
    out = pd.DataFrame({"time": df["time"], "lon": df.geometry.x, "lat": df.geometry.y})
    if out["time"].isna().all():
        raise InvalidInput(f"{path.name}: its points carry no times (a planned route, not a "
                           "patrol that was walked)")
    return out
