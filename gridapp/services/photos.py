"""Photos as evidence: checked for size and real image type, stored by content hash."""

from __future__ import annotations

import hashlib
import io

from PIL import Image, UnidentifiedImageError

from ..domain.errors import InvalidInput
from .ports import PhotoRef, UnitOfWork

ALLOWED = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def inspect_photo(data: bytes, name: str, max_bytes: int) -> PhotoRef:
    """Reject anything too large or not a decodable JPEG/PNG/WebP."""
    if not data:
        raise InvalidInput(f"photo {name} is empty", value=name)
    if len(data) > max_bytes:
        raise InvalidInput(f"photo {name} is {len(data) / 1e6:.1f} MB; the limit is "
                           f"{max_bytes / 1e6:.0f} MB", value=name)
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt, size = img.format, img.size
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise InvalidInput(f"photo {name} is not a readable image ({exc})", value=name) from None
    if fmt not in ALLOWED:
        raise InvalidInput(f"photo {name} is {fmt}; use JPEG, PNG or WebP", value=name)
    return PhotoRef(hashlib.sha256(data).hexdigest(), ALLOWED[fmt], len(data), *size)


def add_photo(uow: UnitOfWork, data: bytes, name: str = "photo") -> str:
    """Store a photo in its own transaction, before the transition that cites it.

    A failed transition afterwards leaves the photo in place, so a retry finds it.
    """
    with uow:
        ref = inspect_photo(data, name, uow.config.settings().photo_max_bytes)
        uow.photos.put(ref, data)
        uow.commit()
    return ref.sha256
