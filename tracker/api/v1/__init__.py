"""Version 1 of the REST feed, one module per resource."""
