"""Readers and writers: files in, files out, with per-row errors that name the file and row."""

import os

# reportlab checks every attribute of every chart shape as it is set, a development aid that
# its settings say to turn off in production (measured: a sixth of the bulletin's PDF). It is
# read once, when reportlab is first imported; only modules of this package import it.
os.environ.setdefault("RL_shapeChecking", "0")
