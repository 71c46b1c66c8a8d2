"""Importers for the PETRARCH-2 / Phoenix dictionary formats.

Each reader takes the path a user gives (the files are never copied into this repository) and
returns the shared entry types of coding.entries plus every problem found, located by file and
line; no single bad line stops a read. The format details and how each maps onto cameoflow's
entries are documented in the modules below.
"""

from __future__ import annotations

from coding.importers.petrarch_actors import read_actors
from coding.importers.petrarch_agents import read_agents, read_discards
from coding.importers.petrarch_ontology import read_ontology
from coding.importers.petrarch_verbs import read_verbs

__all__ = ["read_actors", "read_agents", "read_discards", "read_ontology", "read_verbs"]
