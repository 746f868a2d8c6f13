"""Persistence: SQLAlchemy 2 + GeoAlchemy2 on SpatiaLite (default) or PostGIS."""
