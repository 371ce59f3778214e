# Scenario library smoke tests: every scenarios/<case>/scenario.yaml must pass
# `entente validate`, `entente run` and `entente run --no-events` (exit 0). Paths are relative
# to the source root, as a user would type them.
file(GLOB ENTENTE_SCENARIO_FILES CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/scenarios/*/scenario.yaml)
foreach(scenario_file IN LISTS ENTENTE_SCENARIO_FILES)
  get_filename_component(scenario_dir ${scenario_file} DIRECTORY)
  get_filename_component(scenario_case ${scenario_dir} NAME)
  file(RELATIVE_PATH scenario_path ${PROJECT_SOURCE_DIR} ${scenario_file})
  add_test(NAME scenario_validate_${scenario_case}
           COMMAND $<TARGET_FILE:entente> validate ${scenario_path}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME scenario_run_${scenario_case}
           COMMAND $<TARGET_FILE:entente> run ${scenario_path}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  # The what-if comparison: the same scenario with every event switched off.
  add_test(NAME scenario_run_no_events_${scenario_case}
           COMMAND $<TARGET_FILE:entente> run ${scenario_path} --no-events
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endforeach()
