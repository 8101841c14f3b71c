"""UI strings: open data (the Data Package, its dictionary and download, GeoJSON downloads)."""

STRINGS: dict[str, dict[str, str]] = {
    "dp_header": {"it": "Dizionario dei dati", "en": "Data dictionary"},
    "dp_intro": {
        "it": "Ogni campo di ogni file curato, come lo descrive il Data Package (`psm_data/datapackage.json`, "
              "formato Frictionless): tipo, chiavi, vincoli e significato. Un identificativo sconosciuto (zona, "
              "strategia, esigenza), anche dentro una lista come `1;9`, non supera la validazione del pacchetto.",
        "en": "Every field of every curated file, as the Data Package describes it (`psm_data/datapackage.json`, "
              "Frictionless format): type, keys, constraints and meaning. An unknown id (zone, strategy, need), "
              "also inside a list such as `1;9`, fails the package's validation.",
    },
    "dp_download": {"it": "Scarica i dati (Data Package, zip)", "en": "Download the data (Data Package, zip)"},
    "dp_download_help": {
        "it": "I file CSV curati, i confini in GeoJSON e il descrittore `datapackage.json`. Verifica con "
              "`frictionless validate datapackage.json`. Sono i dati del report: né risposte dei partecipanti "
              "né ipotesi di scenario.",
        "en": "The curated CSVs, the boundaries as GeoJSON and the `datapackage.json` descriptor. Check it with "
              "`frictionless validate datapackage.json`. These are the report's data: no participants' answers and "
              "no scenario hypotheses.",
    },
    "dp_col_file": {"it": "File", "en": "File"},
    "dp_col_field": {"it": "Campo", "en": "Field"},
    "dp_col_type": {"it": "Tipo", "en": "Type"},
    "dp_col_key": {"it": "Chiave", "en": "Key"},
    "dp_col_constraints": {"it": "Vincoli", "en": "Constraints"},
    "dp_col_description": {"it": "Descrizione", "en": "Description"},
    "dp_event_download": {"it": "Tutto come Data Package (zip)", "en": "Everything as a Data Package (zip)"},
    "dp_event_download_help": {
        "it": "Gli stessi CSV con `datapackage.json`: tipo e descrizione di ogni colonna, così un foglio di calcolo "
              "o uno strumento di analisi legge i numeri come numeri. Risposte dei partecipanti, non dati del report.",
        "en": "The same CSVs with `datapackage.json`: each column's type and description, so a spreadsheet or BI "
              "tool reads numbers as numbers. Participants' answers, not data from the report.",
    },
    "geo_download_zones": {"it": "Mappa in GeoJSON (zone e cifre)", "en": "Map as GeoJSON (zones and figures)"},
    "geo_download_projects": {"it": "Progetti in GeoJSON", "en": "Projects as GeoJSON"},
    "geo_download_comuni": {"it": "Comuni della zona in GeoJSON", "en": "The zone's comuni as GeoJSON"},
    "geo_download_participants": {"it": "Partecipazione per zona in GeoJSON",
                                  "en": "Participation per zone as GeoJSON"},
    "geo_download_help": {
        "it": "Per QGIS e altri GIS: RFC 7946, WGS84. Ogni zona porta le cifre della vista e la loro origine "
              "(`source`: report, scenario, difference o participants); le proprietà sono descritte nel Data Package.",
        "en": "For QGIS and other GIS: RFC 7946, WGS84. Each zone carries the view's figures and where they come "
              "from (`source`: report, scenario, difference or participants); the properties are described in the "
              "Data Package.",
    },
}
