# Full disks and unwritable outputs: exit 4 with the path and the reason, no corrupt or
# half-written file (tests/cli/write_failure_check.py; exit 77 = skipped where the machine
# cannot provide the condition).
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  foreach(case dev-full stdout-full file-too-large tmpfs-full store-full missing-dir read-only)
    add_test(NAME cli.write_failure.${case}
             COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_SOURCE_DIR}/write_failure_check.py"
                     "$<TARGET_FILE:entente>" "${CMAKE_CURRENT_BINARY_DIR}/write_failure/${case}"
                     ${case})
    set_tests_properties(cli.write_failure.${case} PROPERTIES SKIP_RETURN_CODE 77)
  endforeach()
endif()
