"""The extractors: each adds one kind of fact to an event mention; ``mentions`` runs them in order."""
