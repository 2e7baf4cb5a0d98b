"""``python -m kg.synth``: the synthetic generator's own command line."""

from kg.synth.generator import main

raise SystemExit(main())
