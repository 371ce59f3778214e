# End-to-end tests of `entente sensitivity` (elasticities, Sobol indices, target search).
# Uses entente_cli_check from commands.cmake (included first by tests/cli/CMakeLists.txt).
# Expected numbers are the compromise baseline's, worked by hand in tests/data/two_issues.yaml:
# F = (20 + 80 + 25) / 3.5 = 35.714 on timing; b's position x gives (45 + x) / 3.5.
if(NOT COMMAND entente_cli_check)
  return()
endif()

entente_cli_check(sensitivity.table EXIT 0
  ARGS sensitivity ${TWO_ISSUES} --no-store --model compromise
  STDOUT_HAS "timing: Timing of membership\n  forecast on the point inputs: 35.7\n"
             "position of b on timing" "salience of a on timing" "capability of c"
             "Note: no Sobol indices: the scenario declares no uncertain inputs"
             "Numbers from model compromise, seed 1, 0 Sobol samples"
             "from tests/data/two_issues.yaml (hash ")
entente_cli_check(sensitivity.default_model_is_eum EXIT 0
  ARGS sensitivity ${TWO_ISSUES} --no-store --issue timing -j 2
  STDOUT_HAS "model eum (preset bdm), " "timing: Timing of membership"
  STDOUT_LACKS "budget: ")
entente_cli_check(sensitivity.params_named_as_in_run EXIT 0
  ARGS sensitivity ${TWO_ISSUES} --no-store --issue timing --param tolerance=1e-4
  STDOUT_HAS "param.eum.tolerance=1e-4,"
  STDOUT_LACKS "tolerance=tolerance")
entente_cli_check(sensitivity.json EXIT 0
  ARGS sensitivity ${TWO_ISSUES} --no-store --model compromise --issue timing --format json
  STDOUT_HAS "{\n  \"header\": {\"entente\":" "\"scenario_hash\":"
             "\"generated_by\":\"entente sensitivity tests/data/two_issues.yaml --no-store --model compromise --issue timing --format json\""
             "\"analysis\": {\"model\":\"compromise\",\"preset\":\"\",\"samples\":0,\"seed\":1,"
             "\n    {\"issue\":\"timing\",\"rank\":1,\"input\":\"position of b on timing\",\"actor\":\"b\",\"input_issue\":\"timing\",\"field\":\"position\",\"declared\":false,\"value\":80.0,\"step\":5.0,\"low_value\":75.0,\"high_value\":85.0,"
             "\"sobol\": ")
entente_cli_check(sensitivity.target_one_actor EXIT 0
  ARGS sensitivity ${TWO_ISSUES} --no-store --model compromise --issue timing --target 40 --actor b
  STDOUT_HAS "what would take 'timing' to 40.0?"
             "model compromise: forecast today 35.7; varying each actor's position alone"
             "  b           80.0       95.0      +15.0  40.0\n")
entente_cli_check(sensitivity.target_every_actor_ranked EXIT 0
  ARGS sensitivity ${TWO_ISSUES} --no-store --model compromise --issue timing --target 40 -f json
  STDOUT_HAS "{\"rank\":1,\"actor\":\"a\",\"field\":\"position\",\"current_value\":10.0,"
             "{\"rank\":2,\"actor\":\"b\"" "{\"rank\":3,\"actor\":\"c\""
             "\"target\": {\"model\":\"compromise\",\"preset\":\"\",\"issue\":\"timing\",\"field\":\"position\",\"target\":40.0,")
entente_cli_check(sensitivity.target_salience EXIT 0
  ARGS sensitivity ${TWO_ISSUES} --no-store --model compromise --issue timing --target 30 --actor b
       --field salience
  STDOUT_HAS "varying each actor's salience alone" "  b          1.000      0.600     -0.400  30.0\n")
entente_cli_check(sensitivity.target_unreachable EXIT 2
  ARGS sensitivity ${TWO_ISSUES} --no-store --model compromise --issue timing --target 50 --actor b
  STDOUT_HAS "reaches 50.0: the forecast stays within "
  STDERR_HAS "no position of 'b' alone reaches 50 on 'timing'")
entente_cli_check(sensitivity.output_file EXIT 0
  ARGS sensitivity ${TWO_ISSUES} --no-store --model compromise -o ${ENTENTE_CLI_OUT}/sensitivity.txt
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/sensitivity.txt OUTPUT_HAS "forecast on the point inputs: "
  NO_FILES_GLOB "${ENTENTE_CLI_OUT}/sensitivity.txt.*")
entente_cli_check(sensitivity.unknown_issue EXIT 2
  ARGS sensitivity ${TWO_ISSUES} --no-store --issue nope
  STDERR_HAS "unknown issue 'nope'; issues: timing, budget")
entente_cli_check(sensitivity.unknown_actor EXIT 2
  ARGS sensitivity ${TWO_ISSUES} --no-store --issue timing --target 40 --actor zeta
  STDERR_HAS "unknown actor 'zeta'; actors: a, b, c")
entente_cli_check(sensitivity.actor_without_stance EXIT 2
  ARGS sensitivity ${TWO_ISSUES} --no-store --issue budget --target 0.5 --actor c
  STDERR_HAS "actor 'c' takes no part in issue 'budget'")
