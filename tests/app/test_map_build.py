"""Building the map cache column at a time gives the arrays the value-by-value build gave.

`old_cases_from` and `old_raster` are the earlier code, kept verbatim as the reference: the
map cache's content must not change with the faster build.
"""

from datetime import datetime
from types import SimpleNamespace

import numpy as np
import pytest
import shapely
from factories import act, cell_center
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from gridapp.app import map_data
from gridapp.app.cell_raster import CellRaster
from gridapp.app.map_data import EPOCH, NO_TIME, SOURCES, STATES, Cases, MapData
from gridapp.domain.case import Source
from gridapp.domain.workflow import Action
from gridapp.services.reading import CASE_COLUMNS
from gridapp.store.case_columns import case_columns

T0 = datetime(2026, 11, 2, 9, 0)

# ---- the earlier, value-by-value build (reference) ------------------------------------------


def old_lookup_sorted(codes, values):
    if not len(codes):
        return np.full(len(values), -1, np.int32)
    v = np.array([x or "" for x in values], dtype=str)
    i = np.minimum(np.searchsorted(codes.astype(str), v), len(codes) - 1)
    return np.where(codes.astype(str)[i] == v, i, -1).astype(np.int32)


def old_times(values):
    out = np.full(len(values), NO_TIME, np.int64)
    present = [i for i, v in enumerate(values) if v is not None]
    if present:
        vals = [values[i] for i in present]
        if isinstance(vals[0], str):
            arr = np.array([v.replace(" ", "T")[:19] for v in vals], dtype="datetime64[s]")
        else:
            arr = np.array(vals, dtype="datetime64[s]")
        out[present] = (arr - EPOCH).astype(np.int64)
    return out


def old_cases_from(self, rows):
    cols = list(zip(*rows, strict=True))

    def idx(values, vocab, dtype):
        lookup = {v: i for i, v in enumerate(vocab)}
        return np.array([lookup.get(v, -1) for v in values], dtype)

    def ints(values):
        return np.array([-1 if v is None else v for v in values], np.int64)
    return Cases(
        id=np.array(cols[0], np.int64), x=np.array(cols[1], float),
        y=np.array(cols[2], float), state=idx(cols[3], STATES, np.int8),
        klass=idx(cols[4], self.classes, np.int16), source=idx(cols[5], SOURCES, np.int8),
        street=idx(cols[6], self.streets, np.int32),
        cell=old_lookup_sorted(self.cells.codes, cols[7]),
        segment=ints(cols[8]), department=ints(cols[9]), person=ints(cols[10]),
        chief=ints(cols[11]), reported=old_times(cols[12]), deadline=old_times(cols[13]),
        warning=old_times(cols[14]), closed=old_times(cols[15]), change=ints(cols[16]),
        supervisions=np.array([v or 0 for v in cols[17]], np.int16))


def old_raster(cells, extent, px):
    minx, miny, maxx, maxy = extent
    w = int(np.ceil((maxx - minx) / px)) + 1
    h = int(np.ceil((maxy - miny) / px)) + 1
    img = Image.new("I", (w, h), 0)
    draw = ImageDraw.Draw(img)
    sh = cells.shapes
    xs = (sh.coords[:, 0] - minx) / px
    ys = (maxy - sh.coords[:, 1]) / px
    for k in range(len(sh.ring_offsets) - 1):
        a, b = sh.ring_offsets[k], sh.ring_offsets[k + 1]
        pts = list(zip(xs[a:b].tolist(), ys[a:b].tolist(), strict=True))
        if len(pts) >= 3:
            draw.polygon(pts, fill=int(sh.ring_owner[k]) + 1)
    return np.asarray(img, dtype=np.int32)


# ---- the same arrays ------------------------------------------------------------------------


def assert_same_cases(new: Cases, old: Cases) -> None:
    for name in Cases.COLUMNS:
        a, b = getattr(new, name), getattr(old, name)
        assert a.dtype == b.dtype, name
        np.testing.assert_array_equal(a, b, err_msg=name)


def new_cases_from(vocab, rows) -> Cases:
    return MapData._cases_from_columns(vocab, list(zip(*rows, strict=True)))


