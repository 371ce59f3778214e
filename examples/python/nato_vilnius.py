"""NATO's Vilnius summit (2023) on Ukraine's membership path, from Python.

A notebook-style walk through the flagship scenario: load it, look at the inputs, run the
expected utility model, follow one issue round by round, then put every model side by side
and score them against what the Allies actually decided. Each "# %%" cell runs as a Jupyter
cell; CI runs the whole file as a script (ctest -R python.example).

Run from the repository root after building:

    PYTHONPATH=build/release/python python3 examples/python/nato_vilnius.py
"""

# %% Load the scenario and look at the inputs.
import pandas as pd

import entente

pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 20)

scenario = entente.load("scenarios/nato-vilnius-2023/scenario.yaml")
print(scenario)
issues = scenario.issues.to_dataframe().set_index("issue")
print(issues[["scale_min", "scale_max", "status_quo", "outcome"]])

stances = scenario.stances.to_dataframe()
print("\nMost salient positions on timing:")
print(stances.query("issue == 'timing'")
      .sort_values("salience", ascending=False)
      .head(8)[["actor", "position", "salience", "capability"]]
      .to_string(index=False))

# %% The expected utility model (Bueno de Mesquita), default preset.
eum = entente.forecast(scenario, model="eum")
forecasts = eum.to_dataframe("forecasts")
print("\nExpected utility forecasts:")
print(forecasts[["issue", "forecast", "rounds", "stop", "outcome", "error", "rule_outcome",
                 "blockers"]].to_string(index=False))

# %% One issue round by round: where the cautious and the pushing Allies end up.
path = eum.trajectory("timing")
watch = [a for a in ["usa", "deu", "fra", "pol", "hun", "tur", "ukr"] if a in path.columns]
print("\nTiming, every tenth round (0 = the coded positions):")
print(path.loc[::10, watch].round(1))

# %% Every model side by side, and how far each is from the recorded outcome.
comparison = entente.compare(scenario)
table = comparison.to_dataframe()
side_by_side = table.pivot(index="issue", columns="model", values="forecast")
print("\nForecasts by model:")
print(side_by_side.round(1))
mae = (table.dropna(subset=["error"]).assign(abs_error=lambda d: d["error"].abs())
       .groupby("model")["abs_error"].mean().sort_values())
print("\nMean absolute error against the recorded outcome (points on 0-100 scales):")
print(mae.round(1).to_string())
for model, reason in comparison.not_run.items():
    print(f"not run: {model}: {reason}")

# %% What-if: the same forecast without the scenario's events.
quiet = entente.forecast(scenario, model="eum", events=[]).to_dataframe("forecasts")
delta = forecasts.set_index("issue")["forecast"] - quiet.set_index("issue")["forecast"]
print("\nEffect of the scenario's events on the expected utility forecast:")
print(delta.round(1).to_string())

# %% Monte Carlo: the 17 Allies without country-specific evidence carry uniform ranges around
# their default positions; how much does that move the compromise forecast?
swept = entente.sweep(scenario, model="compromise", samples=500, seed=1,
                      thresholds=["timing>=35", "membership_form>=50"])
stats = swept.stats.to_dataframe().set_index("issue")
print("\nCompromise forecast over 500 draws of the uncertain inputs:")
print(stats[["point", "mean", "p05", "median", "p95", "P(timing>=35)",
             "P(membership_form>=50)"]].round(3))

assert set(side_by_side.index) == set(scenario.issue_ids)
assert len(mae) >= 2
