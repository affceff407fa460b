"""Measure stage: the six-page budget, measured on the laid-out PDF."""
