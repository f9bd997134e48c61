"""Partners: the register of partner platforms (due diligence, status, the capital figures) and
their performance against the joint-lending limits."""
