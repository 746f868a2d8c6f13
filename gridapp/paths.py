"""Where gridapp finds its shipped resources and keeps per-user data."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
MAPS = ROOT / "maps"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def data_dir() -> Path:
    """Per-user data (the demo store lives here unless GRIDAPP_DATA says otherwise)."""
    path = Path(os.environ.get("GRIDAPP_DATA") or user_data_dir("gridapp", "gridapp"))
    path.mkdir(parents=True, exist_ok=True)
    return path
