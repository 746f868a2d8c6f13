"""Test data: a small but complete district (江岸区-like codes) with people in every role."""

from __future__ import annotations

from datetime import datetime

from shapely.geometry import LineString, MultiLineString, MultiPolygon, box

from gridapp.bootstrap import create_store
from gridapp.domain.codes import grid_code
from gridapp.domain.people import AssignmentKind, Role
from gridapp.domain.places import Area, ComponentAsset, RoadClass, RoadSegment, UnitGridCell
from gridapp.services import admin
from gridapp.services.places import PlaceLayers, load_places

X0, Y0 = 529000.0, 3386000.0  # Wuhan, in EPSG:4547 metres
DISTRICT = "420102"
STREETS = {"420102001": "一元街", "420102002": "大智街"}
SINCE = datetime(2025, 1, 1)

# Street 001 is the west half, 002 the east half; each has a north and a south community.
COMMUNITIES = {
    "420102001001": ("三阳社区", box(X0, Y0 + 200, X0 + 400, Y0 + 400)),
    "420102001002": ("一元社区", box(X0, Y0, X0 + 400, Y0 + 200)),
    "420102002001": ("保成社区", box(X0 + 400, Y0 + 200, X0 + 800, Y0 + 400)),
    "420102002002": ("大智社区", box(X0 + 400, Y0, X0 + 800, Y0 + 200)),
}

PEOPLE = [  # username, name, roles, department
    ("acceptor", "张受理", [Role.ACCEPTOR], None),
    ("leader_shift", "李值班", [Role.SHIFT_LEADER], None),
    ("dispatcher", "王派遣", [Role.DISPATCHER], None),
    ("worker1", "赵网格", [Role.GRID_WORKER], None),
    ("worker2", "孙网格", [Role.GRID_WORKER], None),
    ("sanitation1", "陈环卫", [Role.DEPT_HANDLER], "sanitation"),
    ("sanitation2", "周环卫", [Role.DEPT_HANDLER], "sanitation"),
    ("municipal1", "刘市政", [Role.DEPT_HANDLER], "municipal"),
    ("water1", "吴水务", [Role.DEPT_HANDLER], "water"),
    ("enforce1", "郑执法", [Role.DEPT_HANDLER], "enforcement"),
    ("chief1", "路长甲", [Role.ROAD_CHIEF], "enforcement"),
    ("chief2", "路长乙", [Role.ROAD_CHIEF], "enforcement"),
    ("boss", "钱领导", [Role.LEADER], None),
    ("street1", "一元街处置员", [Role.DEPT_HANDLER], "street-420102001"),
    ("street2", "大智街处置员", [Role.DEPT_HANDLER], "street-420102002"),
    # A supervisor who is also a handler: the 监管分离 rule must stop him verifying his own fix.
    ("dual", "双岗员", [Role.GRID_WORKER, Role.DEPT_HANDLER], "sanitation"),
]


def mini_layers() -> PlaceLayers:
    district = MultiPolygon([box(X0, Y0, X0 + 800, Y0 + 400)])
    streets = [Area(code, name, MultiPolygon([box(X0 + (0 if code.endswith("1") else 400), Y0,
                                                  X0 + (400 if code.endswith("1") else 800),
                                                  Y0 + 400)]))
               for code, name in STREETS.items()]
    communities = [Area(code, name, MultiPolygon([geom]), code[:9])
                   for code, (name, geom) in COMMUNITIES.items()]
    cells = []
    for code, (_, geom) in COMMUNITIES.items():
        minx, miny, maxx, maxy = geom.bounds
        serial = 0
        for row in range(2):  # north to south
            for col in range(4):  # west to east
                serial += 1
                top = maxy - row * 100
                cell = box(minx + col * 100, top - 100, minx + (col + 1) * 100, top)
                cells.append(UnitGridCell(grid_code(code, serial), code, code[:9],
                                          MultiPolygon([cell])))
    road = lambda *pts: MultiLineString([LineString(pts)])  # noqa: E731
    segments = [
        RoadSegment("420102-R001-01", "解放大道", RoadClass.MAIN, "解放大道(西段)",
                    road((X0, Y0 + 200), (X0 + 400, Y0 + 200))),
        RoadSegment("420102-R001-02", "解放大道", RoadClass.MAIN, "解放大道(东段)",
                    road((X0 + 400, Y0 + 200), (X0 + 800, Y0 + 200))),
        RoadSegment("420102-R002-01", "黄浦路", RoadClass.SECONDARY, "黄浦路",
                    road((X0 + 400, Y0), (X0 + 400, Y0 + 400))),
    ]
    components = [ComponentAsset("4201020101000001", "C0101", "上水井盖", "water",
                                 _point(X0 + 150, Y0 + 205))]
    return PlaceLayers(Area(DISTRICT, "江岸区", district), streets, communities, cells,
                       segments, components)


