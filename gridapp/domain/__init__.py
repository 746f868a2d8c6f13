"""Pure domain model: places, people, catalog, calendar, cases and their workflow.

Imports nothing else of gridapp (checked by import-linter contracts in pyproject.toml).
"""
