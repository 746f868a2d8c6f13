"""The map's layers as plain state: order, visibility, opacity, style (the UI draws them)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .events import Signal

CELL_STYLES = ("street", "community", "outline", "cases", "overdue")
ROAD_STYLES = ("class", "chief", "patrol")
CASE_STYLES = ("state", "class", "source")


@dataclass(frozen=True)
class LayerState:
    key: str
    visible: bool = True
    opacity: float = 1.0
    style: str = ""


DEFAULT_LAYERS = (
    LayerState("basemap", True, 1.0),
    LayerState("cells", True, 0.3, "street"),  # light: the basemap stays readable
    LayerState("communities", False, 1.0),
    LayerState("streets", True, 1.0),
    LayerState("segments", True, 1.0, "class"),
    LayerState("mine", True, 1.0),       # the user's own segments or cells, outlined
    LayerState("components", False, 1.0),
    LayerState("heatmap", False, 0.7),
    LayerState("tracks", False, 1.0),    # 巡查轨迹 of one day (its day picker in the layers)
    LayerState("cases", True, 1.0, "state"),
)


@dataclass
class LayerStack:
    """Top of the list is drawn last (on top)."""

    layers: list[LayerState] = field(default_factory=lambda: list(DEFAULT_LAYERS))
    changed: Signal = field(default_factory=Signal)

    def get(self, key: str) -> LayerState:
        return next(layer for layer in self.layers if layer.key == key)

    def update(self, key: str, **changes) -> None:
        self.layers = [replace(layer, **changes) if layer.key == key else layer
                       for layer in self.layers]
        self.changed.emit(key)

    def move(self, key: str, delta: int) -> None:
        i = next(i for i, layer in enumerate(self.layers) if layer.key == key)
        j = min(max(i + delta, 0), len(self.layers) - 1)
        if i != j:
            item = self.layers.pop(i)
            self.layers.insert(j, item)
            self.changed.emit(key)

    def to_dict(self) -> list[dict]:
        return [layer.__dict__.copy() for layer in self.layers]

    def restore(self, saved: list[dict]) -> None:
        known = {layer.key: layer for layer in DEFAULT_LAYERS}
        layers = []
        for d in saved or []:
            if d.get("key") in known:
                layers.append(replace(known[d["key"]], **{k: v for k, v in d.items()
                                                          if k in ("visible", "opacity",
                                                                   "style")}))
        for key, layer in known.items():  # layers added by a newer gridapp
            if key not in {x.key for x in layers}:
                layers.append(layer)
        self.layers = layers
        self.changed.emit(None)
