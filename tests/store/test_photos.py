"""Photos as evidence: decoded to the last pixel, bombs and oversize refused in one line."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO

import pytest
from factories import cell_center, clock
from PIL import Image

from gridapp.domain.case import Source
from gridapp.domain.errors import InvalidInput
from gridapp.domain.settings import Settings
from gridapp.services import admin
from gridapp.services import cases as svc
from gridapp.services.photos import add_photo, inspect_photo

MB = 10 * 1024 * 1024


def _image(fmt: str, size=(640, 480), **kw) -> bytes:
    buf = BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buf, fmt, **kw)
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_claiming(width: int, height: int, rows: int = 16) -> bytes:
    """A few kB of PNG whose header claims width×height 1-bit pixels (a decompression bomb)."""
    raw = b"".join(b"\x00" + bytes((width + 7) // 8) for _ in range(rows))
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0,
                                                                0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


@pytest.mark.parametrize("fmt, mime", [("JPEG", "image/jpeg"), ("PNG", "image/png"),
                                       ("WEBP", "image/webp")])
def test_whole_photos_are_accepted(fmt, mime):
    data = _image(fmt)
    ref = inspect_photo(data, f"a.{fmt.lower()}", MB)
    assert (ref.mime, ref.width, ref.height, ref.size) == (mime, 640, 480, len(data))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_half_a_photo_is_refused(fmt):
    data = _image(fmt)
    with pytest.raises(InvalidInput) as e:
        inspect_photo(data[: len(data) // 2], "half.jpg", MB)
    assert "half.jpg is damaged or incomplete" in str(e.value) and "\n" not in str(e.value)


def test_a_png_with_a_broken_middle_is_refused():
    data = bytearray(_image("PNG"))
    data[len(data) // 2: len(data) // 2 + 64] = bytes(64)  # the CRC no longer matches
    with pytest.raises(InvalidInput, match="damaged or incomplete"):
        inspect_photo(bytes(data), "broken.png", MB)


@pytest.mark.parametrize("width, height", [(30_000, 30_000), (100_000, 100_000), (9_000, 9_000)])
def test_decompression_bombs_are_refused_without_decoding(width, height):
    bomb = _png_claiming(width, height)
    assert len(bomb) < 100_000
    with pytest.raises(InvalidInput) as e:
        inspect_photo(bomb, "bomb.png", MB)
    message = str(e.value)
    assert "bomb.png" in message and "Mpx" in message and "\n" not in message


def test_pixel_limit_is_a_setting(store):
    photo = _image("JPEG", (3000, 2000))  # 6 Mpx
    add_photo(store.uow(), photo, "six.jpg")
    admin.save_settings(store.uow(), "admin", Settings(photo_max_pixels=5_000_000))
    with pytest.raises(InvalidInput, match=r"six\.jpg is 3000×2000 = 6\.0 Mpx; the limit is 5 Mpx"):
        add_photo(store.uow(), photo, "six.jpg")


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_other_formats_are_refused(fmt):
    with pytest.raises(InvalidInput, match="is not a JPEG, PNG or WebP image"):
        inspect_photo(_image(fmt, (64, 64)), f"x.{fmt.lower()}", MB)


def test_animated_images_are_refused():
    frames = [Image.effect_noise((64, 64), 40 + i).convert("RGB") for i in range(3)]
    buf = BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:])
    with pytest.raises(InvalidInput, match="animated"):
        inspect_photo(buf.getvalue(), "clip.webp", MB)


def test_size_limit_and_empty_files():
    with pytest.raises(InvalidInput, match="empty"):
        inspect_photo(b"", "nothing.jpg", MB)
    data = _image("PNG")
    with pytest.raises(InvalidInput, match=r"big\.png is .* MB; the limit is 0\.1 MB"):
        inspect_photo(data, "big.png", 100_000)


def test_the_same_photo_twice_in_one_action_is_kept_once(store):
    photo = add_photo(store.uow(), _image("JPEG", (320, 240)), "a.jpg")
    x, y = cell_center("420102001001", 2)
    from datetime import datetime
    clock(store, datetime(2026, 11, 2, 9))
    case = svc.report(store.uow(), "worker1", class_code="E0102", x=x, y=y,
                      description="暴露垃圾",
                      source=Source.GRID_PATROL, photos=[photo, photo]).case
    assert svc.view(store.uow(), None, case.id).photos == [(1, "report", photo)]
