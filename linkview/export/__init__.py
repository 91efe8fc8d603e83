"""export layer of LinkView (see DESIGN.md)."""
