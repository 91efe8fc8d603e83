"""analysis layer of LinkView (see DESIGN.md)."""
