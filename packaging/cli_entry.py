"""PyInstaller entry point of the frozen ``mediation-desk-cli`` (see build.spec).

A script, not ``mediation_desk/cli/main.py`` itself: PyInstaller runs its entry as
``__main__``, and the CLI's modules must keep their real names so that the command modules'
``from mediation_desk.cli.context import …`` finds the same module instead of a second copy.
"""

import sys

from mediation_desk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
