"""ingest layer of LinkView (see DESIGN.md)."""
