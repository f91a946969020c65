"""factcheck: a numeric fact and figure checker for French-language newsrooms."""

__version__ = "0.1.0"
