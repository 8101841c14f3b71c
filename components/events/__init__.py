"""Event UI pieces that need their own files (JavaScript components and their Python mounts)."""
