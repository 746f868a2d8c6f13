"""Load place layers (district, streets, communities, cells, segments, components) atomically."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from ..domain.codes import ComponentCode, GridCode, check_community_code, check_street_code
from ..domain.errors import DomainError, InvalidInput
from ..domain.places import Area, ComponentAsset, Landmark, RoadSegment, UnitGridCell
from .ports import DepartmentInfo, UnitOfWork
from .progress import COMMITTING, Progress, quiet


@dataclass
class PlaceLayers:
    district: Area | None = None
    streets: Sequence[Area] = ()
    communities: Sequence[Area] = ()
    cells: Sequence[UnitGridCell] = ()
    segments: Sequence[RoadSegment] = ()
    components: Sequence[ComponentAsset] = ()
    landmarks: Sequence[Landmark] = ()


@dataclass
class LoadResult:
    counts: dict[str, int] = field(default_factory=dict)


class PlacesRejected(InvalidInput):
    """Codes that break the rules or clash; `problems` lists (layer, code, message)."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        lines = [f"{layer} {code}: {msg}" for layer, code, msg in problems[:50]]
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s); nothing was written:\n  "
                         + "\n  ".join(lines) + more)
        self.problems = problems


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


_P = TypeVar("_P", bound=_Coded)


def _check_codes(layer: str, items: Sequence[_P], check: Callable[[_P], object],
                 existing: set[str], problems: list[tuple[str, str, str]]) -> None:
    counts = Counter(i.code for i in items)
    for code, n in counts.items():
        if n > 1:
            problems.append((layer, code, f"code appears {n} times"))
        if code in existing:
            problems.append((layer, code, "code already in the store"))
    for item in items:
        try:
            check(item)
        except DomainError as exc:
            problems.append((layer, item.code, str(exc)))


def load_places(uow: UnitOfWork, layers: PlaceLayers,
                progress: Progress | None = None) -> LoadResult:
    """Check every code against the rules and the store, then write all layers or none."""
    progress = progress or quiet
    problems: list[tuple[str, str, str]] = []
    with uow:
        progress(0, 1, "checking codes")
        ld = uow.loader
        street_codes = {s.code for s in layers.streets} | ld.existing_codes("streets")
        community_codes = {c.code for c in layers.communities} | ld.existing_codes("communities")

        def check_community(c: Area) -> None:
            check_community_code(c.code)
            if c.parent_code and c.parent_code != c.code[:9]:
                raise InvalidInput(f"street {c.parent_code} does not prefix the code")
            if street_codes and c.code[:9] not in street_codes:
                raise InvalidInput(f"street {c.code[:9]} is unknown")

        def check_cell(c: UnitGridCell) -> None:
            g = GridCode.parse(c.code)
            if g.community_code != c.community_code or g.street_code != c.street_code:
                raise InvalidInput(f"community/street {c.community_code}/{c.street_code} do not "
                                   "match the code's digits")
            if community_codes and c.community_code not in community_codes:
                raise InvalidInput(f"community {c.community_code} is unknown")

        _check_codes("street", layers.streets, lambda s: check_street_code(s.code),
                     ld.existing_codes("streets"), problems)
        _check_codes("community", layers.communities, check_community,
                     ld.existing_codes("communities"), problems)
        _check_codes("cell", layers.cells, check_cell, ld.existing_codes("grid_cells"), problems)
        _check_codes("segment", layers.segments, lambda s: None,
                     ld.existing_codes("road_segments"), problems)
        depts = {d.code: d.id for d in uow.people.departments()}

        def check_component(c: ComponentAsset) -> None:
            if ComponentCode.parse(c.code).class_code != c.class_code:
                raise InvalidInput(f"class {c.class_code} does not match the code's digits")
            if c.owner_department_code and c.owner_department_code not in depts:
                raise InvalidInput(f"owner department {c.owner_department_code} is unknown")

        _check_codes("component", layers.components, check_component,
                     ld.existing_codes("components"), problems)
        if problems:
            raise PlacesRejected(problems)
        if layers.district is not None:
            ld.areas("districts", [layers.district])
            uow.config.set_meta("district_code", layers.district.code)
            uow.config.set_meta("district_name", layers.district.name)
        progress(0, 1, "writing places")
        ld.areas("streets", layers.streets, progress=progress)
        for street in layers.streets:  # 属地: each street office can receive cases
            if uow.people.street_department(street.code) is None:
                name = street.name if street.name.endswith("办事处") else street.name + "办事处"
                uow.people.add_department(DepartmentInfo(0, f"street-{street.code}", name,
                                                         "street", street.code))
        ld.areas("communities", layers.communities, parent_column="street_code",
                 progress=progress)
        ld.cells(layers.cells, progress)
        ld.segments(layers.segments, progress)
        ld.components(layers.components, depts, progress)
        counts = ld.counts()
        if layers.landmarks:  # no codes: named points, checked by the reader
            counts["landmarks"] = ld.landmarks(layers.landmarks, progress)
        result = LoadResult(counts)
        progress(1, 1, COMMITTING)  # the last moment a cancel leaves nothing behind
        uow.commit()
    return result
