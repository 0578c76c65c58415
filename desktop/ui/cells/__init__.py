"""The commune's windows on its cells: a cell in detail, answering a
recommendation, deciding a level, sending a document down."""
