# End-to-end tests of `entente compare`, including one run on every scenario under scenarios/.
# Uses entente_cli_check from commands.cmake (included first by tests/cli/CMakeLists.txt).
if(NOT COMMAND entente_cli_check)
  return()
endif()

entente_cli_check(compare.table EXIT 0 ARGS compare ${TWO_ISSUES}
  STDOUT_HAS "timing: Timing of membership" "  recorded outcome: 35.0 (no timetable set)"
             "  eum (preset bdm)  " "  compromise  " "  smp (preset ktab)  "
             "  spread between models: " "from tests/data/two_issues.yaml (hash ")
entente_cli_check(compare.lists_models_that_cannot_run EXIT 0
  ARGS compare ${EMISSION_CSV} STDOUT_HAS "Not run:\n  nash: ")
entente_cli_check(compare.json EXIT 0 ARGS compare ${TWO_ISSUES} --format json
  STDOUT_HAS "\"forecasts\": " "{\"model\":\"smp\"" "{\"model\":\"exchange\""
             "\"generated_by\":\"entente compare tests/data/two_issues.yaml --format json\"")
entente_cli_check(compare.json_names_models_not_run EXIT 0
  ARGS compare ${EMISSION_CSV} --format json STDOUT_HAS "\"not_run.nash\":")
entente_cli_check(compare.csv_forecasts EXIT 0 ARGS compare ${TWO_ISSUES} -f csv
  STDOUT_HAS "model,preset,issue,forecast,rounds,converged,stop,outcome,error,message,rule,rule_outcome,blockers\n"
             "\nmedian,,timing,50,0,true,static,35,15,")
entente_cli_check(compare.csv_positions EXIT 0
  ARGS compare ${TWO_ISSUES} -f csv --what positions
  STDOUT_HAS "model,preset,issue,round,actor,position\n")
entente_cli_check(compare.what_needs_csv EXIT 2
  ARGS compare ${TWO_ISSUES} --what positions STDERR_HAS "--format csv")
entente_cli_check(compare.rounds EXIT 0 ARGS compare ${TWO_ISSUES} --rounds 1 -f json
  STDOUT_HAS "\"rounds\":\"1\"")
entente_cli_check(compare.output_file EXIT 0
  ARGS compare ${TWO_ISSUES} -o ${ENTENTE_CLI_OUT}/compare.txt
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/compare.txt OUTPUT_HAS "spread between models: "
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/compare.txt.*")
entente_cli_check(compare.ktab_xml EXIT 0
  ARGS compare ${ENTENTE_SHARED_DIR}/vectors/ktab/dummy3/input.csv --rounds 20
  STDOUT_HAS "Pstn1: Pstn1\n" "  smp (preset ktab)  " "spread between models: ")
entente_cli_check(compare.decide EXIT 0
  ARGS compare ${ENTENTE_SHARED_DIR}/vectors/exchange/inputs/tiny2.txt
  STDOUT_HAS "  exchange (preset equal-gain)  " "spread between models: ")
entente_cli_check(compare.bad_scenario EXIT 3
  ARGS compare tests/cli/convert_input/bad_ktab.csv STDERR_HAS "bad_ktab.csv:4:")

# Every scenario in the library.
file(GLOB ENTENTE_COMPARE_SCENARIOS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scenarios/*/scenario.yaml)
foreach(scenario_file IN LISTS ENTENTE_COMPARE_SCENARIOS)
  get_filename_component(scenario_dir ${scenario_file} DIRECTORY)
  get_filename_component(scenario_case ${scenario_dir} NAME)
  file(RELATIVE_PATH scenario_path ${PROJECT_SOURCE_DIR} ${scenario_file})
  entente_cli_check(compare.scenario.${scenario_case} EXIT 0 ARGS compare ${scenario_path}
    STDOUT_HAS "spread between models: " "  eum (preset bdm)  ")
endforeach()
