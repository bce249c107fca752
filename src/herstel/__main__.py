"""Allow ``python -m herstel``."""

import sys

from herstel.cli.main import main

sys.exit(main())
