"""layout layer of LinkView (see DESIGN.md)."""
