"""`advisor print KIND CASE_NO -o FILE.pdf`: a case's documents as PDF (``file`` = the whole 卷宗).

``advisor print consultation ID -o FILE.pdf`` prints a consultation record. A signed agreement
prints from the copy kept when it was signed, checked against its SHA-256; what is found wrong
(tampered data, a lost or damaged kept copy, a party changed after signing) is printed as
``警告：`` lines and, for a problem, exit code 1 with the PDF still written. ``--sign DATE`` signs
the draft (书面 for ``agreement``, 口头 for ``oral``) and prints it.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from advisor_app.cli.commands import COMMAND_HELP
from advisor_app.domain.record_kinds import DOCUMENT_KINDS

# The printing (reportlab, the models) is imported when a document is made, not for `--help`.
KINDS = (*DOCUMENT_KINDS, "consultation", "rating-card")
HELP = (
    "agreement 人民调解协议书，application 申请书，registration 受理登记表，notice 权利义务告知书，"
    "record 调解记录，oral 口头协议登记表，visit 回访记录，confirmation 司法确认申请书，"
    "closing 结案报告表，file 整个卷宗，consultation 法律咨询记录，"
    "rating-card 服务评价卡（咨询、活动编号或案件编号）"
)
SIGNABLE = {"agreement": "书面", "oral": "口头"}


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("print", help=COMMAND_HELP["print"], description=HELP)
    p.add_argument("kind", choices=KINDS, metavar="文书", help=HELP)
    p.add_argument(
        "number", metavar="案件编号", help="如 “（2026）临桥调字第 1 号”；consultation 为咨询记录编号"
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="保存为 PDF 文件")
    p.add_argument(
        "--sign",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="agreement / oral：签署书面协议或口头协议的草稿并打印（签署后不可修改）",
    )
    p.set_defaults(func=run)


def run(args, store) -> int:  # noqa: ANN001
    from advisor_app.domain.statuses import AgreementStatus
    from advisor_app.services import cases, printing

    problems: list[str] = []
    warnings: list[str] = []
    if args.kind == "rating-card":
        from advisor_app.cli.commands import rating_card

        return rating_card.run(args, store)
    if args.kind == "consultation":
        from advisor_app.cli.commands import rating_card

        pdf = printing.consultation_record(
            store, args.number, rating_card.card(store, "consultation", args.number)
        )
    else:
        case = cases.by_number(store, args.number)
        if args.sign:
            kind = SIGNABLE.get(args.kind)
            if kind is None:
                print("错误：--sign 只用于 agreement（书面协议书）或 oral（口头协议登记表）", file=sys.stderr)
                return 2
            drafts = [
                a
                for a in cases.agreements(store, case.id)
                if a.status == AgreementStatus.DRAFT and a.kind == kind
            ]
            if not drafts:
                print(f"错误：该案件没有待签署的{kind}协议草稿", file=sys.stderr)
                return 2
            pdf = printing.sign_and_print(store, drafts[-1].id, args.sign)
        else:
            found = printing.preflight(store, args.kind, case.id)
            if found:
                for message in found.values():
                    print(f"错误：{message}", file=sys.stderr)
                return 2
            printed = printing.print_document(store, args.kind, case.id)
            pdf, problems, warnings = printed.pdf, printed.problems, printed.warnings
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(pdf)
    for message in (*problems, *warnings):
        print(f"警告：{message}", file=sys.stderr)
    print(f"已生成 {args.output}（{len(pdf) // 1024} KB）")
    # The PDF is written either way; a problem (not what was signed) shows in the exit code.
    return 1 if problems else 0
