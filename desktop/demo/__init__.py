"""A realistic, deterministic demo book: the village cell "Chi bộ thôn An Hòa".

`generate_demo_book` writes two years of a cell's life (members, committee
terms, meetings with minutes and resolutions, the document register,
recommendations, and last year's review with its criticism, ratings and
shortcomings followed up) so the app, its tests and its screenshots have
something true-to-life to show. The same seed and end date always give the
same book.
"""

from desktop.demo.generator import generate_demo_book

__all__ = ["generate_demo_book"]
