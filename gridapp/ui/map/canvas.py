"""The map widget: layer images rendered off the UI thread, composited, panned by blitting.

Each render job gets a viewport and an immutable snapshot of the model (data, derived
values, styles) and paints one layer into its own image on a render thread; nothing it reads
changes under it. The images come back to the UI thread through a signal.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ...app.model import AppModel
from ...app.patrol_layers import DayTracks, LastPatrols
from ...app.viewport import Viewport
from .. import theme
from ..i18n import tr
from . import render_pool
from .decorations import draw_legend, draw_north_arrow, draw_scale_bar, legend_width
from .geometry import ragged_path
from .renderers import render_layer
from .snapshot import RenderSnapshot

BACKGROUND = QColor(242, 239, 233)


class _Relay(QObject):
    """Lives on the UI thread: a render thread's emit is queued to it."""

    done = Signal(int, object, object)  # generation, viewport, {key: QImage | Exception}


def _render_job(gen: int, vp: Viewport, snap: RenderSnapshot, key: str, style: str,
                relay: _Relay):
    def run() -> None:
        try:
            image = render_layer(key, vp, snap, style)
        except Exception as exc:  # noqa: BLE001 (a broken layer must not kill the map)
            image = exc
        relay.done.emit(gen, vp, {key: image})
    return run


