# One ctest per bad-input case: `entente validate tests/cli/bad_input/<case>.<ext>`, run from the
# repository root, must exit with the documented code and print exactly <case>.expected to
# stderr (see bad_input/README.md for the conventions).
file(GLOB ENTENTE_BAD_INPUT_CASES CONFIGURE_DEPENDS
     "${CMAKE_CURRENT_SOURCE_DIR}/bad_input/*.expected")

foreach(expected IN LISTS ENTENTE_BAD_INPUT_CASES)
  get_filename_component(case "${expected}" NAME_WE)
  set(dir "${CMAKE_CURRENT_SOURCE_DIR}/bad_input")
  # The input is <case>.yaml, .yml or .csv; a case without one tests a missing file.
  set(input "tests/cli/bad_input/${case}.yaml")
  set(exit_code 4)  # kIOError: the file cannot be read
  foreach(ext yaml yml csv)
    if(EXISTS "${dir}/${case}.${ext}")
      set(input "tests/cli/bad_input/${case}.${ext}")
      set(exit_code 3)  # kParseError
    endif()
  endforeach()
  set(extra_args "")
  if(EXISTS "${dir}/${case}.args")
    file(READ "${dir}/${case}.args" extra_args)
    string(STRIP "${extra_args}" extra_args)
    separate_arguments(extra_args UNIX_COMMAND "${extra_args}")
    set(exit_code 5)  # kLimitExceeded: .args lowers a limit below the file's size
  endif()
  set(command "$<TARGET_FILE:entente>" validate ${extra_args} "${input}")
  string(REPLACE ";" "\\;" command "${command}")
  add_test(NAME "cli.bad_input.${case}"
           COMMAND "${CMAKE_COMMAND}" "-DCOMMAND=${command}" "-DEXPECTED_EXIT=${exit_code}"
                   "-DEXPECTED_STDERR=${expected}" "-DWORKING_DIRECTORY=${PROJECT_SOURCE_DIR}"
                   -P "${CMAKE_CURRENT_SOURCE_DIR}/run_check.cmake")
endforeach()
