# Limits on the requested work and on inputs (docs/manual.md, "Limits"): exit 5 with a message
# naming the flag that raises the limit; raising it lets the command run. The file limits
# (--max-file-bytes, --max-actors, --max-depth) are bad-input cases (bad_input/*.args).
entente_cli_check(limits.rounds EXIT 5
                  ARGS run tests/data/two_issues.yaml --rounds 20000
                  STDERR_HAS "--rounds asks for 20000 rounds, over the limit of 10000 (raise it with --max-rounds)")
entente_cli_check(limits.rounds_raised EXIT 0
                  ARGS run tests/data/two_issues.yaml --model eum --rounds 20000 --max-rounds 20000
                  STDOUT_HAS "eum")
entente_cli_check(limits.rounds_param EXIT 5
                  ARGS run tests/data/two_issues.yaml --model eum --param max_rounds=1e9
                  STDERR_HAS "--param max_rounds=1e9 asks for 1000000000 rounds, over the limit of 10000")
entente_cli_check(limits.compare_rounds EXIT 5
                  ARGS compare tests/data/two_issues.yaml --rounds 10001
                  STDERR_HAS "--rounds asks for 10001 rounds, over the limit of 10000")
entente_cli_check(limits.explain_rounds EXIT 5
                  ARGS explain tests/data/two_issues.yaml --issue timing --rounds 10001 --max-rounds 10000
                  STDERR_HAS "over the limit of 10000 (raise it with --max-rounds)")
entente_cli_check(limits.bootstrap_samples EXIT 5
                  ARGS backtest tests/data/two_issues.yaml --bootstrap 2000 --max-samples 1000
                  STDERR_HAS "--bootstrap asks for 2000 samples, over the limit of 1000 (raise it with --max-samples)")
entente_cli_check(limits.issues EXIT 5
                  ARGS validate tests/data/two_issues.yaml --max-issues 1
                  STDERR_HAS "over the limit of 1 (raise it with --max-issues)")
entente_cli_check(limits.issues_raised EXIT 0
                  ARGS validate tests/data/two_issues.yaml --max-issues 2
                  STDOUT_HAS "valid")
