# The one ctest checker script: runs one command and checks its exit code, its exact stdout and/or
# stderr, text it must (or must not) print, and the files it must (or must not) leave behind.
#
#   cmake -DCOMMAND=<program;arg;...> [-DEXPECTED_EXIT=<code>] [-DWORKING_DIRECTORY=<dir>]
#         [-DEXPECTED_STDOUT=<file>] [-DEXPECTED_STDERR=<file>]
#         [-DSTDOUT_HAS=<text;...>] [-DSTDOUT_LACKS=<text;...>] [-DSTDERR_HAS=<text;...>]
#         [-DREMOVE_FIRST=<path>] [-DOUTPUT_FILE=<path>] [-DOUTPUT_HAS=<text;...>]
#         [-DNO_FILES_GLOB=<glob>] -P run_check.cmake
#
# Lists are CMake lists; in add_test() write their separators as "\;". EXPECTED_EXIT defaults to
# 0. An EXPECTED_* file holds the exact bytes the stream must hold (normally ending in a newline).
# *_HAS / *_LACKS are plain substrings. Empty values count as not given. REMOVE_FIRST is deleted
# before the command runs; OUTPUT_FILE must exist afterwards and contain every OUTPUT_HAS text;
# NO_FILES_GLOB must match nothing afterwards (e.g. temporary files that an atomic write must not
# leave). Used by bad_input.cmake and by the CLI's end-to-end tests (commands.cmake and others).
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED COMMAND OR "${COMMAND}" STREQUAL "")
  message(FATAL_ERROR "run_check.cmake: COMMAND is required")
endif()
foreach(var COMMAND STDOUT_HAS STDOUT_LACKS STDERR_HAS OUTPUT_HAS)
  if(DEFINED ${var})
    string(REPLACE "\\;" ";" ${var} "${${var}}")
  endif()
endforeach()
if(NOT DEFINED EXPECTED_EXIT)
  set(EXPECTED_EXIT 0)
endif()
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
endif()
if(NOT "${REMOVE_FIRST}" STREQUAL "")
  file(REMOVE "${REMOVE_FIRST}")
endif()

execute_process(COMMAND ${COMMAND}
                WORKING_DIRECTORY "${WORKING_DIRECTORY}"
                RESULT_VARIABLE actual_exit
                OUTPUT_VARIABLE actual_stdout
                ERROR_VARIABLE actual_stderr)

set(failures "")
if(NOT "${actual_exit}" STREQUAL "${EXPECTED_EXIT}")
  string(APPEND failures "exit code: expected ${EXPECTED_EXIT}, got ${actual_exit}\n")
endif()
foreach(stream STDOUT STDERR)
  if(NOT "${EXPECTED_${stream}}" STREQUAL "")
    file(READ "${EXPECTED_${stream}}" expected_text)
    string(TOLOWER "${stream}" name)
    if(NOT "${actual_${name}}" STREQUAL "${expected_text}")
      string(APPEND failures "${name} differs from ${EXPECTED_${stream}}\n"
             "--- expected ---\n${expected_text}--- actual ---\n${actual_${name}}--- end ---\n")
    endif()
  endif()
endforeach()
foreach(text IN LISTS STDOUT_HAS)
  string(FIND "${actual_stdout}" "${text}" at)
  if(at EQUAL -1)
    string(APPEND failures "stdout lacks: ${text}\n")
  endif()
endforeach()
foreach(text IN LISTS STDOUT_LACKS)
  string(FIND "${actual_stdout}" "${text}" at)
  if(NOT at EQUAL -1)
    string(APPEND failures "stdout must not contain: ${text}\n")
  endif()
endforeach()
foreach(text IN LISTS STDERR_HAS)
  string(FIND "${actual_stderr}" "${text}" at)
  if(at EQUAL -1)
    string(APPEND failures "stderr lacks: ${text}\n")
  endif()
endforeach()
if(NOT "${OUTPUT_FILE}" STREQUAL "")
  if(NOT EXISTS "${OUTPUT_FILE}")
    string(APPEND failures "output file missing: ${OUTPUT_FILE}\n")
  else()
    file(READ "${OUTPUT_FILE}" output_text)
    foreach(text IN LISTS OUTPUT_HAS)
      string(FIND "${output_text}" "${text}" at)
      if(at EQUAL -1)
        string(APPEND failures "${OUTPUT_FILE} lacks: ${text}\n")
      endif()
    endforeach()
  endif()
endif()
if(NOT "${NO_FILES_GLOB}" STREQUAL "")
  file(GLOB leftovers "${NO_FILES_GLOB}")
  if(leftovers)
    string(APPEND failures "files that must not exist: ${leftovers}\n")
  endif()
endif()

if(NOT failures STREQUAL "")
  string(REPLACE ";" " " shown "${COMMAND}")
  message(FATAL_ERROR "command: ${shown}\n${failures}"
                      "stdout:\n${actual_stdout}\nstderr:\n${actual_stderr}")
endif()
