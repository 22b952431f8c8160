"""Values (AL3xx): amounts, rates, targets and units that cannot be right. One check per module."""
