"""Use cases of the closed loop. They take a unit of work and return results; no Qt, no SQL."""
