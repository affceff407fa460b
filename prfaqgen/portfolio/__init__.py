"""Portfolio: render a folder of ideas in parallel and compare them, to fund the strongest.

The library does the batch work (discovery, filters, shards, the manifest,
the worker pool, ranking, the comparison document, CSV/JSON, the binder);
``prfaqgen portfolio`` only parses options and prints.
"""

from prfaqgen.portfolio.discovery import Filters, Shard
from prfaqgen.portfolio.ranking import RANKING_RULE, IdeaRow, rank
from prfaqgen.portfolio.run import PortfolioRequest, PortfolioResult, collect, run_portfolio
from prfaqgen.portfolio.runner import Outcome, default_jobs

__all__ = [
    "RANKING_RULE",
    "Filters",
    "IdeaRow",
    "Outcome",
    "PortfolioRequest",
    "PortfolioResult",
    "Shard",
    "collect",
    "default_jobs",
    "rank",
    "run_portfolio",
]
