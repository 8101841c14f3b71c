"""The server's protections: who may connect, how often, and the headers it sends."""
