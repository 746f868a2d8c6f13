"""Loaded once by the job server (processes.PRELOAD), never by the window: what each job's
fresh child would otherwise redo. A bulletin job imported reportlab and parsed the CJK font
every time (measured: ~0.9 s of its ~1.3 s), and every job that opens the store read the
migration scripts for the schema's head; forked from here, a job finds them done."""

from __future__ import annotations

from ..io import bulletin_pdf, bulletin_xlsx  # noqa: F401  (xlsxwriter too)
from ..store import migrate
from . import offloaded  # noqa: F401  (every job's module)

bulletin_pdf.cjk_font()
migrate.head_revision()
