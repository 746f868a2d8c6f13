"""A tamper-evident audit trail: each row carries a hash of its content and of the row before.

The rows of a case form a chain from `GENESIS`; changing any row's content (or removing or
inserting one) breaks the link at that row and at every later one of the case. The hash is
plain SHA-256 over a canonical form, so anyone can check it (`gridapp audit verify`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from json.encoder import c_encode_basestring, c_make_encoder, encode_basestring  # type: ignore[attr-defined]  # C speedups typeshed omits

from .case import CaseEvent

GENESIS = "0" * 64


def _not_json(value: object) -> object:
    raise TypeError(f"{value!r} cannot be kept in an audit row")


# json.dumps(…, ensure_ascii=False, sort_keys=True, separators=(",", ":")) with its encoder
# built once: a migration seals millions of rows, and building one per call costs a third
_ENCODE = c_make_encoder(None, _not_json, c_encode_basestring, None, ":", ",", True, False,
                         True) if c_make_encoder else None
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _dumps(value: object) -> str:
    return "".join(_ENCODE(value, 0)) if _ENCODE else _JSON.encode(value)


def canonical_json(value: object) -> str:
    """Compact JSON with sorted keys (what the hash covers; also how bulk writes keep data)."""
    return _dumps(value)


def canonical(ev: CaseEvent) -> bytes:
    """The row's content, the same bytes whichever backend stored and returned it."""
    return _dumps(
        [ev.case_id, ev.seq, ev.action, ev.actor_id, ev.actor_role, ev.at.isoformat(),
         ev.from_state.value if ev.from_state else None, ev.to_state.value, ev.reason,
         ev.data, list(ev.attachments)]).encode()


def digest(prev: str, ev: CaseEvent) -> str:
    return hashlib.sha256(prev.encode() + b"\n" + canonical(ev)).hexdigest()


def seal(ev: CaseEvent, prev: str) -> CaseEvent:
    """The row with its hash, chained to `prev` (the case's previous row, or GENESIS)."""
    return replace(ev, hash=digest(prev or GENESIS, ev))


def seal_chain(events: Iterable[CaseEvent], prev: str = GENESIS) -> list[CaseEvent]:
    """Consecutive rows of one case, each sealed to the one before."""
    out = []
    for ev in events:
        ev = seal(ev, prev)
        prev = ev.hash
        out.append(ev)
    return out


def seal_new(events: list[CaseEvent], prev: str = GENESIS) -> list[CaseEvent]:
    """`seal_chain` for rows just made by the caller and seen by nobody else yet: their hash
    is set in place (a bulk migration seals millions; copying each row would double it)."""
    seal_encoded(events, prev)  # the same hashes, the row's text made from its recurring parts
    return events


# (action, role, from-state, to-state) → their JSON texts, made on first use
_TEXTS: dict[tuple[object, ...], tuple[str, ...]] = {}


def _element(value: object) -> str:
    """One element of the canonical list, exactly as `_dumps` writes it inside the list."""
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is str:
        return encode_basestring(value)
    return _dumps(value)


def _texts(action: object, role: object, before: object, after: object) -> tuple[str, ...]:
    """The JSON text of a row's action, role and states: the few that recur in every row."""
    key = (action, role, before, after)
    found = _TEXTS.get(key)
    if found is None:
        found = _TEXTS[key] = tuple(_element(getattr(v, "value", v)) for v in key)
    return found


def seal_encoded(events: list[CaseEvent], prev: str = GENESIS) -> list[str]:
    """`seal_new` that also returns each row's data as canonical JSON (the text a bulk write
    keeps): each row's data is encoded once for both, and the row's other fields are joined
    around it as `canonical` writes them (tests compare the two on awkward rows)."""
    out = []
    sha = hashlib.sha256
    texts, element, string = _texts, _element, encode_basestring
    for ev in events:
        data = _dumps(ev.data)
        reason = ev.reason
        action, role, before, after = texts(ev.action, ev.actor_role, ev.from_state,
                                            ev.to_state)
        body = (f"[{element(ev.case_id)},{element(ev.seq)},{action},{element(ev.actor_id)},"
                f"{role},\"{ev.at.isoformat()}\",{before},{after},"
                f"{string(reason) if type(reason) is str else element(reason)},{data},"
                f"{_dumps(list(ev.attachments)) if ev.attachments else '[]'}]")
        prev = sha(f"{prev}\n{body}".encode()).hexdigest()
        object.__setattr__(ev, "hash", prev)
        out.append(data if ev.data else "{}")
    return out


def row_texts(action: object, role: object, before: object, after: object) -> tuple[str, ...]:
    """The JSON texts of a row's action, role and states, as `canonical` writes them (made
    once per combination: a migration builds millions of rows from a few dozen)."""
    return _texts(action, role, before, after)


def json_text(value: object) -> str:
    """One value as `canonical` writes it inside a row (None, int, str, or any JSON)."""
    return _element(value)


def seal_texts(bodies: Sequence[str], seqs: Sequence[int]) -> list[str]:
    """The hashes of consecutive rows given as their canonical text (`canonical(ev)`
    decoded), each case's chain starting from GENESIS at its row 1: the same hashes as
    `seal_chain`, in a loop that does nothing but hash (hashlib is C; the Python around it
    is the cost)."""
    out: list[str] = []
    append = out.append
    sha = hashlib.sha256
    prev = GENESIS
    for body, seq in zip(bodies, seqs, strict=True):
        if seq == 1:
            prev = GENESIS
        prev = sha(f"{prev}\n{body}".encode()).hexdigest()
        append(prev)
    return out


@dataclass(frozen=True)
class BrokenLink:
    """The first row of a case whose hash does not follow, and why."""

    case_id: int
    seq: int
    reason: str


def first_broken(events: Iterable[CaseEvent]) -> BrokenLink | None:
    """Walk one case's rows (in seq order); the first that breaks the chain, if any."""
    prev, expected = GENESIS, 1
    for ev in events:
        if ev.seq != expected:
            return BrokenLink(ev.case_id or 0, expected,
                              f"row {expected} is missing (found row {ev.seq} next)")
        if not ev.hash:
            return BrokenLink(ev.case_id or 0, ev.seq, "the row carries no hash")
        if ev.hash != digest(prev, ev):
            return BrokenLink(ev.case_id or 0, ev.seq, "its content does not match its hash: "
                              "it was changed after it was written")
        prev, expected = ev.hash, expected + 1
    return None
