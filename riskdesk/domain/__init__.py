"""SQLModel tables and enums: the vocabulary of the whole app.

A table is imported from its own module (``from riskdesk.domain.cases import Case``), which
loads the modules its foreign keys point to, so that a key always finds its table. Importing
this package (as ``riskdesk.domain.enums`` does) loads no table: the main window's start
reads a third of them and no longer builds them all (issue 35). Whoever needs the whole
schema on ``SQLModel.metadata`` (Alembic, the database roles' grants, audit packs) imports
:mod:`riskdesk.domain.schema`.
"""
