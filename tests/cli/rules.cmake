# End-to-end tests of the decision rule shown next to each model's forecast (`entente run`,
# `--rule`). Uses entente_cli_check from commands.cmake; texts must not contain semicolons.
if(NOT COMMAND entente_cli_check)
  return()
endif()
set(NATO_VILNIUS scenarios/nato-vilnius-2023/scenario.yaml)

# The scenario names consensus: every model gets a line saying what consensus gives and who
# would block what.
entente_cli_check(rules.nato_consensus EXIT 0 ARGS run ${NATO_VILNIUS}
  STDOUT_HAS "\n  decision rule: consensus\n"
             "  eum (preset bdm)  "
             "  consensus: "
             "would block "
             "rule=consensus")
entente_cli_check(rules.none_removes_the_rule EXIT 0 ARGS run ${NATO_VILNIUS} --rule none
  STDOUT_HAS "rule=none"
  STDOUT_LACKS "decision rule:" "consensus: " "would block")
# An issue without status quo: the procedural rule explains itself instead of failing.
entente_cli_check(rules.unanimity_without_status_quo EXIT 0
  ARGS run ${TWO_ISSUES} --model compromise --rule unanimity
  STDOUT_HAS "\n  decision rule: unanimity\n"
             "  compromise  unanimity: not applied: issue 'budget' has no status quo"
             "rule=unanimity")
entente_cli_check(rules.json_blockers EXIT 0 ARGS run ${NATO_VILNIUS} --model compromise -f json
  STDOUT_HAS "\"rule\":\"consensus\",\"rule_outcome\":" "\"blockers\":")
entente_cli_check(rules.unknown_rule EXIT 2 ARGS run ${TWO_ISSUES} --rule plurality
  STDERR_HAS "--rule")

# Qualified majority from a scenario file (`votes:` per member, top-level `quota:`): Poland and
# Hungary (39 of 166 votes) form a blocking minority against a quota of 140, so the outcome stops
# where Poland, the pivot, still accepts (2·10 − 0 = 20); the Commission, an outsider, never votes.
# One vote per member (`--rule majority`) lets the compromise pass. Hand check in the scenario.
set(QMV_COUNCIL tests/data/qmv_council.yaml)
entente_cli_check(rules.qmv_blocking_minority EXIT 0 ARGS run ${QMV_COUNCIL} --model compromise
  STDOUT_HAS "\n  decision rule: qualified-majority\n"
             "qualified-majority: 20.0" "Poland and Hungary would block anything beyond 20.0"
             "rule=qualified-majority"
  STDOUT_LACKS "European Commission would block" "Germany would block")
entente_cli_check(rules.qmv_votes_matter EXIT 0 ARGS run ${QMV_COUNCIL} --model compromise --rule majority
  STDOUT_HAS "  majority: 58.9"
             "Poland and Hungary prefer the status quo 0.0 to the compromise 58.9 but cannot block it")
entente_cli_check(rules.qmv_json_blockers EXIT 0 ARGS run ${QMV_COUNCIL} --model compromise -f json
  STDOUT_HAS "\"rule\":\"qualified-majority\",\"rule_outcome\":20.0," "\"blockers\":[\"pl\",\"hu\"]")
# --rule qualified-majority on a file without `quota:` says so on the rule line.
entente_cli_check(rules.qmv_without_quota EXIT 0
  ARGS run ${TWO_ISSUES} --model compromise --rule qualified-majority
  STDOUT_HAS "qualified-majority: not applied: issue 'timing': the 'qualified-majority' rule needs a quota (a scenario's top-level 'quota'")
