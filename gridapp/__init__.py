"""gridapp: the command-room client for grid and road-chief city management."""

__version__ = "0.1.0"
