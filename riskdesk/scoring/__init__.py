"""The credit model: training, metrics, the scorecard scale, reason codes, batch scoring."""
