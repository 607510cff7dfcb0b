"""Tests on a real PostgreSQL server (the provincial office's shared database): the fixtures and
the skip-when-no-server hook come from tests/pg_fixtures.py."""

from pg_fixtures import (  # noqa: F401  # fixtures and a hook are found by their names here
    computers,
    pg_app_factory,
    pg_database,
    pg_empty_database,
    pg_province,
    pg_server,
    pg_template,
    pytest_runtest_setup,
)
