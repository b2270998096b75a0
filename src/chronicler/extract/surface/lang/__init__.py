"""What one language of the surface reader needs beyond its packs: ``fr`` (the parse), ``fa``
(spelling folds, compound verbs, verb-final roles)."""
