# Ctrl-C (SIGINT) and SIGTERM during long commands: exit 130 / 143 promptly, a message naming
# the signal, no output file (tests/cli/signal_check.py). The runs would take minutes; the
# model's per-round cancellation check (RunOptions::cancel) is what ends them.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  set(ENTENTE_SIGNAL_DIR "${CMAKE_CURRENT_BINARY_DIR}/signal_out")
  function(entente_signal_test name sig)
    add_test(NAME cli.signal.${name}
             COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/signal_check.py"
                     "$<TARGET_FILE:entente>" "${ENTENTE_SIGNAL_DIR}/${name}" ${sig} ${ARGN})
  endfunction()
  entente_signal_test(run_sigint INT run big.csv --model eum --rounds 10000
                      --param stop_early=false -o out.json)
  entente_signal_test(run_sigterm TERM run big.csv --model eum --rounds 10000
                      --param stop_early=false --format csv -o out.json)
  entente_signal_test(compare_sigint INT compare big.csv --rounds 10000 -o out.json)
  entente_signal_test(explain_sigterm TERM explain big.csv --issue issue --rounds 10000
                      --param stop_early=false --actor a1)
endif()
