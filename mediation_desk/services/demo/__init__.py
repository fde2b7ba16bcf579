"""Demo data: a register that looks like several years of a township mediation room's work,
written through the services (for trying the app and for benchmarks). ``fill`` fills a
register in one transaction; ``register`` builds the window's demo register beside its place
and moves it in only when complete.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.demo.fill import demo_filled, fill_demo
    from mediation_desk.services.demo.register import build_demo_register, set_aside

__all__ = ["build_demo_register", "demo_filled", "fill_demo", "set_aside"]

__getattr__ = lazy_exports(__name__, {
    "fill_demo": "fill",
    "demo_filled": "fill",
    "build_demo_register": "register",
    "set_aside": "register",
})
