"""``print KIND NUMBER --out FILE.pdf``: one form (or the whole dossier) of a case as PDF.

The PDF is written to ``FILE.pdf.part`` and renamed only when it is whole and filed, so a
refusal (missing data, a character no font can draw) or a crash never leaves a file that
looks like a printout. A saved PDF is filed back to the case like a printed one (action
"save"), so it shows on the case's 文书 list and 操作记录.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_desk.cli.context import Cli, UsageError, check_out, write_failure


def register(sub: Any) -> None:
    # KIND is checked in cmd_print rather than by argparse ``choices``: the list lives in the
    # documents registry, and importing reportlab for every command would slow them all.
    s = sub.add_parser("print", help="把文书保存为 PDF（dossier = 整本卷宗）")
    s.add_argument("kind", help="application intake notice investigation record agreement "
                                "oral-agreement followup termination confirmation cover "
                                "contents dossier")
    s.add_argument("number", help="案件编号")
    s.add_argument("--out", type=Path, required=True, help="PDF 文件")
    s.set_defaults(handler=cmd_print)


def cmd_print(cli: Cli) -> None:
    from mediation_desk.documents import KINDS
    from mediation_desk.services.printing.service import PrintingService

    kind: str = cli.args.kind
    out: Path = cli.args.out
    if kind not in KINDS:
        raise UsageError(f"未知的文书种类“{kind}”，应为：{' '.join(KINDS)}")
    check_out(out)
    part = out.with_name(out.name + ".part")
    store, actor = cli.open()
    try:
        service = PrintingService(store, actor)
        document = service.render_by_number(cli.args.number, kind)
        try:
            part.write_bytes(document.pdf)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise write_failure(exc, out) from exc
        try:
            service.file_printed(document, action="save")
            part.replace(out)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    finally:
        store.close()
    for warning in document.warnings:
        cli.say(f"提示：{warning}")
    cli.emit({"kind": kind, "number": cli.args.number, "out": str(out),
              "pages": document.pages, "sha256": document.sha256},
             f"已保存{document.title}（{document.pages}页）：{out}")
