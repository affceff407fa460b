"""Writers: each turns a composed HTML document into one output format.

A writer knows nothing of YAML, of the spec model or of the command line; it
reads a :class:`prfaqgen.compose.document.ComposedDocument` and returns bytes.
"""
