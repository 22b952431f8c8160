"""The indicator knowledge base (``vocab/indicators.yaml``: names, aliases, units,
directions and formulas over the report's own facts) and its resolution against a
report: ``knowledge`` loads and validates it, ``values`` finds the figures its
formulas name, ``definitions`` reads the formulas the report states itself (found once
per report), ``claims`` the values the report claims for its indicators, and
``targets`` reads an indicator row's target and actual as comparable intervals."""
