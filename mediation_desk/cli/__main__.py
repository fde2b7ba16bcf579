"""``python -m mediation_desk.cli``: the same program as ``mediation-desk-cli``."""

from mediation_desk.cli.main import main

raise SystemExit(main())
