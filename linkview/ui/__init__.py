"""ui layer of LinkView (see DESIGN.md)."""
