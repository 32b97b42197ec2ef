"""Ingest: documents in (upload, API, command line), records out.

submit.py   — store the bytes once (sha256), sniff the type, queue processing
process.py  — claim the document, read, extract, persist; progress and failure
persist.py  — write (or merge, on re-extraction) the records atomically
tasks.py    — thin Celery wrappers
"""
