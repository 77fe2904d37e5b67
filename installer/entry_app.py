"""Entry of the frozen desktop app (advisor-app / advisor-app.exe).

``--self-test DIR`` runs :func:`advisor_app.diagnostics.self_test` headlessly (store, agreement PDF,
keyring) and writes its findings to ``DIR/self-test.json`` as well as stdout, because a windowed
Windows executable has no console. Anything else starts the desktop app.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def self_test(workdir: Path) -> int:
    from advisor_app.diagnostics import self_test as run

    workdir.mkdir(parents=True, exist_ok=True)
    try:
        result = run(workdir)
    except Exception as exc:  # reported, not raised: the smoke test reads the file
        import traceback

        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
    text = json.dumps(result, ensure_ascii=False, indent=1)
    (workdir / "self-test.json").write_text(text, encoding="utf-8")
    if sys.stdout is not None:
        sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
        sys.stdout.flush()
    return 0 if result.get("ok") else 1


def main(argv: list[str]) -> int:
    if "--self-test" in argv:
        position = argv.index("--self-test")
        if position + 1 >= len(argv):
            print("用法：advisor-app --self-test 空文件夹", file=sys.stderr)
            return 2
        return self_test(Path(argv[position + 1]))
    from installer.startup import run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
