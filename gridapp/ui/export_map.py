"""The current map view on paper or as an image: title, legend, scale bar, north arrow."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from ..app.viewport import Viewport
from .i18n import tr
from .map.decorations import draw_legend, draw_north_arrow, draw_scale_bar, legend_width
from .map.renderers import render_layer


def _paint(p: QPainter, window, width: int, height: int) -> None:
    """Title bar, map, legend and furniture into a width × height page in pixels."""
    header = 70
    footer = 28
    vp0 = window.canvas.viewport
    # same centre; the resolution keeps the canvas's extent across the printed width
    res = vp0.res * vp0.width / width
    vp = Viewport(vp0.cx, vp0.cy, res, width, height - header - footer)
    p.fillRect(QRectF(0, 0, width, height), QColor("white"))
    font = QFont()
    font.setPixelSize(24)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor(20, 20, 20))
    title = tr("城市网格化管理一张图") + f" — {window.store_name()}"
    p.drawText(QRectF(0, 8, width, 36), Qt.AlignmentFlag.AlignCenter, title)
    font.setPixelSize(13)
    font.setBold(False)
    p.setFont(font)
    model = window.model
    sub = tr("制图：{u}  时间：{t}", u=model.session.person.name,
             t=model.clock().strftime("%Y-%m-%d %H:%M"))
    p.drawText(QRectF(0, 42, width, 20), Qt.AlignmentFlag.AlignCenter, sub)
    p.save()
    p.translate(0, header)
    p.setClipRect(QRectF(0, 0, vp.width, vp.height))
    p.fillRect(QRectF(0, 0, vp.width, vp.height), QColor(242, 239, 233))
    snap = window.canvas.snapshot()
    for layer in model.layers.layers:
        if layer.visible:
            p.setOpacity(layer.opacity)
            p.drawImage(0, 0, render_layer(layer.key, vp, snap, layer.style))
    p.setOpacity(1.0)
    draw_scale_bar(p, vp, 20, vp.height - 20, max_px=width / 6)
    draw_north_arrow(p, vp.width - 36, 46)
    items = window.legend_items()
    draw_legend(p, items, vp.width - legend_width(items) - 20, vp.height - 20 - 18 * (len(items) + 1) - 10,
                tr("图例"))
    p.restore()
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
