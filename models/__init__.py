"""Label schema, estimators, training, evaluation and persistence for innotag.

The main entry points::

    from models import Tagger, train, evaluate_cv, load_model
"""

from models.evaluate import EvaluationResult, evaluate_cv, evaluate_heldout
from models.model import InnotagModel, ModelConfig
from models.persistence import default_model_dir, load_model
from models.schema import FEATURE_IDS, STAGE_IDS
from models.tagger import TagResult, Tagger
from models.train import train

__all__ = ["EvaluationResult", "FEATURE_IDS", "InnotagModel", "ModelConfig", "STAGE_IDS", "TagResult", "Tagger",
           "default_model_dir", "evaluate_cv", "evaluate_heldout", "load_model", "train"]