VOCAB = SimpleNamespace(classes=np.array(["E0101", "E0102", "E0506"], dtype=object),
                        streets=np.array(["420102001", "420102002"], dtype=object),
                        cells=SimpleNamespace(codes=np.array(
                            ["420102001001001", "420102001001002", "420102002002007"],
                            dtype=object)))

def as_text(t: datetime) -> str:  # both forms a store may hold: with and without fractions
    return t.isoformat(" ", "microseconds" if t.microsecond % 2 else "seconds")


TEXT_TIMES = st.one_of(st.none(), st.datetimes(datetime(1971, 1, 1),
                                               datetime(2099, 1, 1)).map(as_text))


def case_row(codes):
    maybe_int = st.one_of(st.none(), st.integers(0, 2 ** 40))
    return st.tuples(
        st.integers(1, 2 ** 40), st.one_of(st.none(), st.floats(-1e7, 1e7)),
        st.one_of(st.none(), st.floats(-1e7, 1e7)),
        st.one_of(st.none(), st.sampled_from([*STATES, "gone"])),
        st.one_of(st.none(), st.sampled_from([*VOCAB.classes, "X9999"])),
        st.one_of(st.none(), st.sampled_from([*SOURCES, "fax"])),
        st.one_of(st.none(), st.sampled_from([*VOCAB.streets, "420102099"])),
        st.one_of(st.none(), st.sampled_from([*VOCAB.cells.codes, "", "420102001001000",
                                              "999999999999999"])),
        maybe_int, maybe_int, maybe_int, maybe_int,
        codes, codes, codes, codes,
        maybe_int, st.one_of(st.none(), st.integers(0, 30)))


@settings(max_examples=200, deadline=None)
@given(st.lists(case_row(TEXT_TIMES), min_size=1, max_size=40))
def test_case_columns_as_the_value_by_value_build(rows):
    assert_same_cases(new_cases_from(VOCAB, rows), old_cases_from(VOCAB, rows))


@settings(max_examples=50, deadline=None)
@given(st.lists(case_row(st.one_of(st.none(), st.datetimes(datetime(1971, 1, 1),
                                                            datetime(2099, 1, 1)))),
                min_size=1, max_size=20))
def test_case_columns_from_datetimes_as_before(rows):
    # PostgreSQL and the in-memory store give datetimes, not text
    assert_same_cases(new_cases_from(VOCAB, rows), old_cases_from(VOCAB, rows))


@settings(max_examples=30, deadline=None)
@given(st.lists(case_row(TEXT_TIMES), min_size=0, max_size=30), st.integers(1, 7),
       st.integers(1, 9))
def test_rows_in_batches_make_the_same_arrays(rows, batch, every):
    """However the store batches the rows; progress counts them all, in order."""
    class Read:
        def case_columns(self):
            for k in range(0, len(rows), batch):
                yield list(zip(*rows[k:k + batch], strict=True))
    heard = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(map_data, "PROGRESS_ROWS", every)
        got = MapData._read_cases(VOCAB, Read(), progress=lambda d, t, w: heard.append(d),
                                  total=len(rows))
    if rows:
        assert_same_cases(got, old_cases_from(VOCAB, rows))
        assert heard[-1] == len(rows) and heard == sorted(set(heard))
    else:
        assert len(got) == 0 and heard == []


def test_all_none_and_all_absent_columns():
    rows = [(1, None, None, None, None, None, None, None, None, None, None, None,
             "2026-11-02 09:00:00", None, None, None, None, None),
            (2, 1.0, 2.0, "new", "E0102", "video", "420102002", "420102002002007", 3, 4, 5, 6,
             "2026-11-02T09:00:00.999999", None, None, None, 7, 2)]
    assert_same_cases(new_cases_from(VOCAB, rows), old_cases_from(VOCAB, rows))
    empty = SimpleNamespace(classes=np.array([], dtype=object), streets=np.array(
        [], dtype=object), cells=SimpleNamespace(codes=np.array([], dtype=object)))
    assert_same_cases(new_cases_from(empty, rows), old_cases_from(empty, rows))


