"""``python -m kg.synth``: the synthetic generator's own command line."""

import sys

from kg.synth.generator import main

sys.exit(main())
