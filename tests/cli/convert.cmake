# End-to-end tests of `entente convert` and of KTAB/Decide files read by run/compare/validate.
# Uses entente_cli_check from commands.cmake (included first by tests/cli/CMakeLists.txt).
if(NOT COMMAND entente_cli_check)
  return()
endif()
set(CONVERT_IN tests/cli/convert_input)
set(KTAB_DIR "${ENTENTE_SHARED_DIR}/vectors/ktab")
set(DECIDE_TINY "${ENTENTE_SHARED_DIR}/vectors/exchange/inputs/tiny2.txt")
set(COP21 "${ENTENTE_SHARED_DIR}/data/stokman_decide/CoP21_original_2016.csv")

# --- convert: every format, guessed and named -----------------------------------------------
entente_cli_check(convert.ktab_csv EXIT 0
  ARGS convert ${KTAB_DIR}/dummy3/input.csv -o ${ENTENTE_CLI_OUT}/dummy3.yaml
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/dummy3.yaml
  OUTPUT_HAS "# Converted by `entente convert` from " "(ktab-csv)." "\nentente: 1\n"
             "title: \"DummyData_3Dim\"" "description: \"Dummy scenario to test reading format\""
             "  - id: pstn1\n    label: \"Pstn1\"\n    scale: {min: 0, max: 100}"
             "  - id: \"SActor-00\"\n    name: \"SActor-00\"\n    description: \"Random Spatial Actor\"\n    capability: 102.543\n    stances:\n      pstn1: [75.79, 0.4953]"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/dummy3.yaml.*")
entente_cli_check(convert.ktab_xml_keeps_parameters EXIT 0
  ARGS convert ${KTAB_DIR}/var1/input.xml -o ${ENTENTE_CLI_OUT}/var1.yaml
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/var1.yaml
  OUTPUT_HAS "(ktab-xml)." "# KTAB model parameters" "VotingRule=" "BargnModel=" "\nactors:\n")
entente_cli_check(convert.decide_txt EXIT 0
  ARGS convert ${DECIDE_TINY} -o ${ENTENTE_CLI_OUT}/tiny2.yaml
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/tiny2.yaml
  OUTPUT_HAS "(decide)." "  - id: i1\n    label: \"I1\"" "  - id: \"A1\"")
entente_cli_check(convert.decide_csv_named EXIT 0
  ARGS convert ${COP21} --from decide -o ${ENTENTE_CLI_OUT}/cop21.yaml
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/cop21.yaml
  OUTPUT_HAS "title: \"CoP21 Paris negotiations" "salience_scale: unit")
entente_cli_check(convert.output_validates EXIT 0
  ARGS validate ${ENTENTE_CLI_OUT}/var1.yaml
  STDOUT_HAS ": valid (")
set_tests_properties(cli.convert.output_validates PROPERTIES
                     DEPENDS cli.convert.ktab_xml_keeps_parameters)

# --- convert: errors ----------------------------------------------------------------------
entente_cli_check(convert.unknown_format EXIT 2
  ARGS convert ${CONVERT_IN}/unknown.dat -o ${ENTENTE_CLI_OUT}/unknown.yaml
  STDERR_HAS "cannot tell the format of" "--from ktab-csv, ktab-xml or decide")
entente_cli_check(convert.bad_from EXIT 2
  ARGS convert ${CONVERT_IN}/unknown.dat --from json -o ${ENTENTE_CLI_OUT}/unknown.yaml
  STDERR_HAS "--from")
entente_cli_check(convert.needs_output EXIT 2
  ARGS convert ${DECIDE_TINY}
  STDERR_HAS "--output")
entente_cli_check(convert.malformed_ktab_csv EXIT 3
  ARGS convert ${CONVERT_IN}/bad_ktab.csv -o ${ENTENTE_CLI_OUT}/bad.yaml
  STDERR_HAS "tests/cli/convert_input/bad_ktab.csv:4:" "position in [0, 100]"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/bad.yaml*")
entente_cli_check(convert.malformed_ktab_xml EXIT 3
  ARGS convert ${CONVERT_IN}/bad_ktab.xml -o ${ENTENTE_CLI_OUT}/bad.yaml
  STDERR_HAS "tests/cli/convert_input/bad_ktab.xml:" "expected"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/bad.yaml*")
entente_cli_check(convert.malformed_decide EXIT 3
  ARGS convert ${CONVERT_IN}/bad_decide.txt -o ${ENTENTE_CLI_OUT}/bad.yaml
  STDERR_HAS "tests/cli/convert_input/bad_decide.txt:4:"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/bad.yaml*")
entente_cli_check(convert.per_issue_power EXIT 3
  ARGS convert ${CONVERT_IN}/per_issue_power.csv -o ${ENTENTE_CLI_OUT}/bad.yaml
  STDERR_HAS "one capability per actor"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/bad.yaml*")
entente_cli_check(convert.missing_input EXIT 4
  ARGS convert ${CONVERT_IN}/no_such_file.csv -o ${ENTENTE_CLI_OUT}/bad.yaml)

# --- convert: the reader limits (docs/manual.md, "Limits"), exit 5 naming the flag ------------
entente_cli_check(convert.max_actors EXIT 5
  ARGS convert ${KTAB_DIR}/dummy3/input.csv --max-actors 6 -o ${ENTENTE_CLI_OUT}/limit.yaml
  STDERR_HAS "input.csv: 7 actors exceed the limit of 6 (raise it with --max-actors)"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/limit.yaml*")
entente_cli_check(convert.max_issues EXIT 5
  ARGS convert ${KTAB_DIR}/dummy3/input.csv --max-issues 2 -o ${ENTENTE_CLI_OUT}/limit.yaml
  STDERR_HAS "input.csv: 3 issues exceed the limit of 2 (raise it with --max-issues)"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/limit.yaml*")
entente_cli_check(convert.max_depth_ktab_xml EXIT 5
  ARGS convert ${KTAB_DIR}/var1/input.xml --max-depth 4 -o ${ENTENTE_CLI_OUT}/limit.yaml
  STDERR_HAS "input.xml:28:9: nesting is deeper than the limit of 4 levels (raise it with --max-depth)"
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/limit.yaml*")
entente_cli_check(convert.max_depth_ktab_xml_enough EXIT 0
  ARGS convert ${KTAB_DIR}/var1/input.xml --max-depth 5 --max-actors 7 --max-issues 3
       -o ${ENTENTE_CLI_OUT}/limit_ok.yaml
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/limit_ok.yaml
  OUTPUT_HAS "(ktab-xml)." "\nactors:\n")
entente_cli_check(foreign.validate_ktab_xml_max_depth EXIT 5
  ARGS validate ${KTAB_DIR}/var1/input.xml --max-depth 4
  STDERR_HAS "input.xml:28:9: nesting is deeper than the limit of 4 levels (raise it with --max-depth)")

# --- other commands read KTAB and Decide files directly -------------------------------------
entente_cli_check(foreign.validate_ktab_xml EXIT 0
  ARGS validate ${KTAB_DIR}/var1/input.xml STDOUT_HAS "input.xml: valid (")
entente_cli_check(foreign.validate_ktab_csv EXIT 0
  ARGS validate ${KTAB_DIR}/dummy3/input.csv STDOUT_HAS "input.csv: valid (7 actors, 3 issues)")
entente_cli_check(foreign.validate_decide_csv EXIT 0
  ARGS validate ${COP21} STDOUT_HAS "CoP21_original_2016.csv: valid (")
entente_cli_check(foreign.run_decide_txt EXIT 0
  ARGS run ${DECIDE_TINY} --model compromise STDOUT_HAS "I1" "compromise")
entente_cli_check(foreign.validate_malformed_ktab EXIT 3
  ARGS validate ${CONVERT_IN}/bad_ktab.csv STDERR_HAS "bad_ktab.csv:4:")
entente_cli_check(foreign.entente_csv_still_read EXIT 0
  ARGS validate ${EMISSION_CSV} STDOUT_HAS "emission.input.csv: valid (")
entente_cli_check(foreign.invalid_after_import EXIT 3
  ARGS validate ${CONVERT_IN}/zero_weight.csv
  STDERR_HAS "zero_weight.csv: the imported scenario is not valid: " "has no weight")
entente_cli_check(convert.invalid_after_import EXIT 3
  ARGS convert ${CONVERT_IN}/zero_weight.csv -o ${ENTENTE_CLI_OUT}/bad.yaml
  STDERR_HAS "the imported scenario is not valid: "
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/bad.yaml*")
entente_cli_check(foreign.compare_drops_issues_without_stances EXIT 0
  ARGS compare "${ENTENTE_SHARED_DIR}/data/stokman_decide/kopenhagen_original_2016.csv"
  STDOUT_HAS "spread between models: ")
