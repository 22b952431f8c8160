"""Arithmetic (AL1xx): totals, parts, row identities and group weights that do not add up. One check per module."""
