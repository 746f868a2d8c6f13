"""Domain errors: each carries a stable code and the facts a user needs to act on it."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every rule violation; `code` is stable, `params` name the case or value."""

    code = "domain_error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.params = params


class InvalidCode(DomainError):
    code = "invalid_code"


class IllegalTransition(DomainError):
    code = "illegal_transition"


class PermissionDenied(DomainError):
    code = "permission_denied"


class OutOfScope(DomainError):
    code = "out_of_scope"


class SeparationOfDuties(DomainError):
    """监管分离: whoever rectified a case may never verify it."""

    code = "separation_of_duties"


class StaleCase(DomainError):
    """Another workstation changed the case since this one read it."""

    code = "stale_case"


class NotFound(DomainError):
    code = "not_found"


class InvalidInput(DomainError):
    code = "invalid_input"
