"""`python -m claimtrack`: the command line, for environments without the script on PATH."""

from claimtrack.cli import main

main()
