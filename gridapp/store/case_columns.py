"""Every case's map columns read column-wise on SQLite, for building the map cache.

Fetching rows makes a Python object per value and the map then takes the rows apart into
columns again (at a million cases that cost as much as the read). Here SQLite joins each
chunk's column into one string (`group_concat`, in C) and numpy parses the numbers and reads
the times as fixed-width strings. Only the coordinates are fetched as rows: no text form of
a float is both exact and cheaper than the driver's own conversion.

Anything the fast form cannot carry exactly (a time not written as SQLAlchemy writes them,
a non-integer in an integer column, a separator inside a text) makes that chunk come as
plain rows instead, which the map decodes as it always did (tests/app/test_map_build.py
compares the arrays built both ways on odd values, NULLs and chunk boundaries).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy as np

from ..services.reading import CASE_COLUMNS, NULL_TEXT

CHUNK = 20_000  # cases per query: each chunk's strings stay small, progress moves often

# CASE_COLUMNS by what SQL makes of them
_INTS = {"id": None, "segment_id": -1, "assignee_department_id": -1,
         "assignee_person_id": -1, "road_chief_id": -1, "change_seq": -1,
         "supervision_count": 0}  # the value of NULL
_TIMES = ("reported_at", "deadline_at", "warning_at", "closed_at")
_TEXTS = ("state", "class_code", "source", "street_code", "cell_code")
_SEP = "\x1f"  # between text values: no code holds it
TIME_WIDTH = 26  # "YYYY-MM-DD HH:MM:SS.ffffff", as SQLAlchemy writes every time


def _int(column: str) -> str:
    none = _INTS[column]
    return column if none is None else f"COALESCE({column}, {none})"


_NUMBERS = [c for c in CASE_COLUMNS if c in _INTS]
# a range of ids scanned in id order, no subquery (a subquery copies every row's values once
# more); the separators are literals (SpatiaLite makes a bound one or char() cost more).
# Times come as their text (SQLite's unixepoch cost a third of the query), a NULL as as many
# NUL characters: numpy then reads the column as fixed-width strings, "" being NaT
_SQL = ("SELECT count(*), "
        + ", ".join(f"group_concat({_int(c)}, ',')" for c in _NUMBERS) + ", "
        + ", ".join(f"group_concat(COALESCE({c}, CAST(zeroblob({TIME_WIDTH}) AS TEXT)), "
                    f"'{_SEP}')" for c in _TIMES) + ", "
        + ", ".join(f"group_concat(COALESCE({c}, '{NULL_TEXT}'), '{_SEP}')" for c in _TEXTS)
        + " FROM cases WHERE id > ? AND id <= ?")
# the coordinates, and where the chunk ends (its last id bounds the columns' query)
_XY = "SELECT id, x, y FROM cases WHERE id > ? ORDER BY id LIMIT ?"
_ROWS = f"SELECT {', '.join(CASE_COLUMNS)} FROM cases WHERE id > ? AND id <= ? ORDER BY id"


def case_columns(cur, chunk: int = CHUNK) -> Iterator[list[Any]]:
    """CASE_COLUMNS of every case in id order, a chunk at a time, one sequence per column.

    Numbers come as int64 arrays (NULL as -1, a NULL supervision count as 0), times as
    numpy byte strings of their first 19 characters (b"" for NULL), texts as lists of str
    (NULL_TEXT for NULL), coordinates as float arrays (NaN for NULL); a chunk that does not
    fit comes as the plain values of its rows, column by column. `cur`: a cursor inside one
    read transaction (the chunks must see the same store)."""
    after = -(2 ** 63)
    n_ints, n_times = len(_NUMBERS), len(_TIMES)
    while True:
        rows = cur.execute(_XY, (after, chunk)).fetchall()
        if not rows:
            return
        n, ids = len(rows), (after, rows[-1][0])
        xy = _coordinates(rows)
        got = cur.execute(_SQL, ids).fetchone()
        numbers = _parsed(got[1:1 + n_ints], n) if got[0] == n else None
        times = [_times(v, n) for v in got[1 + n_ints:1 + n_ints + n_times]]
        texts = [v.split(_SEP) for v in got[1 + n_ints + n_times:]]
        if numbers is None or any(t is None for t in times) \
                or any(len(t) != n for t in texts) or not (np.diff(numbers[0]) > 0).all():
            yield list(zip(*cur.execute(_ROWS, ids).fetchall(), strict=True))
        else:
            by_name = dict(zip(_NUMBERS, numbers, strict=True)) | dict(
                zip(_TIMES, times, strict=True)) | dict(zip(_TEXTS, texts, strict=True)) | {
                "x": xy[:, 0], "y": xy[:, 1]}
            yield [by_name[c] for c in CASE_COLUMNS]
        after = rows[-1][0]


def _times(joined: str, n: int) -> np.ndarray | None:
    """The first 19 characters of each of n times of TIME_WIDTH characters (NUL characters
    for NULL) as bytes, or None when they are not all that wide (a time written another way,
    a number: the rows tell what it is)."""
    b = (joined + _SEP).encode()  # one byte a character when all are ASCII
    width = TIME_WIDTH + 1
    if len(b) != width * n or \
            not (np.frombuffer(b, np.uint8)[TIME_WIDTH::width] == ord(_SEP)).all():
        return None
    return np.frombuffer(b, f"S{width}").astype("S19")


def _coordinates(rows: list) -> np.ndarray:
    """(n, 2) floats of the rows' x and y (NaN for NULL)."""
    try:  # flattened: numpy reads it at a third of the cost of the tuples
        return np.fromiter(chain.from_iterable(rows), float, 3 * len(rows)).reshape(-1, 3)[:, 1:]
    except TypeError:  # a NULL (an unplaced case): the slower conversion makes it NaN
        return np.array([r[1:] for r in rows], float)


def _parsed(strings, n: int) -> list[np.ndarray] | None:
    """Each comma-joined column as int64, or None when any is not n plain integers."""
    out = []
    for s in strings:
        try:
            a = np.fromstring(s, np.int64, sep=",") if s else np.empty(0, np.int64)
        except ValueError:  # not an integer throughout (a real, a text)
            return None
        if len(a) != n:  # (every NULL is COALESCEd: a safeguard)
            return None
        out.append(a)
    return out
