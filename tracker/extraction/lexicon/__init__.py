"""The Dutch the engine knows, kept as data.

Word lists and tables only (month and number words, weekdays, parliamentary and
budget events, verb families, deliverable nouns, actors and bodies); the stages
generate their patterns from these. Adding a word is a one-line change here plus
one test row. No behaviour lives in this package.
"""
