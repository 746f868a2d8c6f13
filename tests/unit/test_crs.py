"""GCJ-02 / BD-09 against published conversion pairs, and CRS round trips."""

import numpy as np
import pytest

from gridapp.io import crs

# wgsLat, wgsLng, gcjLat, gcjLng: the pairs published with eviltransform.
EVILTRANSFORM = [
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),  # Shanghai
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),  # Shenzhen
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),  # Beijing
]


@pytest.mark.parametrize("wlat,wlon,glat,glon", EVILTRANSFORM)
def test_wgs84_to_gcj02_published(wlat, wlon, glat, glon):
    lon, lat = crs.wgs84_to_gcj02(wlon, wlat)
    assert lon == pytest.approx(glon, abs=1e-9) and lat == pytest.approx(glat, abs=1e-9)


@pytest.mark.parametrize("wlat,wlon,glat,glon", EVILTRANSFORM)
def test_gcj02_to_wgs84_inverts_exactly(wlat, wlon, glat, glon):
    lon, lat = crs.gcj02_to_wgs84(glon, glat)
    assert lon == pytest.approx(wlon, abs=1e-8) and lat == pytest.approx(wlat, abs=1e-8)


def test_coordtransform_published_pairs():
    # wandergis/coordtransform's example values for (116.404, 39.915).
    assert np.allclose(crs.wgs84_to_gcj02(116.404, 39.915), (116.41024449916938, 39.91640428150164))
    assert np.allclose(crs.gcj02_to_bd09(116.404, 39.915), (116.41036949371029, 39.92133699351021))
    assert np.allclose(crs.bd09_to_gcj02_approx(116.404, 39.915),
                       (116.39762729119315, 39.90865673957631))
    # ours inverts the forward formula exactly; the published step is within 10 cm of it
    assert np.allclose(crs.bd09_to_gcj02(116.404, 39.915), (116.39762729119315, 39.90865673957631),
                       atol=1e-6)
    assert np.allclose(crs.gcj02_to_bd09(*crs.bd09_to_gcj02(116.404, 39.915)), (116.404, 39.915),
                       atol=1e-10)
    # Their gcj02→wgs84 is the one-step approximation; ours is exact, within 10 cm of theirs.
    assert np.allclose(crs.gcj02_to_wgs84(116.404, 39.915), (116.39775550083061, 39.91359571849836),
                       atol=1e-6)


def test_bd09_round_trip_vectorised():
    lon = np.linspace(114.2, 114.4, 1000)
    lat = np.linspace(30.5, 30.7, 1000)
    blon, blat = crs.from_wgs84(lon, lat, "bd09")
    wlon, wlat = crs.to_wgs84(blon, blat, "bd09")
    assert np.abs(wlon - lon).max() < 1e-9 and np.abs(wlat - lat).max() < 1e-9


def test_outside_china_is_unchanged():
    assert crs.wgs84_to_gcj02(2.35, 48.85) == (2.35, 48.85)


def test_lonlat_to_store_and_back():
    x, y = crs.lonlat_to_store(114.30911, 30.600052, "gcj02", 4547)
    # CGCS2000 / GK CM 114E: 114.3°E is ~29 km east of the 500 km false easting.
    assert 528_000 < x < 530_000 and 3_385_000 < y < 3_388_000
    lon, lat = crs.store_to_lonlat(x, y, 4547, "gcj02")
    assert lon == pytest.approx(114.30911, abs=1e-8) and lat == pytest.approx(30.600052, abs=1e-8)


def test_parse_system():
    assert crs.parse_system("GCJ-02") is crs.LonLatSystem.GCJ02
    assert crs.parse_system("EPSG:4326") is crs.LonLatSystem.WGS84
    assert crs.parse_system("EPSG:4547") == 4547
