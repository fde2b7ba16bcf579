"""Mediation Desk (调解工作台): the core — rules, storage, use cases and documents.

Nothing under this package imports Qt; the window in ``ui/`` is one client of it and the
command line in :mod:`mediation_desk.cli` is another.
"""

__version__ = "0.1.0"
