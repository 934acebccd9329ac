"""``python -m zhclean``: the same as the ``zhclean`` command."""

import sys

from .cli import main

sys.exit(main())
