"""regwatch: tracks changes in China's export-control regime."""

__version__ = "0.1.0"
