# End-to-end tests of `entente sweep` and `entente runs` (docs/manual.md), the run store's
# kill-and-resume guarantee (sweep_resume.sh) and, when built with MPI, a 3-rank sweep compared
# with one process (sweep_mpi.sh). Functions entente_cli_check/entente_cli_exact come from
# commands.cmake.
set(UNCERTAIN tests/data/uncertain.yaml)
set(SWEEP_OUT "${CMAKE_CURRENT_BINARY_DIR}/sweep_out")
file(MAKE_DIRECTORY "${SWEEP_OUT}")

entente_cli_check(sweep.table EXIT 0
  ARGS sweep ${UNCERTAIN} --samples 200 --no-store --quiet --threshold timing>=50
  STDOUT_HAS "Monte Carlo sweep: 200 replications, seed 1, 8 uncertain inputs"
             "timing: Timing of membership"
             "5-95 % interval"
             "eum (preset bdm)"
             "P(timing>=50) = "
             "histogram over the scale (20 bins):")
# A zero-width spread carries a note, so that it is not read as certainty (the flagship's 85
# declared ranges do not move eum's weighted median; the Bucharest file declares none).
entente_cli_check(sweep.zero_spread_note EXIT 0
  ARGS sweep scenarios/nato-vilnius-2023/scenario.yaml --samples 3 --model eum --no-store --quiet
  STDOUT_HAS "note: eum (preset bdm): all 3 replications give 40.0: none of the 85 uncertain inputs moves this"
             "That is not certainty about the outcome"
             "point: one run at every distribution's centre (as `entente run`). unconv: the share of")
entente_cli_check(sweep.no_uncertain_inputs_note EXIT 0
  ARGS sweep scenarios/nato-bucharest-2008/scenario.yaml --samples 2 --model mean --no-store --quiet
  STDOUT_HAS "note: mean: every replication gives 47.5, because no input of this file is uncertain.")
entente_cli_check(sweep.json EXIT 0
  ARGS sweep ${UNCERTAIN} --samples 50 --model compromise --no-store --format json --bins 4
  STDOUT_HAS "\"samples\": 50" "\"model\": \"compromise\"" "\"p05\": " "\"counts\": "
             "\"histogram_bins\": \"4\"")
entente_cli_check(sweep.csv EXIT 0
  ARGS sweep ${UNCERTAIN} --samples 50 --model mean --no-store --format csv
       --threshold budget<0.5
  STDOUT_HAS "model,preset,issue,statistic,label,lower,upper,value\n"
             "mean,,timing,n,,,,50\n" "mean,,budget,probability,budget<0.5,,,")
entente_cli_check(sweep.stores_run EXIT 0
  ARGS sweep ${UNCERTAIN} --samples 20 --model mean --store ${SWEEP_OUT}/store1.db
       -o ${SWEEP_OUT}/store1.txt
  STDERR_HAS "sweep: stored as run "
  OUTPUT_FILE ${SWEEP_OUT}/store1.txt OUTPUT_HAS "Monte Carlo sweep: 20 replications")
entente_cli_check(sweep.bad_threshold_issue EXIT 2
  ARGS sweep ${UNCERTAIN} --samples 5 --no-store --threshold tming>=5
  STDERR_HAS "--threshold 'tming>=5' names unknown issue 'tming'; the scenario's issues: timing, budget")
entente_cli_check(sweep.bad_threshold_syntax EXIT 2
  ARGS sweep ${UNCERTAIN} --samples 5 --no-store --threshold timing=5
  STDERR_HAS "--threshold 'timing=5': no comparison")
entente_cli_check(sweep.resume_excludes_samples EXIT 2
  ARGS sweep --resume 1 --samples 5)
entente_cli_check(sweep.resume_unknown_run EXIT 2
  ARGS sweep --resume 42 --store ${SWEEP_OUT}/unknown.db
  STDERR_HAS "no run 42")
entente_cli_check(sweep.invalid_scenario EXIT 3
  ARGS sweep tests/cli/bad_input/uncertain_uniform_reversed.yaml --no-store
  STDERR_HAS "high must be greater than low")
entente_cli_check(runs.missing_store EXIT 4
  ARGS runs list --store ${SWEEP_OUT}/none.db
  STDERR_HAS "no run store here")

# runs list / show / export on a store made by the first step.
add_test(NAME cli.runs.list_show_export
         COMMAND bash -c "set -e
           rm -f '${SWEEP_OUT}/runs2.db'*
           '$<TARGET_FILE:entente>' sweep ${UNCERTAIN} -N 12 -m compromise --store '${SWEEP_OUT}/runs2.db' -q > /dev/null
           '$<TARGET_FILE:entente>' runs list --store '${SWEEP_OUT}/runs2.db' | grep -q '   1  sweep        complete'
           '$<TARGET_FILE:entente>' runs list --store '${SWEEP_OUT}/runs2.db' --format csv | grep -q '^1,sweep,complete,'
           '$<TARGET_FILE:entente>' runs show 1 --store '${SWEEP_OUT}/runs2.db' | grep -q 'replications: 12 of 12 stored'
           '$<TARGET_FILE:entente>' runs show 1 --store '${SWEEP_OUT}/runs2.db' | grep -q 'Monte Carlo sweep: 12 replications'
           '$<TARGET_FILE:entente>' runs show 1 --store '${SWEEP_OUT}/runs2.db' --format json | grep -q '\"summary\"'
           test \"$('$<TARGET_FILE:entente>' runs export 1 --store '${SWEEP_OUT}/runs2.db' | wc -l)\" = 25
           test \"$('$<TARGET_FILE:entente>' runs export 1 --store '${SWEEP_OUT}/runs2.db' | sed -n 2,3p | cut -d, -f6 | tr '\\n' ' ')\" = 'timing budget '
           '$<TARGET_FILE:entente>' runs export 1 --store '${SWEEP_OUT}/runs2.db' --format json | grep -q '\"replication\": 11'
           ! '$<TARGET_FILE:entente>' runs show 2 --store '${SWEEP_OUT}/runs2.db' 2> /dev/null"
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Same report for 1 and 3 threads (header line aside: it quotes the command line).
add_test(NAME cli.sweep.threads_identical
         COMMAND bash -c "set -e
           e='$<TARGET_FILE:entente>'
           diff <(\"$e\" sweep ${UNCERTAIN} -N 300 -j 1 --no-store -f csv | tail -n +2) \\
                <(\"$e\" sweep ${UNCERTAIN} -N 300 -j 3 --no-store -f csv | tail -n +2)"
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

add_test(NAME cli.sweep.kill_and_resume
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sweep_resume.sh "$<TARGET_FILE:entente>"
                 ${UNCERTAIN} "${SWEEP_OUT}/resume" 4000
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

if(ENTENTE_MPI_ENABLED AND MPIEXEC_EXECUTABLE)
  add_test(NAME cli.sweep.mpi_three_ranks
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sweep_mpi.sh "${MPIEXEC_EXECUTABLE}"
                   "$<TARGET_FILE:entente>" ${UNCERTAIN} "${SWEEP_OUT}/mpi"
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()

add_test(NAME cli.sweep.concurrent_store
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sweep_concurrent.sh "$<TARGET_FILE:entente>"
                 ${UNCERTAIN} "${SWEEP_OUT}/concurrent"
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
entente_cli_check(sweep.sample_limit EXIT 5
  ARGS sweep ${UNCERTAIN} --samples 2000 --max-samples 1000 --no-store
  STDERR_HAS "--samples asks for 2000 samples, over the limit of 1000 (raise it with --max-samples)")
