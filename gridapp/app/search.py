"""The search box: what a typed text can mean — a case number, a grid code, a road, a
segment, a community or street, an address or description — among what the user may see."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_CASES = 50  # case hits listed for a text (newest first)


@dataclass(frozen=True)
class Hit:
    kind: str            # case | cell | road | segment | community | street
    index: int           # into the map data's arrays (cases, cells, segments, …); -1 a road
    label: str           # what the result list shows
    detail: str = ""     # a second line: state and date, code, …
    road: str = ""       # the road's name (kind road)


def search(model, text: str, state_label=str) -> tuple[list[Hit], bool]:
    """Every hit for `text`, best first; and whether cases matched that the user may not see
    (so the window can say so). `state_label` names a state index for the result list."""
    t = text.strip()
    if not t:
        return [], False
    d, hits = model.data, []
    if t.isdigit() and len(t) == 12:
        k = model.case_by_number(t)
        if k >= 0:
            if not model.may_see(k):
                return [], True
            hits.append(_case_hit(d, k, state_label))
            return hits, False
    if t.isdigit() and 6 <= len(t) <= 15:
        codes = d.cells.codes.astype(str)
        for i in np.flatnonzero(np.char.startswith(codes, t))[:20]:
            hits.append(Hit("cell", int(i), str(codes[i]),
                            str(d.community_names[d.cells.community_idx[i]])))
    roads = d.segments.roads.astype(str)
    names = d.segments.names.astype(str)
    for road in sorted({str(r) for r in roads[np.char.find(roads, t) >= 0]}):
        n = int((roads == road).sum())
        hits.append(Hit("road", -1, road, str(n), road))  # detail: how many segments
    seg = np.flatnonzero((d.segments.codes.astype(str) == t) | (np.char.find(names, t) >= 0))
    for i in seg[:20]:
        hits.append(Hit("segment", int(i), str(names[i]), str(d.segments.codes[i])))
    for kind, names_ in (("community", d.community_names), ("street", d.street_names)):
        for i in np.flatnonzero(np.char.find(names_.astype(str), t) >= 0)[:10]:
            hits.append(Hit(kind, int(i), str(names_[i]),
                            str((d.communities if kind == "community" else d.streets)[i])))
    ids = model.read.search_cases(t, 200)
    found = np.flatnonzero(np.isin(d.cases.id, ids))
    mine = found[model.derived.access_mask[found]]
    mine = mine[np.argsort(-d.cases.id[mine])][:MAX_CASES]
    hits += [_case_hit(d, int(k), state_label) for k in mine]
    return hits, bool(len(found)) and not len(mine) and not hits


def _case_hit(d, k: int, state_label) -> Hit:
    number = d.cases.number(k)
    klass = int(d.cases.klass[k])
    name = str(d.class_names[klass]) if klass >= 0 else ""
    return Hit("case", k, f"{number} {name}", state_label(int(d.cases.state[k])))


def extent_of(model, hit: Hit) -> tuple[float, float, float, float] | None:
    """Where to zoom for a hit that is a place."""
    d = model.data
    if hit.kind == "cell":
        return tuple(d.cells.bounds[hit.index])
    if hit.kind in ("road", "segment"):
        sel = model.road_segments(hit.road) if hit.kind == "road" else np.array([hit.index])
        return union(d.segments.bounds[sel])
    col = d.cells.community_idx if hit.kind == "community" else d.cells.street_idx
    return union(d.cells.bounds[col == hit.index])


def union(bounds: np.ndarray) -> tuple[float, float, float, float] | None:
    """The extent of (n, 4) bounds; None for none."""
    if not len(bounds):
        return None
    return (float(bounds[:, 0].min()), float(bounds[:, 1].min()), float(bounds[:, 2].max()),
            float(bounds[:, 3].max()))
