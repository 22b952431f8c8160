"""Structure (AL6xx): section numbering, blank fields, duplicated indicators. One check per module."""
