"""riskdesk: case management for a bank's consumer-finance risk team."""

__version__ = "0.1.0"
