"""Docks and dialogs around the map."""
