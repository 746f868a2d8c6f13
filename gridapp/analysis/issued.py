"""上期 as issued: a bulletin of an ended period keeps its figures in the store, and the next
period's bulletin reads its 上期 columns from them instead of recomputing last period today
(a command room compares with last month as it was published, not as it reads now).

A level's table is one blob: its columns as typed JSON lists, zlib-compressed. Floats go
through JSON as their shortest repr, so they come back bit-equal."""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from ..domain.indicators import Level
from ..store import issued as q

# columns of a bulletin table that belong to its own 上期, not to the period: not kept
RELATIVE = ("prev_score", "prev_rank", "change", "rank_change")


@dataclass(frozen=True)
class Issue:
    """A period's bulletin as it was published."""

    period: str
    made_at: datetime
    made_by: str
    scheme_version: int
    issue: int
    headline: dict
    classes: pd.Series               # cases reported per class
    tables: dict[Level, pd.DataFrame]


def _plain(v):
    """A JSON value: NaN and pandas' missing as null, numpy scalars as Python's."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return v.item() if isinstance(v, np.generic) else v


def _column(s: pd.Series | pd.Index) -> dict:
    """A column's dtype and values; numpy columns as they are (NaN travels as JSON's NaN
    token, read back by json.loads), others with their missing values as null."""
    if isinstance(s.dtype, np.dtype) and s.dtype.kind in "biuf":
        return {"dtype": str(s.dtype), "values": s.to_numpy().tolist()}
    values = s.tolist()
    for i in np.flatnonzero(np.asarray(s.isna())).tolist():
        values[i] = None
    return {"dtype": str(s.dtype), "values": values}


def _restore(c: dict):
    dtype, values = c["dtype"], c["values"]
    if dtype in ("float64", "int64", "bool"):
        return np.array(values, dtype)
    return pd.array(values, dtype=dtype)


def encode_table(t: pd.DataFrame) -> bytes:
    """One level's table (its index and every column but the relative ones) as a blob."""
    cols = [c for c in t.columns if c not in RELATIVE]
    doc = {"index": _column(t.index), "index_name": t.index.name,
           "columns": [[c, _column(t[c])] for c in cols]}
    return zlib.compress(json.dumps(doc, ensure_ascii=False, default=_plain).encode(), 1)


def decode_table(blob: bytes) -> pd.DataFrame:
    doc = json.loads(zlib.decompress(blob))
    index = pd.Index(_restore(doc["index"]), name=doc["index_name"])
    return pd.DataFrame({c: _restore(col) for c, col in doc["columns"]}, index=index)


def record(period: str, made_at: datetime, made_by: str, scheme_version: int, issue: int,
           headline: dict, classes: pd.Series,
           tables: dict[Level, pd.DataFrame]) -> q.IssuedRecord:
    """What the store keeps of a bulletin being issued."""
    return q.IssuedRecord(
        period, made_at, made_by, scheme_version, issue,
        json.dumps({k: _plain(v) for k, v in headline.items()}, allow_nan=False),
        json.dumps({str(k): int(v) for k, v in classes.items()}, ensure_ascii=False),
        {lv.value: encode_table(t) for lv, t in tables.items()})


def read(conn, period: str) -> Issue | None:
    """The period's issued bulletin, or None when none was issued."""
    r = q.read(conn, period)
    if r is None:
        return None
    return Issue(r.period, r.made_at, r.made_by, r.scheme_version, r.issue,
                 json.loads(r.headline),
                 pd.Series(json.loads(r.classes), dtype=np.int64),
                 {Level(lv): decode_table(blob) for lv, blob in r.levels.items()})
