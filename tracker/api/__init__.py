"""The REST feed for parliament systems (/api/v1/)."""
