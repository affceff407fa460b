"""Compose stage: a typed spec plus templates become one HTML document."""
