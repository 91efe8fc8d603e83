"""LinkView: link analysis of call records, transfers and ad accounts across fraud cases."""

__version__ = "0.1.0"