def _point(x, y):
    from shapely.geometry import Point
    return Point(x, y)


def write_mini_basemap(path, srid: int, cancelled=None) -> int:
    """An offline basemap (MBTiles) of the mini district, drawn as the demo draws its own:
    the client renders it on its render threads, as for a real district."""
    from types import SimpleNamespace

    from gridapp.demo.basemap import write_basemap
    layers = mini_layers()
    river = box(X0 - 300, Y0 - 250, X0 + 1100, Y0 - 60)
    land = SimpleNamespace(river=river, lakes=[], parks=[box(X0 + 520, Y0 + 250, X0 + 600,
                                                             Y0 + 330)],
                           streets=layers.streets, district=layers.district)
    roads = [SimpleNamespace(line=s.geometry.geoms[0], road_class=s.road_class)
             for s in layers.segments]
    return write_basemap(path, land, roads, srid, zooms=range(13, 18), cancelled=cancelled)


def build_mini_store(url: str, basemap=None):
    """A store with the mini district, every role, and their assignments since 2025
    (and an offline basemap at `basemap`, an MBTiles path, when given)."""
    store = create_store(url, admin_password="admin-pass", district_code=DISTRICT,
                         district_name="江岸区")
    load_places(store.uow(), mini_layers())
    if basemap is not None:
        write_mini_basemap(basemap, store.srid)
        with store.uow() as uow:
            uow.config.set_meta("basemap", str(basemap))
            uow.commit()
    for username, name, roles, dept in PEOPLE:
        admin.add_person(store.uow(), username, name, roles, dept, password="secret-" + username)
    assign = [("420102-R001-01", "chief1"), ("420102-R001-02", "chief2"),
              ("420102-R002-01", "chief2")]
    for seg, chief in assign:
        admin.assign(store.uow(), AssignmentKind.ROAD_CHIEF_SEGMENT, seg, person=chief,
                     valid_from=SINCE)
    for code in COMMUNITIES:
        worker = "worker1" if code.startswith("420102001") else "worker2"
        for serial in range(1, 9):
            admin.assign(store.uow(), AssignmentKind.GRID_WORKER_CELL, grid_code(code, serial),
                         person=worker, valid_from=SINCE)
    return store


def cell_center(community: str, serial: int) -> tuple[float, float]:
    """Centre of a cell of the mini district (serials 1-4 north row, 5-8 south row)."""
    minx, miny, maxx, maxy = COMMUNITIES[community][1].bounds
    row, col = divmod(serial - 1, 4)
    return minx + col * 100 + 50, maxy - row * 100 - 50


def clock(store, at: datetime | None = None):
    """The store's clock held by the test (set to `at` when given)."""
    from gridapp.domain.clock import SettableClock
    if not isinstance(store.clock, SettableClock):
        store.clock = SettableClock(at or datetime(2026, 11, 2, 9, 0))
    elif at is not None:
        store.clock.set(at)
    return store.clock


def act(store, who, case, action, at: datetime | None = None, **values):
    """`who` performs `action` on `case` (at `at` on the store's clock, when given)."""
    from gridapp.services import cases as svc
    if at is not None:
        clock(store, at)
    return svc.perform(store.uow(), who, case, action, **values)


def password_of(username: str) -> str:
    """The password each account of the mini store was given."""
    return "admin-pass" if username == "admin" else "secret-" + username


def cli_env(args) -> dict[str, str]:
    """GRIDAPP_PASSWORD for whoever acts in a command line (after --as or --by)."""
    args = [str(a) for a in args]
    for flag in ("--as", "--by"):
        if flag in args:
            return {"GRIDAPP_PASSWORD": password_of(args[args.index(flag) + 1])}
    return {}


def patrol(store, path, person: str, x0: float, y0: float, x1: float, y1: float,
           start: datetime, speed: float = 1.4) -> None:
    """`person` walks from (x0, y0) to (x1, y1) from `start`, one GPS fix a second, as a
    phone app's CSV (lon/lat WGS-84) imported by the administrator."""
    from datetime import timedelta

    import numpy as np

    from gridapp.analysis.patrol import import_tracks
    from gridapp.io.crs import store_to_lonlat
    from gridapp.io.tracks import read_tracks
    n = int(np.hypot(x1 - x0, y1 - y0) / speed) + 1
    lon, lat = store_to_lonlat(np.linspace(x0, x1, n), np.linspace(y0, y1, n), store.srid)
    rows = ["账号,定位时间,经度,纬度"] + [
        f"{person},{start + timedelta(seconds=i):%Y-%m-%d %H:%M:%S},{a:.8f},{b:.8f}"
        for i, (a, b) in enumerate(zip(lon, lat, strict=True))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_tracks(store, read_tracks(path, store.srid, "Asia/Shanghai"), path.name, "admin")
