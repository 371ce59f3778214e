# End-to-end tests of the entente commands (run, explain, validate, models, help, usage errors):
# one ctest per behaviour, each running the real binary from the repository root.
# Exact outputs live in tests/cli/expected/; every check (exact output, substrings, files left
# behind) runs through run_check.cmake.
set(ENTENTE_CLI_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
set(ENTENTE_CLI_OUT "${CMAKE_CURRENT_BINARY_DIR}/cli_out")
file(MAKE_DIRECTORY "${ENTENTE_CLI_OUT}")
set(TWO_ISSUES tests/data/two_issues.yaml)
set(EMISSION_CSV "${ENTENTE_SHARED_DIR}/vectors/bdm/emission.input.csv")

# entente_cli_exact(<name> EXIT <code> [STDOUT <file>] [STDERR <file>] ARGS <arg>...)
# The files are under tests/cli/expected/.
function(entente_cli_exact name)
  cmake_parse_arguments(T "" "EXIT;STDOUT;STDERR" "ARGS" ${ARGN})
  set(command "$<TARGET_FILE:entente>" ${T_ARGS})
  string(REPLACE ";" "\\;" command "${command}")
  set(expect "")
  if(T_STDOUT)
    list(APPEND expect "-DEXPECTED_STDOUT=${ENTENTE_CLI_DIR}/expected/${T_STDOUT}")
  endif()
  if(T_STDERR)
    list(APPEND expect "-DEXPECTED_STDERR=${ENTENTE_CLI_DIR}/expected/${T_STDERR}")
  endif()
  add_test(NAME cli.${name}
           COMMAND "${CMAKE_COMMAND}" "-DCOMMAND=${command}" "-DEXPECTED_EXIT=${T_EXIT}"
                   ${expect} "-DWORKING_DIRECTORY=${PROJECT_SOURCE_DIR}"
                   -P "${ENTENTE_CLI_DIR}/run_check.cmake")
endfunction()

# Texts must not contain square brackets or semicolons (CMake list syntax).
# entente_cli_check(<name> EXIT <code> ARGS <arg>... [STDOUT_HAS <text>...]
#                   [STDOUT_LACKS <text>...] [STDERR_HAS <text>...] [OUTPUT_FILE <path>]
#                   [OUTPUT_HAS <text>...] [NO_FILES_GLOB <glob>])
function(entente_cli_check name)
  cmake_parse_arguments(T "" "EXIT;OUTPUT_FILE;NO_FILES_GLOB"
                        "ARGS;STDOUT_HAS;STDOUT_LACKS;STDERR_HAS;OUTPUT_HAS" ${ARGN})
  set(command "$<TARGET_FILE:entente>" ${T_ARGS})
  foreach(var command T_STDOUT_HAS T_STDOUT_LACKS T_STDERR_HAS T_OUTPUT_HAS)
    string(REPLACE ";" "\\;" ${var} "${${var}}")
  endforeach()
  add_test(NAME cli.${name}
           COMMAND "${CMAKE_COMMAND}" "-DCOMMAND=${command}" "-DEXPECTED_EXIT=${T_EXIT}"
                   "-DSTDOUT_HAS=${T_STDOUT_HAS}" "-DSTDOUT_LACKS=${T_STDOUT_LACKS}"
                   "-DSTDERR_HAS=${T_STDERR_HAS}" "-DREMOVE_FIRST=${T_OUTPUT_FILE}"
                   "-DOUTPUT_FILE=${T_OUTPUT_FILE}" "-DOUTPUT_HAS=${T_OUTPUT_HAS}"
                   "-DNO_FILES_GLOB=${T_NO_FILES_GLOB}"
                   "-DWORKING_DIRECTORY=${PROJECT_SOURCE_DIR}"
                   -P "${ENTENTE_CLI_DIR}/run_check.cmake")
endfunction()

# --- run: formats --------------------------------------------------------------------------
entente_cli_check(run.default_table EXIT 0 ARGS run ${TWO_ISSUES}
  STDOUT_HAS "timing: Timing of membership"
             "  scale: 0 = postponed indefinitely … 100 = immediate"
             "  recorded outcome: 35.0 (no timetable set)"
             "  eum (preset bdm)  "
             "  compromise             35.7       +0.7       0  static"
             "  weighted-median        10.0      -25.0       0  static"
             "  spread between models: "
             "  scale: 0 = none … 1 = all"
             "  compromise            0.244       0  static"
             "from tests/data/two_issues.yaml (hash "
             "entente ${PROJECT_VERSION}."
             "Models: eum (preset bdm), compromise, weighted-median, mean, median, salience-mean.")
entente_cli_exact(run.table_one_model EXIT 0 STDOUT run_table_compromise.stdout
  ARGS run ${TWO_ISSUES} --model compromise)
entente_cli_check(run.json EXIT 0 ARGS run ${TWO_ISSUES} --model median --format json
  STDOUT_HAS "{\n  \"header\": {\"entente\":\"${PROJECT_VERSION}\",\"scenario\":\"tests/data/two_issues.yaml\""
             "\"generated_by\":\"entente run tests/data/two_issues.yaml --model median --format json\"}"
             "  \"rows\": "
             "\n    {\"model\":\"median\",\"preset\":\"\",\"issue\":\"timing\",\"round\":0,\"actor\":\"a\",\"position\":10.0},"
             "{\"model\":\"median\",\"preset\":\"\",\"issue\":\"budget\",\"round\":0,\"actor\":\"b\",\"position\":0.6}\n  "
             "  \"forecasts\": "
             "{\"model\":\"median\",\"preset\":\"\",\"issue\":\"timing\",\"forecast\":50.0,\"rounds\":0,\"converged\":true,\"stop\":\"static\",\"outcome\":35.0,\"error\":15.0,")
entente_cli_check(run.json_every_round_of_eum EXIT 0
  ARGS run ${TWO_ISSUES} --model eum --format json
  STDOUT_HAS "{\"model\":\"eum\",\"preset\":\"bdm\",\"issue\":\"timing\",\"round\":1,\"actor\":\"a\""
             "\"options\":{\"events\":\"none\",\"format\":\"json\",\"models\":\"eum\",\"preset.eum\":\"bdm\"")
entente_cli_exact(run.csv_positions EXIT 0 STDOUT run_csv_positions.stdout
  ARGS run ${TWO_ISSUES} -m mean -f csv)
entente_cli_exact(run.csv_forecasts EXIT 0 STDOUT run_csv_forecasts.stdout
  ARGS run ${TWO_ISSUES} -m compromise -f csv --what forecasts)
entente_cli_check(run.plain_csv_input EXIT 0 ARGS run ${EMISSION_CSV}
  STDOUT_HAS "  eum (preset bdm)  " "  weighted-median  " "emission.input.csv (hash ")

# --- run: events ---------------------------------------------------------------------------
entente_cli_check(run.event_named EXIT 0 ARGS run ${TWO_ISSUES} -m compromise --event boost-b
  STDOUT_HAS "  compromise       67.6      +32.6       0  static" "Options: events=boost-b,")
entente_cli_check(run.no_events EXIT 0 ARGS run ${TWO_ISSUES} -m compromise --no-events
  STDOUT_HAS "  compromise       35.7       +0.7       0  static" "Options: events=none,")
entente_cli_exact(run.unknown_event EXIT 2 STDERR run_unknown_event.stderr
  ARGS run ${TWO_ISSUES} --event nope)

# --- run: --output -------------------------------------------------------------------------
entente_cli_check(run.output_file EXIT 0
  ARGS run ${TWO_ISSUES} -m mean -f json -o "${ENTENTE_CLI_OUT}/run.json"
  STDOUT_LACKS "header"
  OUTPUT_FILE "${ENTENTE_CLI_OUT}/run.json"
  OUTPUT_HAS "\"header\": {" "\"forecasts\": "
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/run.json.tmp*")
entente_cli_check(run.output_missing_directory EXIT 4
  ARGS run ${TWO_ISSUES} -m mean -o "${ENTENTE_CLI_OUT}/no_such_dir/run.json"
  STDERR_HAS "no_such_dir/run.json: cannot create output file: No such file or directory\n"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/no_such_dir")

# --- run: failures -------------------------------------------------------------------------
entente_cli_check(run.missing_file EXIT 4 ARGS run tests/data/no_such_file.yaml
  STDERR_HAS "tests/data/no_such_file.yaml: cannot open for reading")
entente_cli_check(run.invalid_input EXIT 3 ARGS run tests/cli/bad_input/syntax_error.yaml
  STDERR_HAS "tests/cli/bad_input/syntax_error.yaml:")

# --- validate, models, explain, help, version ----------------------------------------------
entente_cli_exact(validate.ok EXIT 0 STDOUT validate_ok.stdout ARGS validate ${TWO_ISSUES})
entente_cli_check(validate.plain_csv EXIT 0 ARGS validate ${EMISSION_CSV}
  STDOUT_HAS "emission.input.csv: valid (10 actors, 1 issue)\n")
entente_cli_check(models EXIT 0 ARGS models
  STDOUT_HAS "eum   " "  bdm (default)  " "\ncompromise  " "\nweighted-median  " "\nmean  "
             "\nmedian  " "\nsalience-mean  ")
entente_cli_check(explain.eum EXIT 0 ARGS explain ${TWO_ISSUES} --issue timing
  STDOUT_HAS "eum (preset bdm) on issue timing: Timing of membership\n" "How to read this"
             "\nRound 1\n  actor  counterpart  EU(actor)  EU(other)  P(win)  quadrant      move\n"
             "  positions after round 1: a " "\nForecast ")
entente_cli_check(explain.actor EXIT 0 ARGS explain ${TWO_ISSUES} --issue timing --actor c
  STDOUT_HAS "Only the pairs involving 'c'." "  positions after round 1: c "
  STDOUT_LACKS "  a      b    ")
entente_cli_check(explain.model_without_interactions EXIT 0
  ARGS explain ${TWO_ISSUES} --issue budget --model mean
  STDOUT_HAS "Model 'mean' records no pairwise interactions" "Forecast 0.400 after 0 rounds")
entente_cli_exact(explain.unknown_issue EXIT 2 STDERR explain_unknown_issue.stderr
  ARGS explain ${TWO_ISSUES} --issue nope)
entente_cli_exact(explain.unknown_actor EXIT 2 STDERR explain_unknown_actor.stderr
  ARGS explain ${TWO_ISSUES} --issue timing --actor zz)
entente_cli_check(version EXIT 0 ARGS --version STDOUT_HAS "entente ${PROJECT_VERSION}\n")
entente_cli_check(help EXIT 0 ARGS help
  STDOUT_HAS "usage: entente COMMAND" "\n  run       " "\n  explain   " "\n  validate  "
             "\n  models    " "exit codes:")
entente_cli_check(help.command EXIT 0 ARGS help run
  STDOUT_HAS "Usage: entente run [OPTIONS] FILE" "--format" "--output" "--event" "--no-events")

# --- usage errors: exit 2 ------------------------------------------------------------------
entente_cli_check(usage.no_command EXIT 2 ARGS STDERR_HAS "usage: entente COMMAND")
entente_cli_check(usage.unknown_command EXIT 2 ARGS frobnicate
  STDERR_HAS "frobnicate" "Run 'entente help' for usage.")
entente_cli_check(usage.run_without_file EXIT 2 ARGS run STDERR_HAS "FILE is required")
entente_cli_check(usage.unknown_option EXIT 2 ARGS run ${TWO_ISSUES} --colour
  STDERR_HAS "--colour")
entente_cli_check(usage.bad_format EXIT 2 ARGS run ${TWO_ISSUES} --format xml
  STDERR_HAS "--format: xml not in {table,json,csv}")
entente_cli_check(usage.what_without_csv EXIT 2 ARGS run ${TWO_ISSUES} --what forecasts
  STDERR_HAS "--what selects the CSV table; it needs --format csv")
entente_cli_check(usage.event_and_no_events EXIT 2
  ARGS run ${TWO_ISSUES} --event boost-b --no-events STDERR_HAS "excludes")
entente_cli_check(usage.unknown_model EXIT 2 ARGS run ${TWO_ISSUES} --model nope
  STDERR_HAS "unknown model 'nope'; known models: ")
entente_cli_check(usage.unknown_preset EXIT 2 ARGS run ${TWO_ISSUES} --model eum --preset nope
  STDERR_HAS "unknown preset 'nope' for model 'eum'; its presets: bdm")
entente_cli_check(usage.preset_on_baseline EXIT 2 ARGS run ${TWO_ISSUES} -m mean --preset bdm
  STDERR_HAS "model 'mean' has no presets")
entente_cli_check(usage.negative_rounds EXIT 2 ARGS run ${TWO_ISSUES} --rounds -1
  STDERR_HAS "--rounds")
entente_cli_check(usage.bad_param EXIT 2 ARGS run ${TWO_ISSUES} -m eum --param novalue
  STDERR_HAS "--param expects key=value, got 'novalue'")
entente_cli_check(usage.explain_without_issue EXIT 2 ARGS explain ${TWO_ISSUES}
  STDERR_HAS "--issue is required")
