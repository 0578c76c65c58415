"""Entry point for the frozen (PyInstaller) CellBook app."""

from desktop.cli.main import main

raise SystemExit(main())
