"""The indicator knowledge base (``vocab/indicators.yaml``: names, aliases, units,
directions and formulas over the report's own facts) and its resolution against a
report: ``knowledge`` loads and validates it, ``values`` finds the figures its
formulas name, ``targets`` reads an indicator row's target and actual as comparable
intervals."""
