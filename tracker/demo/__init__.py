"""Demo data written for Nakoming: fictional answers in the shape of real
Tweede Kamer documents. Loaded by ``manage.py load_demo``."""
