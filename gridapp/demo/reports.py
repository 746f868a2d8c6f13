"""The year's reports as columns: drawn at once, made into `Spec`s a street at a time.

A city's million reports as Python objects take ~700 MB and a minute to make in one process;
as numpy columns they take ~150 MB, a street's part pickles in milliseconds, and each process
makes the `Spec`s of the streets it simulates, when it simulates them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

import numpy as np

from ..domain.case import Source
from . import mix

SOURCES = list(Source)
CITIZEN = np.array([s.citizen_facing for s in SOURCES])  # by source index
CONTACTS = ["王先生", "李女士", "张先生", "刘女士", "市民"]


@dataclass
class Spec:
    """One report as it reaches the command room."""

    at: datetime
    class_code: str
    source: Source
    x: float
    y: float
    description: str
    address: str = ""
    component_code: str | None = None
    external_id: str | None = None
    contact: str = ""
    lonlat: tuple[float, float] | None = None  # GCJ-02 for hotline exports
    unplaced: bool = False  # the caller gave an address the map does not know (待定位)
    case_id: int = 0  # the case it opens: ids follow the year's order of reports
    street: str = ""  # whose part of the year it belongs to (an echo: its original's)


@dataclass
class Reports:
    """One row per report, in time order."""

    at: np.ndarray         # datetime64[us]
    cls: np.ndarray        # class code
    source: np.ndarray     # index into SOURCES
    x: np.ndarray          # the case's point (a hotline report's: from its GCJ-02 lon/lat)
    y: np.ndarray
    ticket: np.ndarray     # the draw's number: description, ticket, caller (an echo: its original's)
    echo_of: np.ndarray    # an echo: the number its ticket carries; -1 otherwise
    phone: np.ndarray      # an echo's caller
    component: np.ndarray  # component code or None (object)
    lon: np.ndarray        # GCJ-02 as the hotline exports it (NaN: not a hotline report)
    lat: np.ndarray
    street: np.ndarray     # street code, "" outside every cell (object)
    community: np.ndarray  # names in the address (object)
    road: np.ndarray
    house: np.ndarray      # house number in the address
    case_id: np.ndarray
    names: dict[str, str]  # class → its name, for classes mix.DESCRIPTIONS does not know

    def __len__(self) -> int:
        return len(self.at)

    def take(self, rows: np.ndarray) -> Reports:
        """The given rows (positions), in the order given."""
        return Reports(**{f.name: getattr(self, f.name)[rows] for f in fields(self)
                          if f.name != "names"}, names=self.names)

    def by_street(self) -> dict[str, np.ndarray]:
        """Row positions of each street, in time order."""
        rows: dict[str, list[int]] = {}
        for k, street in enumerate(self.street.tolist()):
            rows.setdefault(street, []).append(k)
        return {s: np.array(r, dtype=np.int64) for s, r in rows.items()}

    def specs(self) -> list[Spec]:
        """The reports as the simulation takes them."""
        out: list[Spec] = []
        append = out.append
        descriptions, names = mix.DESCRIPTIONS, self.names
        cols = zip(self.at.astype(datetime).tolist(), self.cls.tolist(), self.source.tolist(),
                   self.x.tolist(), self.y.tolist(), self.ticket.tolist(),
                   self.echo_of.tolist(), self.phone.tolist(), self.component.tolist(),
                   self.lon.tolist(), self.lat.tolist(), self.street.tolist(),
                   self.community.tolist(), self.road.tolist(), self.house.tolist(),
                   self.case_id.tolist(), strict=True)
        citizen = CITIZEN.tolist()
        for (at, c, s, x, y, i, echo, phone, comp, lon, lat, street, comm, road, house,
             case_id) in cols:
            text = descriptions.get(c)
            sp = Spec(at, c, SOURCES[s], x, y, text[i % len(text)] if text else names[c],
                      f"{comm}{road}{house}号附近", comp, case_id=case_id, street=street)
            if echo >= 0:  # the same problem reported again by someone else
                sp.external_id = f"12345-{at:%Y%m%d}-{echo:07d}E"
                sp.contact = f"市民 13{phone}"
                sp.lonlat = (lon, lat)
            elif citizen[s]:
                sp.unplaced = i % 41 == 7  # ~2 %: placed by the acceptor after a call back
                sp.external_id = f"{sp.source.value[-5:].upper()}-{at:%Y%m%d}-{i:07d}"
                sp.contact = f"{CONTACTS[i % 5]} 13{(i * 7919) % 900000000 + 100000000}"
                sp.lonlat = (lon, lat)
            append(sp)
        return out
