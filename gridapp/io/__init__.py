"""Readers and writers: files in, files out, with per-row errors that name the file and row."""
