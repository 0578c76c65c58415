"""Emulation pledges of the year and commendations."""
