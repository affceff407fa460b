"""Writing checks: the Working Backwards house rules as located findings."""
