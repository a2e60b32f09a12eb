"""`mandate serve`: the desk officer's page — drop a draft, read the report, take the annotated copy
back — on their own machine, with nothing kept and nothing fetched.

Starlette on uvicorn, with python-multipart for uploads (see the README for why).
"""

from mandate.web.app import create_app
from mandate.web.server import serve

__all__ = ["create_app", "serve"]
