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