# ---- the column-wise read of SQLite (store/case_columns.py) -------------------------------

CASES_TABLE = """CREATE TABLE cases (id INTEGER NOT NULL PRIMARY KEY, x FLOAT, y FLOAT,
    state VARCHAR(24), class_code VARCHAR(5), source VARCHAR(32), street_code VARCHAR(9),
    cell_code VARCHAR(15), segment_id INTEGER, assignee_department_id INTEGER,
    assignee_person_id INTEGER, road_chief_id INTEGER, reported_at DATETIME,
    deadline_at DATETIME, warning_at DATETIME, closed_at DATETIME, change_seq BIGINT,
    supervision_count INTEGER)"""  # the store's types (their affinities) for these columns


def sqlite_cases(rows):
    """A bare SQLite database holding `rows` (CASE_COLUMNS) in a table like the store's."""
    import sqlean
    conn = sqlean.connect(":memory:")
    conn.execute(CASES_TABLE)
    conn.executemany(f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(CASE_COLUMNS))})", rows)
    return conn


def columnar_and_plain(rows, chunk):
    """The cases built from the column-wise read, and (the reference) the value-by-value
    build from the rows as the driver returns them."""
    conn = sqlite_cases(rows)

    class Read:
        def case_columns(self):
            yield from case_columns(conn.cursor(), chunk)
    stored = conn.execute(f"SELECT {', '.join(CASE_COLUMNS)} FROM cases ORDER BY id").fetchall()
    return MapData._read_cases(VOCAB, Read()), old_cases_from(VOCAB, stored)


ODD_TIMES = st.one_of(TEXT_TIMES, st.datetimes(datetime(1971, 1, 1), datetime(2099, 1, 1)).map(
    lambda t: t.isoformat("T")), st.dates().map(lambda d: d.isoformat()).filter(
    lambda d: "1971" <= d < "2099"))


STORED_TIMES = st.one_of(st.none(), st.datetimes(datetime(1971, 1, 1), datetime(2099, 1, 1)).map(
    lambda t: t.isoformat(" ", "microseconds")))  # as SQLAlchemy writes them: the fast form


@settings(max_examples=150, deadline=None)
@given(st.one_of(*(st.lists(case_row(times), min_size=0, max_size=30,
                            unique_by=lambda r: r[0])
                   for times in (st.one_of(ODD_TIMES, STORED_TIMES), STORED_TIMES))),
       st.integers(1, 8))
def test_column_wise_read_as_the_value_by_value_build(rows, chunk):
    """Whatever NULLs, absent codes, time forms and chunk boundaries (ids are sparse)."""
    if not rows:
        assert len(MapData._read_cases(VOCAB, SimpleNamespace(case_columns=lambda: iter(
            list(case_columns(sqlite_cases(rows).cursor(), chunk)))))) == 0
        return
    new, old = columnar_and_plain(rows, chunk)
    assert_same_cases(new, old)


def test_what_the_column_form_cannot_carry_comes_as_rows():
    """A time SQLite cannot read, a real in an integer column: that chunk is plain rows,
    decoded as before (the neighbouring chunks stay column-wise)."""
    base = (None, 1.5, 2.5, "new", "E0102", "video", "420102002", "420102002002007", 3, 4, 5,
            6, "2026-11-02 09:00:00.999999", None, None, None, 7, 2)
    rows = [(i, *base[1:]) for i in (1, 5, 9, 12, 20, 21)]
    rows[2] = (*rows[2][:8], 3.5, *rows[2][9:])          # segment 3.5
    rows[4] = (*rows[4][:13], "2026-11-02 24:61", *rows[4][14:])  # no time SQLite reads
    conn = sqlite_cases(rows)
    chunks = list(case_columns(conn.cursor(), 2))
    assert [type(c[0]) for c in chunks] == [np.ndarray, tuple, tuple]
    assert chunks[1] == list(zip(*conn.execute(
        f"SELECT {', '.join(CASE_COLUMNS)} FROM cases WHERE id IN (9, 12)").fetchall(), strict=True))
    new, old = columnar_and_plain(rows[:4], 2)
    assert_same_cases(new, old)
    # a text holding the separator or the NULL mark: the counts tell, the rows decode it
    odd = [(*rows[0][:4], "E01\x1f02", *rows[0][5:]), (*rows[1][:6], "\x1e", *rows[1][7:])]
    new, old = columnar_and_plain(odd, 1)
    assert_same_cases(new, old)