entente_cli_check(sensitivity.actor_needs_target EXIT 2
  ARGS sensitivity ${TWO_ISSUES} --no-store --actor b STDERR_HAS "--actor and --field need --target")
entente_cli_check(sensitivity.target_needs_one_issue EXIT 2
  ARGS sensitivity ${TWO_ISSUES} --no-store --target 40 STDERR_HAS "--target needs exactly one --issue")
entente_cli_check(sensitivity.unknown_model EXIT 2
  ARGS sensitivity ${TWO_ISSUES} --no-store --model nope STDERR_HAS "unknown model 'nope'")
entente_cli_check(sensitivity.bad_field EXIT 2
  ARGS sensitivity ${TWO_ISSUES} --no-store --issue timing --target 40 --field capability
  STDERR_HAS "--field")

# Sobol indices on a scenario with every kind of uncertain input (tests/data/uncertain.yaml).
set(UNCERTAIN tests/data/uncertain.yaml)
entente_cli_check(sensitivity.sobol EXIT 0
  ARGS sensitivity ${UNCERTAIN} --no-store --model compromise --samples 64 --bootstrap 20
  STDOUT_HAS "variance-based indices (N = 64, seed 1; first-order: Saltelli et al. 2010, total: Jansen 1999"
             "position of a on timing" "capability of b" "forecast over the samples: mean "
             "Note: Sobol indices estimated from N = 64 base samples (640 model runs)")
entente_cli_check(sensitivity.sobol_json EXIT 0
  ARGS sensitivity ${UNCERTAIN} --no-store --model compromise --samples 16 --issue budget -f json
  STDOUT_HAS "\"samples\":16,\"seed\":1,\"bootstrap\":200,\"uncertain_inputs\":8,"
             "{\"issue\":\"budget\",\"rank\":1,\"input\":" "\"declared\":true,\"first\":")

# The same analysis on 1 and on 3 threads gives byte-identical reports (but for the command line).
add_test(NAME cli.sensitivity.same_for_any_thread_count
         COMMAND "${CMAKE_COMMAND}" "-DENTENTE=$<TARGET_FILE:entente>"
                 "-DSCENARIO=${UNCERTAIN}" "-DOUT=${ENTENTE_CLI_OUT}"
                 -P "${CMAKE_CURRENT_SOURCE_DIR}/sensitivity_threads.cmake"
         WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")

# The run store (docs/formats/run_store.md): a run is stored by default beside the scenario,
# --store names another file, `runs` reads it back; SIGKILL, SIGINT and --resume
# (sensitivity_resume.sh).
set(SENSITIVITY_STORE_OUT "${CMAKE_CURRENT_BINARY_DIR}/sensitivity_store")
add_test(NAME cli.sensitivity.stored_by_default
         COMMAND bash -c "set -e
           d='${SENSITIVITY_STORE_OUT}/default'
           rm -rf \"$d\" && mkdir -p \"$d\" && cp ${UNCERTAIN} \"$d/u.yaml\"
           e='$<TARGET_FILE:entente>'
           \"$e\" sensitivity \"$d/u.yaml\" -m compromise -N 4 --bootstrap 0 -o \"$d/out.txt\" 2> \"$d/err.txt\"
           grep -q \"sensitivity: stored as run 1 in $d/runs.db\" \"$d/err.txt\"
           grep -q \"run=$d/runs.db#1\" \"$d/out.txt\"
           \"$e\" sensitivity \"$d/u.yaml\" -m compromise -i timing --target 60 -a b --store \"$d/other.db\" -q > /dev/null
           \"$e\" sensitivity \"$d/u.yaml\" -m compromise --no-store -q > /dev/null
           test \"$(\"$e\" runs list --store \"$d/runs.db\" --format csv | cut -d, -f1-3,6-7 | tail -1)\" = 1,sensitivity,complete,4,4
           \"$e\" runs list --store \"$d/other.db\" | grep -q '   1  sensitivity  complete .* target'
           \"$e\" runs show 1 --store \"$d/other.db\" | grep -q \"what would take 'timing' to 60.0?\"
           test \"$(\"$e\" runs export 1 --store \"$d/other.db\" | sed -n 4p | cut -d, -f2-5,9)\" = timing,target,1,b,current_value
           test \"$(\"$e\" runs list --store \"$d/runs.db\" --format csv | wc -l)\" = 2"
         WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
add_test(NAME cli.sensitivity.kill_and_resume
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sensitivity_resume.sh "$<TARGET_FILE:entente>"
                 ${UNCERTAIN} "${SENSITIVITY_STORE_OUT}/resume"
         WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
entente_cli_check(sensitivity.resume_excludes_model EXIT 2
  ARGS sensitivity --resume 1 --model mean STDERR_HAS "--model excludes --resume")
entente_cli_check(sensitivity.resume_unknown_run EXIT 2
  ARGS sensitivity --resume 42 --store ${ENTENTE_CLI_OUT}/sensitivity_none.db
  STDERR_HAS "no run 42")
entente_cli_check(sensitivity.needs_a_file EXIT 2
  ARGS sensitivity --no-store STDERR_HAS "sensitivity needs a scenario FILE (or --resume ID)")
