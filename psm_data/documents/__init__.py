"""Documents built from the report and the listening events: the position paper draft (*Documento di sintesi*).

`build_paper(data, store, PaperOptions(...))` gives the DOCX, the PDF and the figures' CSV zip; the content is
one `Document` of blocks (model.py) that every writer renders the same way.
"""

from psm_data.documents.build import PaperFiles, build_paper, figures_zip
from psm_data.documents.content import PaperOptions, build_document
from psm_data.documents.gather import EventInputs, gather, not_counted

__all__ = ["EventInputs", "PaperFiles", "PaperOptions", "build_document", "build_paper", "figures_zip",
           "gather", "not_counted"]
