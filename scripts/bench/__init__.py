"""Browser benchmark of PSM Torino Explorer (`make bench`, `python -m scripts.bench`): see __main__."""
