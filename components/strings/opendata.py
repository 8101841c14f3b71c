"""UI strings: open data (the Data Package, its dictionary and download, GeoJSON downloads)."""

from psm_data.i18n import N_, Message

STRINGS: dict[str, Message] = {
    "dp_header": N_("Dizionario dei dati"),
    "dp_intro": N_(
        "Ogni campo di ogni file curato, come lo descrive il Data Package (`psm_data/datapackage.json`, "
        "formato Frictionless): tipo, chiavi, vincoli e significato. Un identificativo sconosciuto "
        "(zona, strategia, esigenza), anche dentro una lista come `1;9`, non supera la validazione del "
        "pacchetto.",
    ),
    "dp_download": N_("Scarica i dati (Data Package, zip)"),
    "dp_download_help": N_(
        "I file CSV curati, i confini in GeoJSON e il descrittore `datapackage.json`. Verifica con "
        "`frictionless validate datapackage.json`. Sono i dati del report: né risposte dei partecipanti "
        "né ipotesi di scenario.",
    ),
    "dp_col_file": N_("File"),
    "dp_col_field": N_("Campo"),
    "dp_col_type": N_("Tipo"),
    "dp_col_key": N_("Chiave"),
    "dp_col_constraints": N_("Vincoli"),
    "dp_col_description": N_("Descrizione"),
    "dp_event_download": N_("Tutto come Data Package (zip)"),
    "dp_event_download_help": N_(
        "Gli stessi CSV con `datapackage.json`: tipo e descrizione di ogni colonna, così un foglio di "
        "calcolo o uno strumento di analisi legge i numeri come numeri. Risposte dei partecipanti, non "
        "dati del report.",
    ),
    "geo_download_zones": N_("Mappa in GeoJSON (zone e cifre)"),
    "geo_download_projects": N_("Progetti in GeoJSON"),
    "geo_download_comuni": N_("Comuni della zona in GeoJSON"),
    "geo_download_participants": N_("Partecipazione per zona in GeoJSON"),
    "geo_download_help": N_(
        "Per QGIS e altri GIS: RFC 7946, WGS84. Ogni zona porta le cifre della vista e la loro origine "
        "(`source`: report, scenario, difference o participants); le proprietà sono descritte nel Data "
        "Package.",
    ),
}
