"""Rule sets: the numbers that change with new guidance, kept as versioned data."""

from desktop.rules.loading import RuleSetError, load_rule_file, parse_rule_set
from desktop.rules.ruleset import RuleSet

__all__ = ["RuleSet", "RuleSetError", "load_rule_file", "parse_rule_set"]
