"""The figures, one module per notebook; matplotlib is imported here and nowhere else in the
analysis (``helpers.figures`` holds the shared style and ``save_figure``).

Every ``plot_*`` function takes a table computed by the analysis modules and a title stating the
finding, and returns the matplotlib figure. Every figure stays readable from one article to ten
thousand (:mod:`helpers.plots._many`): past 30 rows, a per-article chart becomes a distribution,
a top list with "and N more", or counts per period, and no side is over 12 inches.

- :mod:`helpers.plots.overview`  notebook 01: ``plot_barh``, ``plot_per_article``, ``plot_timeline``
- :mod:`helpers.plots.cleaning`  notebook 02: ``plot_before_after``
- :mod:`helpers.plots.terms`     notebook 03: ``plot_dispersion``, ``plot_top_terms``, ``plot_heatmap``
- :mod:`helpers.plots.quotes`    notebook 04: ``plot_speakers``, ``plot_quotes_per_article``
- :mod:`helpers.plots.alliances` notebook 05: ``plot_network``, ``plot_log_odds``, ``plot_mentions_by_group``,
  ``plot_mentions_by_article``, ``plot_quotes_by_group``, ``plot_sentiment``, ``plot_camps_over_time``
"""
from ._many import MAX_ROWS, period_for
from .alliances import (plot_camps_over_time, plot_log_odds, plot_mentions_by_article, plot_mentions_by_group,
                        plot_network, plot_quotes_by_group, plot_sentiment)
from .cleaning import plot_before_after
from .overview import plot_barh, plot_per_article, plot_timeline
from .quotes import plot_quotes_per_article, plot_speakers
from .terms import plot_dispersion, plot_heatmap, plot_keywords, plot_term_trends, plot_top_terms

__all__ = ["MAX_ROWS", "period_for", "plot_barh", "plot_before_after", "plot_dispersion", "plot_heatmap", "plot_log_odds",
           "plot_camps_over_time", "plot_mentions_by_article", "plot_mentions_by_group", "plot_network", "plot_per_article", "plot_quotes_by_group",
           "plot_quotes_per_article", "plot_sentiment", "plot_speakers", "plot_timeline", "plot_top_terms",
           "plot_keywords", "plot_term_trends"]
