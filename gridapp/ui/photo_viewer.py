"""Photos of a case, large: zoom (wheel, +/-, fit, 100 %), pan by dragging, previous/next
(arrow keys), and before/after side by side (the report's photos beside the fix's), each with
its phase, time and who took part; EXIF orientation honoured as a phone camera meant it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr

# which photos show the problem and which the fix
BEFORE = ("report",)
AFTER = ("rectify", "verify_pass", "verify_fail", "reinspect")
PHASES = {"report": "上报", "rectify": "处置后", "verify_pass": "核查", "verify_fail": "核查",
          "reinspect": "回头看"}
ZOOM_STEP = 1.25


@dataclass(frozen=True)
class Photo:
    """One photo of a case with what the viewer says about it."""

    sha256: str
    phase: str                  # the action that attached it (report, rectify, …)
    at: datetime | None
    who: str
    data: bytes

    @property
    def caption(self) -> str:
        when = f"{self.at:%Y-%m-%d %H:%M}" if self.at else ""
        return " · ".join(p for p in (tr(PHASES.get(self.phase, self.phase)), when, self.who)
                          if p)


def decode(data: bytes) -> QImage:
    """The image as it was meant to be seen: EXIF orientation applied (Qt's auto-transform)."""
    buf = QBuffer()
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf)
    reader.setAutoTransform(True)
    image = reader.read()
    buf.close()
    return image


class PhotoView(QGraphicsView):
    """One photo: the wheel zooms under the cursor, a drag pans; `zoomed` keeps a partner in
    step (before/after compared at the same scale)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.fitting = True
        self.partner: PhotoView | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the viewer's keys page and zoom

    def set_image(self, image: QImage) -> None:
        self.item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(self.item.boundingRect())
        self.fit()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        self.fitting = True
        if not self.item.pixmap().isNull():
            self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)

    def actual_size(self) -> None:
        """100 %: one image pixel per screen pixel."""
        self.fitting = False
        self.resetTransform()

    def zoom(self, factor: float, follow: bool = True) -> None:
        self.fitting = False
        s = self.scale_factor() * factor
        if 0.02 <= s <= 32:
            self.scale(factor, factor)
        if follow and self.partner is not None:
            self.partner.zoom(factor, follow=False)

    def wheelEvent(self, event) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fitting:
            self.fit()


class Pane(QWidget):
    """A photo with its caption above it."""

    def __init__(self, title: str = "", parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = title
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        lay.addWidget(self.caption)
        self.view = PhotoView()
        lay.addWidget(self.view, 1)

    def show_photo(self, photo: Photo | None, k: int, n: int) -> None:
        head = f"<b>{tr(self.title)}</b> " if self.title else ""
        if photo is None:
            self.caption.setText(head + tr("（无照片）"))
            self.view.set_image(QImage())
            return
        self.caption.setText(f"{head}{photo.caption} &nbsp; {k + 1}/{n}")
        self.view.set_image(decode(photo.data))


class PhotoViewer(QDialog):
    """Every photo of a case, one large or before/after side by side."""

    def __init__(self, photos: list[Photo], start: int = 0, title: str = "",
                 parent=None) -> None:
        super().__init__(parent)
        self.photos = photos
        self.before = [p for p in photos if p.phase in BEFORE]
        self.after = [p for p in photos if p.phase in AFTER]
        self.index = max(0, min(start, len(photos) - 1))
        self.pair = 0
        self.comparing = False
        self.setWindowTitle(tr("照片") + (f" · {title}" if title else ""))
        self.resize(1100, 760)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("previous", "上一张", self.previous),
                                ("next", "下一张", self.next),
                                ("fit", "适合窗口", self.fit), ("actual", "100%", self.actual),
                                ("zoom_in", "放大", lambda: self.zoom(ZOOM_STEP)),
                                ("zoom_out", "缩小", lambda: self.zoom(1 / ZOOM_STEP)),
                                ("compare", "处置前后对比", self.toggle_compare)):
            b = QPushButton(tr(text))
            b.setObjectName(key)
            b.clicked.connect(slot)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the viewer
            bar.addWidget(b)
            self.buttons[key] = b
        self.buttons["compare"].setCheckable(True)
        self.buttons["compare"].setEnabled(bool(self.before) and bool(self.after))
        bar.addStretch(1)
        lay.addLayout(bar)
        self.single = Pane()
        self.split = QSplitter()
        self.left, self.right = Pane("处置前"), Pane("处置后")
        self.left.view.partner, self.right.view.partner = self.right.view, self.left.view
        self.split.addWidget(self.left)
        self.split.addWidget(self.right)
        lay.addWidget(self.single, 1)
        lay.addWidget(self.split, 1)
        self.split.hide()
        K = Qt.Key
        self.keys = {K.Key_Left: self.previous, K.Key_PageUp: self.previous,
                     K.Key_Right: self.next, K.Key_PageDown: self.next, K.Key_Space: self.next,
                     K.Key_Plus: lambda: self.zoom(ZOOM_STEP),
                     K.Key_Equal: lambda: self.zoom(ZOOM_STEP),
                     K.Key_Minus: lambda: self.zoom(1 / ZOOM_STEP),
                     K.Key_0: self.fit, K.Key_F: self.fit, K.Key_1: self.actual,
                     K.Key_Escape: self.close}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show_current()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Arrows page, +/- zoom, 0/F fit, 1 is 100 %, Esc closes."""
        slot = self.keys.get(Qt.Key(event.key()))
        if slot is None:
            super().keyPressEvent(event)
            return
        slot()
        event.accept()

    def views(self) -> list[PhotoView]:
        return [self.left.view, self.right.view] if self.comparing else [self.single.view]

    def show_current(self) -> None:
        if self.comparing:
            n = max(len(self.before), len(self.after))
            b = self.before[min(self.pair, len(self.before) - 1)] if self.before else None
            a = self.after[min(self.pair, len(self.after) - 1)] if self.after else None
            self.left.show_photo(b, self.before.index(b) if b else 0, len(self.before))
            self.right.show_photo(a, self.after.index(a) if a else 0, len(self.after))
            self.buttons["previous"].setEnabled(self.pair > 0)
            self.buttons["next"].setEnabled(self.pair < n - 1)
        else:
            photo = self.photos[self.index] if self.photos else None
            self.single.show_photo(photo, self.index, len(self.photos))
            self.buttons["previous"].setEnabled(self.index > 0)
            self.buttons["next"].setEnabled(self.index < len(self.photos) - 1)

    def previous(self) -> None:
        if self.comparing:
            self.pair = max(0, self.pair - 1)
        else:
            self.index = max(0, self.index - 1)
        self.show_current()

    def next(self) -> None:
        if self.comparing:
            self.pair = min(max(len(self.before), len(self.after)) - 1, self.pair + 1)
        else:
            self.index = min(len(self.photos) - 1, self.index + 1)
        self.show_current()

    def zoom(self, factor: float) -> None:
        self.views()[0].zoom(factor)   # the partner follows when comparing

    def fit(self) -> None:
        for v in self.views():
            v.fit()

    def actual(self) -> None:
        for v in self.views():
            v.actual_size()

    def toggle_compare(self, on: bool | None = None) -> None:
        """处置前后对比: the report's photos on the left, the fix's on the right."""
        on = (not self.comparing) if on is None or not isinstance(on, bool) else on
        if on and not (self.before and self.after):
            return
        self.comparing = on
        self.buttons["compare"].setChecked(on)
        self.single.setVisible(not on)
        self.split.setVisible(on)
        self.show_current()
