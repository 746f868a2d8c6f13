"""`python -m gridapp.cli …`, the same as the `gridapp` command."""

from . import main

main()
