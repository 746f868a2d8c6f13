"""Photos as evidence: size, type, pixel count and a full decode checked, stored by hash.

A photo is decoded to its last pixel before it is accepted, so half a JPEG (a transfer that
broke off) is refused instead of being kept as evidence nobody can open. The pixel count is
checked from the header before anything is decoded, so a decompression bomb (a few kB that
claim a gigapixel) is refused without the memory it asks for.
"""

from __future__ import annotations

import hashlib
import io
import warnings

from PIL import Image, ImageFile, UnidentifiedImageError

from ..domain.errors import InvalidInput
from .ports import PhotoRef, UnitOfWork

ALLOWED = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def inspect_photo(data: bytes, name: str, max_bytes: int,
                  max_pixels: int = 40_000_000) -> PhotoRef:
    """Refuse anything too large, not a JPEG/PNG/WebP, animated, too many pixels or damaged."""
    if not data:
        raise InvalidInput(f"photo {name} is empty", value=name, why="photo_empty")
    if len(data) > max_bytes:
        raise InvalidInput(f"photo {name} is {len(data) / 1e6:.1f} MB; the limit is "
                           f"{max_bytes / 1e6:.1f} MB", value=name, why="photo_too_big", limit=f"{max_bytes / 1e6:.1f} MB")
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # someone relaxed Pillow for good: not for evidence
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(ALLOWED)) as img:
                fmt, (width, height) = img.format, img.size
                if fmt not in ALLOWED:  # `formats` let only these open: never, but say so
                    raise UnidentifiedImageError(f"format {fmt}")
                _check_pixels(name, width, height, max_pixels)
                frames = getattr(img, "n_frames", 1)  # only formats that animate have it
                if frames > 1:
                    raise InvalidInput(f"photo {name} is animated ({frames} frames); "
                                       "use a still photo", value=name, why="photo_animated")
                img.load()  # every pixel: a truncated or corrupt file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InvalidInput(f"photo {name} claims more pixels than any photo has (a "
                           f"decompression bomb?); the limit is {max_pixels / 1e6:g} Mpx",
                           value=name, why="photo_bomb") from None
    except UnidentifiedImageError:
        raise InvalidInput(f"photo {name} is not a JPEG, PNG or WebP image",
                           value=name, why="photo_format") from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise InvalidInput(f"photo {name} is damaged or incomplete and cannot be shown "
                           f"({_reason(exc)})", value=name, why="photo_damaged") from None
    return PhotoRef(hashlib.sha256(data).hexdigest(), ALLOWED[fmt], len(data), width, height)


def _check_pixels(name: str, width: int, height: int, max_pixels: int) -> None:
    if width <= 0 or height <= 0:
        raise InvalidInput(f"photo {name} has no pixels ({width}×{height})", value=name, why="photo_no_pixels")
    if width * height > max_pixels:
        raise InvalidInput(f"photo {name} is {width}×{height} = {width * height / 1e6:.1f} Mpx; "
                           f"the limit is {max_pixels / 1e6:g} Mpx", value=name, why="photo_too_many_pixels", limit=f"{max_pixels / 1e6:g} Mpx")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else type(exc).__name__


def add_photo(uow: UnitOfWork, data: bytes, name: str = "photo") -> str:
    """Store a photo in its own transaction, before the transition that cites it.

    A failed transition afterwards leaves the photo in place, so a retry finds it.
    """
    with uow:
        settings = uow.config.settings()
    # decoded outside the write transaction: a big photo never holds the store locked
    ref = inspect_photo(data, name, settings.photo_max_bytes, settings.photo_max_pixels)
    with uow:
        uow.photos.put(ref, data)
        uow.commit()
    return ref.sha256
