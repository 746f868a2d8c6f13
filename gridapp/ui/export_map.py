"""The current map view on paper or as an image: title, legend, scale bar, north arrow."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from ..app.viewport import Viewport
from .i18n import tr
from .map.decorations import draw_legend, draw_north_arrow, draw_scale_bar
from .map.renderers import render_layer

LEGEND_COLUMN = 230  # the legend beside the map, never on it


def _paint(p: QPainter, window, width: int, height: int) -> None:
    """Title and what is shown (who, when, which filter), the map with everything the screen
    shows fitted into its frame, the legend in a column beside it, CRS and scale below."""
    header, footer = 84, 28
    model = window.model
    items = window.legend_items()
    map_w = width - LEGEND_COLUMN - 30
    map_h = height - header - footer
    vp0 = window.canvas.viewport
    # the whole of the screen's view fits the frame (nothing cropped): the larger ratio wins
    res = max(vp0.res * vp0.width / map_w, vp0.res * vp0.height / map_h)
    vp = Viewport(vp0.cx, vp0.cy, res, map_w, map_h)
    p.fillRect(QRectF(0, 0, width, height), QColor("white"))
    font = QFont()
    font.setPixelSize(24)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor(20, 20, 20))
    title = tr("城市网格化管理一张图") + f" — {window.store_name()}"
    p.drawText(QRectF(0, 6, width, 34), Qt.AlignmentFlag.AlignCenter, title)
    font.setPixelSize(13)
    font.setBold(False)
    p.setFont(font)
    sub = tr("制图：{u}  时间：{t}", u=model.session.person.name,
             t=model.clock().strftime("%Y-%m-%d %H:%M"))
    shown = tr("图中案件：{f}（{n} 件）", f=window.case_list.describe(),
               n=f"{int(model.mask.sum()):,}")
    p.drawText(QRectF(0, 40, width, 18), Qt.AlignmentFlag.AlignCenter, sub)
    p.drawText(QRectF(10, 58, width - 20, 18), Qt.AlignmentFlag.AlignCenter, shown)
    p.save()
    p.translate(10, header)
    p.setClipRect(QRectF(0, 0, vp.width, vp.height))
    p.fillRect(QRectF(0, 0, vp.width, vp.height), QColor(242, 239, 233))
    snap = window.canvas.snapshot()
    for layer in model.layers.layers:
        if layer.visible:
            p.setOpacity(layer.opacity)
            p.drawImage(0, 0, render_layer(layer.key, vp, snap, layer.style))
    p.setOpacity(1.0)
    draw_scale_bar(p, vp, 20, vp.height - 20, max_px=map_w / 6)
    draw_north_arrow(p, vp.width - 36, 46)
    p.setClipping(False)
    p.setPen(QColor(120, 120, 120))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(0, 0, vp.width, vp.height))
    p.restore()
    draw_legend(p, items, width - LEGEND_COLUMN - 10, header, tr("图例"))
    p.setPen(QColor(90, 90, 90))
    p.drawText(QRectF(10, height - footer, width - 20, footer), Qt.AlignmentFlag.AlignVCenter,
               tr("坐标系 EPSG:{srid} · 比例尺 1:{n}", srid=model.data.srid,
                  n=f"{vp.scale_denominator():,.0f}"))


def export_view(window, path: str, fmt: str) -> None:
    if fmt == "pdf":
        writer = QPdfWriter(path)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
        writer.setResolution(150)
        writer.setTitle(tr("城市网格化管理一张图"))
        p = QPainter(writer)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        # lay the page out in screen pixels (96 per inch) so that symbols, text and legend
        # keep the proportions the user sees; text and vectors stay sharp in the PDF
        k = writer.resolution() / 96
        p.scale(k, k)
        _paint(p, window, int(rect.width() / k), int(rect.height() / k))
        p.end()
        return
    size = QSizeF(max(window.canvas.width(), 800) * 1.5, max(window.canvas.height(), 600) * 1.5)
    img = QImage(int(size.width()), int(size.height()), QImage.Format.Format_ARGB32)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint(p, window, img.width(), img.height())
    p.end()
    img.save(path)
