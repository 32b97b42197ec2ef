"""Deadline alerts: subscriptions and e-mail digests that arrive exactly once."""
