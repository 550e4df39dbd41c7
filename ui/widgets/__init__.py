"""Generic widgets shared by the pages: phase timeline, cards, badges."""
