"""CellBook (Sổ Chi bộ): the offline desk of a party cell secretary."""

__version__ = "0.1.0"
