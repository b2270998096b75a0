"""Text utilities shared by every language: offset-keeping folding of spelling variants."""
