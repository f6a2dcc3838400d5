"""A small PNG bar chart of questions per day, answered against declined."""

from __future__ import annotations

import io


def questions_chart_png(per_day: list[tuple[str, int, int]]) -> bytes:
    # Agg renders without a display; imported lazily since matplotlib is slow to import.
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    days = [d[5:] for d, _, _ in per_day]  # MM-DD keeps the axis readable on a phone
    answered = [a for _, a, _ in per_day]
    declined = [n for _, _, n in per_day]
    fig, ax = plt.subplots(figsize=(6, 3), dpi=100)
    try:
        ax.bar(days, answered, label="Terjawab", color="#2e7d32")
        ax.bar(days, declined, bottom=answered, label="Ditolak", color="#c62828")
        ax.set_ylabel("Pertanyaan")
        ax.legend(loc="upper left", fontsize=8)
        ax.tick_params(axis="x", labelrotation=45, labelsize=8)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(fig)
