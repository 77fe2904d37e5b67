"""Entry of the frozen command-line tool (advisor / advisor.exe), e.g. ``advisor diagnose`` for support."""

import sys

from advisor_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
