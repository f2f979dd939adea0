"""Allow ``python -m peerdesk``."""

from peerdesk.cli import main

raise SystemExit(main())
