"""Reading GeoPackage, Shapefile and GeoJSON layers (pyogrio), Chinese encodings included."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pyogrio
from pyproj import CRS

from .errors import ImportRejected, ValidationReport


@dataclass
class VectorData:
    path: Path
    layer: str | None
    frame: gpd.GeoDataFrame
    encoding: str | None
    crs: CRS | None


def _fail(path: Path, message: str) -> ImportRejected:
    report = ValidationReport()
    report.add(path.name, None, None, message)
    return ImportRejected(report)


def dbf_encoding(shp: Path) -> str:
    """A shapefile's text encoding: its .cpg, else UTF-8 if the records decode, else GBK.

    Chinese shapefiles from older tools carry GBK without a .cpg; GDAL would read them as
    Latin-1 and every name would come out garbled.
    """
    for cpg in (shp.with_suffix(".cpg"), shp.with_suffix(".CPG")):
        if cpg.exists():
            text = cpg.read_text(errors="ignore").strip().upper()
            return {"936": "GBK", "CP936": "GBK", "GB2312": "GBK", "65001": "UTF-8",
                    "UTF8": "UTF-8"}.get(text, text or "UTF-8")
    dbf = next((p for p in (shp.with_suffix(".dbf"), shp.with_suffix(".DBF")) if p.exists()),
               None)
    if dbf is None:
        return "UTF-8"
    raw = dbf.read_bytes()
    if len(raw) < 32:
        return "UTF-8"
    header_len, record_len = struct.unpack("<HH", raw[8:12])
    body = raw[header_len:header_len + record_len * 5000]
    try:
        body.decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        body.decode("gbk")
        return "GBK"
    except UnicodeDecodeError:
        return "ISO-8859-1"


def list_layers(path: Path) -> list[str]:
    try:
        return [str(n) for n in pyogrio.list_layers(path)[:, 0]]
    except Exception as exc:  # noqa: BLE001 (GDAL raises several kinds)
        raise _fail(path, f"cannot open as a vector file: {exc}") from None


def read_vector(path: Path | str, layer: str | None = None,
                encoding: str | None = None) -> VectorData:
    """One layer as a GeoDataFrame; a clear error naming the file when GDAL cannot read it."""
    path = Path(path)
    if not path.exists():
        raise _fail(path, "file not found")
    if path.suffix.lower() == ".shp":
        missing = [ext for ext in (".shx", ".dbf") if not path.with_suffix(ext).exists()
                   and not path.with_suffix(ext.upper()).exists()]
        if missing:
            raise _fail(path, f"incomplete shapefile: {', '.join(missing)} missing next to it")
        encoding = encoding or dbf_encoding(path)
    layers = list_layers(path)
    if layer is not None and layer not in layers:
        raise _fail(path, f"no layer {layer!r}; the file has: {', '.join(layers)}")
    try:
        frame = pyogrio.read_dataframe(path, layer=layer, encoding=encoding)
    except Exception as exc:  # noqa: BLE001
        raise _fail(path, f"cannot read{f' layer {layer}' if layer else ''}: {exc}") from None
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry is None:
        raise _fail(path, "the layer has no geometry")
    return VectorData(path, layer, frame, encoding, frame.crs)
