"""``cases``, ``show`` and ``search``: reading the register."""

from __future__ import annotations

import json
from typing import Any

from mediation_desk.cli.context import Cli
from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.errors import Problem, ValidationError


def register(sub: Any) -> None:
    s = sub.add_parser("cases", help="案件登记簿")
    s.add_argument("--status")
    s.add_argument("--year", type=int)
    s.add_argument("--type", dest="dispute_type")
    s.add_argument("--village")
    s.add_argument("--mediator")
    s.set_defaults(handler=cmd_cases)

    s = sub.add_parser("show", help="显示一件案件")
    s.add_argument("number")
    s.set_defaults(handler=cmd_show)

    s = sub.add_parser("search", help="全文检索")
    s.add_argument("query")
    s.add_argument("--by-case", action="store_true",
                   help="每件案件一行（编号、标题、状态和最相关的片段）")
    s.set_defaults(handler=cmd_search)


def cmd_cases(cli: Cli) -> None:
    from mediation_desk.services.cases.register import CaseFilter, RegisterService

    a = cli.args
    if a.status and a.status not in {s.value for s in CaseStatus}:
        raise ValidationError(Problem("", "--status", "应为 " + " / ".join(s.value for s in CaseStatus) + " 之一"))
    store, actor = cli.open()
    try:
        rows = RegisterService(store, actor).list_summaries(CaseFilter(
            status=a.status, year=a.year, dispute_type=a.dispute_type, village=a.village,
            mediator=a.mediator))
    finally:
        store.close()

    def text() -> str:
        lines = [f"{r['number']}\t{r['received_on']}\t{STATUS_LABELS[CaseStatus(r['status'])]}"
                 f"\t{r['dispute_type']}\t{r['village']}\t{r['title']}" for r in rows]
        return "\n".join([*lines, f"共 {len(rows)} 件"])

    cli.emit(rows, text)


def cmd_show(cli: Cli) -> None:
    from mediation_desk.services.cases.register import RegisterService

    store, actor = cli.open()
    try:
        service = RegisterService(store, actor)
        doc = service.document(service.by_number(cli.args.number))
    finally:
        store.close()
    cli.emit(doc, lambda: json.dumps(doc, ensure_ascii=False, indent=1))


def cmd_search(cli: Cli) -> None:
    from mediation_desk.services.cases.search import FIELD_LABELS, SearchService

    if cli.args.by_case:
        cmd_search_by_case(cli)
        return
    store, actor = cli.open()
    try:
        results = SearchService(store, actor).search(cli.args.query)
    finally:
        store.close()
    rows = [{"number": r.number, "field": r.field, "snippet": r.snippet} for r in results]
    cli.emit(rows, lambda: "\n".join(
        [f"{r.number}\t{FIELD_LABELS.get(r.field, r.field)}\t{r.snippet}" for r in results]
        + [f"共 {len(results)} 处"]))


def cmd_search_by_case(cli: Cli) -> None:
    """``search QUERY --by-case``: one row per case, as the window's search lists them."""
    from mediation_desk.services.cases.search import SearchService

    store, actor = cli.open()
    try:
        found = SearchService(store, actor).search_cases(cli.args.query)
    finally:
        store.close()
    rows = [{"number": c.number, "title": c.title, "status": c.status.value,
             "snippets": [{"field": s.field, "snippet": s.text} for s in c.snippets]}
            for c in found]
    cli.emit(rows, lambda: "\n".join(
        [f"{c.number}\t{c.title}\t{c.status_label}\t"
         + "；".join(f"{s.label}：{s.text}" for s in c.snippets) for c in found]
        + [f"共 {len(found)} 件"]))
