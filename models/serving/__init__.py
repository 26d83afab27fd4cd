"""``innotag serve``: one local server with the model loaded once, a web page for people and a REST API for scripts.

``app.py`` builds the application and runs it; ``api.py`` holds the ``/v1`` routes, ``page.py``
the HTML page, ``problems.py`` the RFC 9457 error bodies, ``uploads.py`` the request size
limit and in-memory uploads, ``service.py`` the single tagging worker, ``view.py`` and
``messages.py`` what the page shows and in which language.
"""

MAX_SIZE_MB = 20        # one request, all files of an upload together (--max-size)
MAX_BATCH = 100         # documents in one /v1/tag-batch call or one upload on the page
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000
