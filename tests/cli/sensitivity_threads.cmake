# Runs `entente sensitivity` with -j 1 and -j 3 (eum, Sobol over every uncertain input) and fails
# unless the two JSON reports are identical once the header (which holds the command line) is
# dropped. Variables: ENTENTE, SCENARIO, OUT.
foreach(threads 1 3)
  execute_process(
    COMMAND "${ENTENTE}" sensitivity "${SCENARIO}" --samples 12 --bootstrap 10 --seed 5
            -j ${threads} -f json -o "${OUT}/sensitivity_j${threads}.json"
    RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "entente sensitivity -j ${threads} exited ${code}: ${err}")
  endif()
  file(STRINGS "${OUT}/sensitivity_j${threads}.json" lines_${threads})
  list(FILTER lines_${threads} EXCLUDE REGEX "\"header\":")
endforeach()
if(NOT lines_1 STREQUAL lines_3)
  message(FATAL_ERROR "the reports for -j 1 and -j 3 differ")
endif()
list(LENGTH lines_1 n)
if(n LESS 20)
  message(FATAL_ERROR "suspiciously short report (${n} lines)")
endif()
