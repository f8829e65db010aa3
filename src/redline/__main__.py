"""Allow ``python -m redline``."""

from __future__ import annotations

import sys

from redline.cli import main

sys.exit(main())
