"""agglo_extract: Chinese bulletins and journal articles on city clusters (城市群) into validated models."""

from .api import parse
from .errors import AggloExtractError, CitationSyntaxError, DecodeError, LoadError, UnsupportedFormat
from .models import *  # noqa: F403  (the models are the public surface, listed in models.__all__)
from .models import __all__ as _model_names

__version__ = "0.1.0"

__all__ = [
    "AggloExtractError",
    "CitationSyntaxError",
    "DecodeError",
    "LoadError",
    "UnsupportedFormat",
    "__version__",
    "parse",
    *_model_names,
]
