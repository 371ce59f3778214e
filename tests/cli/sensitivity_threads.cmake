# Runs `entente sensitivity` with -j 1 and -j 3 (eum, Sobol over every uncertain input) and fails
# unless the two JSON reports are identical once the header (which holds the command line) is
# dropped. Variables: ENTENTE, SCENARIO, OUT.
foreach(threads 1 3)
  execute_process(
    COMMAND "${ENTENTE}" sensitivity "${SCENARIO}" --samples 12 --bootstrap 10 --seed 5
            -j ${threads} --no-store -f json -o "${OUT}/sensitivity_j${threads}.json"
    RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "entente sensitivity -j ${threads} exited ${code}: ${err}")
  endif()
  file(READ "${OUT}/sensitivity_j${threads}.json" text_${threads})
  string(REGEX REPLACE "\n  \"header\": [^\n]*\n" "\n" text_${threads} "${text_${threads}}")
endforeach()
if(NOT text_1 STREQUAL text_3)
  message(FATAL_ERROR "the reports for -j 1 and -j 3 differ")
endif()
string(LENGTH "${text_1}" n)
string(FIND "${text_1}" "\"sobol\": [\n    {" sobol_rows)
if(n LESS 3000 OR sobol_rows EQUAL -1)
  message(FATAL_ERROR "suspiciously short report (${n} bytes), or no Sobol rows")
endif()
