"""workspace layer of LinkView (see DESIGN.md)."""
