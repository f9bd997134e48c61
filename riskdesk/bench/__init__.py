"""`riskdesk bench`: the shipped benchmarks (import, scoring and report pipeline, the case queue,
post-loan monitoring, concurrent officers). The queue's measurement through its Qt model lives
in riskdesk.ui.bench_queue."""
