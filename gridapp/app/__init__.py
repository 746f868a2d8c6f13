"""Headless application state: session, selection, filters, layers; no Qt."""
