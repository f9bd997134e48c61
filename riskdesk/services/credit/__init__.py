"""Credit: the model registry (propose, approve, activate), the scoring job and the reason
codes of its scores, rule-set and policy versions, model monitoring and demo-model training."""
