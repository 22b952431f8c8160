"""Scoring (AL4xx): weights, scores, scoring rules, bands, stated totals and grades. One check per module."""
