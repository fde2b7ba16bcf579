"""Lazy exports for the capability packages' ``__init__`` modules.

Why lazy: a package ``__init__`` that imported its service classes eagerly would run every
sibling module whenever any one of them is imported (``cases.drafts`` would pull in
``cases.casework`` and through it printing), which makes import cycles between capabilities
and slows the window's start. A module ``__getattr__`` (PEP 562) imports a service class
only when someone asks the package for it; type checkers read the ``TYPE_CHECKING`` imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` serving ``exports`` (name → submodule of ``package``)."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
