"""Printing the 案件处理单: the PDF is made off the UI thread, then printed on the printer the
user picks (Qt's print dialog, which also offers a PDF file), page by page at the printer's
resolution (pypdfium2 renders the PDF)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from .i18n import tr
from .workers import Job

MAX_DPI = 300


def sheet_job(store, case_id: int, printed_by: str) -> Job:
    """Write the case's sheet to a temporary PDF off the UI thread; the job's result is its
    path."""
    from ..io.case_sheet import case_sheet

    def work(_progress) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="gridapp-sheet-"))
        return case_sheet(store, case_id, folder / f"case-{case_id}.pdf", printed_by)
    return Job(work, "case-sheet")


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(False)
    return printer


def ask_printer(parent, title: str) -> QPrinter | None:
    """The printer the user chooses (None: cancelled)."""
    printer = new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Every page of `pdf` on `printer`, fitted to the printable area; the pages printed."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("无法使用打印机 {p}", p=printer.printerName() or
                         printer.outputFileName()))
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for k in range(len(doc)):
            if k:
                printer.newPage()
            pil = doc[k].render(scale=dpi / 72).to_pil().convert("RGB")
            image = QImage(pil.tobytes(), pil.width, pil.height, 3 * pil.width,
                           QImage.Format.Format_RGB888).copy()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
        return len(doc)
    finally:
        painter.end()
        doc.close()