class MapCanvas(QWidget):
    viewport_changed = Signal(object)
    clicked = Signal(float, float)          # world coordinates of a click
    hovered = Signal(float, float)
    rendered = Signal(float)                # milliseconds of the last full render
    layer_failed = Signal(str, str)         # layer key, error text

    def __init__(self, model: AppModel, basemap=None, parent=None) -> None:
        super().__init__(parent)
        self.model, self.basemap = model, basemap
        self.legend = None  # callable giving legend rows; None hides the legend
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 240)
        self.viewport = Viewport.fit(model.data.extent, max(self.width(), 1),
                                     max(self.height(), 1))
        self._snap: RenderSnapshot | None = None
        # the patrol layers' data, read on a worker (ui/patrol_layers.py); None: not read
        self.last_patrols: LastPatrols | None = None
        self.tracks: DayTracks | None = None
        self._images: dict[str, QImage] = {}
        self._image_vp: Viewport | None = None
        self._composite: QImage | None = None
        self._gen = 0
        self._t0 = 0.0
        self._pending: set[str] = set()       # layers of the current render still drawing
        self._incoming: dict[str, QImage] = {}
        self._drag: tuple[QPointF, Viewport] | None = None
        self._relay = _Relay()
        self._relay.done.connect(self._on_rendered)
        self._settle = QTimer(self, singleShot=True, interval=120)
        self._settle.timeout.connect(self.request_render)
        self._styles = {layer.key: layer.style for layer in model.layers.layers}
        model.layers.changed.connect(self._layers_changed)
        model.selection_changed.connect(lambda *_: self.update())

    # ---- snapshots -----------------------------------------------------------------------
    def snapshot(self) -> RenderSnapshot:
        """The model as it is now, frozen for render threads (made again when it changed)."""
        m = self.model
        s = self._snap
        if s is None or s.derived is not m.derived or s.raster is not m.raster or \
                s.last_patrols is not self.last_patrols or s.tracks is not self.tracks:
            own_cells = tuple(m.session.cell_indices(m.data).tolist()) \
                if m.session.cell_codes else ()
            self._snap = RenderSnapshot(m.derived, m.raster, self.basemap,
                                        frozenset(m.session.segment_ids), own_cells,
                                        self.last_patrols, self.tracks)
        return self._snap

    def _layers_changed(self, _key) -> None:
        """Order, visibility or opacity: stack the images again; a new style: draw again."""
        styles = {layer.key: layer.style for layer in self.model.layers.layers}
        restyled = [k for k, v in styles.items() if self._styles.get(k) != v]
        self._styles = styles
        if restyled:
            self.invalidate(restyled)
        else:
            self.recompose()

    # ---- viewport ------------------------------------------------------------------------
    def set_viewport(self, vp: Viewport, render: bool = True) -> None:
        self.viewport = vp
        self.viewport_changed.emit(vp)
        self.update()
        if render:
            self._settle.start()

    def zoom_to(self, extent, margin: float = 0.08) -> None:
        self.set_viewport(Viewport.fit(extent, self.width(), self.height(), margin))

    def zoom(self, factor: float, px: float | None = None, py: float | None = None) -> None:
        self.set_viewport(self.viewport.zoomed(factor, px, py))

    # ---- rendering -----------------------------------------------------------------------
    def _todo(self, keys=None):
        return [(layer.key, layer.style) for layer in self.model.layers.layers
                if layer.visible and (keys is None or layer.key in keys)]

    def request_render(self, keys=None) -> None:
        """Render the visible layers for the current view on the render threads."""
        self._gen += 1
        self._t0 = time.perf_counter()
        todo = self._todo(keys)
        if not todo:
            self.recompose()
            return
        # one job per layer, as QGIS does: the layers draw in parallel on every core, and
        # the view changes only when all of them are in (no half-drawn frames)
        snap, vp = self.snapshot(), self.viewport
        self._pending = {key for key, _ in todo}
        self._incoming = {}
        for key, style in todo:
            render_pool.submit(_render_job(self._gen, vp, snap, key, style, self._relay))

    def render_now(self, keys=None) -> float:
        """Render on the calling thread (printing, benchmarks); returns milliseconds."""
        t = time.perf_counter()
        snap, vp = self.snapshot(), self.viewport
        images = {key: render_layer(key, vp, snap, style) for key, style in self._todo(keys)}
        self._accept(vp, images)
        return (time.perf_counter() - t) * 1000

    @property
    def busy(self) -> bool:
        """A render is under way (tests and the soak wait for it)."""
        return bool(self._pending) or self._settle.isActive()

    def _on_rendered(self, gen: int, vp: Viewport, images: dict) -> None:
        if gen != self._gen:
            return  # the view moved on: a newer render is coming
        for key, image in images.items():
            if isinstance(image, Exception):
                self.layer_failed.emit(key, repr(image))
            else:
                self._incoming[key] = image
            self._pending.discard(key)
        if self._pending:
            return
        self._accept(vp, self._incoming)
        self._incoming = {}
        self.rendered.emit((time.perf_counter() - self._t0) * 1000)

    def _accept(self, vp: Viewport, images: dict) -> None:
        if self._image_vp != vp:
            self._images = {}
        self._images.update(images)
        self._image_vp = vp
        self.recompose()

    def recompose(self) -> None:
        """Stack the layer images in order with their opacity into one image."""
        vp = self._image_vp
        if vp is None:
            self.update()
            return
        layers = self.model.layers.layers
        missing = [layer.key for layer in layers
                   if layer.visible and layer.key not in self._images]
        comp = QImage(vp.width, vp.height, QImage.Format.Format_ARGB32_Premultiplied)
        comp.fill(BACKGROUND)
        p = QPainter(comp)
        for layer in layers:
            img = self._images.get(layer.key)
            if layer.visible and img is not None:
                p.setOpacity(layer.opacity)
                p.drawImage(0, 0, img)
        p.end()
        self._composite = comp
        self.update()
        if missing and not self._pending:
            self.request_render(missing)

    def invalidate(self, keys=None) -> None:
        """Data, filter or style changed: render those layers again."""
        for k in (keys or list(self._images)):
            self._images.pop(k, None)
        self.request_render(keys)

    # ---- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), BACKGROUND)
        comp, cvp, vp = self._composite, self._image_vp, self.viewport
        if comp is not None and cvp is not None:
            if cvp == vp:
                p.drawImage(0, 0, comp)
            else:  # panning or zooming: move the last image until the new one is ready
                k = cvp.res / vp.res
                x0, y0 = vp.to_screen(cvp.extent[0], cvp.extent[3])
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
                p.drawImage(QRectF(x0, y0, cvp.width * k, cvp.height * k), comp)
        self._draw_selection(p, vp)
        draw_scale_bar(p, vp, 16, self.height() - 18)
        draw_north_arrow(p, self.width() - 30, 40)
        if self.legend is not None:
            items = self.legend()
            if items:
                h = 18 * (len(items) + 1) + 10
                w = legend_width(items, tr("图例"))
                draw_legend(p, items, self.width() - w - 10, self.height() - h - 10, tr("图例"))
        p.end()

    def _draw_selection(self, p: QPainter, vp: Viewport) -> None:
        sel, d = self.model.selection, self.model.data
        pen = QPen(QColor(theme.SELECTION), 3)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(pen)
        if 0 <= sel.cell < len(d.cells.codes):
            p.drawPath(ragged_path(d.cells.shapes, vp, np.array([sel.cell])))
        segments = self.model.road_segments(sel.road) if sel.road else \
            np.array([sel.segment]) if 0 <= sel.segment < len(d.segments.ids) else []
        if len(segments):
            p.setPen(QPen(QColor(theme.SELECTION), 6))
            p.drawPath(ragged_path(d.segments.shapes, vp, segments))
        idx = self.model.selected_indices()[:2000]
        if len(idx):
            px, py = vp.to_screen(d.cases.x[idx], d.cases.y[idx])
            p.setPen(QPen(QColor(theme.SELECTION), 2.5))
            for x, y in zip(px.tolist(), py.tolist(), strict=True):
                p.drawEllipse(QPointF(x, y), 8, 8)

    # ---- input ---------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        w, h = max(self.width(), 1), max(self.height(), 1)
        if self._image_vp is None and not self._images:
            self.viewport = Viewport.fit(self.model.data.extent, w, h)
        else:
            self.viewport = self.viewport.resized(w, h)
        self._settle.start()

    def mousePressEvent(self, e) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton:
            self._drag = (e.position(), self.viewport)

    def mouseMoveEvent(self, e) -> None:  # noqa: N802
        wx, wy = self.viewport.to_world(e.position().x(), e.position().y())
        self.hovered.emit(wx, wy)
        if self._drag is not None:
            start, vp0 = self._drag
            d = e.position() - start
            self.viewport = vp0.panned(d.x(), d.y())
            self.update()  # blit only; no drawing of vectors during a drag

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        if self._drag is None:
            return
        start, vp0 = self._drag
        self._drag = None
        moved = (e.position() - start).manhattanLength()
        if moved > 3:
            self.set_viewport(self.viewport)
        else:
            self.clicked.emit(*vp0.to_world(e.position().x(), e.position().y()))

    def wheelEvent(self, e) -> None:  # noqa: N802
        steps = e.angleDelta().y() / 120
        if steps:
            pos = e.position()
            self.zoom(1.25 ** steps, pos.x(), pos.y())

    def keyPressEvent(self, e) -> None:  # noqa: N802
        k = e.key()
        step = 80
        moves = {Qt.Key.Key_Left: (step, 0), Qt.Key.Key_Right: (-step, 0),
                 Qt.Key.Key_Up: (0, step), Qt.Key.Key_Down: (0, -step)}
        if k in moves:
            self.set_viewport(self.viewport.panned(*moves[k]))
        elif k in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif k == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5)
        elif k == Qt.Key.Key_Home:
            self.zoom_to(self.model.data.extent)
        else:
            super().keyPressEvent(e)
