"""Review: reviewers confirm, correct, reject, merge and split extracted records."""
