# End-to-end tests of `entente backtest` (src/cli/backtest_command.cc). Uses the helpers that
# commands.cmake defines (entente_cli_check), so it is included after it.
if(NOT COMMAND entente_cli_check)
  return()
endif()
set(DEU_DEV "${ENTENTE_SHARED_DIR}/data/deu/deu_dev.csv")

# The four baseline MAEs of the golden test, through the CLI (CSV rows are stable text).
entente_cli_check(backtest.deu_baselines_csv EXIT 0
  ARGS backtest ${DEU_DEV} --model mean --model salience-mean --model midpoint-median
       --model salience-median --format-out csv --bootstrap 50
  STDOUT_HAS "model,preset,n,mae,median_ae,rmse,within5,within10,within20,diff_vs_compromise,ci_low,ci_high"
             "mean,,246,23.15,"
             "salience-mean,,246,23.21,"
             "midpoint-median,,246,27.75,"
             "salience-median,,246,27.34,"
             "compromise,,246,22.81,"
  STDOUT_LACKS "eum,")

entente_cli_check(backtest.deu_table_capability EXIT 0
  ARGS backtest ${DEU_DEV} --model compromise --capability shapley-shubik
       --institutions co-equal --bootstrap 50 --seed 3
  STDOUT_HAS "DEU capability shapley-shubik, institutions co-equal"
             "issues scored: 246" "B = 50, seed 3" "diff_vs_compromise")

entente_cli_check(backtest.deu_json_file EXIT 0
  ARGS backtest ${DEU_DEV} --model status-quo --format-out json --details --bootstrap 20
       --output ${ENTENTE_CLI_OUT}/backtest.json
  OUTPUT_FILE ${ENTENTE_CLI_OUT}/backtest.json
  OUTPUT_HAS "\"issues\": 246" "\"model\": \"status-quo\"" "\"details\""
             "could not forecast 69 of 246 issues")

entente_cli_check(backtest.details_csv EXIT 0
  ARGS backtest ${DEU_DEV} --model procedural --details --format-out csv --bootstrap 10
  STDOUT_HAS "model,preset,source,issue,forecast,outcome,abs_error" "procedural,,")

entente_cli_check(backtest.scenario EXIT 0
  ARGS backtest tests/data/two_issues.yaml --model mean --bootstrap 10
  STDOUT_HAS "issues scored: 1" "mean")

entente_cli_check(backtest.malformed_deu EXIT 3
  ARGS backtest tests/cli/backtest/bad_deu.csv
  STDERR_HAS "bad_deu.csv:2:" "column 'out' must be on" "got 150")

entente_cli_check(backtest.unknown_capability EXIT 2
  ARGS backtest ${DEU_DEV} --capability gdp
  STDERR_HAS "unknown capability mapping 'gdp'")

entente_cli_check(backtest.unknown_model EXIT 2
  ARGS backtest ${DEU_DEV} --model oracle
  STDERR_HAS "unknown model 'oracle'")

entente_cli_check(backtest.no_outcomes EXIT 2
  ARGS backtest scenarios/us-india-defence/scenario.yaml --model mean
  STDERR_HAS "nothing to score")
