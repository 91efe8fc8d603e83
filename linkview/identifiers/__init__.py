"""identifiers layer of LinkView (see DESIGN.md)."""
