"""PyInstaller entry point of the frozen window ``mediation-desk`` (see build.spec)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