@pytest.fixture
def loaded(sqlite_store):
    """A store with cases in several states and cells."""
    def report(comm, serial):
        x, y = cell_center(comm, serial)
        return act(sqlite_store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
                   class_code="E0102", x=x, y=y, at=T0).case
    a = report("420102001001", 2)
    report("420102002002", 7)
    report("420102002001", 3)
    act(sqlite_store, "acceptor", a.id, Action.REGISTER, at=T0)
    act(sqlite_store, "dispatcher", a.id, Action.DISPATCH,
        assignee=("department", "sanitation"), at=T0)
    return sqlite_store


def test_a_store_builds_the_same_case_arrays_as_before(loaded, tmp_path):
    data = MapData.load(loaded, tmp_path / "map.npz")
    rows = [r for chunk in loaded.read_model.case_rows() for r in chunk]
    assert len(data.cases) == 3
    assert_same_cases(data.cases, old_cases_from(data, rows))
    assert (data.cases.deadline != NO_TIME).any()


def test_cell_raster_as_before(loaded):
    data = MapData.load(loaded)
    for px in (3.0, 10.0, 37.5):
        new = CellRaster.build(data.cells, data.extent, px)
        np.testing.assert_array_equal(new.ids, old_raster(data.cells, data.extent, px))


CODES = st.text("ab12", max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(CODES, max_size=12), st.lists(CODES, max_size=20), st.booleans())
def test_sorted_position_is_searchsorted(vocab, values, ordered):
    """Places find their street, community and class as searchsorted did: codes present,
    absent, repeated, and a vocabulary out of order."""
    arr = np.array(sorted(vocab) if ordered else vocab, dtype=object)
    got = map_data.sorted_position(arr, values)
    want = np.searchsorted(arr, values) if len(values) else np.zeros(0, np.intp)
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(got, want)


def _square(x, y, s=1.0, hole=False):
    shell = [(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)]
    inner = [[(x + .2, y + .2), (x + .4, y + .2), (x + .4, y + .4), (x + .2, y + .2)]]
    return shapely.Polygon(shell, inner if hole else None)


OUTLINE_CASES = {
    "one polygon each": [shapely.MultiPolygon([_square(i, 0)]) for i in range(5)],
    "several parts": [shapely.MultiPolygon([_square(0, 0), _square(3, 3, 2)]),
                      shapely.MultiPolygon([_square(9, 9)])],
    "a hole": [shapely.MultiPolygon([_square(0, 0, 1, True)]),
               shapely.MultiPolygon([_square(5, 5)])],
    "z": [shapely.force_3d(shapely.MultiPolygon([_square(0, 0)]), 7.0)],
    "an empty one": [shapely.MultiPolygon([_square(0, 0)]), shapely.MultiPolygon()],
    "polygons among them": [shapely.MultiPolygon([_square(0, 0)]), _square(4, 4)],
    "lines": [shapely.MultiLineString([[(0, 0), (1, 1)], [(2, 2), (3, 1), (4, 4)]])],
}


@pytest.mark.parametrize("name", OUTLINE_CASES)
def test_outlines_as_to_ragged_array(name):
    """Cells' outlines taken without splitting out every ring are to_ragged_array's."""
    geoms = np.array(OUTLINE_CASES[name], dtype=object)
    got, want = map_data.Ragged.from_geoms(geoms), map_data.Ragged._from_ragged_array(geoms)
    for field in ("coords", "ring_offsets", "ring_owner"):
        a, b = getattr(got, field), getattr(want, field)
        assert a.dtype == b.dtype and a.shape == b.shape, (name, field)
        np.testing.assert_array_equal(a, b, err_msg=f"{name}: {field}")
    fast = map_data._outlines(geoms)
    assert (fast is not None) == (name in {"one polygon each", "several parts"})
