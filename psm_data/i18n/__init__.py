"""The interface's languages without Streamlit: gettext catalogues (catalogue.py) and Babel formats (formats.py).

The UI (components.i18n, which adds the session's language) and the documents built outside the app
(psm_data.documents) read the same catalogue and write numbers and dates the same way.
"""

from psm_data.i18n.catalogue import (
    DOMAIN,
    LOCALES_DIR,
    N_,
    NC_,
    NN_,
    NNC_,
    SOURCE_LANGUAGE,
    Message,
    catalogue_languages,
    render,
    translations,
)
from psm_data.i18n.formats import LANGUAGES, LOCALES, format_date, format_datetime, format_decimal, format_time

__all__ = [
    "DOMAIN", "LANGUAGES", "LOCALES", "LOCALES_DIR", "NC_", "NNC_", "NN_", "N_", "SOURCE_LANGUAGE", "Message",
    "catalogue_languages", "format_date", "format_datetime", "format_decimal", "format_time", "render", "translations",
]
