"""``demo --cases N``: realistic synthetic data for trying the app and for benchmarks."""

from __future__ import annotations

import sys
from typing import Any

from mediation_desk.cli.context import Cli
from mediation_desk.errors import Problem, ValidationError


def register(sub: Any) -> None:
    s = sub.add_parser("demo", help="填入演示数据")
    s.add_argument("--cases", type=int, required=True)
    s.add_argument("--seed", type=int, default=1)
    s.set_defaults(handler=cmd_demo)


def cmd_demo(cli: Cli) -> None:
    from mediation_desk.domain.limits import MAX_DEMO_CASES, MAX_SEED, count_problem
    from mediation_desk.services.demo.fill import fill_demo

    for option, value, largest in (("--cases", cli.args.cases, MAX_DEMO_CASES),
                                   ("--seed", cli.args.seed, MAX_SEED)):
        reason = count_problem(value, largest)
        if reason:
            raise ValidationError(Problem("", option, reason))
    store, actor = cli.open()
    try:
        summary = fill_demo(store, actor, cases=cli.args.cases, seed=cli.args.seed,
                            progress=lambda done, total: print(
                                f"\r已生成 {done}/{total}", end="", file=sys.stderr))
    finally:
        store.close()
    print(file=sys.stderr)
    cli.emit(summary, f"已生成演示数据：{summary}")
