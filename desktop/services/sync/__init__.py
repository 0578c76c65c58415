"""Exchanging bundles with other books: keys and enrolment, what travels,
making and importing bundles, the outbox and the hub."""
