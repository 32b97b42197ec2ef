"""Field labels of the Eerste Kamer toezeggingenregister (griffie lists).

An entry opens with a title line (``Toezegging <onderwerp> (<dossier>) (T01234)``)
and lists its key data as ``label value`` or ``label | value |`` lines. The
``DEADLINE_FIELDS`` date the entry's promise when its sentence gives no date.
"""

ENTRY_TITLES = ("Toezegging",)
DEADLINE_FIELDS = ("Deadline", "Uiterste datum")
