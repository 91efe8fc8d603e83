"""graph layer of LinkView (see DESIGN.md)."""
