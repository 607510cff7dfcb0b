"""Repositories: query helpers that take a Session and never commit (services own transactions)."""
