"""Source stage: reading YAML and TOML text, and where every key and value is in it.

Nothing here knows the spec model: it builds plain data and a source map.
"""
