"""chart layer of LinkView (see DESIGN.md)."""
