"""Allow ``python -m herstel``."""

import sys

from herstel.cli import main

sys.exit(main())
