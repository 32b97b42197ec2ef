"""The Tweede Kamer's open data in, automatically: its register of toezeggingen
(``records``, ``register``), and ``sync`` with the Gegevensmagazijn's OData API
through a small polite HTTP ``client``."""
