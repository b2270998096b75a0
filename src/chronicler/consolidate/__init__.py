"""Cross-document work over stored mentions: outlets, near-duplicate documents, corroboration."""
