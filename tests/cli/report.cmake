# End-to-end tests of `entente report` (the page's structure; tests/browser/ draws it).
# Uses entente_cli_check from commands.cmake (included first by tests/cli/CMakeLists.txt).
if(NOT COMMAND entente_cli_check)
  return()
endif()

entente_cli_check(report.two_issues EXIT 0
  ARGS report ${TWO_ISSUES} --no-sensitivity -o ${ENTENTE_CLI_OUT}/report.html
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/report.html
  OUTPUT_HAS "<!DOCTYPE html>" "<h2>The scenario</h2>" "id=\"trajectory-timing\""
             "id=\"models-timing\"" "id=\"perception-timing\"" "id=\"stance-timing\""
             "No Monte Carlo sweep was given to this report"
             "No sensitivity analysis was given to this report"
             "models: eum preset bdm, " "inputs: tests/data/two_issues.yaml (hash "
             "/* vega-lite " "/* vega-embed " "\"$schema\":\"https://vega.github.io/schema/vega-lite/v6.json\""
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/report.html.*")
entente_cli_check(report.needs_output EXIT 2 ARGS report ${TWO_ISSUES}
  STDERR_HAS "--output")
entente_cli_check(report.bad_scenario EXIT 3
  ARGS report tests/cli/convert_input/bad_ktab.csv -o ${ENTENTE_CLI_OUT}/bad.html
  STDERR_HAS "bad_ktab.csv:4:")
entente_cli_check(report.unwritable EXIT 4
  ARGS report ${TWO_ISSUES} -o ${ENTENTE_CLI_OUT}/no/such/dir/report.html
  STDERR_HAS "no/such/dir")
entente_cli_check(report.sensitivity_tornado EXIT 0
  ARGS report ${TWO_ISSUES} --sensitivity-model compromise -o ${ENTENTE_CLI_OUT}/tornado.html
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/tornado.html
  OUTPUT_HAS "id=\"tornado-timing\"" "id=\"tornado-budget\""
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/tornado.html.*")
entente_cli_check(report.sweep_not_in_store EXIT 4
  ARGS report ${TWO_ISSUES} --no-sensitivity --sweep 1 --store ${ENTENTE_CLI_OUT}/none.db
       -o ${ENTENTE_CLI_OUT}/nosweep.html
  STDERR_HAS "none.db: no run store here")
# A stored sweep drawn into the page: sweep into a fresh store, then report --sweep.
add_test(NAME report.with_sweep
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/report_sweep.sh "$<TARGET_FILE:entente>"
                 tests/data/uncertain.yaml "${ENTENTE_CLI_OUT}/report_sweep"
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
