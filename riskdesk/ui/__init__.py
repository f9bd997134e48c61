"""PySide6 GUI: windows, dialogs, Qt models and workers. Calls services only."""
