"""Placeholder entry point of the city server (replaced by the real server)."""

import sys


def main() -> int:
    print("advisor-server：市级同步服务器正在开发中。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
