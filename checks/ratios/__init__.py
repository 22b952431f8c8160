"""Ratios (AL2xx): rates, shares, year-on-year changes and deviations against their recomputation. One check per module."""
