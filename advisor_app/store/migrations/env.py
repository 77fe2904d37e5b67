"""Alembic environment for the local store: the engine comes from advisor_app.store.migrate."""

from alembic import context

from advisor_app.domain.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic revision --autogenerate` from the command line during development
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic.ini 缺少 sqlalchemy.url")
    engine = create_engine(url)

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
