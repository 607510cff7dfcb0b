"""Use cases. Each service owns its transactions; repositories never commit."""
