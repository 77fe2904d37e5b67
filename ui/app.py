"""Placeholder entry point of the desktop app (replaced by the real window)."""

import sys


def main() -> int:
    print("乡村法律服务工作台：桌面程序正在开发中。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
