# Runs one command and checks its exit code and, exactly, its stdout and/or stderr.
#
#   cmake -DCOMMAND=<program;arg;...> [-DEXPECTED_EXIT=<code>] [-DEXPECTED_STDOUT=<file>]
#         [-DEXPECTED_STDERR=<file>] [-DWORKING_DIRECTORY=<dir>] -P expect_output.cmake
#
# COMMAND is a CMake list; in add_test() write its separators as "\;". EXPECTED_EXIT defaults
# to 0. An expected-output file holds the exact bytes the command must print (normally ending in
# a newline). Used by bad_input.cmake and by the CLI's own end-to-end tests.
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED COMMAND OR "${COMMAND}" STREQUAL "")
  message(FATAL_ERROR "expect_output.cmake: COMMAND is required")
endif()
# add_test() hands "\;" through literally; turn it back into list separators.
string(REPLACE "\\;" ";" COMMAND "${COMMAND}")
if(NOT DEFINED EXPECTED_EXIT)
  set(EXPECTED_EXIT 0)
endif()
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
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
  if(DEFINED EXPECTED_${stream})
    file(READ "${EXPECTED_${stream}}" expected_text)
    string(TOLOWER "${stream}" name)
    if(NOT "${actual_${name}}" STREQUAL "${expected_text}")
      string(APPEND failures "${name} differs from ${EXPECTED_${stream}}\n"
             "--- expected ---\n${expected_text}--- actual ---\n${actual_${name}}--- end ---\n")
    endif()
  endif()
endforeach()

if(NOT failures STREQUAL "")
  string(REPLACE ";" " " shown "${COMMAND}")
  message(FATAL_ERROR "command: ${shown}\n${failures}"
                      "stdout:\n${actual_stdout}\nstderr:\n${actual_stderr}")
endif()
