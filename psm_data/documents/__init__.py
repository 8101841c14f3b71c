"""Printable documents made from the data and the events (ReportLab, no Streamlit)."""
