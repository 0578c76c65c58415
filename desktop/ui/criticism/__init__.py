"""Criticism and self-criticism through the year, and the shortcomings to fix."""
