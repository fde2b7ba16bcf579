"""PyInstaller entry point of the frozen ``mediation-desk-cli`` (see build.spec).

A script, not ``mediation_desk/cli.py`` itself: PyInstaller runs its entry as ``__main__``, and
the CLI module must keep its real name so that ``from mediation_desk.cli import …`` inside the
command handlers finds the same module (and the same globals) instead of importing it twice.
"""

import sys

from mediation_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
