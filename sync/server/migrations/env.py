"""Alembic environment of the city server: the engine comes from sync.server.database."""

from alembic import context

from sync.server.db import ServerBase

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic revision --autogenerate` from the command line during development
    from sync.server.database import make_engine

    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic.ini 缺少 sqlalchemy.url")
    engine = make_engine(url)

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=ServerBase.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
