"""The one symbology definition (resources/symbology.toml) the client and QGIS both draw from."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..domain.case import CaseState
from ..domain.places import RoadClass
from ..paths import resource

SYMBOLOGY_FILE = resource("symbology.toml")
MARKER_SHAPES = ("circle", "square", "diamond", "triangle", "star", "pentagon", "hexagon",
                 "cross2")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class SymbologyError(ValueError):
    """The definition file is incomplete or malformed (names the key)."""


@dataclass(frozen=True)
class RoadStyle:
    color: str
    width_px: float
    width_m: float


@dataclass(frozen=True)
class MarkerStyle:
    shape: str
    color: str


@dataclass(frozen=True)
class Symbology:
    """Everything the client and the QGIS styles need to draw the same map."""

    raw: dict
    pastel: tuple[str, ...]
    strong: tuple[str, ...]
    ramps: dict[str, tuple[str, ...]]
    colors: dict[str, str]
    states: dict[str, str]
    roads: dict[str, RoadStyle]
    components: dict[str, MarkerStyle]
    other_component: MarkerStyle

    def section(self, name: str) -> dict:
        """A layer's own settings (streets, cells, roads, cases, …) as written in the file."""
        return self.raw[name]

    def component(self, class_code: str) -> MarkerStyle:
        return self.components.get(class_code, self.other_component)

    def street_color(self, street_index: int) -> str:
        """A cell's fill: its street's index among the street codes, in code order."""
        return self.pastel[street_index % len(self.pastel)]

    def chief_color(self, person_id: int | None) -> str:
        return self.colors["no_chief"] if person_id is None or person_id < 0 else \
            self.strong[person_id % len(self.strong)]

    def class_color(self, class_index: int) -> str:
        """A case's colour by class: its class's index among the catalog's class codes."""
        return self.strong[class_index % len(self.strong)]


def _color(value, key: str) -> str:
    if not isinstance(value, str) or not _HEX.match(value):
        raise SymbologyError(f"{SYMBOLOGY_FILE.name}: {key} must be a colour like #1f77b4, "
                             f"got {value!r}")
    return value.lower()


def _marker(value, key: str) -> MarkerStyle:
    shape = value.get("shape") if isinstance(value, dict) else None
    if shape not in MARKER_SHAPES:
        raise SymbologyError(f"{SYMBOLOGY_FILE.name}: {key}.shape must be one of "
                             f"{', '.join(MARKER_SHAPES)}, got {shape!r}")
    return MarkerStyle(shape, _color(value.get("color"), f"{key}.color"))


def parse(raw: dict) -> Symbology:
    """Check the definition and give it types; a missing or wrong key is named."""
    try:
        states = {s.value: _color(raw["cases"]["states"][s.value], f"cases.states.{s.value}")
                  for s in CaseState}
        roads = {}
        for c in RoadClass:
            r = raw["roads"]["classes"][c.value]
            roads[c.value] = RoadStyle(_color(r["color"], f"roads.classes.{c.value}.color"),
                                       float(r["width_px"]), float(r["width_m"]))
        comps = raw["components"]
        return Symbology(
            raw=raw,
            pastel=tuple(_color(c, "palettes.pastel") for c in raw["palettes"]["pastel"]),
            strong=tuple(_color(c, "palettes.strong") for c in raw["palettes"]["strong"]),
            ramps={k: tuple(_color(c, f"ramps.{k}") for c in v)
                   for k, v in raw["ramps"].items()},
            colors={k: _color(v, f"colors.{k}") for k, v in raw["colors"].items()},
            states=states, roads=roads,
            components={code: _marker(v, f"components.classes.{code}")
                        for code, v in comps["classes"].items()},
            other_component=_marker(comps["other"], "components.other"))
    except KeyError as exc:
        raise SymbologyError(f"{SYMBOLOGY_FILE.name}: missing {exc.args[0]!r}") from None


def load(path: Path | None = None) -> Symbology:
    """The definition from a file (default: the one gridapp ships)."""
    path = path or SYMBOLOGY_FILE
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SymbologyError(f"{Path(path).name}: {exc}") from None
    return parse(raw)


@functools.lru_cache(maxsize=1)
def symbology() -> Symbology:
    """The shipped definition, read once."""
    return load()
