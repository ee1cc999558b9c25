"""``eventcoder serve``: the analyst's workspace (map, timeline, table, evidence) over an event store.

Needs the ``[web]`` extra (FastAPI, uvicorn): ``pip install 'eventcoder[web]'``. Importing this
package loads nothing; ``serve`` and ``create_app`` import FastAPI where they are called.

Modules: ``snapshot`` (read-only copies of the store, busy state), ``queries`` (the SQL),
``api`` (the FastAPI app), ``assets`` (the browser libraries, built from npm packages),
``server`` (``serve``: checks, warnings, uvicorn). The page is ``static/`` (own HTML, JS,
CSS) plus ``static/vendor/`` (built by ``make web``, not in git).
"""

from __future__ import annotations
